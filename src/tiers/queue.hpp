#pragma once
// Message queue and workers (docs/models.md#queue), from the message_queue stage on. Jobs pull from
// one queue: W workers × k = concurrency_per_worker slots are one G/G/(W·k) station (Allen–Cunneen,
// docs/models.md#ggc) with the traffic's c_a² and job_time_cv². A slot's service time follows the
// core-speed rule (docs/models.md#queue): job_time · max(k, v)/c_eff on an instance with v vCPUs
// and c_eff effective cores (k slots share the cores; at k = v this is the v/c_eff slowdown). W =
// the fewest workers with utilization ≤ max_utilization and mean wait ≤ max_mean_wait at the peak;
// workers_min the same at the trough. Workers autoscale: their cost sums the hours of the
// daily profile. They get failover headroom (one centre: max(2, W + spares); several: the
// spreading formula) only when queue.failover = true: otherwise an outage is absorbed as
// backlog. Brokers: "managed" → none, billed jobs·requests_per_job·managed_per_million per
// million requests; an instance name → max(3, ⌈messages/(broker_capacity·max_utilization)⌉)
// nodes at the peak's messages (jobs·requests_per_job per second), billed for 730 h.

#include <cstdint>

#include "tiers/bill.hpp"
#include "tiers/common.hpp"
#include "tiers/failover.hpp"
#include "tiers/queue_metrics.hpp"
#include "tiers/traffic.hpp"
#include "workload/catalogue.hpp"
#include "workload/queue_section.hpp"
#include "workload/workload_fwd.hpp"

namespace capplan::tiers {

// Upper bound of the worker search; reaching it breaks the utilization limit.
inline constexpr std::int64_t k_max_workers = 100'000'000;

struct QueueTier {
    QueueMetrics metrics;              // queue.* (workers planned at the peak)
    std::int64_t workers_needed = 0;   // at the peak, before failover
    double needed_monthly_cost = 0.0;  // the workers the hours need, before failover
    double workers_monthly_cost = 0.0; // planned workers over the daily profile
    Findings findings;                 // utilization and mean-wait limits at the peak
    TierBill bill;                     // the planned workers and the brokers (tiers/bill.hpp)
};

// The workers needed for `jobs_per_s` jobs (0 when there are none). max_utilization in (0, 1].
[[nodiscard]] std::int64_t workers_for(const workload::Queue& q, const workload::Instance& inst,
                                       double jobs_per_s, double arrival_scv,
                                       double max_utilization);

// Sizes the queue tier. `hourly_cost` = false bills the peak count for 730 h (the breakpoint
// probes only read counts). Throws std::invalid_argument when queue.worker_instance or a
// broker instance is not in the catalogue.
[[nodiscard]] QueueTier size_queue(const workload::Workload& w, const workload::Catalogue& cat,
                                   const TrafficLoad& t, double max_utilization,
                                   const FailoverRule& rule, bool hourly_cost);

} // namespace capplan::tiers
