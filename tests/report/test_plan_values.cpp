// A plan's values by metric path, from a Plan or from saved JSON (report/plan_values.hpp).

#include <catch2/catch.hpp>

#include <string>

#include <nlohmann/json.hpp>

#include "cli/inputs.hpp"
#include "common/errors.hpp"
#include "planner/sweep.hpp"
#include "report/plan_report.hpp"
#include "report/plan_values.hpp"

using namespace capplan;
using namespace capplan::report;

namespace {

// The built-in workload planned at three points: every metric, realistic values, warnings.
const planner::Plan& planned() {
    static const planner::Plan plan = [] {
        const cli::LoadedInputs in = cli::load_inputs(cli::PlanInputs{});
        return planner::plan_growth(*in.workload, in.catalogue, {1000, 100000, 1e6});
    }();
    return plan;
}

std::string problem(const std::string& json) {
    try {
        (void)read_saved_plan(json, "base.json");
    } catch (const InputError& e) {
        return render_diagnostic(e);
    }
    return "ok";
}

} // namespace

TEST_CASE("A saved plan reads back to the values of the plan", "[plan_values]") {
    const PlanValues live = plan_values(planned());
    const PlanValues saved = read_saved_plan(render_plan_json(planned(), "9.9"), "base.json");
    CHECK(saved.workload_name == "photo-sharing");
    CHECK(saved.currency == "USD");
    REQUIRE(saved.points.size() == 3);
    for (std::size_t i = 0; i < 3; ++i) {
        CHECK(saved.points[i].users == live.points[i].users);
        for (const auto& m : metric_registry()) {
            INFO(m.path << " at point " << i);
            // Exact: JSON holds the shortest round-trip form, and values are typed by the
            // registry (an integral real stays a real).
            CHECK(saved.points[i].at(m) == live.points[i].at(m));
        }
    }
    CHECK(saved.warnings.size() == live.warnings.size());
    CHECK(saved.find(100000) == &saved.points[1]);
    CHECK(saved.find(100000 * (1 + 1e-12)) == &saved.points[1]);
    CHECK(saved.find(100001) == nullptr);
}

TEST_CASE("An older saved plan without some metrics still reads", "[plan_values]") {
    auto doc = nlohmann::json::parse(render_plan_json(planned(), "0.0.1"));
    for (auto& p : doc["points"]) {
        p.erase("cache");
        p["web"].erase("servers_needed");
        p["web"]["a_metric_from_the_future"] = 12; // later versions only add keys
    }
    doc["something_new"] = {1, 2};
    const PlanValues saved = read_saved_plan(doc.dump(), "old.json");
    const auto& p = saved.points[0];
    CHECK_FALSE(p.at(*find_metric("cache.nodes")).has_value());
    CHECK_FALSE(p.at(*find_metric("web.servers_needed")).has_value());
    CHECK(p.at(*find_metric("web.servers")) == Value{std::int64_t{1}});
    CHECK(p.at(*find_metric("stage")) == Value{std::string("single_server")});
}

TEST_CASE("What is not a saved plan is an error naming the place", "[plan_values]") {
    CHECK(problem("users = 5\n") == "capplan: base.json: error: not a saved plan: expected the "
                                    "JSON object of `capplan plan -f json`");
    CHECK(problem("{\"points\": [\n  {\"users\": 1,}\n]}") ==
          "capplan: base.json:2:15: error: invalid JSON: syntax error while parsing object key - "
          "unexpected '}'; expected string literal");
    CHECK(problem("{\"a\": 1}") == "capplan: base.json: error: not a saved plan of `capplan "
                                   "plan -f json` (no \"points\")");
    CHECK(problem("{\"schema_version\": 3, \"points\": []}") ==
          "capplan: base.json: error: /schema_version: schema_version 3 is not supported (this "
          "capplan reads 1 and 2)");
    CHECK(problem("{\"points\": []}") ==
          "capplan: base.json: error: /points: must be a non-empty array of points");
    CHECK(problem("{\"points\": [{\"users\": 1, \"web\": {\"servers\": \"two\"}}]}") ==
          "capplan: base.json: error: /points/0/web/servers: expected a number, not string");
    CHECK(problem("{\"points\": [{\"users\": 1, \"web\": {\"servers\": 1.5}}]}") ==
          "capplan: base.json: error: /points/0/web/servers: expected an integer");
    CHECK(problem("{\"points\": [{\"users\": 10}, {\"users\": 1}]}") ==
          "capplan: base.json: error: /points/1/users: points must be in ascending users");
    CHECK(problem("{\"points\": [{\"users\": 1, \"stage\": \"cache\"}]}") ==
          "capplan: base.json: error: /points/0/stage: expected an array of component names");
    CHECK(problem("{\"points\": [{\"users\": 0}]}") ==
          "capplan: base.json: error: /points/0/users: must be between 1 and 10^12");
    CHECK(problem("{\"points\": [{\"users\": 1e13}]}") ==
          "capplan: base.json: error: /points/0/users: must be between 1 and 10^12");
    CHECK(problem("{\"points\": [{\"users\": 1e400}]}") ==
          "capplan: base.json: error: invalid JSON: number overflow parsing '1e400'");
    CHECK(problem("{\"points\": [{\"users\": 1, \"web\": {\"servers\": null}}]}") == "ok");
}

TEST_CASE("Extra points are found wherever they were appended", "[plan_values]") {
    planner::Plan sweep;
    for (const double users : {10.0, 100.0, 1000.0}) {
        planner::PointPlan p;
        p.users = users;
        sweep.points.push_back(p);
    }
    PlanValues values = plan_values(sweep);
    for (const double users : {5000.0, 50.0, 2000.0}) {
        planner::Plan one;
        one.points.resize(1);
        one.points[0].users = users;
        one.points[0].web.servers = static_cast<std::int64_t>(users);
        append_extra(values, one);
    }
    REQUIRE(values.points.size() == 6);
    for (const double users : {10.0, 100.0, 1000.0}) {
        REQUIRE(values.find(users) != nullptr);
        CHECK_FALSE(values.find(users)->extra);
    }
    for (const double users : {50.0, 2000.0, 5000.0}) {
        const PointValues* p = values.find(users);
        REQUIRE(p != nullptr);
        CHECK(p->extra);
        CHECK(p->at(*find_metric("web.servers")) == Value{static_cast<std::int64_t>(users)});
    }
    CHECK(values.find(20) == nullptr);
    CHECK(values.find(1e6) == nullptr);
}
