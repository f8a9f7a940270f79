// Metamorphic properties of whole plans over seeded random valid workloads: everything finite,
// shards never fall as users grow, total cost never falls by more than the stage rule's saving
// threshold as users grow or as the latency SLO tightens, and a single-point plan equals the same
// point of a sweep. Every plan passes test::plan_problem (finite or null with a warning, JSON that
// parses), also for workloads drawn from the whole key table.

#include <catch2/catch.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <optional>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "cli/inputs.hpp"
#include "planner/sweep.hpp"
#include "report/metrics.hpp"
#include "report/plan_report.hpp"
#include "support/plan_checks.hpp"
#include "support/random_workload.hpp"
#include "support/schema_values.hpp"
#include "support/spec_catalogue.hpp"
#include "support/test_files.hpp"
#include "tiers/bill.hpp"
#include "tiers/db.hpp"
#include "units/users.hpp"
#include "workload/workload_schema.hpp"

using namespace capplan;
using namespace capplan::tiers;
using namespace capplan::planner;

namespace {

// The largest fall in total cost the stage rule allows between two plans: a bigger
// architecture replaces a smaller one only when it saves at least this (docs/models.md#stage), and
// each set's own cost does not fall as load grows. A small relative slack absorbs
// autoscaling granularity.
double allowed_fall(const workload::Workload& w, double cost) {
    return std::max(w.stage.min_saving, w.stage.min_saving_fraction * cost) + 1e-9 * cost;
}

// A random value of a numeric key inside its range: log-uniform over wide ranges (from 1e-6 of
// the unit when the range starts at 0, sometimes exactly 0), uniform over narrow ones.
double random_in_range(const workload::KeySpec& spec, std::mt19937_64& rng) {
    const workload::Bounds& b = spec.bounds;
    auto uni = [&](double lo, double hi) {
        return std::uniform_real_distribution<double>(lo, hi)(rng);
    };
    double x = 0.0;
    if (b.lo == 0.0 && !b.lo_open && uni(0, 1) < 0.1) {
        x = 0.0;
    } else if (b.hi / std::max(b.lo, 1e-6) > 100.0) {
        x = std::exp(uni(std::log(std::max(b.lo, 1e-6)), std::log(b.hi)));
    } else {
        x = uni(b.lo, b.hi);
    }
    if (spec.kind == workload::ValueKind::integer ||
        spec.kind == workload::ValueKind::integer_or_unlimited) {
        x = std::clamp(std::round(x), b.lo, b.hi);
    }
    if ((b.lo_open && x <= b.lo) || (b.hi_open && x >= b.hi)) {
        x = (b.lo + b.hi) / 2.0;
    }
    return x;
}

} // namespace

TEST_CASE("Plans of random workloads: finite, shards and cost monotone in users", "[properties]") {
    const auto cat = test::spec_catalogue();
    const std::vector<double> users = {1, 10, 100, 1000, 10000, 100000, 1000000};
    int compared = 0;
    for (int trial = 0; trial < 12; ++trial) {
        const workload::Workload w =
            test::random_workload(test::Draws(31337, static_cast<std::uint64_t>(trial)));
        const Plan plan = plan_growth(w, cat, users);
        INFO("trial " << trial);
        // The guarantees hold where some architecture meets every limit; where none does the
        // least-violating one is reported, with a warning, and its cost can be anything.
        auto feasible = [&](double u) {
            return std::none_of(plan.warnings.begin(), plan.warnings.end(),
                                [&](const auto& warning) {
                                    return warning.at_users == u &&
                                           warning.message.rfind("no architecture", 0) == 0;
                                });
        };
        CHECK(test::plan_problem(plan).empty());
        CHECK(test::text_output_problem(plan).empty());
        for (std::size_t i = 0; i < plan.points.size(); ++i) {
            const PointPlan& p = plan.points[i];
            if (i == 0 || !feasible(p.users) || !feasible(plan.points[i - 1].users)) {
                continue;
            }
            ++compared;
            const PointPlan& prev = plan.points[i - 1];
            INFO("users " << prev.users << " -> " << p.users);
            CHECK(p.db.shards >= prev.db.shards);
            CHECK(p.total.monthly_cost >=
                  prev.total.monthly_cost - allowed_fall(w, prev.total.monthly_cost));
        }
    }
    CHECK(compared >= 30); // the property was exercised, not skipped
}

TEST_CASE("A stricter latency SLO never lowers the cost beyond the threshold", "[properties]") {
    const auto cat = test::spec_catalogue();
    int compared = 0;
    for (int trial = 0; trial < 40; ++trial) {
        const test::Draws d(4242, static_cast<std::uint64_t>(trial));
        workload::Workload loose = test::random_workload(d);
        const double users = std::exp(d.uniform("users", 0.0, 13.0));
        const double slo = loose.slo.latency_p99_s.at(users);
        workload::Workload strict = loose;
        strict.slo.latency_p99_s = workload::Stepped<double>(slo * 0.7);
        const Plan a = plan_growth(loose, cat, {users});
        const Plan b = plan_growth(strict, cat, {users});
        if (!a.warnings.empty() || !b.warnings.empty()) {
            continue; // only where both plans meet every limit (see above)
        }
        ++compared;
        INFO("trial " << trial << ", users " << users << ", slo " << slo);
        const double cost = a.points[0].total.monthly_cost;
        CHECK(b.points[0].total.monthly_cost >= cost - allowed_fall(loose, cost));
    }
    CHECK(compared >= 8);
}

namespace {

// The index of a database instance among the workload's sizes (tiers::db_sizes), or the count
// of sizes for none.
std::size_t size_of(const workload::Workload& w, const workload::Catalogue& cat,
                    const std::string& instance) {
    const auto sizes = tiers::db_sizes(w, cat);
    for (std::size_t i = 0; i < sizes.size(); ++i) {
        if (sizes[i]->name == instance) {
            return i;
        }
    }
    return sizes.size();
}

} // namespace

TEST_CASE("A single-point plan gives the same row as a sweep", "[properties]") {
    // docs/models.md#conventions: each point is planned on its own; only db.reshard_moved_fraction
    // looks back.
    const auto cat = test::spec_catalogue();
    for (int trial = 0; trial < 4; ++trial) {
        const workload::Workload w =
            trial == 0 ? workload::Workload{}
                       : test::random_workload(test::Draws(777, static_cast<std::uint64_t>(trial)));
        const std::vector<double> sweep = {1, 30, 1000, 30000, 1000000};
        const Plan all = plan_growth(w, cat, sweep);
        for (std::size_t i = 0; i < sweep.size(); ++i) {
            const Plan one = plan_growth(w, cat, {sweep[i]});
            for (const auto& m : report::metric_registry()) {
                if (m.path == "db.reshard_moved_fraction") {
                    CHECK(one.points[0].db.reshard_moved_fraction == 0.0); // nothing before it
                    continue;
                }
                INFO("trial " << trial << ", " << m.path << " at " << sweep[i]);
                CHECK(m.read(one.points[0]) == m.read(all.points[i]));
            }
            // docs/models.md#shards: a reshard from S₀ to S shards moves |S − S₀|/max(S, S₀)
            // of the keys; the first point has no S₀. A sharded fleet that moved to a smaller
            // size (docs/models.md#growth-path) moved all of them.
            const double s = static_cast<double>(all.points[i].db.shards);
            const double s0 = i == 0 ? 0.0 : static_cast<double>(all.points[i - 1].db.shards);
            double moved = s > 0.0 && s0 > 0.0 ? std::abs(s - s0) / std::max(s, s0) : 0.0;
            const std::size_t size = size_of(w, cat, all.points[i].db.instance);
            const std::size_t size0 = i == 0 ? 0 : size_of(w, cat, all.points[i - 1].db.instance);
            if (s > 1.0 && s0 > 0.0 && size < size0 && size0 < tiers::db_sizes(w, cat).size()) {
                moved = 1.0;
            }
            INFO("trial " << trial << " at " << sweep[i]);
            CHECK(all.points[i].db.reshard_moved_fraction == moved);
        }
    }
}

TEST_CASE("A plan located without breakpoints has the same points, changes and warnings",
          "[properties]") {
    // capplan(1) OUTPUT: csv, tsv and --get skip the breakpoint search, which only locates
    // metric steps between the points; nothing else may depend on it.
    const auto cat = test::spec_catalogue();
    for (int trial = 0; trial < 4; ++trial) {
        const workload::Workload w =
            trial == 0 ? workload::Workload{}
                       : test::random_workload(test::Draws(778, static_cast<std::uint64_t>(trial)));
        const std::vector<double> users = units::user_grid(1.0, 1e7, 5);
        PlanSettings with;
        with.steps = &report::step_metrics();
        PlanSettings without;
        const Plan a = plan_growth(w, cat, users, with);
        const Plan b = plan_growth(w, cat, users, without);
        INFO("trial " << trial);
        CHECK(!a.breakpoints.empty());
        CHECK(b.breakpoints.empty());
        CHECK(report::render_plan_csv(a, {}) == report::render_plan_csv(b, {}));
        REQUIRE(a.stage_changes.size() == b.stage_changes.size());
        for (std::size_t i = 0; i < a.stage_changes.size(); ++i) {
            CHECK(a.stage_changes[i].at_users == b.stage_changes[i].at_users);
            CHECK(a.stage_changes[i].component == b.stage_changes[i].component);
            CHECK(a.stage_changes[i].reason == b.stage_changes[i].reason);
        }
        REQUIRE(a.warnings.size() == b.warnings.size());
        for (std::size_t i = 0; i < a.warnings.size(); ++i) {
            CHECK(a.warnings[i].message == b.warnings[i].message);
        }
    }
}

TEST_CASE("Plans of workloads drawn from every key's range: finite, and the JSON parses",
          "[properties]") {
    // Random values for a random dozen of the numeric keys (workload_schema.hpp), anywhere in
    // their valid ranges, through --set on the built-in default, planned at a random user count.
    std::vector<const workload::KeySpec*> keys;
    for (const workload::KeySpec& spec : workload::workload_keys()) {
        // The partners of the cross-key rules follow their key (test::companions).
        const std::string path = spec.path();
        if (test::numeric(spec.kind) && !test::follows_another(path)) {
            keys.push_back(&spec);
        }
    }
    // Every value is drawn inside its key's range and the cross-key partners follow it, so
    // every trial must load and plan cleanly: a trial that is refused or plans with a problem
    // is not counted, and the count must equal the number of trials.
    const int trials = 40;
    int planned = 0;
    for (int trial = 0; trial < trials; ++trial) {
        // The dozen keys whose own draws rank first, each value drawn by its key path, so a new
        // key moves only the trials that pick it (keyed_draws.hpp).
        const test::Draws d(6006, static_cast<std::uint64_t>(trial));
        cli::PlanInputs in;
        std::vector<std::pair<double, const workload::KeySpec*>> ranked;
        for (const workload::KeySpec* spec : keys) {
            ranked.emplace_back(d.uniform(spec->path() + ", pick", 0.0, 1.0), spec);
        }
        std::sort(ranked.begin(), ranked.end());
        for (std::size_t k = 0; k < 12; ++k) {
            const workload::KeySpec& spec = *ranked[k].second;
            std::mt19937_64 value = d.rng(spec.path());
            const double x = random_in_range(spec, value);
            for (const std::string& companion : test::companions(spec.path(), x)) {
                in.set.push_back(companion);
            }
            in.set.push_back(spec.path() + "=" + test::value_text(spec, x));
        }
        in.users = fmt::format("{:.6g}", std::exp(d.uniform("users", 0.0, 21.0)));
        INFO("trial " << trial << ", users " << *in.users);
        for (const std::string& set : in.set) {
            UNSCOPED_INFO("--set " << set);
        }
        std::optional<cli::LoadedInputs> loaded;
        const std::string diagnostic = test::diagnostic_of([&] { loaded = cli::load_inputs(in); });
        CHECK(diagnostic == "no error");
        if (!loaded) {
            continue;
        }
        const Plan plan = plan_growth(*loaded->workload, loaded->catalogue, loaded->users);
        const std::string problem = test::plan_problem(plan);
        const std::string text_problem = test::text_output_problem(plan);
        CHECK(problem.empty());
        INFO(text_problem);
        CHECK(text_problem.empty());
        if (problem.empty() && text_problem.empty()) {
            ++planned;
        }
    }
    CHECK(planned == trials);
}

TEST_CASE("Random draws are keyed by trial and key path, so a new draw moves no other",
          "[properties]") {
    // keyed_draws.hpp: a draw depends on the seed, the trial and its own name only.
    const test::Draws d(6006, 3);
    const double active = d.uniform("traffic.daily_active", 0.05, 0.6);
    CHECK(test::random_workload(d).traffic.daily_active == active);
    const workload::Workload again = test::random_workload(test::Draws(6006, 3));
    const workload::Workload first = test::random_workload(d);
    CHECK(first.traffic == again.traffic);
    CHECK(first.web == again.web);
    CHECK(first.db == again.db);
    CHECK(first.cache == again.cache);
    CHECK(first.failover == again.failover);
    CHECK(test::Draws(6006, 4).uniform("traffic.daily_active", 0.05, 0.6) != active);
    CHECK(test::Draws(6007, 3).uniform("traffic.daily_active", 0.05, 0.6) != active);
    CHECK(d.uniform("traffic.arrival_cv", 0.05, 0.6) != active);
    const std::int64_t picked = d.integer("failover.max_datacenters", 1, 4);
    CHECK(picked >= 1);
    CHECK(picked <= 4);
}

TEST_CASE("Every point's bill adds up: each group's lines to its cost, all lines to the total",
          "[properties]") {
    // docs/models.md#cost: every GROUP.monthly_cost and total.monthly_cost is a sum of the
    // point's lines (test::bill_problem reads them from the JSON, 1e-9 relative). The default
    // and the examples over 1..1M at 10 points per decade, then random workloads.
    bool transfer = false;
    bool cdn = false;
    const auto check = [&](const Plan& plan) {
        CHECK(test::bill_problem(plan).empty());
        for (const PointPlan& p : plan.points) {
            for (const tiers::BillLine& line : p.bill.lines()) {
                transfer = transfer || line.kind == tiers::CostKind::transfer;
                cdn = cdn || line.group == tiers::BillGroup::cdn;
            }
        }
    };
    for (const std::string example :
         {"", "examples/blog.toml", "examples/mobile-api.toml", "examples/photo-sharing.toml"}) {
        INFO("workload " << example);
        cli::PlanInputs in;
        in.users = "1..1M";
        in.per_decade = "10";
        const cli::LoadedInputs loaded =
            example.empty() ? cli::load_inputs(in)
                            : cli::load_inputs(in, test::read_source(example), example);
        check(plan_growth(*loaded.workload, loaded.catalogue, loaded.users, loaded.settings));
    }
    // The lines the check walked include a CDN's and a transfer (cross-centre replication or
    // origin fetches), not only instances and storage.
    CHECK(cdn);
    CHECK(transfer);
    const auto cat = test::spec_catalogue();
    for (int trial = 0; trial < 8; ++trial) {
        INFO("trial " << trial);
        check(
            plan_growth(test::random_workload(test::Draws(2626, static_cast<std::uint64_t>(trial))),
                        cat, {1, 100, 10000, 1000000, 1e8}));
    }
}
