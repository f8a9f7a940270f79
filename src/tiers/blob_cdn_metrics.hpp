#pragma once
// The blob.* and cdn.* metrics (docs/models.md#blob-cdn): the result struct that the point plan
// holds (planner/point_plan.hpp) and report/ reads. The sizing API is tiers/blob_cdn.hpp.

#include <span>

#include "tiers/metric_rows.hpp"

namespace capplan::tiers {

// blob.* and cdn.* (docs/models.md#blob-cdn).
struct BlobMetrics {
    double storage_bytes = 0, monthly_cost = 0;
};

struct CdnMetrics {
    double egress_bytes_per_month = 0, origin_egress_bytes_per_month = 0;
    double requests_per_month = 0, monthly_cost = 0, monthly_cost_without_cdn = 0;
};

// The blob.* rows of capplan(1) METRICS in output order (report/metrics.cpp adapts them).
[[nodiscard]] std::span<const MetricRow<BlobMetrics>> blob_metric_rows() noexcept;

// The cdn.* rows of capplan(1) METRICS in output order (report/metrics.cpp adapts them).
[[nodiscard]] std::span<const MetricRow<CdnMetrics>> cdn_metric_rows() noexcept;

} // namespace capplan::tiers
