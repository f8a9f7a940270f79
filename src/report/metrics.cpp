// The metric registry (capplan(1) METRICS). See metrics.hpp.

#include "report/metrics.hpp"

#include <fmt/format.h>

#include "common/edit_distance.hpp"
#include "common/errors.hpp"

namespace capplan::report {
namespace {

using planner::PointPlan;

std::vector<MetricDef> build_registry() {
    return {
        {"users", MetricType::real, "users", "user count of this point",
         [](const PointPlan& p) { return real_or_null(p.users); }},
        {"stage", MetricType::text, "", "architecture components in use, joined by +",
         [](const PointPlan& p) { return Value{stage_text(p)}; }},
        {"feasible", MetricType::boolean, "", "whether every limit holds at this point",
         [](const PointPlan& p) { return Value{p.feasible}; }},
        {"traffic.peak_rps", MetricType::real, "1/s",
         "dynamic requests per second at the busiest hour",
         [](const PointPlan& p) { return real_or_null(p.traffic.peak_rps); }},
        {"traffic.mean_rps", MetricType::real, "1/s", "dynamic requests per second over the day",
         [](const PointPlan& p) { return real_or_null(p.traffic.mean_rps); }},
        {"traffic.read_rps", MetricType::real, "1/s", "peak dynamic requests that only read",
         [](const PointPlan& p) { return real_or_null(p.traffic.read_rps); }},
        {"traffic.write_rps", MetricType::real, "1/s", "peak dynamic requests that write",
         [](const PointPlan& p) { return real_or_null(p.traffic.write_rps); }},
        {"traffic.static_rps", MetricType::real, "1/s", "peak static asset requests",
         [](const PointPlan& p) { return real_or_null(p.traffic.static_rps); }},
        {"traffic.db_read_rps", MetricType::real, "1/s", "peak database reads after the cache",
         [](const PointPlan& p) { return real_or_null(p.traffic.db_read_rps); }},
        {"traffic.db_write_rps", MetricType::real, "1/s", "peak database writes",
         [](const PointPlan& p) { return real_or_null(p.traffic.db_write_rps); }},
        {"traffic.page_views_per_day", MetricType::real, "1/day", "page views per day",
         [](const PointPlan& p) { return real_or_null(p.traffic.page_views_per_day); }},
        {"traffic.jobs_per_s", MetricType::real, "1/s", "peak asynchronous jobs per second",
         [](const PointPlan& p) { return real_or_null(p.traffic.jobs_per_s); }},
        {"lb.instances", MetricType::integer, "", "load balancer instances (all data centres)",
         [](const PointPlan& p) { return Value{p.lb.instances}; }, k_step},
        {"lb.utilization", MetricType::real, "", "load balancer utilization at the peak",
         [](const PointPlan& p) { return real_or_null(p.lb.utilization); }},
        {"lb.monthly_cost", MetricType::real, "currency/month", "load balancer cost",
         [](const PointPlan& p) { return real_or_null(p.lb.monthly_cost); }, k_adds_to_total},
        {"web.servers", MetricType::integer, "", "web servers planned (with failover headroom)",
         [](const PointPlan& p) { return Value{p.web.servers}; }, k_step},
        {"web.servers_needed", MetricType::integer, "",
         "web servers the peak needs, before failover",
         [](const PointPlan& p) { return Value{p.web.servers_needed}; }},
        {"web.utilization", MetricType::real, "", "web server utilization at the peak",
         [](const PointPlan& p) { return real_or_null(p.web.utilization); }},
        {"web.latency_p99_s", MetricType::real, "s",
         "99th percentile of a dynamic request, end to end",
         [](const PointPlan& p) { return real_or_null(p.web.latency_p99_s); }},
        {"web.bound_by", MetricType::text, "", "what set the web server count",
         [](const PointPlan& p) { return Value{p.web.bound_by}; }},
        {"web.monthly_cost", MetricType::real, "currency/month",
         "web tier cost (autoscaled over the day)",
         [](const PointPlan& p) { return real_or_null(p.web.monthly_cost); }, k_adds_to_total},
        {"db.instance", MetricType::text, "", "database instance type",
         [](const PointPlan& p) { return Value{p.db.instance}; }, k_step},
        {"db.shards", MetricType::integer, "", "database shards",
         [](const PointPlan& p) { return Value{p.db.shards}; }, k_step},
        {"db.primaries", MetricType::integer, "", "primary database servers",
         [](const PointPlan& p) { return Value{p.db.primaries}; }},
        {"db.replicas", MetricType::integer, "", "read replicas and standbys, in total",
         [](const PointPlan& p) { return Value{p.db.replicas}; }, k_step},
        {"db.replicas_per_shard", MetricType::integer, "", "replicas of each shard",
         [](const PointPlan& p) { return Value{p.db.replicas_per_shard}; }},
        {"db.replica_ratio", MetricType::real, "", "read replicas per primary",
         [](const PointPlan& p) { return real_or_null(p.db.replica_ratio); }},
        {"db.primary_utilization", MetricType::real, "", "utilization of the busiest primary",
         [](const PointPlan& p) { return real_or_null(p.db.primary_utilization); }},
        {"db.replica_utilization", MetricType::real, "",
         "utilization of a replica (reads and applied writes)",
         [](const PointPlan& p) { return real_or_null(p.db.replica_utilization); }},
        {"db.apply_utilization", MetricType::real, "",
         "utilization of a replica's replication apply threads",
         [](const PointPlan& p) { return real_or_null(p.db.apply_utilization); }},
        {"db.storage_bytes", MetricType::real, "bytes", "database size, one copy",
         [](const PointPlan& p) { return real_or_null(p.db.storage_bytes); }},
        {"db.reshard_moved_fraction", MetricType::real, "",
         "share of data moved since the previous point's shard count",
         [](const PointPlan& p) { return real_or_null(p.db.reshard_moved_fraction); }},
        {"db.utilization_cold_cache", MetricType::real, "",
         "database utilization if the cache hit ratio fell to cold_hit_ratio",
         [](const PointPlan& p) { return real_or_null(p.db.utilization_cold_cache); }},
        {"db.bound_by", MetricType::text, "", "what set the database size",
         [](const PointPlan& p) { return Value{p.db.bound_by}; }},
        {"db.monthly_cost", MetricType::real, "currency/month",
         "database cost, instances and storage of every copy",
         [](const PointPlan& p) { return real_or_null(p.db.monthly_cost); }, k_adds_to_total},
        {"cache.nodes", MetricType::integer, "", "cache nodes, replicas included",
         [](const PointPlan& p) { return Value{p.cache.nodes}; }, k_step},
        {"cache.memory_bytes", MetricType::real, "bytes", "cache memory for objects and sessions",
         [](const PointPlan& p) { return real_or_null(p.cache.memory_bytes); }},
        {"cache.hit_ratio", MetricType::real, "", "cache hit ratio of reads",
         [](const PointPlan& p) { return real_or_null(p.cache.hit_ratio); }},
        {"cache.ops_per_s", MetricType::real, "1/s", "cache operations per second at the peak",
         [](const PointPlan& p) { return real_or_null(p.cache.ops_per_s); }},
        {"cache.utilization", MetricType::real, "", "cache node utilization at the peak",
         [](const PointPlan& p) { return real_or_null(p.cache.utilization); }},
        {"cache.monthly_cost", MetricType::real, "currency/month", "cache cost",
         [](const PointPlan& p) { return real_or_null(p.cache.monthly_cost); }, k_adds_to_total},
        {"blob.storage_bytes", MetricType::real, "bytes", "objects in blob storage",
         [](const PointPlan& p) { return real_or_null(p.blob.storage_bytes); }},
        {"blob.monthly_cost", MetricType::real, "currency/month", "blob storage and request cost",
         [](const PointPlan& p) { return real_or_null(p.blob.monthly_cost); }, k_adds_to_total},
        {"cdn.egress_bytes_per_month", MetricType::real, "bytes/month",
         "static bytes served per month",
         [](const PointPlan& p) { return real_or_null(p.cdn.egress_bytes_per_month); }},
        {"cdn.origin_egress_bytes_per_month", MetricType::real, "bytes/month",
         "bytes the CDN fetches from the origin per month",
         [](const PointPlan& p) { return real_or_null(p.cdn.origin_egress_bytes_per_month); }},
        {"cdn.requests_per_month", MetricType::real, "1/month", "static requests per month",
         [](const PointPlan& p) { return real_or_null(p.cdn.requests_per_month); }},
        {"cdn.monthly_cost", MetricType::real, "currency/month", "CDN cost",
         [](const PointPlan& p) { return real_or_null(p.cdn.monthly_cost); }, k_adds_to_total},
        {"cdn.monthly_cost_without_cdn", MetricType::real, "currency/month",
         "what serving the static traffic would cost without a CDN",
         [](const PointPlan& p) { return real_or_null(p.cdn.monthly_cost_without_cdn); }},
        {"queue.workers", MetricType::integer, "", "workers at the peak",
         [](const PointPlan& p) { return Value{p.queue.workers}; }, k_step},
        {"queue.workers_min", MetricType::integer, "", "workers at the quietest hour",
         [](const PointPlan& p) { return Value{p.queue.workers_min}; }},
        {"queue.mean_wait_s", MetricType::real, "s", "mean wait of a job at the peak",
         [](const PointPlan& p) { return real_or_null(p.queue.mean_wait_s); }},
        {"queue.utilization", MetricType::real, "", "worker utilization at the peak",
         [](const PointPlan& p) { return real_or_null(p.queue.utilization); }},
        {"queue.brokers", MetricType::integer, "", "self-run broker nodes (0 when managed)",
         [](const PointPlan& p) { return Value{p.queue.brokers}; }, k_step},
        {"queue.monthly_cost", MetricType::real, "currency/month", "workers and queue cost",
         [](const PointPlan& p) { return real_or_null(p.queue.monthly_cost); }, k_adds_to_total},
        {"sessions.concurrent", MetricType::real, "", "sessions active at the peak",
         [](const PointPlan& p) { return real_or_null(p.sessions.concurrent); }},
        {"sessions.stored", MetricType::real, "",
         "sessions stored at the peak (active or within their time to live)",
         [](const PointPlan& p) { return real_or_null(p.sessions.stored); }},
        {"sessions.memory_bytes", MetricType::real, "bytes", "session store memory",
         [](const PointPlan& p) { return real_or_null(p.sessions.memory_bytes); }},
        {"sessions.monthly_cost", MetricType::real, "currency/month", "session store cost",
         [](const PointPlan& p) { return real_or_null(p.sessions.monthly_cost); }, k_adds_to_total},
        {"logs.bytes_per_day", MetricType::real, "bytes/day", "log bytes per day",
         [](const PointPlan& p) { return real_or_null(p.logs.bytes_per_day); }},
        {"logs.storage_bytes", MetricType::real, "bytes", "log bytes retained",
         [](const PointPlan& p) { return real_or_null(p.logs.storage_bytes); }},
        {"logs.metric_series", MetricType::real, "", "metric time series",
         [](const PointPlan& p) { return real_or_null(p.logs.metric_series); }},
        {"logs.samples_per_s", MetricType::real, "1/s", "metric samples per second",
         [](const PointPlan& p) { return real_or_null(p.logs.samples_per_s); }},
        {"logs.monthly_cost", MetricType::real, "currency/month", "logging and metrics cost",
         [](const PointPlan& p) { return real_or_null(p.logs.monthly_cost); }, k_adds_to_total},
        {"failover.datacenters", MetricType::integer, "", "data centres",
         [](const PointPlan& p) { return Value{p.failover.datacenters}; }},
        {"failover.survive", MetricType::integer, "", "data-centre losses survived",
         [](const PointPlan& p) { return Value{p.failover.survive}; }},
        {"failover.headroom_ratio", MetricType::real, "",
         "planned over needed servers of the stateless tiers",
         [](const PointPlan& p) { return real_or_null(p.failover.headroom_ratio); }},
        {"failover.extra_servers", MetricType::integer, "",
         "servers planned beyond the peak's needs, for failover",
         [](const PointPlan& p) { return Value{p.failover.extra_servers}; }},
        {"failover.extra_monthly_cost", MetricType::real, "currency/month",
         "cost of the failover servers",
         [](const PointPlan& p) { return real_or_null(p.failover.extra_monthly_cost); }},
        {"availability.web", MetricType::real, "", "availability of the web tier",
         [](const PointPlan& p) { return real_or_null(p.availability.web); }},
        {"availability.db", MetricType::real, "", "availability of the database",
         [](const PointPlan& p) { return real_or_null(p.availability.db); }},
        {"availability.sites", MetricType::real, "", "availability of the data centres",
         [](const PointPlan& p) { return real_or_null(p.availability.sites); }},
        {"availability.total", MetricType::real, "", "availability of the whole system",
         [](const PointPlan& p) { return real_or_null(p.availability.total); }},
        {"availability.worst_shard", MetricType::real, "",
         "availability as the users of the worst shard see it",
         [](const PointPlan& p) { return real_or_null(p.availability.worst_shard); }},
        {"availability.target", MetricType::real, "", "the availability target at this user count",
         [](const PointPlan& p) { return real_or_null(p.availability.target); }},
        {"availability.meets_target", MetricType::boolean, "", "whether the total meets the target",
         [](const PointPlan& p) { return Value{p.availability.meets_target}; }},
        {"availability.downtime_s_per_month", MetricType::real, "s/month",
         "expected downtime per month",
         [](const PointPlan& p) { return real_or_null(p.availability.downtime_s_per_month); }},
        {"total.servers", MetricType::integer, "", "every billed VM at the peak",
         [](const PointPlan& p) { return Value{p.total.servers}; }},
        {"total.monthly_cost", MetricType::real, "currency/month", "total monthly cost",
         [](const PointPlan& p) { return real_or_null(p.total.monthly_cost); }},
        {"total.monthly_cost_per_user", MetricType::real, "currency/month",
         "total monthly cost per user",
         [](const PointPlan& p) { return real_or_null(p.total.monthly_cost_per_user); }},
        {"total.cost_per_million_requests", MetricType::real, "currency",
         "total cost per million dynamic requests",
         [](const PointPlan& p) { return real_or_null(p.total.cost_per_million_requests); }},
        {"total.path_premium", MetricType::real, "currency/month",
         "what the plan pays above the cheapest architecture meeting every limit here",
         [](const PointPlan& p) { return real_or_null(p.total.path_premium); }},
    };
}

std::vector<std::string> all_paths() {
    std::vector<std::string> paths;
    for (const auto& m : metric_registry()) {
        paths.emplace_back(m.path);
    }
    return paths;
}

} // namespace

std::string_view MetricDef::group() const {
    const auto dot = path.find('.');
    return dot == std::string_view::npos ? std::string_view{} : path.substr(0, dot);
}

std::string_view MetricDef::name() const {
    const auto dot = path.find('.');
    return dot == std::string_view::npos ? path : path.substr(dot + 1);
}

const std::vector<MetricDef>& metric_registry() {
    static const std::vector<MetricDef> registry = build_registry();
    return registry;
}

const std::vector<planner::StepMetric>& step_metrics() {
    static const std::vector<planner::StepMetric> steps = [] {
        std::vector<planner::StepMetric> out;
        for (const MetricDef& m : metric_registry()) {
            if ((m.role & k_step) == 0) {
                continue;
            }
            const auto read = m.read;
            out.push_back({m.path, [read](const PointPlan& p) -> planner::StepValue {
                               const Value v = read(p);
                               if (const auto* n = std::get_if<std::int64_t>(&v)) {
                                   return *n;
                               }
                               const auto* t = std::get_if<std::string>(&v);
                               return t != nullptr ? *t : std::string();
                           }});
        }
        return out;
    }();
    return steps;
}

const MetricDef* find_metric(std::string_view path) {
    for (const auto& m : metric_registry()) {
        if (m.path == path) {
            return &m;
        }
    }
    return nullptr;
}

const MetricDef& require_metric(std::string_view path, const std::string& flag) {
    if (const MetricDef* m = find_metric(path)) {
        return *m;
    }
    std::string message = fmt::format("unknown metric '{}'", path);
    if (auto guess = closest_match(path, all_paths())) {
        message += fmt::format("; did you mean '{}'?", *guess);
    } else {
        message += " (see capplan plan --help for the list)";
    }
    throw UsageError(flag, message);
}

std::vector<const MetricDef*> select_metrics(std::string_view list) {
    std::vector<const MetricDef*> chosen;
    auto add = [&](const MetricDef* m) {
        for (const MetricDef* c : chosen) {
            if (c == m) {
                return;
            }
        }
        chosen.push_back(m);
    };
    std::size_t start = 0;
    while (start <= list.size()) {
        const std::size_t comma = list.find(',', start);
        std::string_view item = list.substr(
            start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
        while (!item.empty() && item.front() == ' ') {
            item.remove_prefix(1);
        }
        while (!item.empty() && item.back() == ' ') {
            item.remove_suffix(1);
        }
        if (item.empty()) {
            throw UsageError("--fields", "empty metric name in the list");
        }
        if (item.size() > 2 && item.substr(item.size() - 2) == ".*") {
            const std::string_view group = item.substr(0, item.size() - 2);
            bool any = false;
            for (const auto& m : metric_registry()) {
                if (m.group() == group) {
                    add(&m);
                    any = true;
                }
            }
            if (!any) {
                throw UsageError("--fields", fmt::format("unknown metric group '{}'", group));
            }
        } else {
            add(&require_metric(item, "--fields"));
        }
        if (comma == std::string_view::npos) {
            break;
        }
        start = comma + 1;
    }
    return chosen;
}

std::string stage_text(const PointPlan& p) {
    std::string out;
    for (const auto& name : p.stage.names()) {
        if (!out.empty()) {
            out += '+';
        }
        out += name;
    }
    return out;
}

} // namespace capplan::report
