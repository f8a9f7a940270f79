#pragma once
// The words of web.bound_by and db.bound_by (capplan(1) METRICS): what set a tier's count. The
// one list of them: capplan(1)'s list is tested against it, and every plan the tests and fuzz
// targets check may print no other (tests/support/plan_checks.cpp).

#include <algorithm>
#include <array>
#include <string_view>

namespace capplan::tiers {

inline constexpr std::array<std::string_view, 14> k_bound_by_words = {
    "utilization", "latency", "latency_unreachable", "min_servers", "max_servers", "failover",
    "storage",     "writes",  "replication_apply",   "hot_key",     "reads",       "standby",
    "held",        "none"};

[[nodiscard]] constexpr bool is_bound_by_word(std::string_view word) noexcept {
    return std::find(k_bound_by_words.begin(), k_bound_by_words.end(), word) !=
           k_bound_by_words.end();
}

} // namespace capplan::tiers
