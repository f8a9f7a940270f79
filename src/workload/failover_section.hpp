#pragma once
// The [failover] section (capplan-workload(5) KEYS), in base units.
// Part of the validated workload (workload.hpp); read by tiers/ and never modified after loading.

#include <cstdint>

namespace capplan::workload {

enum class FailoverScope { zone, region };
// When a pool of stateless servers counts as up (docs/models.md#availability): while the
// servers needed at slo.max_utilization are up, or while the servers up carry the load below
// saturation.
enum class PoolUp { needed, load };

struct Failover {
    std::int64_t max_datacenters = 3;
    std::int64_t survive = 1;
    std::int64_t spares = 1;
    PoolUp pool_up = PoolUp::load;
    FailoverScope scope = FailoverScope::zone;
    double server_mtbf_s = 4000.0 * 3600.0;
    double server_mttr_s = 3600.0;
    std::int64_t repair_crews = 0; // 0: unlimited (every failed server is repaired at once)
    double dc_mtbf_s = 8760.0 * 3600.0;
    double dc_mttr_s = 4.0 * 3600.0;

    bool operator==(const Failover&) const = default;
};

} // namespace capplan::workload
