#pragma once
// Internal to units/: the number at the start of a quantity string ("1.5e3ms" → 1500, "ms"),
// shared by the parsers of quantity.cpp, size.cpp and users.cpp.

#include <string_view>

namespace capplan::units::detail {

// s without leading and trailing spaces and tabs.
[[nodiscard]] std::string_view trim(std::string_view s) noexcept;

// Splits text into a leading decimal number (optional '-', digits, '.', exponent; `_` only
// between digits) and the trimmed rest. Returns false when there is no number at the start.
[[nodiscard]] bool split_number(std::string_view text, double& value, std::string_view& rest);

// value·factor, where value was read from number_text ("1.5", "99.9", "2e3"). When factor is a
// power of ten the product is read again as a decimal ("99.9" · 10^-2 → "99.9e-2"), so that
// "20us" is exactly the double 20e-6 and "99.9%" exactly 0.999; otherwise value · factor.
[[nodiscard]] double scale_decimal(std::string_view number_text, double value, double factor);

} // namespace capplan::units::detail
