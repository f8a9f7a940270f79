#include "units/number_text.hpp"

#include <charconv>
#include <cmath>
#include <string>

#include <fmt/format.h>

namespace capplan::units::detail {
namespace {

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

} // namespace

std::string_view trim(std::string_view s) noexcept {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) {
        s.remove_prefix(1);
    }
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) {
        s.remove_suffix(1);
    }
    return s;
}

bool split_number(std::string_view text, double& value, std::string_view& rest) {
    std::string digits;
    std::size_t i = 0;
    for (; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '_' && i > 0 && is_digit(text[i - 1]) && i + 1 < text.size() &&
            is_digit(text[i + 1])) {
            continue;
        }
        const bool exponent_sign =
            (c == '+' || c == '-') && i > 0 && (text[i - 1] == 'e' || text[i - 1] == 'E');
        const bool exponent = (c == 'e' || c == 'E') && i > 0 && i + 1 < text.size() &&
                              (is_digit(text[i + 1]) || text[i + 1] == '+' || text[i + 1] == '-');
        if (is_digit(c) || c == '.' || exponent_sign || exponent || (c == '-' && i == 0)) {
            digits += c;
            continue;
        }
        break;
    }
    if (digits.empty() || digits == "-" || digits == ".") {
        return false;
    }
    const char* first = digits.data();
    const char* last = digits.data() + digits.size();
    const auto [ptr, ec] = std::from_chars(first, last, value);
    if (ec != std::errc() || ptr != last) {
        return false;
    }
    rest = trim(text.substr(i));
    return true;
}

double scale_decimal(std::string_view number_text, double value, double factor) {
    const double product = value * factor;
    if (!(factor > 0.0) || !std::isfinite(product)) {
        return product;
    }
    const long power = std::lround(std::log10(factor));
    double check = 0.0;
    const std::string unit = fmt::format("1e{}", power);
    const auto unit_result = std::from_chars(unit.data(), unit.data() + unit.size(), check);
    if (unit_result.ec != std::errc() || check != factor) {
        return product;
    }
    std::string mantissa;
    long exponent = 0;
    const std::string_view number = trim(number_text);
    std::size_t i = 0;
    for (; i < number.size() && number[i] != 'e' && number[i] != 'E'; ++i) {
        if (number[i] != '_') {
            mantissa += number[i];
        }
    }
    if (i < number.size()) {
        const std::string_view exp_text = number.substr(i + 1);
        const char* first = exp_text.data() + (!exp_text.empty() && exp_text[0] == '+' ? 1 : 0);
        const auto r = std::from_chars(first, exp_text.data() + exp_text.size(), exponent);
        if (r.ec != std::errc()) {
            return product;
        }
    }
    const std::string scaled = fmt::format("{}e{}", mantissa, exponent + power);
    double out = 0.0;
    const auto r = std::from_chars(scaled.data(), scaled.data() + scaled.size(), out);
    return r.ec == std::errc() && r.ptr == scaled.data() + scaled.size() ? out : product;
}

} // namespace capplan::units::detail
