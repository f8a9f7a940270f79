#pragma once
// The cache.* metrics (docs/models.md#cache): the result struct that the point plan holds
// (planner/point_plan.hpp) and report/ reads. The sizing API is tiers/cache.hpp.

#include <cstdint>
#include <span>

#include "tiers/metric_rows.hpp"

namespace capplan::tiers {

// cache.* (docs/models.md#cache).
struct CacheMetrics {
    std::int64_t nodes = 0;
    double memory_bytes = 0, hit_ratio = 0, ops_per_s = 0, utilization = 0, monthly_cost = 0;
};

// The cache.* rows of capplan(1) METRICS in output order (report/metrics.cpp adapts them).
[[nodiscard]] std::span<const MetricRow<CacheMetrics>> cache_metric_rows() noexcept;

} // namespace capplan::tiers
