#pragma once
// Reading numeric flag values that the units parsers do not cover on their own.

#include <cstdint>
#include <string>

namespace capplan::cli {

// A whole number in [min, max] written as a count ("12", "1e6", "250k"). Anything else (a
// fraction, a negative, nan, a word, out of range) throws UsageError(flag, "'TEXT' is not a
// whole number from MIN to MAX"). The range is checked before the conversion, so no double
// outside int64 is ever converted.
[[nodiscard]] std::int64_t parse_whole_flag(const char* flag, const std::string& text,
                                            std::int64_t min, std::int64_t max);

} // namespace capplan::cli
