// Budget and SLO evaluation (report/check_eval.hpp, capplan(1) BUDGETS) on hand-made plans, so
// every expected number is visible in the test.

#include <catch2/catch.hpp>

#include <cmath>
#include <stdexcept>
#include <string>

#include "report/check_eval.hpp"
#include "workload/workload_file.hpp"

using namespace capplan;
using namespace capplan::report;
using Catch::Matchers::Contains;
using Catch::Matchers::WithinRel;

namespace {

planner::PointPlan point(double users, double cost, std::int64_t servers, double p99) {
    planner::PointPlan p;
    p.users = users;
    p.total.monthly_cost = cost;
    p.web.servers = servers;
    p.web.latency_p99_s = p99;
    return p;
}

// Two points: 1k users ($100, 1 server, 100 ms) and 10k users ($200, 3 servers, p99 with no
// finite value); an unmet SLO at 10k and a harmless warning at 1k.
PlanValues current() {
    planner::Plan plan;
    plan.workload_name = "demo";
    plan.points = {point(1000, 100, 1, 0.1), point(10000, 200, 3, std::nan(""))};
    plan.warnings = {{"slo_unmet", "no architecture meets every limit", 10000},
                     {"daily_profile", "the day is approximated", 1000}};
    return plan_values(plan);
}

// A baseline saved at 1k and 3k users: $90 and $0.
PlanValues baseline() {
    planner::Plan plan;
    plan.points = {point(1000, 90, 1, 0.1), point(3000, 0, 1, 0.1)};
    return plan_values(plan);
}

std::vector<workload::Budget> budgets(const std::string& toml) {
    return workload::load_budget_file(toml, "b.toml");
}

CheckReport run(const std::string& toml, const PlanValues& values, const PlanValues* base = nullptr,
                bool strict = false) {
    CheckOptions options;
    options.strict = strict;
    options.baseline_file = base != nullptr ? "base.json" : "";
    return evaluate_check(toml.empty() ? std::vector<workload::Budget>{} : budgets(toml), values,
                          base, options);
}

} // namespace

TEST_CASE("max and min at every point of the sweep, with margins", "[check]") {
    const CheckReport r = run(R"(
[[budget]]
metric = "total.monthly_cost"
max = 150
[[budget]]
metric = "web.servers"
min = 2
)",
                              current());
    REQUIRE(r.results.size() == 4);
    // By budget, then users.
    CHECK(r.results[0].users == 1000);
    CHECK(r.results[0].held);
    CHECK(r.results[0].margin == 50.0);
    CHECK(r.results[0].outcome == Outcome::pass);
    CHECK(r.results[1].users == 10000);
    CHECK_FALSE(r.results[1].held);
    CHECK(r.results[1].margin == -50.0);
    CHECK(r.results[1].outcome == Outcome::fail);
    CHECK(r.results[2].kind == LimitKind::min);
    CHECK(r.results[2].margin == -1.0); // 1 server, at least 2
    CHECK(r.results[2].outcome == Outcome::fail);
    CHECK(r.results[3].margin == 1.0);
    CHECK(r.results[3].outcome == Outcome::pass);
    CHECK(r.outcome() == Outcome::fail);
}

TEST_CASE("A limit exactly met holds", "[check]") {
    const CheckReport r =
        run("[[budget]]\nmetric = \"total.monthly_cost\"\nmax = 200\nmin = 100\n", current());
    REQUIRE(r.results.size() == 4);
    CHECK(r.results[1].kind == LimitKind::min); // $100 at 1k, at least $100
    CHECK(r.results[1].margin == 0.0);
    CHECK(r.results[2].kind == LimitKind::max); // $200 at 10k, at most $200
    CHECK(r.results[2].margin == 0.0);
    for (const auto& x : r.results) {
        CHECK(x.held);
    }
}

TEST_CASE("Levels: warn reports, error fails, strict fails both", "[check]") {
    const std::string toml = "[[budget]]\nmetric = \"total.monthly_cost\"\nmax = 150\n"
                             "level = \"warn\"\n";
    const CheckReport warn = run(toml, current());
    CHECK(warn.results[1].outcome == Outcome::warn);
    CHECK(warn.count(Outcome::warn) == 2); // the budget and the daily_profile warning
    const CheckReport strict = run(toml, current(), nullptr, true);
    CHECK(strict.results[1].outcome == Outcome::fail);
    CHECK(strict.strict);
}

TEST_CASE("A null metric breaks its budget", "[check]") {
    const CheckReport r = run("[[budget]]\nmetric = \"web.latency_p99_s\"\nmax = 10\n", current());
    REQUIRE(r.results.size() == 2);
    CHECK(r.results[0].held);
    CHECK_FALSE(r.results[1].actual);
    CHECK_FALSE(r.results[1].held);
    CHECK(r.results[1].problem == "no finite value");
    CHECK(r.results[1].outcome == Outcome::fail);
}

TEST_CASE("at_users: one point, planned on its own when the sweep lacks it", "[check]") {
    const std::string toml = "[[budget]]\nmetric = \"total.monthly_cost\"\nmax = 150\n"
                             "at_users = 1000\n[[budget]]\nmetric = \"web.servers\"\nmax = 1\n"
                             "at_users = \"5k\"\n";
    PlanValues values = current();
    CHECK(extra_points(budgets(toml), values, nullptr) == std::vector<double>{5000});
    CHECK_THROWS_AS(run(toml, values), std::logic_error); // the caller must plan 5k first
    planner::Plan extra;
    extra.points = {point(5000, 150, 2, 0.1)};
    extra.warnings = {{"slo_unmet", "at 5k too", 5000}};
    append_extra(values, extra);
    CHECK(extra_points(budgets(toml), values, nullptr).empty());
    const CheckReport r = run(toml, values);
    REQUIRE(r.results.size() == 2);
    CHECK(r.results[0].users == 1000);
    CHECK(r.results[0].held);
    CHECK(r.results[1].users == 5000);
    CHECK(r.results[1].actual == 2.0);
    CHECK(r.results[1].outcome == Outcome::fail);
    // The extra point's warnings are checked; the headline stays the sweep's largest point.
    CHECK(r.checked_users == std::vector<double>{1000, 5000, 10000});
    CHECK(r.issues.size() == 3);
    CHECK(r.cost.users == 10000);
}

TEST_CASE("Increase limits compare with the baseline at its points", "[check]") {
    const std::string toml = "[[budget]]\nmetric = \"total.monthly_cost\"\nmax_increase_pct = 10\n"
                             "[[budget]]\nmetric = \"total.monthly_cost\"\nmax_increase = 20\n"
                             "at_users = 1000\n";
    const PlanValues base = baseline();
    PlanValues values = current();
    // Without at_users an increase limit is checked at the baseline's points (1k, 3k).
    CHECK(extra_points(budgets(toml), values, &base) == std::vector<double>{3000});
    planner::Plan extra;
    extra.points = {point(3000, 0, 1, 0.1)};
    append_extra(values, extra);
    const CheckReport r = run(toml, values, &base);
    REQUIRE(r.results.size() == 3);
    // 90 → 100 is +11.1 %, over 10 %.
    CHECK(r.results[0].baseline == 90.0);
    CHECK_THAT(*r.results[0].change, WithinRel(100.0 / 9.0, 1e-12));
    CHECK_THAT(*r.results[0].margin, WithinRel(10.0 - 100.0 / 9.0, 1e-12));
    CHECK(r.results[0].outcome == Outcome::fail);
    // 0 → 0 is no increase.
    CHECK(r.results[1].users == 3000);
    CHECK(r.results[1].change == 0.0);
    CHECK(r.results[1].held);
    // +10 against +20 allowed.
    CHECK(r.results[2].kind == LimitKind::max_increase);
    CHECK(r.results[2].change == 10.0);
    CHECK(r.results[2].margin == 10.0);
    CHECK(r.results[2].held);
    CHECK(r.cost.baseline == std::nullopt); // the baseline has no 10k point
}

TEST_CASE("No baseline value never passes silently", "[check]") {
    PlanValues base = baseline();
    // Growth from zero is unbounded in percent.
    planner::Plan extra;
    extra.points = {point(3000, 5, 1, 0.1)};
    PlanValues values = current();
    append_extra(values, extra);
    const CheckReport zero = run("[[budget]]\nmetric = \"total.monthly_cost\"\n"
                                 "max_increase_pct = 1000\nat_users = 3000\n",
                                 values, &base);
    REQUIRE(zero.results.size() == 1);
    CHECK_FALSE(zero.results[0].held);
    CHECK_FALSE(zero.results[0].change);
    CHECK_THAT(zero.results[0].problem, Contains("grew from 0"));
    // A point the baseline does not have.
    const CheckReport missing = run("[[budget]]\nmetric = \"total.monthly_cost\"\n"
                                    "max_increase = 1000\nat_users = 10000\nlevel = \"warn\"\n",
                                    current(), &base);
    REQUIRE(missing.results.size() == 1);
    CHECK_FALSE(missing.results[0].held);
    CHECK(missing.results[0].problem == "the baseline has no point at 10k users");
    CHECK(missing.results[0].outcome == Outcome::warn);
    // A metric an older capplan did not write.
    for (auto& p : base.points) {
        p.values[metric_index(*find_metric("web.servers"))].reset();
    }
    const CheckReport older =
        run("[[budget]]\nmetric = \"web.servers\"\nmax_increase = 5\nat_users = 1000\n", current(),
            &base);
    REQUIRE(older.results.size() == 1);
    CHECK_FALSE(older.results[0].held);
    CHECK_THAT(older.results[0].problem, Contains("lacks this metric"));
    CHECK(older.results[0].outcome == Outcome::fail);
}

TEST_CASE("Plan warnings: slo_unmet fails, others warn unless strict", "[check]") {
    const CheckReport r = run("", current());
    REQUIRE(r.issues.size() == 2);
    CHECK(r.issues[0].code == "daily_profile"); // by users
    CHECK(r.issues[0].outcome == Outcome::warn);
    CHECK(r.issues[1].code == "slo_unmet");
    CHECK(r.issues[1].outcome == Outcome::fail);
    CHECK(r.outcome() == Outcome::fail);
    CHECK(r.count(Outcome::fail) == 1);
    const CheckReport strict = run("", current(), nullptr, true);
    CHECK(strict.issues[0].outcome == Outcome::fail);
    // Without warnings and budgets the check passes.
    PlanValues clean = current();
    clean.warnings.clear();
    CHECK(run("", clean).outcome() == Outcome::pass);
    CHECK(run("", clean).cost.current == 200.0);
}
