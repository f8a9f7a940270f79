// The whole scaling path (docs/models.md#stage, docs/models.md#growth-path): the built-in default's
// story from 1 to 10M users, and metamorphic properties of the later components.

#include <catch2/catch.hpp>

#include <cmath>
#include <set>
#include <string>

#include "planner/choice.hpp"
#include "planner/sizing.hpp"
#include "planner/sweep.hpp"
#include "support/spec_catalogue.hpp"
#include "tiers/failover.hpp"
#include "workload/embedded.hpp"
#include "workload/workload.hpp"
#include "workload/workload_file.hpp"

using namespace capplan;
using namespace capplan::tiers;
using namespace capplan::planner;

namespace {

Architecture everything() {
    Architecture a;
    for (int i = 0; i < k_component_count; ++i) {
        a.add(static_cast<Component>(i));
    }
    return a;
}

} // namespace

TEST_CASE("the default plan walks the whole scaling path", "[tiers][story]") {
    // docs/models.md#stage: from 1 to 10M users the built-in default (examples/photo-sharing.toml,
    // the workload `capplan plan` plans without a file) starts at single_server and has every
    // component by 10M users; every change says why. By 1M it has every component but
    // sharding: its 520.83 writes/s (1M users × 0.3 active × 200 requests/day × 3 peak /
    // 86,400 s × 5 % writes × 5 rows) take 2.08 Erlangs at 4 ms each, 52 % of a
    // db.r7g.xlarge primary's 4 vCPUs, and a replica replays them at 11 µs each
    // (docs/models.md#replication). The primary passes 70 % on db.r7g.4xlarge near 5.4M.
    const workload::Workload w =
        workload::load_workload(workload::embedded_default_workload(), "photo-sharing.toml", {});
    const auto cat = test::spec_catalogue();
    const Plan plan = plan_growth(w, cat, {1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7});
    REQUIRE(plan.points.size() == 8);
    CHECK(plan.points.front().stage.bits == 0);
    Architecture all_but_sharding = everything();
    all_but_sharding.remove(Component::sharding);
    CHECK(plan.points[6].stage == all_but_sharding);
    CHECK(plan.points[6].db.primary_utilization == Approx(520.8333333333334 * 0.004 / 4.0));
    CHECK(plan.points.back().stage == everything());
    std::set<std::string> added;
    for (const auto& change : plan.stage_changes) {
        CHECK_FALSE(change.reason.empty());
        if (change.change == "added") {
            added.insert(change.component);
        }
    }
    CHECK(added.size() == static_cast<std::size_t>(k_component_count));
    // At 10M: several centres meeting 99.99 %, a replica of each shard in every other centre.
    const PointPlan& last = plan.points.back();
    CHECK(last.failover.datacenters >= 2);
    CHECK(last.availability.meets_target);
    CHECK(last.db.replicas_per_shard >= last.failover.datacenters - 1);
    CHECK(last.cache.nodes > 0);
    CHECK(last.cdn.monthly_cost > 0.0);
    CHECK(last.cdn.monthly_cost < last.cdn.monthly_cost_without_cdn);
    CHECK(last.queue.workers > 0);
    CHECK(last.logs.monthly_cost > 0.0);
}

TEST_CASE("a higher hit-ratio floor never gives a smaller cache", "[tiers][metamorphic]") {
    const auto cat = test::spec_catalogue();
    for (const double users : {3e4, 1e6}) {
        workload::Workload w;
        std::int64_t nodes = 0;
        double memory = 0.0;
        for (const double floor : {0.3, 0.5, 0.7, 0.8, 0.9, 0.95, 0.99}) {
            w.cache.target_hit_ratio = floor;
            const auto s = size_architecture(w, cat, users, everything(), {});
            INFO("users " << users << ", floor " << floor);
            CHECK(s.plan.cache.hit_ratio >= floor - 1e-9);
            CHECK(s.plan.cache.nodes >= nodes);
            CHECK(s.plan.cache.memory_bytes >= memory * (1.0 - 1e-12));
            nodes = s.plan.cache.nodes;
            memory = s.plan.cache.memory_bytes;
        }
    }
}

TEST_CASE("surviving more failures never gives fewer servers", "[tiers][metamorphic]") {
    const auto cat = test::spec_catalogue();
    for (const double users : {1e5, 1e6}) {
        workload::Workload w;
        w.failover.max_datacenters = 4;
        // From 1 up: survive = 0 asks several centres to survive nothing, which no D meets
        // (capplan(1) NOTES), so the search ends at the most centres.
        std::int64_t servers = 0;
        for (const std::int64_t survive : {1, 2, 3}) {
            w.failover.survive = survive;
            const auto s = size_architecture(w, cat, users, everything(), {});
            INFO("users " << users << ", survive " << survive);
            CHECK(s.plan.total.servers >= servers);
            servers = s.plan.total.servers;
        }
        // One centre: more spares, more servers.
        Architecture one = everything();
        one.remove(Component::multi_datacenter);
        servers = 0;
        for (const std::int64_t spares : {0, 1, 2, 4}) {
            w.failover.spares = spares;
            const auto s = size_architecture(w, cat, users, one, {});
            CHECK(s.plan.total.servers >= servers);
            servers = s.plan.total.servers;
        }
    }
}

TEST_CASE("the spreading rule never plans fewer for more losses", "[tiers][metamorphic]") {
    for (std::int64_t d = 2; d <= 6; ++d) {
        for (std::int64_t n = 0; n <= 100; ++n) {
            std::int64_t previous = 0;
            for (std::int64_t k = 0; k < d; ++k) {
                const std::int64_t m = FailoverRule{d, k, 0}.planned(n);
                CHECK(m >= previous);
                CHECK(m >= n);
                previous = m;
            }
        }
    }
}

TEST_CASE("each component relieves what it should", "[tiers][metamorphic]") {
    // docs/models.md#blob-cdn, #queue, #cache: the CDN takes static requests off the proxies and
    // web servers, the queue takes jobs off the web servers, the cache takes reads off the
    // database.
    const auto cat = test::spec_catalogue();
    const workload::Workload w;
    Architecture base;
    for (const Component c : {Component::separate_db, Component::load_balancer,
                              Component::session_store, Component::read_replicas}) {
        base.add(c);
    }
    for (const double users : {1e4, 3e5}) {
        const auto plain = size_architecture(w, cat, users, base, {});
        Architecture with = base;
        with.add(Component::cdn);
        const auto cdn = size_architecture(w, cat, users, with, {});
        CHECK(cdn.plan.web.servers_needed <= plain.plan.web.servers_needed);
        CHECK(cdn.plan.lb.utilization < plain.plan.lb.utilization);
        CHECK(plain.plan.cdn.monthly_cost == 0.0);
        with = base;
        with.add(Component::message_queue);
        const auto mq = size_architecture(w, cat, users, with, {});
        CHECK(mq.plan.web.servers_needed <= plain.plan.web.servers_needed);
        CHECK(mq.plan.web.monthly_cost <= plain.plan.web.monthly_cost);
        CHECK(mq.plan.queue.workers > 0);
        CHECK(plain.plan.queue.workers == 0);
        with = base;
        with.add(Component::cache);
        const auto cache = size_architecture(w, cat, users, with, {});
        CHECK(cache.plan.traffic.db_read_rps < plain.plan.traffic.db_read_rps);
        CHECK(cache.plan.db.utilization_cold_cache >= cache.plan.db.replica_utilization);
    }
}

TEST_CASE("free static requests price no web capacity without the CDN", "[tiers][cdn]") {
    // Regression (found by the reliability work): web.static_cpu_time = 0 divided by zero in
    // the price of the capacity static requests would take without a CDN.
    const auto cat = test::spec_catalogue();
    workload::Workload w;
    w.web.static_cpu_time_s = 0.0;
    const auto s = size_architecture(w, cat, 1e6, everything(), {});
    CHECK(std::isfinite(s.plan.cdn.monthly_cost_without_cdn));
    workload::Workload with_cpu;
    const auto t = size_architecture(with_cpu, cat, 1e6, everything(), {});
    // The web share is the only difference: it is positive with CPU, 0 without.
    CHECK(t.plan.cdn.monthly_cost_without_cdn > s.plan.cdn.monthly_cost_without_cdn);
}
