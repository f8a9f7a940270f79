#pragma once
// The [db] section (capplan-workload(5) KEYS), in base units.
// Part of the validated workload (workload.hpp); read by tiers/ and never modified after loading.

#include <cstdint>
#include <string>

namespace capplan::workload {

struct Db {
    std::string instance = "auto"; // "auto" or a catalogue name
    std::string family = "db.r7g";
    std::string max_instance = "db.r7g.4xlarge";
    double read_time_s = 0.0015;
    double read_time_cv = 1.0;
    double write_time_s = 0.004;
    double write_time_cv = 1.0;
    double write_bytes = 1e3;
    double apply_time_s = 11e-6;
    std::int64_t apply_parallelism = 1;
    double latency_p99_s = 0.050;
    double max_shard_size_bytes = 2e12; // "2TB": sizes are SI unless written with i (TiB)
    double shard_key_zipf = 0.0;
    double failover_time_s = 60.0;
    // Shards one request needs (docs/models.md#availability); 0: every shard, so one shard's
    // outage fails every request.
    std::int64_t shards_per_request = 1;
    bool reads_during_failover = true; // replicas go on serving reads while a primary fails over
    double storage_per_gb_month = 0.115;
    // The working set (docs/models.md#working-set): the hot share of the data, or bytes per
    // user; 0 is not modelled (memory is no limit). At most one of them is set.
    double working_set = 0.0;
    double working_set_per_user_bytes = 0.0;
    double memory_overhead = 0.25; // the share of an instance's memory that holds no data

    bool operator==(const Db&) const = default;
};

} // namespace capplan::workload
