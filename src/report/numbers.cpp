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
