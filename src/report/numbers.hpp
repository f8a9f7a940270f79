#pragma once
// Machine-readable numbers (capplan(1) DESCRIPTION): integers as integers, reals in the shortest
// form that reads back to the same double, never `nan`, `inf` or `-0`, independent of locale.

#include <cstdint>
#include <string>

namespace capplan::report {

// Shortest round-trip decimal form of a finite double ("0.1", "1e-05", "3"); a whole value below
// 2^53 as an integer ("100000", never "1e+05"); -0 prints "0".
// Precondition: std::isfinite(x). Use format_real_or(x, fallback) where x may be non-finite.
[[nodiscard]] std::string format_real(double x);

// format_real(x) when x is finite, otherwise `fallback` (JSON uses "null", CSV "").
[[nodiscard]] std::string format_real_or(double x, const std::string& fallback);

// Decimal integer.
[[nodiscard]] std::string format_int(std::int64_t x);

} // namespace capplan::report
