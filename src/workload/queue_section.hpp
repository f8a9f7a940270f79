#pragma once
// The [queue] section (capplan-workload(5) KEYS), in base units.
// Part of the validated workload (workload.hpp); read by tiers/ and never modified after loading.

#include <cstdint>
#include <string>

namespace capplan::workload {

struct Queue {
    std::string worker_instance = "c7i.large";
    double job_time_s = 4.0;
    double job_time_cv = 0.5;
    std::int64_t concurrency_per_worker = 2;
    double max_mean_wait_s = 60.0;
    std::string broker = "managed"; // "managed" or an instance name
    double broker_capacity_per_s = 20e3;
    double requests_per_job = 3.0;
    double managed_per_million = 0.40;
    bool failover = false;

    bool operator==(const Queue&) const = default;
};

} // namespace capplan::workload
