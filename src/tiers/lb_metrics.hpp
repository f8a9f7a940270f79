#pragma once
// The lb.* metrics (docs/models.md#load-balancer): the result struct that the point plan holds
// (planner/point_plan.hpp) and report/ reads. The sizing API is tiers/lb.hpp.

#include <cstdint>

namespace capplan::tiers {

// lb.* (docs/models.md#load-balancer).
struct LbMetrics {
    std::int64_t instances = 0;
    double utilization = 0, monthly_cost = 0;
};

} // namespace capplan::tiers
