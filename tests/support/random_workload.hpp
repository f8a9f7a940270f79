#pragma once
// Seeded random valid workloads for property tests (tests/tiers/): the capplan-workload(5) defaults
// with traffic, service times, balancing, instances, the latency SLO, the cache, CDN, queue and
// data-centre keys drawn from wide but realistic ranges.

#include <string_view>

#include "support/keyed_draws.hpp"
#include "workload/workload.hpp"

namespace capplan::test {

// One workload per trial: every value is drawn by its key path (keyed_draws.hpp), so a new
// draw here leaves the others as they were.
inline workload::Workload random_workload(const Draws& d) {
    auto uni = [&](std::string_view path, double lo, double hi) { return d.uniform(path, lo, hi); };
    workload::Workload w;
    w.traffic.daily_active = uni("traffic.daily_active", 0.05, 0.6);
    w.traffic.requests_per_active_user = uni("traffic.requests_per_active_user", 10.0, 800.0);
    w.traffic.peak_to_average = uni("traffic.peak_to_average", 1.5, 5.0);
    w.traffic.trough_to_average = uni("traffic.trough_to_average", 0.1, 0.6);
    w.traffic.arrival_cv = uni("traffic.arrival_cv", 0.3, 2.0);
    w.traffic.write_fraction = uni("traffic.write_fraction", 0.0, 0.3);
    w.traffic.page_view_fraction = uni("traffic.page_view_fraction", 0.0, 0.5);
    w.traffic.async_jobs_per_active_user = uni("traffic.async_jobs_per_active_user", 0.0, 2.0);
    w.traffic.db_bytes_per_user = uni("traffic.db_bytes_per_user", 1e3, 1e6);
    w.web.cpu_time_s = uni("web.cpu_time", 0.002, 0.05);
    w.web.cpu_time_cv = uni("web.cpu_time_cv", 0.2, 2.0);
    w.web.db_reads_per_request = uni("web.db_reads_per_request", 0.0, 8.0);
    w.web.db_writes_per_write_request = uni("web.db_writes_per_write_request", 1.0, 8.0);
    const workload::Balancing modes[] = {workload::Balancing::round_robin,
                                         workload::Balancing::random,
                                         workload::Balancing::least_connections};
    w.web.balancing = modes[d.integer("web.balancing", 0, 2)];
    w.web.instance = d.chance("web.instance", 0.5) ? "c7i.xlarge" : "c7g.large";
    w.db.read_time_s = uni("db.read_time", 0.0005, 0.004);
    w.db.write_time_s = uni("db.write_time", 0.001, 0.01);
    w.db.apply_time_s = uni("db.apply_time", 0.0005, 0.004);
    w.db.shard_key_zipf = uni("db.shard_key_zipf", 0.0, 0.5);
    w.queue.job_time_s = uni("queue.job_time", 0.1, 5.0);
    w.slo.latency_p99_s = workload::Stepped<double>(uni("slo.latency_p99", 0.1, 1.0));
    // The rest of the scaling path: cache, CDN, queue, sessions, data centres.
    w.web.sticky_sessions = d.chance("web.sticky_sessions", 0.2);
    w.web.cache_reads_per_request = uni("web.cache_reads_per_request", 0.0, 6.0);
    w.cache.objects_per_user = uni("cache.objects_per_user", 1.0, 2000.0);
    w.cache.zipf = uni("cache.zipf", 0.4, 1.4);
    if (d.chance("cache.target_hit_ratio is set", 0.3)) {
        w.cache.target_hit_ratio = uni("cache.target_hit_ratio", 0.3, 0.99);
    }
    w.cdn.hit_ratio = uni("cdn.hit_ratio", 0.5, 0.99);
    w.queue.job_time_cv = uni("queue.job_time_cv", 0.0, 2.0);
    w.queue.failover = d.chance("queue.failover", 0.3);
    if (d.chance("queue.broker", 0.3)) {
        w.queue.broker = "c7g.large";
    }
    w.failover.max_datacenters = d.integer("failover.max_datacenters", 1, 4);
    w.failover.survive = d.integer("failover.survive", 0, 2);
    return w;
}

} // namespace capplan::test
