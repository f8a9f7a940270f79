// The frozen plan of the format goldens. See frozen_plan.hpp.

#include "support/frozen_plan.hpp"

#include <algorithm>
#include <limits>

namespace capplan::test {
namespace {

using planner::Component;
using planner::PointPlan;

planner::Architecture stage_of(std::initializer_list<Component> components) {
    planner::Architecture a;
    for (const Component c : components) {
        a.add(c);
    }
    return a;
}

// Traffic of a plausible shape, chosen for the goldens (no model computes it): 25 page views a
// day per user, two dynamic requests each, the peak hour at three times the mean, 95 % reads.
void set_traffic(PointPlan& p, double users) {
    p.users = users;
    p.traffic.page_views_per_day = 25.0 * users;
    p.traffic.mean_rps = 2.0 * p.traffic.page_views_per_day / 86400.0;
    p.traffic.peak_rps = 3.0 * p.traffic.mean_rps;
    p.traffic.read_rps = 0.95 * p.traffic.peak_rps;
    p.traffic.write_rps = 0.05 * p.traffic.peak_rps;
    p.traffic.static_rps = 2.5 * p.traffic.peak_rps;
    p.traffic.db_read_rps = 3.0 * p.traffic.read_rps;
    p.traffic.db_write_rps = 5.0 * p.traffic.write_rps;
    p.traffic.jobs_per_s = 0.01 * p.traffic.peak_rps;
}

// Logs, sessions and blob storage grow with the users on every point.
void set_storage(PointPlan& p, double users) {
    p.blob.storage_bytes = 4.5e6 * users;
    p.blob.monthly_cost = 0.023 * p.blob.storage_bytes / 1073741824.0;
    p.logs.bytes_per_day = 200.0 * p.traffic.page_views_per_day;
    p.logs.storage_bytes = 30.0 * p.logs.bytes_per_day;
}

// What follows from the rest of a point: the worst shard's users see the total (every shard
// keeps the same copies), and the bill as line items (docs/models.md#cost): one line per group
// with a cost, of a kind that group bills, at a round fixture price per unit (no price list is
// read); what the total holds beyond the groups is internet egress (group `network`).
void finish(PointPlan& p) {
    p.availability.worst_shard = p.availability.total;
    using tiers::BillGroup;
    using tiers::BillUnit;
    using tiers::CostKind;
    double grouped = 0.0;
    for (std::size_t g = 0; g < tiers::k_bill_groups; ++g) {
        const auto group = static_cast<BillGroup>(g);
        const double* cost = planner::group_monthly_cost(p, group);
        if (cost == nullptr || *cost == 0.0) {
            continue;
        }
        const bool stored =
            group == BillGroup::db || group == BillGroup::blob || group == BillGroup::logs;
        if (group == BillGroup::cdn) {
            p.bill.add({group, CostKind::egress, BillUnit::gb, *cost / 0.05, 0.05, *cost});
        } else if (stored) {
            p.bill.add({group, CostKind::storage, BillUnit::gb_months, *cost / 0.1, 0.1, *cost});
        } else {
            p.bill.add(
                {group, CostKind::instance, BillUnit::instance_hours, *cost / 0.1, 0.1, *cost});
        }
        grouped += *cost;
    }
    if (p.total.monthly_cost > grouped) {
        const double egress = p.total.monthly_cost - grouped;
        p.bill.add(
            {BillGroup::network, CostKind::egress, BillUnit::gb, egress / 0.09, 0.09, egress});
    }
}

PointPlan point_1k() {
    PointPlan p;
    set_traffic(p, 1000);
    set_storage(p, 1000);
    p.stage = stage_of({});
    p.web.servers = 1;
    p.web.servers_needed = 1;
    p.web.utilization = 0.0145;
    p.web.latency_p99_s = 0.0854;
    p.web.bound_by = "min_servers";
    p.web.monthly_cost = 147.17;
    p.db.storage_bytes = 2.0e7;
    p.db.working_set_bytes = 2.0e6; // 10 % of the data, per shard
    p.db.memory_utilization = 2.0e6 / 8589934592.0;
    p.db.primary_utilization = 0.00076;
    p.db.utilization_cold_cache = 0.00076;
    p.logs.monthly_cost = 0.0;
    p.failover.headroom_ratio = 1.0;
    p.availability = {0.9993, 1.0, 1.0, 0.9993, 0.999, true, 1840.0};
    p.total.servers = 1;
    p.total.monthly_cost = 208.40;
    p.total.monthly_cost_per_user = 0.2084;
    p.total.cost_per_million_requests = 2778.67;
    finish(p);
    return p;
}

PointPlan point_10k() {
    PointPlan p;
    set_traffic(p, 10000);
    set_storage(p, 10000);
    p.stage = stage_of({Component::log_aggregation, Component::message_queue});
    p.web.servers = 1;
    p.web.servers_needed = 1;
    p.web.utilization = 0.145;
    p.web.latency_p99_s = 0.0921;
    p.web.bound_by = "latency";
    p.web.monthly_cost = 147.17;
    p.db.storage_bytes = 2.0e8;
    p.db.working_set_bytes = 2.0e7; // 10 % of the data, per shard
    p.db.memory_utilization = 2.0e7 / 8589934592.0;
    p.db.primary_utilization = 0.0076;
    p.db.utilization_cold_cache = 0.0076;
    p.queue.workers = 1;
    p.queue.workers_min = 1;
    p.queue.mean_wait_s = 0.0;
    p.queue.utilization = 0.052;
    p.queue.monthly_cost = 27.01;
    p.logs.metric_series = 400;
    p.logs.samples_per_s = 26.67;
    p.logs.monthly_cost = 512.30;
    p.failover.headroom_ratio = 1.0;
    p.availability = {0.9993, 1.0, 1.0, 0.9993, 0.999, true, 1840.0};
    p.total.servers = 2;
    p.total.monthly_cost = 867.25;
    p.total.monthly_cost_per_user = 0.086725;
    p.total.cost_per_million_requests = 1156.33;
    finish(p);
    return p;
}

PointPlan point_100k() {
    PointPlan p;
    set_traffic(p, 100000);
    set_storage(p, 100000);
    p.stage = stage_of({Component::separate_db, Component::load_balancer, Component::session_store,
                        Component::log_aggregation, Component::read_replicas, Component::cdn,
                        Component::message_queue});
    p.lb.instances = 2;
    p.lb.utilization = 0.0104;
    p.lb.monthly_cost = 130.0;
    p.web.servers = 3;
    p.web.servers_needed = 2;
    p.web.utilization = 0.4838;
    p.web.latency_p99_s = 0.1107;
    p.web.bound_by = "utilization";
    p.web.monthly_cost = 312.49;
    p.db.instance = "db.r7g.large";
    p.db.shards = 1;
    p.db.primaries = 1;
    p.db.replicas = 1;
    p.db.replicas_per_shard = 1;
    p.db.replica_ratio = 1.0;
    p.db.primary_utilization = 0.104;
    p.db.replica_utilization = 0.2083;
    p.db.apply_utilization = 0.0174;
    p.db.storage_bytes = 2.0e9;
    p.db.working_set_bytes = 2.0e8; // 10 % of the data, per shard
    p.db.memory_utilization = 2.0e8 / 12884901888.0;
    p.db.utilization_cold_cache = 0.2083;
    p.db.bound_by = "availability";
    p.db.monthly_cost = 350.40;
    p.cdn.egress_bytes_per_month = 6.25e13;
    p.cdn.origin_egress_bytes_per_month = 3.1e12;
    p.cdn.requests_per_month = 5.48e8;
    p.cdn.monthly_cost = 5356.12;
    p.cdn.monthly_cost_without_cdn = 5421.59;
    p.queue.workers = 3;
    p.queue.workers_min = 1;
    p.queue.mean_wait_s = 0.0712;
    p.queue.utilization = 0.5787;
    p.queue.monthly_cost = 81.03;
    p.sessions.concurrent = 2812.5;
    p.sessions.stored = 2812.5;
    p.sessions.memory_bytes = 5.76e6;
    p.sessions.monthly_cost = 46.72;
    p.logs.metric_series = 1600;
    p.logs.samples_per_s = 106.67;
    p.logs.monthly_cost = 611.19;
    p.failover.headroom_ratio = 1.5;
    p.failover.extra_servers = 1;
    p.failover.extra_monthly_cost = 104.16;
    p.availability = {0.99998, 0.99996, 1.0, 0.99952, 0.9995, true, 1262.0};
    p.total.servers = 11;
    p.total.monthly_cost = 6737.18;
    p.total.monthly_cost_per_user = 0.0673718;
    p.total.cost_per_million_requests = 898.29;
    p.total.path_premium = 65.47;
    finish(p);
    return p;
}

PointPlan point_1m() {
    PointPlan p;
    set_traffic(p, 1000000);
    set_storage(p, 1000000);
    p.stage = stage_of({Component::separate_db, Component::load_balancer, Component::session_store,
                        Component::log_aggregation, Component::read_replicas, Component::cache,
                        Component::cdn, Component::multi_datacenter, Component::message_queue,
                        Component::sharding});
    p.feasible = false;
    p.lb.instances = 4;
    p.lb.utilization = 0.0521;
    p.lb.monthly_cost = 260.0;
    p.web.servers = 36;
    p.web.servers_needed = 17;
    p.web.utilization = 0.6944;
    p.web.latency_p99_s = 0.1342;
    p.web.bound_by = "utilization";
    p.web.monthly_cost = 3749.76;
    p.db.instance = "db.r7g.xlarge";
    p.db.shards = 2;
    p.db.primaries = 2;
    p.db.replicas = 2;
    p.db.replicas_per_shard = 1;
    p.db.replica_ratio = 1.0;
    p.db.primary_utilization = 0.5208;
    p.db.replica_utilization = 0.6127;
    p.db.apply_utilization = 0.0868;
    p.db.storage_bytes = 2.0e10;
    p.db.working_set_bytes = 1.0e9; // 10 % of the data, per shard
    p.db.memory_utilization = 1.0e9 / 25769803776.0;
    p.db.reshard_moved_fraction = 0.5;
    p.db.utilization_cold_cache = 2.6042;
    p.db.bound_by = "writes";
    p.db.monthly_cost = 1401.60;
    p.cache.nodes = 2;
    p.cache.memory_bytes = 3.157e10;
    p.cache.hit_ratio = 0.8;
    p.cache.ops_per_s = 347.22;
    p.cache.utilization = 0.0347;
    p.cache.monthly_cost = 459.90;
    p.cdn.egress_bytes_per_month = 6.25e14;
    p.cdn.origin_egress_bytes_per_month = 3.1e13;
    p.cdn.requests_per_month = 5.48e9;
    p.cdn.monthly_cost = 32951.04;
    p.cdn.monthly_cost_without_cdn = 54215.90;
    p.queue.workers = 24;
    p.queue.workers_min = 4;
    // A saturated queue has no finite wait: null in every output.
    p.queue.mean_wait_s = std::numeric_limits<double>::quiet_NaN();
    p.queue.utilization = 0.7234;
    p.queue.brokers = 3;
    p.queue.monthly_cost = 891.36;
    p.sessions.concurrent = 28125;
    p.sessions.stored = 70312;
    p.sessions.memory_bytes = 1.44e8;
    p.sessions.monthly_cost = 93.44;
    p.logs.metric_series = 12800;
    p.logs.samples_per_s = 853.33;
    p.logs.monthly_cost = 2284.37;
    p.failover.datacenters = 2;
    p.failover.survive = 1;
    p.failover.headroom_ratio = 2.11;
    p.failover.extra_servers = 19;
    p.failover.extra_monthly_cost = 1978.98;
    p.availability = {0.999999, 0.99999, 0.999995, 0.99971, 0.9999, false, 762.1};
    p.total.servers = 72;
    p.total.monthly_cost = 40876.12;
    p.total.monthly_cost_per_user = 0.04087612;
    p.total.cost_per_million_requests = 545.01;
    p.total.path_premium = 0.0;
    p.warnings = {
        {"cold_cache_overload", "with the cache hit ratio at 0.0 % the database runs at 260 %"},
        {"slo_unmet", "availability 99.9710 % < target 99.9900 %: no architecture "
                      "within failover.max_datacenters = 2 reaches it"}};
    finish(p);
    return p;
}

planner::Breakpoint step(const char* metric, planner::StepValue from, planner::StepValue to,
                         double at_users) {
    // The probe below is at most 0.1 % of the users away (docs/models.md#breakpoints).
    return {metric, std::move(from), std::move(to), at_users, at_users - at_users / 1024.0};
}

planner::StageChange change(double at_users, const char* component, const char* what,
                            const char* reason) {
    return {at_users, at_users - 1.0, component, what, reason, std::nullopt};
}

// Plan warnings carry their user count; a point's warnings are listed in the plan too.
void add_warnings(planner::Plan& plan) {
    for (const PointPlan& p : plan.points) {
        for (const auto& w : p.warnings) {
            plan.warnings.push_back({w.code, w.message, p.users});
        }
    }
}

} // namespace

planner::Plan frozen_plan() {
    planner::Plan plan;
    plan.workload_name = "frozen";
    plan.workload_file = "tests/golden/format/inputs/frozen.toml";
    plan.points = {point_1k(), point_10k(), point_100k(), point_1m()};
    using std::int64_t;
    plan.breakpoints = {
        step("queue.workers", int64_t{0}, int64_t{1}, 9407),
        step("db.instance", std::string("none"), std::string("db.r7g.large"), 40000),
        step("db.shards", int64_t{0}, int64_t{1}, 40000),
        step("lb.instances", int64_t{0}, int64_t{2}, 54200),
        step("web.servers", int64_t{1}, int64_t{3}, 54200),
        step("db.replicas", int64_t{0}, int64_t{1}, 100000),
        // A steady run: one more about every 56k users (the summary view folds it).
        step("web.servers", int64_t{3}, int64_t{4}, 112000),
        step("web.servers", int64_t{4}, int64_t{5}, 168000),
        step("web.servers", int64_t{5}, int64_t{6}, 224000),
        step("web.servers", int64_t{6}, int64_t{7}, 280000),
        step("web.servers", int64_t{7}, int64_t{12}, 300000),
        step("lb.instances", int64_t{2}, int64_t{4}, 300000),
        step("cache.nodes", int64_t{0}, int64_t{2}, 336000),
        step("db.replicas", int64_t{1}, int64_t{0}, 336000),
        step("db.instance", std::string("db.r7g.large"), std::string("db.r7g.xlarge"), 480000),
        step("db.shards", int64_t{1}, int64_t{2}, 672000),
        step("db.replicas", int64_t{0}, int64_t{2}, 672000),
        step("queue.brokers", int64_t{0}, int64_t{3}, 700000),
        // A steady run of two more at a time, then a jump.
        step("queue.workers", int64_t{1}, int64_t{3}, 95000),
        step("queue.workers", int64_t{3}, int64_t{5}, 200000),
        step("queue.workers", int64_t{5}, int64_t{7}, 300000),
        step("queue.workers", int64_t{7}, int64_t{9}, 400000),
        step("queue.workers", int64_t{9}, int64_t{11}, 500000),
        step("queue.workers", int64_t{11}, int64_t{24}, 720000),
        // A steady run of steps alternating +1/+2 every 60k users: 9 nodes in 360k users, one
        // more about every 40k users.
        step("cache.nodes", int64_t{2}, int64_t{3}, 400000),
        step("cache.nodes", int64_t{3}, int64_t{5}, 460000),
        step("cache.nodes", int64_t{5}, int64_t{6}, 520000),
        step("cache.nodes", int64_t{6}, int64_t{8}, 580000),
        step("cache.nodes", int64_t{8}, int64_t{9}, 640000),
        step("cache.nodes", int64_t{9}, int64_t{11}, 700000),
        step("cache.nodes", int64_t{11}, int64_t{12}, 760000),
    };
    // In order of users, as the sweep lists them.
    std::stable_sort(plan.breakpoints.begin(), plan.breakpoints.end(),
                     [](const auto& a, const auto& b) { return a.at_users < b.at_users; });
    plan.stage_changes = {
        change(9407, "log_aggregation", "added",
               "2 servers are billed: logs and metrics move to a central store"),
        change(9407, "message_queue", "added",
               "p99 301 ms > 300 ms with the single server m7i.xlarge"),
        change(40000, "separate_db", "added", "the single server m7i.xlarge at 70.05 % > 70.00 %"),
        change(54200, "load_balancer", "added", "1 web server of c7i.xlarge at 70.01 % > 70.00 %"),
        change(54200, "session_store", "added",
               "comes with load_balancer: sessions leave the web servers (2.91 MiB)"),
        change(98200, "cdn", "added", "saves $65.47/mo"),
        change(100000, "read_replicas", "added",
               "availability 99.9294 % < target 99.9500 % (1857 s down per month)"),
        change(300000, "multi_datacenter", "added",
               "availability 99.9538 % < target 99.9900 % (1214 s down per month), and a "
               "reason long enough to wrap: the second data centre holds a full copy of the "
               "database and the web tier"),
        change(336000, "cache", "added", "saves $313/mo"),
        change(336000, "read_replicas", "dropped", "the cache takes the reads: saves $175/mo"),
        change(672000, "sharding", "added",
               "primary at 70.03 % > 70.00 % with writes only on db.r7g.xlarge"),
    };
    planner::StageChange episode =
        change(672000, "read_replicas", "transient", "added while resharding: saves $12.40/mo");
    episode.until_users = 690000;
    plan.stage_changes.push_back(episode);
    add_warnings(plan);
    return plan;
}

planner::Plan frozen_point_plan() {
    planner::Plan plan;
    plan.workload_name = "frozen";
    plan.workload_file = "tests/golden/format/inputs/frozen.toml";
    plan.points = {point_1m()};
    add_warnings(plan);
    return plan;
}

} // namespace capplan::test
