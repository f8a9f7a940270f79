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

} // namespace capplan::units::detail
