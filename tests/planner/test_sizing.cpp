// One architecture at one user point (docs/models.md#conventions): worked cases, identities and
// metamorphic properties over random valid workloads.

#include <catch2/catch.hpp>

#include <chrono>
#include <cmath>
#include <random>
#include <variant>

#include "planner/bounds.hpp"
#include "planner/choice.hpp"
#include "planner/memo.hpp"
#include "planner/sizing.hpp"
#include "report/metrics.hpp"
#include "support/random_workload.hpp"
#include "support/spec_catalogue.hpp"
#include "tiers/blob_cdn.hpp"

using namespace capplan;
using namespace capplan::tiers;
using namespace capplan::planner;
using Catch::Matchers::Contains;
using Catch::Matchers::WithinRel;

namespace {

Architecture make(std::initializer_list<Component> cs) {
    Architecture a;
    for (const Component c : cs) {
        a.add(c);
    }
    return a;
}

const Architecture k_sets[] = {
    make({}),
    make({Component::separate_db}),
    make({Component::separate_db, Component::load_balancer}),
    make({Component::separate_db, Component::read_replicas}),
    make({Component::separate_db, Component::load_balancer, Component::read_replicas}),
    make({Component::separate_db, Component::load_balancer, Component::sharding}),
    make({Component::separate_db, Component::load_balancer, Component::read_replicas,
          Component::sharding}),
};

bool has_warning(const PointPlan& p, const std::string& code) {
    for (const auto& w : p.warnings) {
        if (w.code == code) {
            return true;
        }
    }
    return false;
}

// Every real metric is finite, except the ones documented as possibly null, which then come
// with a warning.
// Every real metric of the registry is finite at a user count ≥ 1; the web p99 alone may have
// no finite value (a saturated pool), and then a no_finite_value warning says so.
void check_finite(const SizedArchitecture& s) {
    const PointPlan& p = s.plan;
    for (const report::MetricDef& m : report::metric_registry()) {
        const report::Value v = m.read(p);
        INFO(m.path);
        if (m.type != report::MetricType::real) {
            continue;
        }
        if (m.path == "web.latency_p99_s" && std::holds_alternative<std::monostate>(v)) {
            CHECK(has_warning(p, "no_finite_value"));
            continue;
        }
        const double* x = std::get_if<double>(&v);
        REQUIRE(x != nullptr);
        CHECK(std::isfinite(*x));
    }
    CHECK(std::isfinite(s.worst_violation));
}

// A random valid workload (seeded): capplan-workload(5) keys varied over plausible ranges.

} // namespace

TEST_CASE("one user fits on the single server", "[tiers][architecture]") {
    const auto cat = test::spec_catalogue();
    const workload::Workload w;
    const auto s = size_architecture(w, cat, 1.0, Architecture{}, {});
    CHECK(s.feasible);
    CHECK(s.worst_violation <= 1.0);
    // A feasible set says so, with how close its tightest limit is (reasons of held limits
    // are not formatted: it is the planner's hottest path).
    CHECK_THAT(s.worst_limit, Contains("every limit holds"));
    CHECK(s.plan.web.servers == 1);
    CHECK(s.plan.web.bound_by == "min_servers");
    CHECK(s.plan.db.primaries == 0);
    CHECK(s.plan.db.instance == "none");
    CHECK(s.plan.total.servers == 1);
    CHECK(s.plan.lb.instances == 0);
    CHECK(s.plan.failover.headroom_ratio == 1.0);
    // m7i.xlarge for 730 h: 147.168; plus 20 KB of database and 5 MB of blobs.
    CHECK_THAT(s.plan.web.monthly_cost, WithinRel(0.2016 * 730.0, 1e-14));
    check_finite(s);
}

TEST_CASE("the single server's database holds its working set in its share of the memory",
          "[tiers][architecture][memory]") {
    // docs/models.md#working-set. m7i.xlarge has 16 GiB; half of it, 8 GiB = 8.590e9 bytes, is
    // the database's (single.db_memory_share). 2 MB per user of working set fills it at
    // 4,295 users: 4,000 users (8.0e9, 93 %) fit, 4,600 (9.2e9, 107 %) do not. The CPU holds
    // at both (the default workload leaves the single server near 9.4k users).
    const auto cat = test::spec_catalogue();
    workload::Workload w;
    w.traffic.db_bytes_per_user = 4e6;
    w.db.working_set_per_user_bytes = 2e6;
    const double room = 16.0 * 1073741824.0 * 0.5;
    const auto fits = size_architecture(w, cat, 4000.0, Architecture{}, {});
    CHECK(fits.feasible);
    CHECK_THAT(fits.worst_violation, WithinRel(8e9 / room, 1e-12));
    CHECK(fits.plan.db.working_set_bytes == 8e9);
    CHECK_THAT(fits.plan.db.memory_utilization, WithinRel(8e9 / room, 1e-12));
    const auto full = size_architecture(w, cat, 4600.0, Architecture{}, {});
    CHECK_FALSE(full.feasible);
    CHECK_THAT(full.worst_violation, WithinRel(9.2e9 / room, 1e-12));
    CHECK_THAT(full.worst_limit, Contains("working set"));
    CHECK_THAT(full.worst_limit, Contains("single server m7i.xlarge"));
    // A separate database holds it instead.
    const auto separate = size_architecture(w, cat, 4600.0, make({Component::separate_db}), {});
    CHECK(separate.feasible);
    // Its shard's metrics: 9.2e9 bytes in the memory of the size it takes.
    CHECK(separate.plan.db.working_set_bytes == 9.2e9);
    CHECK(separate.plan.db.memory_utilization <= 1.0);
    CHECK(separate.plan.db.memory_utilization > 0.0);
    // Not modelled, the single server holds 4,600 users.
    w.db.working_set_per_user_bytes = 0.0;
    const auto off = size_architecture(w, cat, 4600.0, Architecture{}, {});
    CHECK(off.feasible);
    CHECK(off.plan.db.working_set_bytes == 0.0);
    CHECK(off.plan.db.memory_utilization == 0.0);
}

TEST_CASE("totals are the sum of the tiers", "[tiers][architecture]") {
    // docs/models.md#cost: the groups' costs plus internet egress (dynamic responses, and static
    // bytes without a CDN, one tiered bill) plus cross-centre replication (writes · 1 KB · (D − 1),
    // 0.01/GB across zones); every billed VM counted once.
    const auto cat = test::spec_catalogue();
    const workload::Workload w;
    for (const double users : {1.0, 3e3, 1e5, 1e6}) {
        for (const Architecture a : candidate_architectures(w)) {
            const auto s = size_architecture(w, cat, users, a, {});
            const PointPlan& p = s.plan;
            INFO("users " << users << " set " << a.bits);
            const double groups = p.web.monthly_cost + p.lb.monthly_cost + p.db.monthly_cost +
                                  p.cache.monthly_cost + p.blob.monthly_cost + p.cdn.monthly_cost +
                                  p.queue.monthly_cost + p.sessions.monthly_cost +
                                  p.logs.monthly_cost;
            const double requests_per_day = users * 0.3 * 200.0;
            const double days = 730.0 / 24.0;
            const double static_bytes =
                a.has(Component::cdn) ? 0.0 : requests_per_day * 0.25 * days * 1.5e6;
            const double egress = internet_egress_cost(test::aws_internet_2024(),
                                                       requests_per_day * days * 8e3, static_bytes);
            const double d = static_cast<double>(p.failover.datacenters);
            const double transfer =
                requests_per_day * 0.05 * 5.0 * 1e3 * (d - 1.0) * days / 1073741824.0 * 0.01;
            CHECK_THAT(p.total.monthly_cost, WithinRel(groups + egress + transfer, 1e-12));
            const std::int64_t visible = p.web.servers + p.lb.instances + p.db.primaries +
                                         p.db.replicas + p.cache.nodes + p.queue.workers +
                                         p.queue.brokers;
            if (a.has(Component::session_store) && !a.has(Component::cache)) {
                CHECK(p.total.servers >= visible + 2); // the session store's pairs
            } else {
                CHECK(p.total.servers == visible);
            }
            if (a.has(Component::separate_db)) {
                CHECK(p.db.replicas == p.db.shards * p.db.replicas_per_shard);
            }
            CHECK(p.stage.has(Component::log_aggregation) == (p.total.servers > 1));
            CHECK(s.feasible == (s.worst_violation <= 1.0 + 1e-9));
            CHECK(p.web.servers >= p.web.servers_needed);
            check_finite(s);
        }
    }
}

TEST_CASE("the default workload at 1M users needs more than one data centre",
          "[tiers][architecture]") {
    // Every set sized here has one centre, 99.954 % at best; the 1M target is 99.99 %.
    const auto cat = test::spec_catalogue();
    const workload::Workload w;
    const auto s = size_architecture(w, cat, 1e6, k_sets[6], {});
    CHECK_FALSE(s.feasible);
    // One shard: 1M users × 0.3 active × 200 requests/day × 3 (peak) / 86,400 s × 5 % writes
    // × 5 rows = 520.83 writes/s, which a replica's one replay process applies at 11 µs each
    // (db.apply_time's default): 0.57 % busy.
    CHECK(s.plan.db.shards == 1);
    CHECK_THAT(s.plan.db.apply_utilization, WithinRel(520.8333333333334 * 11e-6, 1e-9));
    CHECK(s.plan.web.servers == s.plan.web.servers_needed + 1);
    CHECK_FALSE(s.plan.availability.meets_target);
    bool availability_named = false;
    for (const Architecture a : k_sets) {
        const auto r = size_architecture(w, cat, 1e6, a, {});
        availability_named = availability_named || r.worst_limit.find("availability") == 0;
        CHECK_FALSE(r.feasible);
    }
    CHECK(availability_named);
    // A sizing alone does not look back: the sweep sets db.reshard_moved_fraction from the
    // point before (test_plan_properties.cpp).
    CHECK(s.plan.db.reshard_moved_fraction == 0.0);
}

TEST_CASE("the availability target asks for a standby when no read needs a replica",
          "[tiers][architecture]") {
    // No database reads: replicas serve nothing, so the first pass plans none. At 100k users the
    // target is 99.95 %; the site (8760/8764 = 99.954 %) times a lone primary (4000/4001) is
    // 99.929 %: short. One standby cuts the shard to (1/4001)² + 60/(4000·3600) = 4.2e-6 down.
    const auto cat = test::spec_catalogue();
    workload::Workload w;
    w.web.db_reads_per_request = 0.0;
    const auto s = size_architecture(w, cat, 1e5, k_sets[4], {});
    CHECK(s.plan.db.replicas_per_shard == 1);
    CHECK(s.plan.db.bound_by == "standby");
    CHECK(s.plan.availability.meets_target);
    const auto no = size_architecture(w, cat, 1e5, k_sets[2], {});
    CHECK(no.plan.db.replicas == 0);
    CHECK_FALSE(no.plan.availability.meets_target);
    CHECK_FALSE(no.feasible);
}

TEST_CASE("a constant daily profile costs the peak", "[tiers][architecture]") {
    const auto cat = test::spec_catalogue();
    workload::Workload w;
    w.traffic.peak_to_average = 1.0;
    w.traffic.trough_to_average = 1.0;
    const auto s = size_architecture(w, cat, 2e5, k_sets[4], {});
    CHECK_THAT(s.plan.web.monthly_cost,
               WithinRel(static_cast<double>(s.plan.web.servers) * 0.1785 * 730.0, 1e-13));
    // With the default day the autoscaled pool costs less than its peak.
    const auto d = size_architecture(workload::Workload{}, cat, 2e5, k_sets[4], {});
    CHECK(d.plan.web.monthly_cost < static_cast<double>(d.plan.web.servers) * 0.1785 * 730.0);
}

TEST_CASE("random workloads: finite metrics, monotone shards, SLO monotone web",
          "[tiers][architecture]") {
    const auto cat = test::spec_catalogue();
    for (int trial = 0; trial < 25; ++trial) {
        const test::Draws d(20240601, static_cast<std::uint64_t>(trial));
        const workload::Workload w = test::random_workload(d);
        const Architecture a = k_sets[static_cast<std::size_t>(trial) % std::size(k_sets)];
        INFO("trial " << trial << " set " << a.bits);
        // More users never fewer shards.
        std::int64_t shards = 0;
        for (double users = 1.0; users <= 3e7; users *= 4.0) {
            const auto s = size_architecture(w, cat, users, a, {});
            check_finite(s);
            CHECK(s.plan.db.shards >= shards);
            shards = s.plan.db.shards;
        }
        // A stricter latency SLO never lowers the web server count (while reachable).
        const double users = std::exp(d.uniform("users", 0.0, 15.0));
        std::int64_t servers = 0;
        for (const double slo : {2.0, 0.8, 0.4, 0.25, 0.15, 0.1}) {
            workload::Workload strict = w;
            strict.slo.latency_p99_s = workload::Stepped<double>(slo);
            const auto s = size_architecture(strict, cat, users, a, {});
            INFO("users " << users << " slo " << slo);
            if (s.plan.web.bound_by == "latency_unreachable") {
                break; // the utilization answer from here on (docs/models.md#web)
            }
            CHECK(s.plan.web.servers >= servers);
            servers = s.plan.web.servers;
        }
    }
}

TEST_CASE("The choice's bounds lie under the sized cost", "[tiers][architecture][stage]") {
    // The pruned choice (stage.cpp) skips a set when its floor or its bound cannot replace the
    // champion, and sets aside a set whose bound is certainly infeasible: exact only if
    // cost_floor ≤ the sized total always, the bound's cost ≤ it whenever the set is feasible,
    // and a certainly infeasible bound is never feasible when sized. Seeded random workloads,
    // every candidate set, user counts from 1 to 10^7.
    const auto cat = test::spec_catalogue();
    int feasible = 0;
    int infeasible_bounds = 0;
    for (int trial = 0; trial < 24; ++trial) {
        const test::Draws d(8128, static_cast<std::uint64_t>(trial));
        const workload::Workload w = test::random_workload(d);
        const double users = std::exp(d.uniform("users", 0.0, 16.1));
        for (const Architecture a : candidate_architectures(w)) {
            INFO("trial " << trial << ", users " << users << ", set " << a.bits);
            const auto s = size_architecture(w, cat, users, a, {});
            PointMemo memo;
            const double floor = cost_floor(w, cat, users, a, memo);
            const ArchitectureBound b = bound_architecture(w, cat, users, a, {}, memo);
            CHECK(floor <= s.plan.total.monthly_cost);
            if (s.feasible) {
                ++feasible;
                CHECK(b.monthly_cost <= s.plan.total.monthly_cost * (1.0 + 1e-12));
                CHECK_FALSE(b.infeasible);
            }
            if (b.infeasible) {
                ++infeasible_bounds;
                CHECK_FALSE(s.feasible);
            }
        }
    }
    // The random workloads reach both kinds of set.
    CHECK(feasible > 100);
    CHECK(infeasible_bounds > 100);
}
