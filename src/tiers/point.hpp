#pragma once
// The plan of one user point (SPEC §3): one struct per metric group, one field per metric,
// named exactly as the metric path (`web.servers` is PointPlan::web.servers). Base units:
// seconds, bytes, per second, fractions, currency per month. A tier not in use reports 0 and
// bound_by "none"; a value with no finite answer is NaN here and becomes null (with a
// warning) in every output. The metric registry (report/metrics.hpp) lists these fields.

#include <cstdint>
#include <string>
#include <vector>

namespace capplan::tiers {

// Architecture components (SPEC §5.16), in path order.
enum class Component {
    separate_db,
    load_balancer,
    session_store,
    log_aggregation,
    read_replicas,
    cache,
    cdn,
    multi_datacenter,
    message_queue,
    sharding,
};
inline constexpr int k_component_count = 10;

[[nodiscard]] const char* component_name(Component c) noexcept;

// A set of components (bit i = Component i).
struct Architecture {
    unsigned bits = 0;
    [[nodiscard]] bool has(Component c) const noexcept {
        return (bits >> static_cast<unsigned>(c)) & 1U;
    }
    void add(Component c) noexcept { bits |= 1U << static_cast<unsigned>(c); }
    void remove(Component c) noexcept { bits &= ~(1U << static_cast<unsigned>(c)); }
    [[nodiscard]] int size() const noexcept;
    // The stage names: "single_server" when empty, else the components in path order.
    [[nodiscard]] std::vector<std::string> names() const;
    friend bool operator==(Architecture, Architecture) = default;
};

struct TrafficMetrics {
    double peak_rps = 0, mean_rps = 0, read_rps = 0, write_rps = 0, static_rps = 0;
    double db_read_rps = 0, db_write_rps = 0, page_views_per_day = 0, jobs_per_s = 0;
};

struct LbMetrics {
    std::int64_t instances = 0;
    double utilization = 0, monthly_cost = 0;
};

struct WebMetrics {
    std::int64_t servers = 0, servers_needed = 0;
    double utilization = 0, latency_p99_s = 0;
    std::string bound_by = "none";
    double monthly_cost = 0;
};

struct DbMetrics {
    std::string instance = "none";
    std::int64_t shards = 0, primaries = 0, replicas = 0, replicas_per_shard = 0;
    double replica_ratio = 0, primary_utilization = 0, replica_utilization = 0;
    double apply_utilization = 0, storage_bytes = 0, reshard_moved_fraction = 0;
    double utilization_cold_cache = 0;
    std::string bound_by = "none";
    double monthly_cost = 0;
};

struct CacheMetrics {
    std::int64_t nodes = 0;
    double memory_bytes = 0, hit_ratio = 0, ops_per_s = 0, utilization = 0, monthly_cost = 0;
};

struct BlobMetrics {
    double storage_bytes = 0, monthly_cost = 0;
};

struct CdnMetrics {
    double egress_bytes_per_month = 0, origin_egress_bytes_per_month = 0;
    double requests_per_month = 0, monthly_cost = 0, monthly_cost_without_cdn = 0;
};

struct QueueMetrics {
    std::int64_t workers = 0, workers_min = 0;
    double mean_wait_s = 0, utilization = 0;
    std::int64_t brokers = 0;
    double monthly_cost = 0;
};

struct SessionMetrics {
    double concurrent = 0, stored = 0, memory_bytes = 0, monthly_cost = 0;
};

struct LogMetrics {
    double bytes_per_day = 0, storage_bytes = 0, metric_series = 0, samples_per_s = 0;
    double monthly_cost = 0;
};

struct FailoverMetrics {
    std::int64_t datacenters = 1, survive = 0;
    double headroom_ratio = 1;
    std::int64_t extra_servers = 0;
    double extra_monthly_cost = 0;
};

struct AvailabilityMetrics {
    double web = 1, db = 1, sites = 1, total = 1, target = 0;
    bool meets_target = true;
    double downtime_s_per_month = 0;
};

struct TotalMetrics {
    std::int64_t servers = 0;
    double monthly_cost = 0, monthly_cost_per_user = 0, cost_per_million_requests = 0;
};

// A warning raised while planning a point (SPEC §3 JSON `warnings`).
struct PlanWarning {
    std::string code; // slo_unmet, slo_unreachable, cold_cache_overload, celebrity_key, ...
    std::string message;
};

struct PointPlan {
    double users = 0;
    Architecture stage;
    TrafficMetrics traffic;
    LbMetrics lb;
    WebMetrics web;
    DbMetrics db;
    CacheMetrics cache;
    BlobMetrics blob;
    CdnMetrics cdn;
    QueueMetrics queue;
    SessionMetrics sessions;
    LogMetrics logs;
    FailoverMetrics failover;
    AvailabilityMetrics availability;
    TotalMetrics total;
    std::vector<PlanWarning> warnings;
};

} // namespace capplan::tiers
