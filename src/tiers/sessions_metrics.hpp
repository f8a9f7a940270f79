#pragma once
// The sessions.* metrics (docs/models.md#sessions): the result struct that the point plan holds
// (planner/point_plan.hpp) and report/ reads. The sizing API is tiers/sessions.hpp.

#include <span>

#include "tiers/metric_rows.hpp"

namespace capplan::tiers {

// sessions.* (docs/models.md#sessions).
struct SessionMetrics {
    double concurrent = 0, stored = 0, memory_bytes = 0, monthly_cost = 0;
};

// The sessions.* rows of capplan(1) METRICS in output order (report/metrics.cpp adapts them).
[[nodiscard]] std::span<const MetricRow<SessionMetrics>> sessions_metric_rows() noexcept;

} // namespace capplan::tiers
