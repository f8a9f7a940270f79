#pragma once
// The validated workload (capplan-workload(5) KEYS): every key of the TOML file as a typed field in
// base units (seconds, bytes, per second, fractions in [0, 1], money in the workload's currency),
// with the default of capplan-workload(5) where the file is silent. Produced by load_workload
// (workload_file.hpp); read by tiers/ and never modified after loading.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "workload/catalogue.hpp"

namespace capplan::workload {

// Where a value came from, for diagnostics raised after loading (an unknown instance name, a
// budget on an unknown metric). line/column are 1-based; 0 = unknown (a default, --set).
// from_set marks a value given by `--set` (its diagnostics name `--set`, not the file).
struct SourcePos {
    std::uint32_t line = 0;
    std::uint32_t column = 0;
    bool from_set = false;

    bool operator==(const SourcePos&) const = default;
};

// A value that may step with the user count (capplan-workload(5) STEP TABLES): the entry with the
// largest key not above the user count applies; below the smallest key the smallest entry.
template <class T>
class Stepped {
public:
    Stepped() = default;
    explicit Stepped(T constant) : m_steps{{0.0, constant}} {}
    explicit Stepped(std::vector<std::pair<double, T>> steps) : m_steps(std::move(steps)) {}

    // The value at `users` (steps sorted by key ascending; at least one step).
    [[nodiscard]] const T& at(double users) const {
        const std::pair<double, T>* chosen = &m_steps.front();
        for (const auto& step : m_steps) {
            if (step.first <= users) {
                chosen = &step;
            }
        }
        return chosen->second;
    }
    [[nodiscard]] const std::vector<std::pair<double, T>>& steps() const noexcept {
        return m_steps;
    }
    [[nodiscard]] bool is_constant() const noexcept { return m_steps.size() == 1; }

    bool operator==(const Stepped&) const = default;

private:
    std::vector<std::pair<double, T>> m_steps;
};

// The user points to plan (docs/models.md#users): explicit points, or a log range with a grid.
struct Growth {
    std::vector<double> users = {};   // explicit points (list or single value), ascending
    std::optional<double> range_from; // log range lo..hi
    std::optional<double> range_to;
    int per_decade = 1;

    bool operator==(const Growth&) const = default;
};

struct Traffic {
    double daily_active = 0.30;
    double requests_per_active_user = 200.0;
    double peak_to_average = 3.0;
    double trough_to_average = 0.3;
    double arrival_cv = 1.0;
    double write_fraction = 0.05;
    double page_view_fraction = 0.25;
    double static_bytes_per_page_view = 1.5e6;
    double static_requests_per_page_view = 10.0;
    double response_bytes = 8e3;
    double sessions_per_active_user = 1.0;
    double session_length_s = 900.0;
    double session_ttl_s = 1800.0;
    double session_bytes = 2e3;
    double async_jobs_per_active_user = 0.5;
    double db_bytes_per_user = 20e3;
    double blob_bytes_per_user = 5e6;

    bool operator==(const Traffic&) const = default;
};

struct Slo {
    Stepped<double> latency_p99_s{0.300};
    Stepped<double> availability{std::vector<std::pair<double, double>>{
        {1.0, 0.99}, {10e3, 0.999}, {100e3, 0.9995}, {300e3, 0.9999}}};
    Stepped<double> max_utilization{0.70};

    bool operator==(const Slo&) const = default;
};

struct Single {
    std::string instance = "m7i.xlarge";

    bool operator==(const Single&) const = default;
};

enum class Balancing { round_robin, random, least_connections };

struct Web {
    std::string instance = "c7i.xlarge";
    double cpu_time_s = 0.015;
    double cpu_time_cv = 1.0;
    double static_cpu_time_s = 0.0002;
    Balancing balancing = Balancing::round_robin;
    std::int64_t min_servers = 1;
    std::int64_t max_servers = 10'000;
    bool sticky_sessions = false;
    double cache_reads_per_request = 3.0;
    double db_reads_per_request = 3.0;
    double db_writes_per_write_request = 5.0;
    bool autoscale = true;

    bool operator==(const Web&) const = default;
};

struct Lb {
    std::string instance = "c7i.large";
    double capacity_per_vcpu_per_s = 5000.0;

    bool operator==(const Lb&) const = default;
};

struct Db {
    std::string instance = "auto"; // "auto" or a catalogue name
    std::string family = "db.r7g";
    std::string max_instance = "db.r7g.4xlarge";
    double read_time_s = 0.0015;
    double read_time_cv = 1.0;
    double write_time_s = 0.004;
    double write_time_cv = 1.0;
    double write_bytes = 1e3;
    double apply_time_s = 0.002;
    std::int64_t apply_parallelism = 1;
    double latency_p99_s = 0.050;
    double max_shard_size_bytes = 2e12; // "2TB": sizes are SI unless written with i (TiB)
    double shard_key_zipf = 0.0;
    double failover_time_s = 60.0;
    double storage_per_gb_month = 0.115;

    bool operator==(const Db&) const = default;
};

struct Cache {
    std::string instance = "cache.r7g.large";
    std::optional<double> target_hit_ratio; // nullopt = "auto"
    double objects_per_user = 500.0;
    double object_bytes = 1e3;
    double item_overhead_bytes = 80.0;
    double zipf = 1.0;
    double op_time_s = 20e-6;
    std::int64_t threads = 1;
    double reserved_memory = 0.25;
    std::int64_t replicas = 1;
    double cold_hit_ratio = 0.0;

    bool operator==(const Cache&) const = default;
};

struct Blob {
    double storage_per_gb_month = 0.023;
    double put_per_1k = 0.005;
    double get_per_1k = 0.0004;

    bool operator==(const Blob&) const = default;
};

enum class RequestScheme { http, https };

struct Cdn {
    std::string pricing = "cloudfront-2024";
    RequestScheme request_scheme = RequestScheme::https;
    double hit_ratio = 0.95;
    double origin_fetch_per_gb = 0.0;
    std::string egress_pricing = "aws-internet-2024";

    bool operator==(const Cdn&) const = default;
};

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

struct Sessions {
    std::string instance = "cache.t4g.small";

    bool operator==(const Sessions&) const = default;
};

struct Logs {
    double bytes_per_request = 1e3;
    double retention_s = 30.0 * 86400.0;
    double ingest_per_gb = 0.50;
    double storage_per_gb_month = 0.03;
    double metrics_per_server = 200.0;
    double scrape_interval_s = 15.0;
    double per_series_month = 0.10;

    bool operator==(const Logs&) const = default;
};

enum class FailoverScope { zone, region };

struct Failover {
    std::int64_t max_datacenters = 3;
    std::int64_t survive = 1;
    std::int64_t spares = 1;
    FailoverScope scope = FailoverScope::zone;
    double server_mtbf_s = 4000.0 * 3600.0;
    double server_mttr_s = 3600.0;
    std::int64_t repair_crews = 2;
    double dc_mtbf_s = 8760.0 * 3600.0;
    double dc_mttr_s = 4.0 * 3600.0;

    bool operator==(const Failover&) const = default;
};

struct Stage {
    double min_saving = 50.0;
    double min_saving_fraction = 0.01;
    double min_span = 0.10;
    // Component names ([stage] require / forbid), checked by planner::stage_rules.
    std::vector<std::string> require;
    std::vector<std::string> forbid;

    bool operator==(const Stage&) const = default;
};

enum class BudgetLevel { error, warn };

// How a budget limit was written: a plain number (or a count such as "250k") is in the
// metric's base unit; a unit string carries its own unit, read into bytes, seconds or events
// per second. report/budget_check.hpp checks the kind against the metric and converts.
enum class LimitUnit { number, size, duration, rate };

// One limit of a budget: its value as read, how it was written, and where.
struct BudgetLimit {
    double value = 0.0;
    LimitUnit unit = LimitUnit::number;
    SourcePos pos;

    bool operator==(const BudgetLimit&) const = default;
};

// One `[[budget]]` (capplan-workload(5) BUDGETS); checked by `capplan check`.
struct Budget {
    std::string id;     // defaults to the metric path
    std::string metric; // a numeric metric path
    std::optional<BudgetLimit> max;
    std::optional<BudgetLimit> min;
    std::optional<BudgetLimit> max_increase;
    std::optional<BudgetLimit> max_increase_pct; // percent; always LimitUnit::number
    std::optional<double> at_users;
    BudgetLevel level = BudgetLevel::error;
    std::string message;
    std::string file;     // the file it came from, as named in diagnostics
    SourcePos pos;        // its [[budget]] header
    SourcePos metric_pos; // its metric value

    bool operator==(const Budget&) const = default;
};

struct Workload {
    std::int64_t schema_version = 1;
    std::string name = "workload";
    std::string currency = "USD";
    // The file it came from: empty for the built-in default, "<stdin>" for standard input.
    std::string file;
    Growth growth;
    Traffic traffic;
    Slo slo;
    Single single;
    Web web;
    Lb lb;
    Db db;
    Cache cache;
    Blob blob;
    Cdn cdn;
    Queue queue;
    Sessions sessions;
    Logs logs;
    Failover failover;
    Stage stage;
    std::vector<Budget> budgets;
    // Instance types and price tables of the `[models]` table (merged over the catalogue by
    // merge_catalogue before check_instances).
    Catalogue models;
    // Position of every key the file set, by dotted path ("web.instance").
    std::map<std::string, SourcePos> positions;
};

} // namespace capplan::workload
