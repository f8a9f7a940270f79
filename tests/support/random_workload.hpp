#pragma once
// Seeded random valid workloads for property tests (tests/tiers/): the capplan-workload(5) defaults
// with traffic, service times, balancing, instances, the latency SLO, the cache, CDN, queue and
// data-centre keys drawn from wide but realistic ranges.

#include <cstdint>
#include <random>

#include "workload/workload.hpp"

namespace capplan::test {

inline workload::Workload random_workload(std::mt19937_64& rng) {
    auto uni = [&](double lo, double hi) {
        return std::uniform_real_distribution<double>(lo, hi)(rng);
    };
    workload::Workload w;
    w.traffic.daily_active = uni(0.05, 0.6);
    w.traffic.requests_per_active_user = uni(10.0, 800.0);
    w.traffic.peak_to_average = uni(1.5, 5.0);
    w.traffic.trough_to_average = uni(0.1, 0.6);
    w.traffic.arrival_cv = uni(0.3, 2.0);
    w.traffic.write_fraction = uni(0.0, 0.3);
    w.traffic.page_view_fraction = uni(0.0, 0.5);
    w.traffic.async_jobs_per_active_user = uni(0.0, 2.0);
    w.traffic.db_bytes_per_user = uni(1e3, 1e6);
    w.web.cpu_time_s = uni(0.002, 0.05);
    w.web.cpu_time_cv = uni(0.2, 2.0);
    w.web.db_reads_per_request = uni(0.0, 8.0);
    w.web.db_writes_per_write_request = uni(1.0, 8.0);
    const workload::Balancing modes[] = {workload::Balancing::round_robin,
                                         workload::Balancing::random,
                                         workload::Balancing::least_connections};
    w.web.balancing = modes[std::uniform_int_distribution<int>(0, 2)(rng)];
    w.web.instance = uni(0, 1) < 0.5 ? "c7i.xlarge" : "c7g.large";
    w.db.read_time_s = uni(0.0005, 0.004);
    w.db.write_time_s = uni(0.001, 0.01);
    w.db.apply_time_s = uni(0.0005, 0.004);
    w.db.shard_key_zipf = uni(0.0, 0.5);
    w.queue.job_time_s = uni(0.1, 5.0);
    w.slo.latency_p99_s = workload::Stepped<double>(uni(0.1, 1.0));
    // The rest of the scaling path: cache, CDN, queue, sessions, data centres.
    w.web.sticky_sessions = uni(0, 1) < 0.2;
    w.web.cache_reads_per_request = uni(0.0, 6.0);
    w.cache.objects_per_user = uni(1.0, 2000.0);
    w.cache.zipf = uni(0.4, 1.4);
    if (uni(0, 1) < 0.3) {
        w.cache.target_hit_ratio = uni(0.3, 0.99);
    }
    w.cdn.hit_ratio = uni(0.5, 0.99);
    w.queue.job_time_cv = uni(0.0, 2.0);
    w.queue.failover = uni(0, 1) < 0.3;
    if (uni(0, 1) < 0.3) {
        w.queue.broker = "c7g.large";
    }
    w.failover.max_datacenters = std::uniform_int_distribution<std::int64_t>(1, 4)(rng);
    w.failover.survive = std::uniform_int_distribution<std::int64_t>(0, 2)(rng);
    return w;
}

} // namespace capplan::test
