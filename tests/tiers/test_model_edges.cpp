// The model at its edges, through the command's input path on the built-in default:
// 1 user, 10^9 and 10^12 users, a web tier capped by max_servers, latency and availability
// targets no architecture meets, and a hot shard key no shard count fixes. Each gives a clear
// result with a warning: every metric finite or null with a warning (test::plan_problem), the
// limit that breaks named by a warning code, and the search ends (the test finishes).

#include <catch2/catch.hpp>

#include <algorithm>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "cli/inputs.hpp"
#include "planner/sweep.hpp"
#include "report/metrics.hpp"
#include "support/plan_checks.hpp"
#include "support/test_files.hpp"

using namespace capplan;

namespace {

planner::Plan plan_default(const char* users, const std::vector<std::string>& sets = {}) {
    cli::PlanInputs in;
    in.users = users;
    in.set = sets;
    const cli::LoadedInputs loaded = cli::load_inputs(in);
    planner::Plan plan = planner::plan_growth(*loaded.workload, loaded.catalogue, loaded.users);
    INFO(users);
    CHECK(test::plan_problem(plan).empty());
    CHECK(test::text_output_problem(plan).empty());
    return plan;
}

report::Value metric(const planner::PointPlan& p, const char* path) {
    const report::MetricDef* m = report::find_metric(path);
    REQUIRE(m != nullptr);
    return m->read(p);
}

// Whether the plan warns `code` at the user count of p (the warnings the JSON lists and stderr
// prints).
bool warned(const planner::Plan& plan, const planner::PointPlan& p, const std::string& code) {
    for (const auto& w : plan.warnings) {
        if (w.code == code && w.at_users == p.users) {
            return true;
        }
    }
    return false;
}

} // namespace

TEST_CASE("One user plans on one server without warnings", "[edges]") {
    const planner::Plan plan = plan_default("1");
    const planner::PointPlan& p = plan.points.at(0);
    CHECK(report::stage_text(p) == "single_server");
    CHECK(metric(p, "web.servers") == report::Value(std::int64_t{1}));
    CHECK(metric(p, "availability.meets_target") == report::Value(true));
    CHECK(plan.warnings.empty());
}

TEST_CASE("Zero users is an input error, not a plan", "[edges]") {
    cli::PlanInputs in;
    in.users = "0";
    CHECK(test::diagnostic_of([&] { (void)cli::load_inputs(in); }) ==
          "capplan: --users: error: user count '0' is below 1");
    in.users.reset();
    in.set = {"users=0"};
    CHECK(test::diagnostic_of([&] { (void)cli::load_inputs(in); }) ==
          "capplan: --set: error: growth.users: user count '0' is below 1");
}

TEST_CASE("10^9 and 10^12 users: finite, and every broken limit comes with a warning", "[edges]") {
    for (const char* users : {"1B", "1e12"}) {
        const planner::Plan plan = plan_default(users);
        const planner::PointPlan& p = plan.points.at(0);
        INFO(users << " users, stage " << report::stage_text(p));
        if (metric(p, "availability.meets_target") == report::Value(false)) {
            CHECK(warned(plan, p, "slo_unmet"));
        }
        if (metric(p, "web.bound_by") == report::Value(std::string("max_servers"))) {
            CHECK(warned(plan, p, "slo_unmet"));
        }
        CHECK(std::get<double>(metric(p, "total.monthly_cost")) > 0.0);
    }
}

TEST_CASE("A web tier capped by max_servers is reported as such, with a warning", "[edges]") {
    const planner::Plan plan = plan_default("1M", {"web.max_servers=2"});
    const planner::PointPlan& p = plan.points.at(0);
    CHECK(metric(p, "web.servers") == report::Value(std::int64_t{2}));
    CHECK(metric(p, "web.bound_by") == report::Value(std::string("max_servers")));
    CHECK(warned(plan, p, "slo_unmet"));
    // Saturated: the p99 has no finite value, so it is null and says why.
    CHECK(std::holds_alternative<std::monostate>(metric(p, "web.latency_p99_s")));
    CHECK(warned(plan, p, "no_finite_value"));
}

TEST_CASE("A latency target below the request's own legs is unreachable, with a warning",
          "[edges]") {
    // At 1M users the web pool says so and is bound by it.
    const planner::Plan plan = plan_default("1M", {"slo.latency_p99=\"1ms\""});
    CHECK(warned(plan, plan.points.at(0), "slo_unreachable"));
    CHECK(metric(plan.points.at(0), "web.bound_by") ==
          report::Value(std::string("latency_unreachable")));
    // At 1 user no set comes close enough to pay for more than one server
    // (stage.min_gap_closed, docs/models.md#stage): the point says the latency limits are out of
    // reach.
    const planner::Plan one = plan_default("1", {"slo.latency_p99=\"1ms\""});
    CHECK(one.points.at(0).stage.bits == 0);
    CHECK(warned(one, one.points.at(0), "slo_unmet"));
    CHECK(std::any_of(one.warnings.begin(), one.warnings.end(), [](const planner::WarningAt& w) {
        return w.message.find("latency limits are out of reach") != std::string::npos;
    }));
}

// Regression: when no architecture met the latency SLO, the least-violating choice of
// docs/models.md#stage ignored the p99 of a saturated web tier (it had no finite ratio), so a
// single overloaded web server "violated least" and was chosen at 1M users (1,250 % busy, p99
// null). A saturated tier's violation is unbounded and loses to any architecture with a finite p99.
TEST_CASE("An unreachable latency target does not make the planner choose a saturated tier",
          "[edges]") {
    const planner::PointPlan p = plan_default("1M", {"slo.latency_p99=\"1ms\""}).points.at(0);
    CHECK(std::get<double>(metric(p, "web.utilization")) < 1.0);
    CHECK_FALSE(std::holds_alternative<std::monostate>(metric(p, "web.latency_p99_s")));
}

TEST_CASE("An availability target no architecture meets is reported with a warning", "[edges]") {
    for (const char* users : {"1", "1M", "1B"}) {
        INFO(users << " users");
        const planner::Plan plan = plan_default(users, {"slo.availability=0.9999999"});
        const planner::PointPlan& p = plan.points.at(0);
        CHECK(metric(p, "availability.meets_target") == report::Value(false));
        CHECK(warned(plan, p, "slo_unmet"));
        CHECK(std::get<double>(metric(p, "availability.downtime_s_per_month")) > 0.0);
    }
}

TEST_CASE("A hot shard key that no shard count fixes is named, with a warning", "[edges]") {
    const planner::Plan plan = plan_default("1e12", {"db.shard_key_zipf=10"});
    const planner::PointPlan& p = plan.points.at(0);
    CHECK(metric(p, "db.bound_by") == report::Value(std::string("hot_key")));
    CHECK(warned(plan, p, "celebrity_key"));
    CHECK(std::get<std::int64_t>(metric(p, "db.shards")) >= 1);
}

// Regression: a free replication apply divided by zero in tiers/db.cpp size_database.
TEST_CASE("A free replication apply (db.apply_time = 0) plans", "[edges]") {
    const planner::Plan plan = plan_default("1M", {"db.apply_time=\"0s\""});
    CHECK(std::get<double>(metric(plan.points.at(0), "db.apply_utilization")) == 0.0);
}

// Regression: free static requests divided by zero in tiers/static_costs.cpp.
TEST_CASE("Free static requests (web.static_cpu_time = 0) plan", "[edges]") {
    const planner::Plan plan = plan_default("1M", {"web.static_cpu_time=\"0s\""});
    CHECK(test::plan_problem(plan).empty());
}

TEST_CASE("A hit-ratio floor of 100 % plans cleanly", "[edges]") {
    // A floor of 100 % is met only by caching all N objects (Che: h < 1 for any finite T), at
    // 10^9 users 5·10^11 of them: the plan stays finite (plan_default checks every metric), and
    // where the cache is chosen it holds everything.
    for (const char* users : {"1M", "1B"}) {
        INFO(users << " users");
        const planner::Plan plan = plan_default(users, {"cache.target_hit_ratio=1.0"});
        const planner::PointPlan& p = plan.points.at(0);
        if (p.stage.has(planner::Component::cache)) {
            CHECK(std::get<double>(metric(p, "cache.hit_ratio")) == 1.0);
            CHECK(std::get<std::int64_t>(metric(p, "cache.nodes")) > 0);
        }
    }
}
