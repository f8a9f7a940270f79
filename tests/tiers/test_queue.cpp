// Message queue and workers (docs/models.md#queue).

#include <catch2/catch.hpp>

#include "queueing/mmc.hpp"
#include "support/spec_catalogue.hpp"
#include "tiers/queue.hpp"
#include "tiers/traffic.hpp"
#include "workload/workload.hpp"

using namespace capplan;
using namespace capplan::tiers;
using Catch::Matchers::WithinRel;

TEST_CASE("workers at 1M users with the defaults", "[tiers][queue]") {
    // Hand derivation: jobs = 1e6 · 30 % · 0.5 / 86,400 · 3 = 5.2083/s. A c7i.large worker
    // (2 vCPUs, 1 core × 2 threads: c_eff = 1.25) runs 2 slots: a 4 s job takes 4 · 2/1.25 =
    // 6.4 s in a slot. Offered 33.33 Erlangs; at 70 % that needs 47.6 → 48 slots = 24 workers,
    // utilization 33.33/48 = 69.4 %. Mean wait (Allen–Cunneen): the M/M/48 wait times
    // (c_a² + c_s²)/2 = (1 + 0.25)/2.
    const auto cat = test::spec_catalogue();
    const workload::Workload w;
    const TrafficLoad t = compute_traffic(w.traffic, 1e6);
    const double jobs = 1e6 * 0.3 * 0.5 / 86400.0 * 3.0;
    CHECK_THAT(t.jobs_per_s, WithinRel(jobs, 1e-12));
    const QueueTier q = size_queue(w, cat, t, 0.7, FailoverRule{}, true);
    CHECK(q.metrics.workers == 24);
    CHECK(q.workers_needed == 24);
    CHECK_THAT(q.metrics.utilization, WithinRel(jobs * 6.4 / 48.0, 1e-12));
    const auto mmc = queueing::analyze_mmc(jobs, 6.4, 48);
    CHECK_THAT(q.metrics.mean_wait_s, WithinRel(mmc.metrics.mean_wait_s * 1.25 / 2.0, 1e-9));
    // 47 slots (23.5 workers) would be above 70 %: 23 workers break it.
    CHECK(jobs * 6.4 / 46.0 > 0.7);
    // Managed broker: jobs a month · 3 requests / 1e6 · 0.40 = 4,562,500 · 3e-6 · 0.4.
    const double managed = 1e6 * 0.3 * 0.5 * 730.0 / 24.0 * 3.0 / 1e6 * 0.40;
    CHECK(q.metrics.brokers == 0);
    CHECK_THAT(q.metrics.monthly_cost - q.workers_monthly_cost, WithinRel(managed, 1e-12));
    // The trough (0.3/3 of the peak) needs 0.521/s · 6.4 s = 3.33 Erlangs → 5 slots → 3 workers.
    CHECK(q.metrics.workers_min == 3);
    // The daily profile lies between the trough and the peak.
    CHECK(q.workers_monthly_cost < 24 * 0.08925 * 730.0);
    CHECK(q.workers_monthly_cost > 3 * 0.08925 * 730.0);
}

TEST_CASE("self-run brokers, failover and a flat profile", "[tiers][queue]") {
    const auto cat = test::spec_catalogue();
    workload::Workload w;
    w.traffic.peak_to_average = 1.0;
    w.traffic.trough_to_average = 1.0;
    w.queue.broker = "c7g.large";
    w.queue.failover = true;
    const TrafficLoad t = compute_traffic(w.traffic, 1e6);
    const QueueTier q = size_queue(w, cat, t, 0.7, FailoverRule{1, 0, 1}, true);
    // One centre: max(2, W + 1); a flat day costs the peak for 730 h.
    CHECK(q.metrics.workers == q.workers_needed + 1);
    // messages 1.736/s · 3 ≪ 20k/s · 70 %: the minimum of 3 brokers.
    CHECK(q.metrics.brokers == 3);
    CHECK_THAT(
        q.metrics.monthly_cost,
        WithinRel(static_cast<double>(q.metrics.workers) * 0.08925 * 730.0 + 3.0 * 0.0725 * 730.0,
                  1e-12));
    // Three centres surviving one: the spreading formula.
    const QueueTier spread = size_queue(w, cat, t, 0.7, FailoverRule{3, 1, 1}, true);
    CHECK(spread.metrics.workers == FailoverRule{3, 1, 1}.planned(spread.workers_needed));
    // Without failover an outage is backlog: the workers the load needs.
    w.queue.failover = false;
    CHECK(size_queue(w, cat, t, 0.7, FailoverRule{3, 1, 1}, true).metrics.workers ==
          spread.workers_needed);
}

TEST_CASE("no jobs, no workers", "[tiers][queue]") {
    const auto cat = test::spec_catalogue();
    workload::Workload w;
    w.traffic.async_jobs_per_active_user = 0.0;
    const QueueTier q = size_queue(w, cat, compute_traffic(w.traffic, 1e5), 0.7, {}, true);
    CHECK(q.metrics.workers == 0);
    CHECK(q.metrics.workers_min == 0);
    CHECK(q.metrics.monthly_cost == 0.0);
}
