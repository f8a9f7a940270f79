// Comparing two plans (report/plan_diff.hpp, report/diff_report.hpp; capplan(1) capplan diff).

#include <catch2/catch.hpp>

#include <string>

#include <nlohmann/json.hpp>

#include "common/errors.hpp"
#include "report/diff_report.hpp"
#include "report/plan_diff.hpp"

using namespace capplan;
using namespace capplan::report;
using Catch::Matchers::Contains;

namespace {

planner::PointPlan point(double users, double cost, std::int64_t servers) {
    planner::PointPlan p;
    p.users = users;
    p.total.monthly_cost = cost;
    p.web.servers = servers;
    return p;
}

PlanValues values(std::vector<planner::PointPlan> points, const std::string& currency = "USD") {
    planner::Plan plan;
    plan.workload_name = "demo";
    plan.currency = currency;
    plan.points = std::move(points);
    return plan_values(plan);
}

const MetricDiff& find(const PointDiff& p, const std::string& path) {
    for (const auto& d : p.metrics) {
        if (d.metric->path == path) {
            return d;
        }
    }
    FAIL("no " << path);
    throw;
}

} // namespace

TEST_CASE("Diff order: totals first, then stage, then the registry", "[diff]") {
    const auto& order = diff_order();
    REQUIRE(order.size() == metric_registry().size() - 1); // users is the key
    CHECK(order[0]->path == "total.servers");
    std::size_t totals = 0;
    while (order[totals]->group() == "total") {
        ++totals;
    }
    CHECK(order[totals]->path == "stage");
    CHECK(order[totals + 1]->path == "feasible");
    CHECK(order[totals + 2]->path == "traffic.peak_rps");
}

TEST_CASE("Per point and metric: old, new, absolute and relative change", "[diff]") {
    auto old_side = values({point(1000, 100, 1), point(10000, 0, 3)});
    auto new_side = values({point(1000, 125, 1), point(10000, 50, 2)});
    new_side.points[1].values[metric_index(*find_metric("stage"))] = Value{std::string("cache")};
    const PlanDiff d = diff_plans(old_side, new_side, "a.json", "b.toml");
    REQUIRE(d.points.size() == 2);
    const MetricDiff& cost = find(d.points[0], "total.monthly_cost");
    CHECK(cost.status == DiffStatus::changed);
    CHECK(cost.change == 25.0);
    CHECK(cost.relative == 0.25);
    CHECK(find(d.points[0], "web.servers").status == DiffStatus::unchanged);
    CHECK(find(d.points[1], "web.servers").change == -1.0);
    // From zero: an absolute change and no relative one.
    CHECK(find(d.points[1], "total.monthly_cost").change == 50.0);
    CHECK_FALSE(find(d.points[1], "total.monthly_cost").relative);
    const MetricDiff& stage = find(d.points[1], "stage");
    CHECK(stage.status == DiffStatus::changed);
    CHECK_FALSE(stage.change);
}

TEST_CASE("Rounding noise is no change; a missing metric is added", "[diff]") {
    auto old_side = values({point(1000, 0.1 + 0.2, 1)});
    auto new_side = values({point(1000, 0.3, 1)});
    old_side.points[0].values[metric_index(*find_metric("web.servers"))].reset();
    const PlanDiff d = diff_plans(old_side, new_side, "a", "b");
    CHECK(find(d.points[0], "total.monthly_cost").status == DiffStatus::unchanged);
    CHECK(find(d.points[0], "total.monthly_cost").change != 0.0); // but it is reported
    const MetricDiff& servers = find(d.points[0], "web.servers");
    CHECK(servers.status == DiffStatus::added);
    CHECK_FALSE(servers.old_value);
    CHECK_FALSE(servers.change);
    // The table shows the missing side as n/a; json as null with the status.
    CHECK_THAT(render_diff_table(d), Contains("web.servers  n/a    1\n"));
    const auto doc = nlohmann::json::parse(render_diff_json(d, "1"));
    const auto& entry = doc["points"][0]["metrics"]["web.servers"];
    CHECK(entry["old"].is_null());
    CHECK(entry["new"] == 1);
    CHECK(entry["status"] == "added");
}

TEST_CASE("Sides must have the same points and currency", "[diff]") {
    const auto a = values({point(1000, 1, 1), point(10000, 1, 1)});
    const auto b = values({point(1000, 1, 1)});
    try {
        (void)diff_plans(a, b, "a.json", "b.json");
        FAIL("no error");
    } catch (const InputError& e) {
        CHECK(render_diagnostic(e) ==
              "capplan: b.json: error: its user points (1,000) differ from those of a.json "
              "(1,000, 10k); save both plans with the same --users");
    }
    CHECK_THROWS_WITH(
        diff_plans(a, values({point(1000, 1, 1), point(10000, 1, 1)}, "EUR"), "a", "b"),
        Contains("currency EUR differs from USD"));
}

TEST_CASE("Machine formats list every metric; people's formats only changes", "[diff]") {
    const PlanDiff d = diff_plans(values({point(1000, 100, 1), point(10000, 200, 2)}),
                                  values({point(1000, 100, 1), point(10000, 300, 2)}), "a", "b");
    const std::string csv = render_diff_csv(d);
    std::size_t records = 0;
    for (std::size_t i = csv.find("\r\n"); i != std::string::npos; i = csv.find("\r\n", i + 1)) {
        ++records;
    }
    CHECK(records == 1 + 2 * diff_order().size());
    CHECK_THAT(csv, Contains("10000,total.monthly_cost,200,300,100,0.5,changed\r\n"));
    CHECK_THAT(csv, Contains("1000,total.monthly_cost,100,100,0,0,unchanged\r\n"));
    const std::string table = render_diff_table(d);
    CHECK_THAT(table, Contains("no changes at 1,000 users"));
    CHECK_THAT(table, Contains("total.monthly_cost  $200/mo  $300/mo  +$100/mo     +50 %\n"));
    CHECK(table.find("web.servers") == std::string::npos);
    const std::string markdown = render_diff_markdown(d);
    CHECK_THAT(markdown, Contains("| total.monthly_cost | $200/mo | $300/mo | +$100/mo | +50 % |"));
    const auto doc = nlohmann::json::parse(render_diff_json(d, "1"));
    CHECK(doc["points"][1]["metrics"].size() == diff_order().size());
    CHECK(doc["points"][1]["metrics"]["total.monthly_cost"]["relative_change"] == 0.5);
}
