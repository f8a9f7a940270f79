#pragma once
// The failover.* metrics (docs/models.md#failover): the result struct that the point plan holds
// (planner/point_plan.hpp) and report/ reads. The sizing API is tiers/failover.hpp.

#include <cstdint>

namespace capplan::tiers {

// failover.* (docs/models.md#failover).
struct FailoverMetrics {
    std::int64_t datacenters = 1, survive = 0;
    double headroom_ratio = 1;
    std::int64_t extra_servers = 0;
    double extra_monthly_cost = 0;
};

} // namespace capplan::tiers
