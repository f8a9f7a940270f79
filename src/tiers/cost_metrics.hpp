#pragma once
// The total.* metrics (docs/models.md#cost): the result struct that the point plan holds
// (planner/point_plan.hpp) and report/ reads. The sizing API is tiers/cost.hpp.

#include <cstdint>
#include <span>

#include "tiers/metric_rows.hpp"

namespace capplan::tiers {

// total.* (docs/models.md#cost).
struct TotalMetrics {
    std::int64_t servers = 0;
    double monthly_cost = 0, monthly_cost_per_user = 0, cost_per_million_requests = 0;
    // What the plan pays above the cheapest set that meets every limit at this point (the
    // planner fills it: docs/models.md#growth-path).
    double path_premium = 0;
};

// The total.* rows of capplan(1) METRICS in output order (report/metrics.cpp adapts them).
[[nodiscard]] std::span<const MetricRow<TotalMetrics>> total_metric_rows() noexcept;

} // namespace capplan::tiers
