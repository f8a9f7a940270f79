#pragma once
// Numbers for people (the table format): units chosen by magnitude, about three significant
// figures, thousands separators. Never used for machine output (see report/numbers.hpp).
// Locale-independent: always `,` for thousands and `.` for decimals.

#include <string>
#include <string_view>

namespace capplan::units {

// "0", "0.35", "12.3", "1,200", "3,400,000": three significant figures below 1000, whole
// numbers with separators above.
[[nodiscard]] std::string human_number(double x);

// "250 us", "25 ms", "1.5 s", "12 min", "2.5 h", "3 d".
[[nodiscard]] std::string human_duration(double seconds);

// "1,200/s", "0.35/s".
[[nodiscard]] std::string human_rate(double per_second);

// A fraction as a percentage: "87.5 %", "0.01 %", "100 %".
[[nodiscard]] std::string human_percent(double fraction);

// Money for people in `currency` (an ISO 4217 code; USD "$", EUR "€", GBP "£", JPY "¥", any
// other code as a prefix "CHF 12.50"): whole units with separators from 100 on ("$2,943"),
// cents from 1 to 100 ("$12.30"), three significant figures below 1 ("$0.00294"), "-" before
// the symbol when negative. Non-finite amounts give "n/a".
[[nodiscard]] std::string human_money(double amount, std::string_view currency = "USD");

// A monthly cost: human_money followed by "/mo" ("$2,943/mo").
[[nodiscard]] std::string human_monthly_cost(double amount, std::string_view currency = "USD");

} // namespace capplan::units
