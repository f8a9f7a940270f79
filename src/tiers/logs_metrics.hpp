#pragma once
// The logs.* metrics (docs/models.md#logs): the result struct that the point plan holds
// (planner/point_plan.hpp) and report/ reads. The sizing API is tiers/logs.hpp.

#include <span>

#include "tiers/metric_rows.hpp"

namespace capplan::tiers {

// logs.* (docs/models.md#logs), with the three parts of the bill.
struct LogsMetrics {
    double bytes_per_day = 0.0;        // R · bytes_per_request
    double storage_bytes = 0.0;        // bytes_per_day · retention (days)
    double metric_series = 0.0;        // servers · metrics_per_server
    double samples_per_s = 0.0;        // metric_series / scrape_interval
    double ingest_monthly_cost = 0.0;  // bytes_per_day · 730/24 / 2^30 · ingest_per_gb
    double storage_monthly_cost = 0.0; // storage_bytes / 2^30 · storage_per_gb_month
    double series_monthly_cost = 0.0;  // metric_series · per_series_month
    double monthly_cost = 0.0;         // the sum of the three
};

// The logs.* rows of capplan(1) METRICS in output order (report/metrics.cpp adapts them).
[[nodiscard]] std::span<const MetricRow<LogsMetrics>> logs_metric_rows() noexcept;

} // namespace capplan::tiers
