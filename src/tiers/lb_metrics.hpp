#pragma once
// The lb.* metrics (docs/models.md#load-balancer): the result struct that the point plan holds
// (planner/point_plan.hpp) and report/ reads. The sizing API is tiers/lb.hpp.

#include <cstdint>
#include <span>

#include "tiers/metric_rows.hpp"

namespace capplan::tiers {

// lb.* (docs/models.md#load-balancer).
struct LbMetrics {
    std::int64_t instances = 0;
    double utilization = 0, monthly_cost = 0;
};

// The lb.* rows of capplan(1) METRICS in output order (report/metrics.cpp adapts them).
[[nodiscard]] std::span<const MetricRow<LbMetrics>> lb_metric_rows() noexcept;

} // namespace capplan::tiers
