#pragma once
// The [cache] section (capplan-workload(5) KEYS), in base units.
// Part of the validated workload (workload.hpp); read by tiers/ and never modified after loading.

#include <cstdint>
#include <optional>
#include <string>

namespace capplan::workload {

struct Cache {
    std::string instance = "cache.r7g.large";
    std::optional<double> target_hit_ratio; // nullopt = "auto"
    double objects_per_user = 500.0;
    double object_bytes = 1e3;
    double item_overhead_bytes = 80.0;
    double zipf = 1.0;
    double op_time_s = 20e-6;
    std::int64_t threads = 1;
    double reserved_memory = 0.25;
    std::int64_t replicas = 1;
    double cold_hit_ratio = 0.0;

    bool operator==(const Cache&) const = default;
};

} // namespace capplan::workload
