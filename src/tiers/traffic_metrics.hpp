#pragma once
// The traffic.* metrics (docs/models.md#traffic): the result struct that the point plan holds
// (planner/point_plan.hpp) and report/ reads. The sizing API is tiers/traffic.hpp.

#include <span>

#include "tiers/metric_rows.hpp"

namespace capplan::tiers {

// traffic.* (docs/models.md#traffic): the peak rates of one point, and the daily totals.
struct TrafficMetrics {
    double peak_rps = 0, mean_rps = 0, read_rps = 0, write_rps = 0, static_rps = 0;
    double db_read_rps = 0, db_write_rps = 0, page_views_per_day = 0, jobs_per_s = 0;
};

// The traffic.* rows of capplan(1) METRICS in output order (report/metrics.cpp adapts them).
[[nodiscard]] std::span<const MetricRow<TrafficMetrics>> traffic_metric_rows() noexcept;

} // namespace capplan::tiers
