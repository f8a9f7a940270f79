#include "units/number_text.hpp"

#include <charconv>
#include <string>

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

} // namespace capplan::units::detail
