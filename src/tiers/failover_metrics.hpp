#pragma once
// The failover.* metrics (docs/models.md#failover): the result struct that the point plan holds
// (planner/point_plan.hpp) and report/ reads. The sizing API is tiers/failover.hpp.

#include <cstdint>
#include <span>

#include "tiers/metric_rows.hpp"

namespace capplan::tiers {

// failover.* (docs/models.md#failover).
struct FailoverMetrics {
    std::int64_t datacenters = 1, survive = 0;
    double headroom_ratio = 1;
    std::int64_t extra_servers = 0;
    double extra_monthly_cost = 0;
};

// The failover.* rows of capplan(1) METRICS in output order (report/metrics.cpp adapts them).
[[nodiscard]] std::span<const MetricRow<FailoverMetrics>> failover_metric_rows() noexcept;

} // namespace capplan::tiers
