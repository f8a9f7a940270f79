#pragma once
// Availability of one architecture (docs/models.md#availability), one data centre. A pool of N
// servers that needs n up, with r repair crews, is the machine-repairman chain of
// queueing/availability.hpp (server_mtbf, server_mttr, repair_crews). Tiers in series multiply:
// web, load balancer and the database, whose shards are in series and each up while its primary or
// a promotable standby (a replica) is up, less the failover gap: shard unavailability = P(primary
// and every replica down) + failover_time/MTBF with a standby, the single primary's 1 − a without
// one. Sites: P(at least D − k of D centres up), binomial with a_dc = dc_mtbf/(dc_mtbf + dc_mttr);
// one centre (D = 1, k = 0) is a_dc itself. total = sites × tiers; downtime = (1 − total)·730 h.
// Unavailabilities are combined as 1 − Π(1 − uᵢ) = −expm1(Σ log1p(−uᵢ)) to keep tiny ones.

#include <cstdint>

#include "tiers/availability_metrics.hpp"
#include "workload/failover_section.hpp"
#include "workload/workload_fwd.hpp"

namespace capplan::tiers {

// What the database's term reads: its shards (0 with the single server) and the copies of each.
struct DbAvailabilityInputs {
    std::int64_t shards = 0;
    std::int64_t replicas_per_shard = 0;
};

// A pool of stateless servers counted in availability (the web servers, the proxies): `planned`
// servers, `needed` of them at slo.max_utilization, and the peak load in servers' worth, `busy`
// = utilization × planned (the pool saturates with `busy` or fewer servers up).
struct PoolAvailabilityInputs {
    std::int64_t planned = 0;
    std::int64_t needed = 0;
    double busy = 0.0;
};

struct AvailabilityInputs {
    bool single_server = false; // one machine runs everything (web and db are the same)
    PoolAvailabilityInputs web{1, 1, 0.0};
    PoolAvailabilityInputs lb; // planned 0: no load balancer tier
    DbAvailabilityInputs db;
    std::int64_t datacenters = 1, survive = 0;
};

// The availability metrics at `users` (the target steps with users,
// capplan-workload(5) STEP TABLES).
[[nodiscard]] AvailabilityMetrics compute_availability(const workload::Workload& w,
                                                       const AvailabilityInputs& in, double users);

// How many of `pool`'s servers must be up for the pool to count as up: the servers needed at
// slo.max_utilization (failover.pool_up = "needed"), or (`load`) the fewest that carry the
// peak load below saturation, ⌊busy⌋ + 1, at most the pool.
[[nodiscard]] std::int64_t pool_servers_up(const workload::Failover& f,
                                           const PoolAvailabilityInputs& pool) noexcept;

// Unavailability of the sites alone: P(fewer than D − k of D centres up). Every architecture's
// total availability is at most 1 minus this.
[[nodiscard]] double sites_unavailability(const workload::Failover& f, std::int64_t datacenters,
                                          std::int64_t survive);

// One shard's outage with `replicas` promotable standbys: the share of time every copy is down
// (`all_down`; without a standby, the lone primary's 1 − a) and, with a standby, the failover
// gap failover_time/MTBF that every primary failure costs the writes.
struct ShardOutage {
    double all_down = 0.0;
    double gap = 0.0;
};
[[nodiscard]] ShardOutage shard_outage(const workload::Failover& f, double failover_time_s,
                                       std::int64_t replicas);

// Unavailability of one database shard with `replicas` promotable standbys (all_down + gap).
[[nodiscard]] double shard_unavailability(const workload::Failover& f, double failover_time_s,
                                          std::int64_t replicas);

// The database's term of the total (docs/models.md#availability): the share of requests it
// fails, each request needing db.shards_per_request shards (0: all), its reads served through
// a failover when db.reads_during_failover. Separate tiers only (the single server counts its
// one machine).
[[nodiscard]] double database_unavailability(const workload::Workload& w,
                                             const DbAvailabilityInputs& in);

} // namespace capplan::tiers
