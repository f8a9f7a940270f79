#pragma once
// Parsing of quantities with units, as typed on the command line and in TOML strings
// (capplan(1) capplan queue, capplan-workload(5) UNITS). Each parser accepts surrounding spaces,
// rejects NaN, infinities and trailing garbage, and throws UnitError with a message that names the
// accepted units; the caller adds the location (flag or file:line:col).

#include <stdexcept>
#include <string>
#include <string_view>

namespace capplan::units {

class UnitError : public std::invalid_argument {
public:
    using std::invalid_argument::invalid_argument;
};

// A non-negative count: a decimal number with an optional exponent and an optional suffix
// `k` (10^3), `M` (10^6) or `B` (10^9); `_` may separate digits. "250000", "250_000", "250k",
// "1.5M", "1e6".
[[nodiscard]] double parse_count(std::string_view text);

// A non-negative duration in seconds: NUMBER UNIT with UNIT one of `ns`, `us` (also `µs`),
// `ms`, `s`, `min`, `h`, `d`; a space may separate them. A bare number is rejected (ambiguous)
// unless allow_bare_seconds.
[[nodiscard]] double parse_duration_s(std::string_view text, bool allow_bare_seconds = false);

// A non-negative rate in events per second: COUNT `/` UNIT with UNIT one of `s`, `min`, `h`,
// `day` (also `d`)
// ("1e7/s", "54k/min", "2M/day"). A bare count is rejected unless allow_bare_per_s.
[[nodiscard]] double parse_rate_per_s(std::string_view text, bool allow_bare_per_s = false);

// A fraction in [0, 1] written as a number ("0.3") or a percentage ("30%").
[[nodiscard]] double parse_ratio(std::string_view text);

// A percentage strictly between 0 and 100 used as a probability level ("99.9" or "99.9%");
// returns the fraction (0.999).
[[nodiscard]] double parse_percentile(std::string_view text);

} // namespace capplan::units
