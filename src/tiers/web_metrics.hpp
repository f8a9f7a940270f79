#pragma once
// The web.* metrics (docs/models.md#web): the result struct that the point plan holds
// (planner/point_plan.hpp) and report/ reads. The sizing API is tiers/web.hpp.

#include <cstdint>
#include <span>
#include <string>

#include "tiers/metric_rows.hpp"

namespace capplan::tiers {

// web.* (docs/models.md#web).
struct WebMetrics {
    std::int64_t servers = 0, servers_needed = 0;
    double utilization = 0, latency_p99_s = 0;
    std::string bound_by = "none";
    double monthly_cost = 0;
};

// The web.* rows of capplan(1) METRICS in output order (report/metrics.cpp adapts them).
[[nodiscard]] std::span<const MetricRow<WebMetrics>> web_metric_rows() noexcept;

} // namespace capplan::tiers
