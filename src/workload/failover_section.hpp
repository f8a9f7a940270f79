#pragma once
// The [failover] section (capplan-workload(5) KEYS), in base units.
// Part of the validated workload (workload.hpp); read by tiers/ and never modified after loading.

#include <cstdint>

namespace capplan::workload {

enum class FailoverScope { zone, region };

struct Failover {
    std::int64_t max_datacenters = 3;
    std::int64_t survive = 1;
    std::int64_t spares = 1;
    FailoverScope scope = FailoverScope::zone;
    double server_mtbf_s = 4000.0 * 3600.0;
    double server_mttr_s = 3600.0;
    std::int64_t repair_crews = 2;
    double dc_mtbf_s = 8760.0 * 3600.0;
    double dc_mttr_s = 4.0 * 3600.0;

    bool operator==(const Failover&) const = default;
};

} // namespace capplan::workload
