#pragma once
// The queue.* metrics (docs/models.md#queue): the result struct that the point plan holds
// (planner/point_plan.hpp) and report/ reads. The sizing API is tiers/queue.hpp.

#include <cstdint>
#include <span>

#include "tiers/metric_rows.hpp"

namespace capplan::tiers {

// queue.* (docs/models.md#queue).
struct QueueMetrics {
    std::int64_t workers = 0, workers_min = 0;
    double mean_wait_s = 0, utilization = 0;
    std::int64_t brokers = 0;
    double monthly_cost = 0;
};

// The queue.* rows of capplan(1) METRICS in output order (report/metrics.cpp adapts them).
[[nodiscard]] std::span<const MetricRow<QueueMetrics>> queue_metric_rows() noexcept;

} // namespace capplan::tiers
