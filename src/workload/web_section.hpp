#pragma once
// The [web] section (capplan-workload(5) KEYS), in base units.
// Part of the validated workload (workload.hpp); read by tiers/ and never modified after loading.

#include <cstdint>
#include <string>

namespace capplan::workload {

enum class Balancing { round_robin, random, least_connections };

struct Web {
    std::string instance = "c7i.xlarge";
    double cpu_time_s = 0.015;
    double cpu_time_cv = 1.0;
    double static_cpu_time_s = 0.0002;
    Balancing balancing = Balancing::round_robin;
    std::int64_t min_servers = 1;
    std::int64_t max_servers = 10'000;
    bool sticky_sessions = false;
    double cache_reads_per_request = 3.0;
    double db_reads_per_request = 3.0;
    double db_writes_per_write_request = 5.0;
    bool autoscale = true;

    bool operator==(const Web&) const = default;
};

} // namespace capplan::workload
