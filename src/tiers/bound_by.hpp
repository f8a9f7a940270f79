#pragma once
// The words of web.bound_by and db.bound_by (capplan(1) METRICS): what set a tier's count. The
// one list of them: the tiers set these constants (the database's limit keys are the same
// words, so its first broken limit names its bound), capplan(1)'s list is tested against the
// table, and every plan the tests and fuzz targets check may print no other
// (tests/support/plan_checks.cpp). queueing/ sits below tiers/ and spells its two words itself.

#include <algorithm>
#include <array>
#include <string_view>

namespace capplan::tiers {

// Each word, for the code that sets it.
inline constexpr std::string_view k_bound_utilization = "utilization";
inline constexpr std::string_view k_bound_latency = "latency";
inline constexpr std::string_view k_bound_latency_unreachable = "latency_unreachable";
inline constexpr std::string_view k_bound_min_servers = "min_servers";
inline constexpr std::string_view k_bound_max_servers = "max_servers";
inline constexpr std::string_view k_bound_failover = "failover";
inline constexpr std::string_view k_bound_storage = "storage";
inline constexpr std::string_view k_bound_memory = "memory";
inline constexpr std::string_view k_bound_writes = "writes";
inline constexpr std::string_view k_bound_replication_apply = "replication_apply";
inline constexpr std::string_view k_bound_hot_key = "hot_key";
inline constexpr std::string_view k_bound_reads = "reads";
inline constexpr std::string_view k_bound_standby = "standby";
inline constexpr std::string_view k_bound_held = "held";
inline constexpr std::string_view k_bound_none = "none";

// Every word, in capplan(1)'s order.
inline constexpr std::array<std::string_view, 15> k_bound_by_words = {
    k_bound_utilization,       k_bound_latency,     k_bound_latency_unreachable,
    k_bound_min_servers,       k_bound_max_servers, k_bound_failover,
    k_bound_storage,           k_bound_memory,      k_bound_writes,
    k_bound_replication_apply, k_bound_hot_key,     k_bound_reads,
    k_bound_standby,           k_bound_held,        k_bound_none};

[[nodiscard]] constexpr bool is_bound_by_word(std::string_view word) noexcept {
    return std::find(k_bound_by_words.begin(), k_bound_by_words.end(), word) !=
           k_bound_by_words.end();
}

} // namespace capplan::tiers
