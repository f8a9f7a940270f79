#pragma once
// The db.* metrics (docs/models.md#database): the result struct that the point plan holds
// (planner/point_plan.hpp) and report/ reads. The sizing API is tiers/db.hpp.

#include <cstdint>
#include <span>
#include <string>

#include "tiers/metric_rows.hpp"

namespace capplan::tiers {

// db.* (docs/models.md#database).
struct DbMetrics {
    std::string instance = "none";
    std::int64_t shards = 0, primaries = 0, replicas = 0, replicas_per_shard = 0;
    double replica_ratio = 0, primary_utilization = 0, replica_utilization = 0;
    double apply_utilization = 0, storage_bytes = 0, reshard_moved_fraction = 0;
    double working_set_bytes = 0, memory_utilization = 0; // docs/models.md#working-set
    double utilization_cold_cache = 0;
    std::string bound_by = "none";
    double monthly_cost = 0;
};

// The db.* rows of capplan(1) METRICS in output order (report/metrics.cpp adapts them).
[[nodiscard]] std::span<const MetricRow<DbMetrics>> db_metric_rows() noexcept;

} // namespace capplan::tiers
