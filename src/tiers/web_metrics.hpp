#pragma once
// The web.* metrics (docs/models.md#web): the result struct that the point plan holds
// (planner/point_plan.hpp) and report/ reads. The sizing API is tiers/web.hpp.

#include <cstdint>
#include <string>

namespace capplan::tiers {

// web.* (docs/models.md#web).
struct WebMetrics {
    std::int64_t servers = 0, servers_needed = 0;
    double utilization = 0, latency_p99_s = 0;
    std::string bound_by = "none";
    double monthly_cost = 0;
};

} // namespace capplan::tiers
