#pragma once
// Data sizes (capplan-workload(5) UNITS): parsing "600KB" (SI, 10^3) and "2GiB" (IEC, 2^10) into
// bytes (units/human.hpp formats them). Bits are refused with a hint, and a bare prefix ("64G") is
// refused as ambiguous.

#include <string>
#include <string_view>

namespace capplan::units {

// Bytes from NUMBER UNIT (a space may separate them): UNIT one of B, KB, MB, GB, TB, PB
// (powers of 10^3) or KiB, MiB, GiB, TiB, PiB (powers of 2^10); the number may have an
// exponent and `_` between digits. A bare number is bytes only when allow_bare_bytes.
// Throws UnitError for a negative, non-finite or unitless value, for bits ("Gb", "Mbit": "write
// GB for bytes") and for a bare prefix ("64G": "write 64GB (10^9) or 64GiB (2^30)").
[[nodiscard]] double parse_size_bytes(std::string_view text, bool allow_bare_bytes = false);

} // namespace capplan::units
