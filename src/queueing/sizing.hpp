#pragma once
// Inverse sizing: the fewest servers for which one station meets every given limit
// (capplan(1) capplan queue, docs/models.md#sizing). Each metric is monotone in the server count,
// so the search is a gallop upward from the stability bound followed by bisection; an explicit
// upper bound ends it. A limit counts as met when the value is at most limit·(1 +
// k_limit_tolerance), so a load that meets a limit exactly (70 % at --max-util 70%) is not pushed
// to one more server by rounding noise (common/tolerance.hpp). Sizing always keeps ρ < 1, with or
// without a capacity.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "queueing/station.hpp"

namespace capplan::queueing {

// A limit on a quantile: the q-quantile (0 < q < 1) must be at most max_s seconds.
struct QuantileLimit {
    double q = 0.99;
    double max_s = 0.0;
};

struct SizingConstraints {
    std::optional<double> max_utilization;     // in (0, 1]
    std::optional<double> max_p_wait;          // in [0, 1]
    std::optional<double> max_mean_wait_s;     // ≥ 0
    std::optional<double> max_mean_response_s; // ≥ 0
    std::vector<QuantileLimit> max_wait_quantiles;
    std::vector<QuantileLimit> max_response_quantiles;
};

enum class SizingStatus { sized, infeasible, search_limit };

struct SizingResult {
    SizingStatus status = SizingStatus::sized;
    std::int64_t servers = 0; // when sized
    // The limit that one server fewer breaks: "stability", "utilization", "p_wait",
    // "mean_wait", "mean_response", "wait_pQ", "response_pQ" (Q in percent), or "min_servers".
    std::string bound_by;
    std::string reason; // when not sized: why, in words, with the numbers
    std::string limit;  // when infeasible because of one limit: its name (as bound_by)
};

// Default upper bound of the search (servers).
inline constexpr std::int64_t k_max_sized_servers = 1'000'000'000;

// Sizes `station` (its `servers` is ignored; with a capacity K, servers ≤ K). Requires valid
// station inputs (see QueueAnalysis) and at least one constraint.
[[nodiscard]] SizingResult size_servers(const Station& station, const SizingConstraints& limits,
                                        std::int64_t max_servers = k_max_sized_servers);

// The name used for a quantile limit in bound_by and messages: "wait_p99", "response_p99.9".
[[nodiscard]] std::string quantile_limit_name(const char* prefix, double q);

} // namespace capplan::queueing
