#include "report/numbers.hpp"

#include <array>
#include <cassert>
#include <charconv>
#include <cmath>

namespace capplan::report {

std::string format_real(double x) {
    assert(std::isfinite(x));
    if (x == 0.0) {
        return "0"; // also folds -0
    }
    // A whole value that a double holds exactly prints as an integer ("100000", not "1e+05"),
    // so that `sort -n` and spreadsheets read it as people wrote it.
    constexpr double k_exact_integers = 9007199254740992.0; // 2^53
    if (std::floor(x) == x && std::abs(x) < k_exact_integers) {
        return std::to_string(static_cast<std::int64_t>(x));
    }
    // std::to_chars without a precision gives the shortest round-trip form and never
    // consults the locale.
    std::array<char, 32> buf{};
    const auto result = std::to_chars(buf.data(), buf.data() + buf.size(), x);
    return std::string(buf.data(), result.ptr);
}

std::string format_real_or(double x, const std::string& fallback) {
    return std::isfinite(x) ? format_real(x) : fallback;
}

std::string format_int(std::int64_t x) {
    return std::to_string(x);
}

} // namespace capplan::report
