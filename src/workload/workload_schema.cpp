// The key table of the workload file (workload_schema.hpp). The defaults live in workload.hpp;
// the ranges here are documented in capplan-workload(5), VALIDATION.

#include "workload/workload_schema.hpp"

#include <fmt/format.h>

#include "workload/workload.hpp"

namespace capplan::workload {
namespace {

// The field `Member` of the section `Section` of a workload, as a plain function pointer.
template <auto Section, auto Member>
auto& field(Workload& w) {
    return (w.*Section).*Member;
}

template <auto Member>
auto& top(Workload& w) {
    return w.*Member;
}

using V = ValueKind;
using W = Workload;

constexpr double k_max_count = 1e12;      // counts per user, per request, objects
constexpr double k_max_duration_s = 1e10; // ~317 years
constexpr double k_max_bytes = 1e18;      // 1 EB
constexpr double k_max_rate = 1e12;       // per second
constexpr double k_max_money = 1e9;       // per unit of what the key names
constexpr double k_max_cv = 100.0;
constexpr double k_max_zipf = 10.0;

constexpr Bounds k_unit{0.0, 1.0};
constexpr Bounds k_count{0.0, k_max_count};
constexpr Bounds k_money{0.0, k_max_money};
constexpr Bounds k_cv{0.0, k_max_cv};
constexpr Bounds k_duration{0.0, k_max_duration_s};
constexpr Bounds k_positive_duration{0.0, k_max_duration_s, true};
constexpr Bounds k_bytes{0.0, k_max_bytes};
constexpr Bounds k_positive_rate{0.0, k_max_rate, true};
constexpr Bounds k_none{};

std::vector<KeySpec> make_keys() {
    // clang-format off
    return {
        {"", "schema_version", V::integer, {1, 1}, &top<&W::schema_version>},
        {"", "name", V::text, k_none, &top<&W::name>},
        {"", "currency", V::currency, k_none, &top<&W::currency>},

        {"traffic", "daily_active", V::ratio, k_unit, &field<&W::traffic, &Traffic::daily_active>},
        {"traffic", "requests_per_active_user", V::count, k_count, &field<&W::traffic, &Traffic::requests_per_active_user>},
        {"traffic", "peak_to_average", V::number, {1, 24}, &field<&W::traffic, &Traffic::peak_to_average>},
        {"traffic", "trough_to_average", V::number, {0, 1}, &field<&W::traffic, &Traffic::trough_to_average>},
        {"traffic", "arrival_cv", V::number, k_cv, &field<&W::traffic, &Traffic::arrival_cv>},
        {"traffic", "write_fraction", V::ratio, k_unit, &field<&W::traffic, &Traffic::write_fraction>},
        {"traffic", "page_view_fraction", V::ratio, k_unit, &field<&W::traffic, &Traffic::page_view_fraction>},
        {"traffic", "static_bytes_per_page_view", V::size, k_bytes, &field<&W::traffic, &Traffic::static_bytes_per_page_view>},
        {"traffic", "static_requests_per_page_view", V::count, k_count, &field<&W::traffic, &Traffic::static_requests_per_page_view>},
        {"traffic", "response_bytes", V::size, k_bytes, &field<&W::traffic, &Traffic::response_bytes>},
        {"traffic", "sessions_per_active_user", V::count, k_count, &field<&W::traffic, &Traffic::sessions_per_active_user>},
        {"traffic", "session_length", V::duration, k_duration, &field<&W::traffic, &Traffic::session_length_s>},
        {"traffic", "session_ttl", V::duration, k_duration, &field<&W::traffic, &Traffic::session_ttl_s>},
        {"traffic", "session_bytes", V::size, k_bytes, &field<&W::traffic, &Traffic::session_bytes>},
        {"traffic", "async_jobs_per_active_user", V::count, k_count, &field<&W::traffic, &Traffic::async_jobs_per_active_user>},
        {"traffic", "db_bytes_per_user", V::size, k_bytes, &field<&W::traffic, &Traffic::db_bytes_per_user>},
        {"traffic", "blob_bytes_per_user", V::size, k_bytes, &field<&W::traffic, &Traffic::blob_bytes_per_user>},

        {"slo", "latency_p99", V::duration, k_positive_duration, &field<&W::slo, &Slo::latency_p99_s>},
        {"slo", "availability", V::ratio, {0, 1, true, true}, &field<&W::slo, &Slo::availability>},
        {"slo", "max_utilization", V::ratio, {0, 1, true, true}, &field<&W::slo, &Slo::max_utilization>},

        {"single", "instance", V::instance, k_none, &field<&W::single, &Single::instance>},
        {"single", "db_memory_share", V::ratio, {0, 1, true, false}, &field<&W::single, &Single::db_memory_share>},

        {"web", "instance", V::instance, k_none, &field<&W::web, &Web::instance>},
        {"web", "cpu_time", V::duration, k_positive_duration, &field<&W::web, &Web::cpu_time_s>},
        {"web", "cpu_time_cv", V::number, k_cv, &field<&W::web, &Web::cpu_time_cv>},
        {"web", "static_cpu_time", V::duration, k_duration, &field<&W::web, &Web::static_cpu_time_s>},
        {"web", "balancing", V::choice, k_none, &field<&W::web, &Web::balancing>, {"round_robin", "random", "least_connections"}},
        {"web", "min_servers", V::integer, {1, 1e7}, &field<&W::web, &Web::min_servers>},
        {"web", "max_servers", V::integer, {1, 1e7}, &field<&W::web, &Web::max_servers>},
        {"web", "sticky_sessions", V::boolean, k_none, &field<&W::web, &Web::sticky_sessions>},
        {"web", "cache_reads_per_request", V::count, k_count, &field<&W::web, &Web::cache_reads_per_request>},
        {"web", "db_reads_per_request", V::count, k_count, &field<&W::web, &Web::db_reads_per_request>},
        {"web", "db_writes_per_write_request", V::count, k_count, &field<&W::web, &Web::db_writes_per_write_request>},
        {"web", "autoscale", V::boolean, k_none, &field<&W::web, &Web::autoscale>},

        {"lb", "instance", V::instance, k_none, &field<&W::lb, &Lb::instance>},
        {"lb", "capacity_per_vcpu", V::rate, k_positive_rate, &field<&W::lb, &Lb::capacity_per_vcpu_per_s>},

        {"db", "instance", V::instance, k_none, &field<&W::db, &Db::instance>},
        {"db", "family", V::text, k_none, &field<&W::db, &Db::family>},
        {"db", "max_instance", V::instance, k_none, &field<&W::db, &Db::max_instance>},
        {"db", "read_time", V::duration, k_positive_duration, &field<&W::db, &Db::read_time_s>},
        {"db", "read_time_cv", V::number, k_cv, &field<&W::db, &Db::read_time_cv>},
        {"db", "write_time", V::duration, k_positive_duration, &field<&W::db, &Db::write_time_s>},
        {"db", "write_time_cv", V::number, k_cv, &field<&W::db, &Db::write_time_cv>},
        {"db", "write_bytes", V::size, k_bytes, &field<&W::db, &Db::write_bytes>},
        {"db", "apply_time", V::duration, k_duration, &field<&W::db, &Db::apply_time_s>},
        {"db", "apply_parallelism", V::integer, {1, 1024}, &field<&W::db, &Db::apply_parallelism>},
        {"db", "latency_p99", V::duration, k_positive_duration, &field<&W::db, &Db::latency_p99_s>},
        {"db", "max_shard_size", V::size, {0, k_max_bytes, true}, &field<&W::db, &Db::max_shard_size_bytes>},
        {"db", "shard_key_zipf", V::number, {0, k_max_zipf}, &field<&W::db, &Db::shard_key_zipf>},
        {"db", "failover_time", V::duration, k_duration, &field<&W::db, &Db::failover_time_s>},
        {"db", "shards_per_request", V::integer, {0, 1e6}, &field<&W::db, &Db::shards_per_request>},
        {"db", "reads_during_failover", V::boolean, k_none, &field<&W::db, &Db::reads_during_failover>},
        {"db", "storage_per_gb_month", V::money, k_money, &field<&W::db, &Db::storage_per_gb_month>},
        {"db", "working_set", V::ratio, k_unit, &field<&W::db, &Db::working_set>},
        {"db", "working_set_per_user", V::size, k_bytes, &field<&W::db, &Db::working_set_per_user_bytes>},
        {"db", "memory_overhead", V::ratio, {0, 1, false, true}, &field<&W::db, &Db::memory_overhead>},

        {"cache", "instance", V::instance, k_none, &field<&W::cache, &Cache::instance>},
        {"cache", "target_hit_ratio", V::ratio_or_auto, k_unit, &field<&W::cache, &Cache::target_hit_ratio>},
        {"cache", "objects_per_user", V::count, k_count, &field<&W::cache, &Cache::objects_per_user>},
        {"cache", "object_bytes", V::size, {0, k_max_bytes, true}, &field<&W::cache, &Cache::object_bytes>},
        {"cache", "item_overhead_bytes", V::size, k_bytes, &field<&W::cache, &Cache::item_overhead_bytes>},
        {"cache", "zipf", V::number, {0, k_max_zipf}, &field<&W::cache, &Cache::zipf>},
        {"cache", "op_time", V::duration, k_positive_duration, &field<&W::cache, &Cache::op_time_s>},
        {"cache", "threads", V::integer, {1, 1024}, &field<&W::cache, &Cache::threads>},
        {"cache", "reserved_memory", V::ratio, {0, 1, false, true}, &field<&W::cache, &Cache::reserved_memory>},
        {"cache", "replicas", V::integer, {0, 16}, &field<&W::cache, &Cache::replicas>},
        {"cache", "cold_hit_ratio", V::ratio, k_unit, &field<&W::cache, &Cache::cold_hit_ratio>},

        {"blob", "storage_per_gb_month", V::money, k_money, &field<&W::blob, &Blob::storage_per_gb_month>},
        {"blob", "put_per_1k", V::money, k_money, &field<&W::blob, &Blob::put_per_1k>},
        {"blob", "get_per_1k", V::money, k_money, &field<&W::blob, &Blob::get_per_1k>},

        {"cdn", "pricing", V::price_table, k_none, &field<&W::cdn, &Cdn::pricing>},
        {"cdn", "request_scheme", V::choice, k_none, &field<&W::cdn, &Cdn::request_scheme>, {"http", "https"}},
        {"cdn", "hit_ratio", V::ratio, k_unit, &field<&W::cdn, &Cdn::hit_ratio>},
        {"cdn", "origin_fetch_per_gb", V::money, k_money, &field<&W::cdn, &Cdn::origin_fetch_per_gb>},
        {"cdn", "egress_pricing", V::price_table, k_none, &field<&W::cdn, &Cdn::egress_pricing>},

        {"queue", "worker_instance", V::instance, k_none, &field<&W::queue, &Queue::worker_instance>},
        {"queue", "job_time", V::duration, k_positive_duration, &field<&W::queue, &Queue::job_time_s>},
        {"queue", "job_time_cv", V::number, k_cv, &field<&W::queue, &Queue::job_time_cv>},
        {"queue", "concurrency_per_worker", V::integer, {1, 1e5}, &field<&W::queue, &Queue::concurrency_per_worker>},
        {"queue", "max_mean_wait", V::duration, k_positive_duration, &field<&W::queue, &Queue::max_mean_wait_s>},
        {"queue", "broker", V::instance, k_none, &field<&W::queue, &Queue::broker>},
        {"queue", "broker_capacity", V::rate, k_positive_rate, &field<&W::queue, &Queue::broker_capacity_per_s>},
        {"queue", "requests_per_job", V::count, k_count, &field<&W::queue, &Queue::requests_per_job>},
        {"queue", "managed_per_million", V::money, k_money, &field<&W::queue, &Queue::managed_per_million>},
        {"queue", "failover", V::boolean, k_none, &field<&W::queue, &Queue::failover>},

        {"sessions", "instance", V::instance, k_none, &field<&W::sessions, &Sessions::instance>},

        {"logs", "bytes_per_request", V::size, k_bytes, &field<&W::logs, &Logs::bytes_per_request>},
        {"logs", "retention", V::duration, k_duration, &field<&W::logs, &Logs::retention_s>},
        {"logs", "ingest_per_gb", V::money, k_money, &field<&W::logs, &Logs::ingest_per_gb>},
        {"logs", "storage_per_gb_month", V::money, k_money, &field<&W::logs, &Logs::storage_per_gb_month>},
        {"logs", "metrics_per_server", V::count, k_count, &field<&W::logs, &Logs::metrics_per_server>},
        {"logs", "scrape_interval", V::duration, k_positive_duration, &field<&W::logs, &Logs::scrape_interval_s>},
        {"logs", "per_series_month", V::money, k_money, &field<&W::logs, &Logs::per_series_month>},

        {"failover", "max_datacenters", V::integer, {1, 32}, &field<&W::failover, &Failover::max_datacenters>},
        {"failover", "survive", V::integer, {0, 31}, &field<&W::failover, &Failover::survive>},
        {"failover", "spares", V::integer, {0, 1e6}, &field<&W::failover, &Failover::spares>},
        {"failover", "pool_up", V::choice, k_none, &field<&W::failover, &Failover::pool_up>, {"needed", "load"}},
        {"failover", "scope", V::choice, k_none, &field<&W::failover, &Failover::scope>, {"zone", "region"}},
        {"failover", "server_mtbf", V::duration, k_positive_duration, &field<&W::failover, &Failover::server_mtbf_s>},
        {"failover", "server_mttr", V::duration, k_positive_duration, &field<&W::failover, &Failover::server_mttr_s>},
        {"failover", "repair_crews", V::integer_or_unlimited, {1, 1e6}, &field<&W::failover, &Failover::repair_crews>},
        {"failover", "dc_mtbf", V::duration, k_positive_duration, &field<&W::failover, &Failover::dc_mtbf_s>},
        {"failover", "dc_mttr", V::duration, k_positive_duration, &field<&W::failover, &Failover::dc_mttr_s>},

        {"stage", "min_saving", V::money, k_money, &field<&W::stage, &Stage::min_saving>},
        {"stage", "min_saving_fraction", V::ratio, k_unit, &field<&W::stage, &Stage::min_saving_fraction>},
        {"stage", "min_span", V::ratio, k_unit, &field<&W::stage, &Stage::min_span>},
        {"stage", "min_gap_closed", V::ratio, k_unit, &field<&W::stage, &Stage::min_gap_closed>},
        {"stage", "require", V::names, k_none, &field<&W::stage, &Stage::require>},
        {"stage", "forbid", V::names, k_none, &field<&W::stage, &Stage::forbid>},
    };
    // clang-format on
}

} // namespace

std::string KeySpec::path() const {
    return section.empty() ? std::string(key) : fmt::format("{}.{}", section, key);
}

bool KeySpec::accepts_string() const noexcept {
    return kind != ValueKind::boolean && kind != ValueKind::number && kind != ValueKind::money;
}

bool KeySpec::string_only() const noexcept {
    return kind == ValueKind::text || kind == ValueKind::currency || kind == ValueKind::instance ||
           kind == ValueKind::price_table || kind == ValueKind::choice;
}

const std::vector<KeySpec>& workload_keys() {
    static const std::vector<KeySpec> keys = make_keys();
    return keys;
}

const KeySpec* find_key(std::string_view path) {
    for (const KeySpec& k : workload_keys()) {
        if (k.path() == path) {
            return &k;
        }
    }
    return nullptr;
}

const std::vector<std::string>& workload_sections() {
    static const std::vector<std::string> sections = {
        "growth", "traffic", "slo",   "single",   "web",  "lb",       "db",   "cache",
        "blob",   "cdn",     "queue", "sessions", "logs", "failover", "stage"};
    return sections;
}

std::vector<std::string> workload_paths() {
    std::vector<std::string> out = {"users", "growth.users", "growth.per_decade"};
    for (const KeySpec& k : workload_keys()) {
        out.push_back(k.path());
    }
    return out;
}

} // namespace capplan::workload
