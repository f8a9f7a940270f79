#pragma once
// Numbers for people (the table format): units chosen by magnitude, about three significant
// figures, thousands separators. Never used for machine output (see report/numbers.hpp).
// Locale-independent: always `,` for thousands and `.` for decimals.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace capplan::units {

// "0", "0.35", "12.3", "0.000463", "1,200", "3,400,000": three significant figures below 1000,
// whole numbers with separators above, never an exponent; "< 0.000001" below 10^-6 (a "0" only
// for an exact zero).
[[nodiscard]] std::string human_number(double x);

// x with `digits` significant figures (1..15) in fixed notation, trailing zeros dropped, the
// whole part with separators: human_significant(1234.5678, 6) is "1,234.57", (0.000463, 3)
// "0.000463"; from 10^digits (and 1,000) on the whole number ("2,260,000"). Never an exponent.
[[nodiscard]] std::string human_significant(double x, int digits);

// The shortest decimal that reads back to x, in fixed notation without separators ("0.09",
// "1048576", "0.00001"): for values a user wrote or a catalogue holds, echoed in messages.
[[nodiscard]] std::string exact_number(double x);

// "46 ns", "250 us", "25 ms", "1.5 s", "12 min", "2.5 h", "3 d"; "< 1 ns" below half a
// nanosecond ("0 s" only for an exact zero).
[[nodiscard]] std::string human_duration(double seconds);

// "1,200/s", "0.35/s".
[[nodiscard]] std::string human_rate(double per_second);

// A fraction as a percentage: "87.5 %", "0.01 %", "143 %", "100 %" only for exactly 1. A value
// that is not 1 but rounds to 100 gets decimals until it differs ("99.97 %", "100.02 %"), at
// most ten (twelve significant digits), then "> 99.9999999999 %" or "< 100.0000000001 %".
[[nodiscard]] std::string human_percent(double fraction);

// A fraction shown beside the target it is held to: at least one decimal more than the
// target's own text (human_percent) has, and more until the two differ when the values do
// ("99.9899 %" against 99.99 %), at most ten; past that "< T" or "> T" with T the target's
// text. Exactly 0 and 1 print as "0 %" and "100 %".
[[nodiscard]] std::string human_percent_against(double fraction, double target);

// Which prefixes a formatted size uses.
enum class SizeSystem { si, iec };

// Bytes for messages, about three significant figures with the largest unit that keeps the
// number at least 1: "0 B", "512 B", "1.5 TB", "64 GiB", "13.1 GiB", "1000 MiB". Non-finite
// input gives "unbounded" / "n/a". No separators and units up to PB/PiB, so that
// parse_size_bytes (units/size.hpp) reads the result back (to its rounding).
[[nodiscard]] std::string human_size(double bytes, SizeSystem system);

// Bytes for tables, the same in IEC units with human_number's separators and units up to EiB:
// "512 B", "1.5 KiB", "64 GiB", "1,000 KiB", "1,024 EiB"; "n/a" for any non-finite input.
[[nodiscard]] std::string human_bytes(double bytes);

// Money: "$2,943" for USD, "2,943 EUR" otherwise; cents below 100 ("$12.35"), and three
// significant figures below 1 ("$0.0118").
[[nodiscard]] std::string human_money(double amount, const std::string& currency);

// A user count with `digits` significant figures (3 to 15) in its suffix: "1", "250",
// "37.4k", "1.5M"; at 4, 543,600 is "543.6k".
[[nodiscard]] std::string human_users(double users, int digits = 3);

// A count and its noun, singular when the count reads "1": counted(1, "worker") is "1 worker",
// counted(3, "worker") "3 workers"; `plural` when it is not the noun and an s ("data centres"
// is the default for "data centre").
[[nodiscard]] std::string counted(std::int64_t count, std::string_view noun,
                                  std::string_view plural = {});
[[nodiscard]] std::string counted(const std::string& count, std::string_view noun,
                                  std::string_view plural = {});

// A user count and its noun: "1 user", "37.4k users" (human_users at `digits`).
[[nodiscard]] std::string users_text(double users, int digits = 3);

// The fewest significant figures (from 3) at which human_users tells every two neighbours of
// `users` (ascending) apart: 543,600 and 544,400 need 4 ("543.6k", "544.4k").
[[nodiscard]] int users_digits(const std::vector<double>& users);

// A monthly cost: human_money followed by "/mo" ("$2,943/mo", "2,943 EUR/mo").
[[nodiscard]] std::string human_monthly_cost(double amount, const std::string& currency);

} // namespace capplan::units
