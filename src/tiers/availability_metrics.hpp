#pragma once
// The availability.* metrics (docs/models.md#availability): the result struct that the point plan
// holds (planner/point_plan.hpp) and report/ reads. The sizing API is tiers/availability.hpp.

#include <span>

#include "tiers/metric_rows.hpp"

namespace capplan::tiers {

// availability.* (docs/models.md#availability).
struct AvailabilityMetrics {
    double web = 1, db = 1, sites = 1, total = 1, target = 0;
    bool meets_target = true;
    double downtime_s_per_month = 0;
    // The total as the users of the worst shard see it. Every shard keeps the same copies, so
    // today it equals `total`; it parts from it once shards differ.
    double worst_shard = 1;
};

// The availability.* rows of capplan(1) METRICS in output order (report/metrics.cpp adapts them).
[[nodiscard]] std::span<const MetricRow<AvailabilityMetrics>> availability_metric_rows() noexcept;

} // namespace capplan::tiers
