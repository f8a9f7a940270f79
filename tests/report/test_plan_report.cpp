// The metric registry and the machine renderings of a plan (capplan(1) capplan plan, METRICS).

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <iterator>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "common/errors.hpp"
#include "planner/sweep.hpp"
#include "report/metrics.hpp"
#include "report/plan_report.hpp"
#include "support/keyed_draws.hpp"
#include "support/plan_checks.hpp"
#include "support/random_workload.hpp"
#include "support/spec_catalogue.hpp"
#include "support/test_paths.hpp"
#include "tiers/bound_by.hpp"

using namespace capplan;
using namespace capplan::report;
using Catch::Matchers::Contains;

namespace {

planner::Plan two_point_plan() {
    planner::Plan plan;
    plan.workload_name = "demo";
    planner::PointPlan a;
    a.users = 1;
    a.web.servers = 1;
    a.web.bound_by = "min_servers";
    a.total.monthly_cost = 147.168;
    planner::PointPlan b = a;
    b.users = 250000;
    b.stage.add(planner::Component::separate_db);
    b.stage.add(planner::Component::load_balancer);
    b.web.servers = 7;
    b.web.latency_p99_s = std::nan("");  // no finite answer: null everywhere
    b.db.instance = "=HYPERLINK(\"x\")"; // a hostile text cell
    plan.points = {a, b};
    plan.breakpoints.push_back({"web.servers", std::int64_t{2}, std::int64_t{3}, 37400, 37380});
    plan.breakpoints.push_back(
        {"db.instance", std::string("none"), std::string("db.r7g.large"), 40000, 39970});
    plan.stage_changes.push_back(
        {37400, 37380, "load_balancer", "added", "web at 84 % > 70 %", std::nullopt});
    plan.warnings.push_back({"slo_unmet", "latency, with a comma", 250000});
    return plan;
}

} // namespace

TEST_CASE("The registry lists every metric capplan(1) promises, once", "[metrics]") {
    // capplan(1) METRICS documents each metric as ".TP", ".B PATH", then "TYPE[, UNIT]: ...";
    // the registry (the columns' order) and that list must be the same, entry by entry, so a
    // metric added in one place and not the other fails here.
    std::ifstream in(std::string(test::source_dir()) + "/man/capplan.1");
    REQUIRE(in);
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) {
        lines.push_back(line);
    }
    struct Documented {
        std::string path, type;
    };
    std::vector<Documented> documented;
    bool in_metrics = false;
    for (std::size_t i = 0; i + 2 < lines.size(); ++i) {
        if (lines[i].rfind(".SH ", 0) == 0) {
            in_metrics = lines[i] == ".SH METRICS";
        }
        if (in_metrics && lines[i] == ".TP" && lines[i + 1].rfind(".B ", 0) == 0) {
            documented.push_back({lines[i + 1].substr(3), lines[i + 2]});
        }
    }
    const auto& registry = metric_registry();
    REQUIRE(documented.size() == registry.size());
    std::set<std::string> seen;
    for (std::size_t i = 0; i < registry.size(); ++i) {
        const MetricDef& m = registry[i];
        INFO(m.path);
        CHECK(seen.insert(std::string(m.path)).second);
        CHECK_FALSE(m.description.empty());
        CHECK(documented[i].path == m.path);
        const char* type = m.type == MetricType::real      ? "real"
                           : m.type == MetricType::integer ? "integer"
                           : m.type == MetricType::boolean ? "boolean"
                                                           : "text";
        const std::string head = m.unit.empty()
                                     ? std::string(type) + ":"
                                     : std::string(type) + ", " + std::string(m.unit) + ":";
        CHECK(documented[i].type.rfind(head, 0) == 0);
    }
    CHECK(registry[0].path == "users");
    CHECK(registry[1].path == "stage");
    CHECK(registry[2].path == "feasible");
}

TEST_CASE("Unknown metrics get a did-you-mean", "[metrics]") {
    CHECK_THROWS_WITH(require_metric("web.sevrers", "--get"),
                      "unknown metric 'web.sevrers'; did you mean 'web.servers'?");
    try {
        (void)select_metrics("web.servers,db.shrads");
        FAIL("expected an error");
    } catch (const UsageError& e) {
        CHECK(e.flag() == "--fields");
        CHECK_THAT(e.message(), Contains("did you mean 'db.shards'?"));
    }
    const auto web = select_metrics("web.*, total.monthly_cost,web.servers");
    REQUIRE(web.size() == 7);
    CHECK(web.front()->path == "web.servers");
    CHECK(web.back()->path == "total.monthly_cost");
}

TEST_CASE("Plan JSON has the documented shape and nulls for no finite answer", "[plan_report]") {
    const auto json = nlohmann::ordered_json::parse(render_plan_json(two_point_plan(), "9.9"));
    std::vector<std::string> keys;
    for (const auto& item : json.items()) {
        keys.push_back(item.key());
    }
    CHECK(keys == std::vector<std::string>{"schema_version", "tool", "workload", "currency",
                                           "points", "breakpoints", "stage_changes", "warnings"});
    CHECK(json["workload"]["file"].is_null()); // the built-in default
    const auto& b = json["points"][1];
    CHECK(b["users"] == 250000);
    CHECK(b["stage"] == nlohmann::ordered_json::array({"separate_db", "load_balancer"}));
    CHECK(b["web"]["servers"] == 7);
    CHECK(b["web"]["latency_p99_s"].is_null());
    CHECK(json["points"][0]["stage"] == nlohmann::ordered_json::array({"single_server"}));
    CHECK(json["schema_version"] == 2);
    std::vector<std::string> point_keys;
    for (const auto& item : b.items()) {
        point_keys.push_back(item.key());
    }
    CHECK(std::vector<std::string>(point_keys.begin(), point_keys.begin() + 4) ==
          std::vector<std::string>{"users", "feasible", "stage", "traffic"});
    CHECK(b["feasible"] == true);
    CHECK(json["breakpoints"][0]["at_users"] == 37400);
    CHECK(json["breakpoints"][0]["below_users"] == 37380);
    CHECK(json["breakpoints"][0]["from"] == 2);
    CHECK(json["breakpoints"][1]["from"] == "none");
    CHECK(json["breakpoints"][1]["to"] == "db.r7g.large");
    CHECK(json["stage_changes"][0]["below_users"] == 37380);
    CHECK(json["stage_changes"][0]["component"] == "load_balancer");
    CHECK(json["warnings"][0]["at_users"] == 250000);
}

TEST_CASE("Plan CSV: header, stage joined by +, guard, empty null", "[plan_report]") {
    const std::string csv = render_plan_csv(two_point_plan(), {});
    const std::string header = csv.substr(0, csv.find("\r\n"));
    CHECK(header.rfind("users,stage,feasible,traffic.peak_rps,", 0) == 0);
    CHECK_THAT(csv, Contains("\r\n250000,separate_db+load_balancer,true,"));
    CHECK_THAT(csv, Contains(",\"'=HYPERLINK(\"\"x\"\")\","));
    const auto selected = select_metrics("web.servers,web.latency_p99_s");
    CHECK(render_plan_csv(two_point_plan(), selected) ==
          "users,web.servers,web.latency_p99_s\r\n1,1,0\r\n250000,7,\r\n");
    CHECK(render_plan_tsv(two_point_plan(), selected) ==
          "users\tweb.servers\tweb.latency_p99_s\n1\t1\t0\n250000\t7\t\n");
}

TEST_CASE("Get prints one value, or USERS<TAB>VALUE per point", "[plan_report]") {
    planner::Plan one = two_point_plan();
    one.points.pop_back();
    CHECK(render_plan_get(one, *find_metric("web.servers")) == "1\n");
    CHECK(render_plan_get(two_point_plan(), *find_metric("web.servers")) == "1\t1\n250000\t7\n");
    CHECK(render_plan_get(two_point_plan(), *find_metric("web.latency_p99_s")) ==
          "1\t0\n250000\tnull\n");
    CHECK(render_plan_get(two_point_plan(), *find_metric("stage")) ==
          "1\tsingle_server\n250000\tseparate_db+load_balancer\n");
}

TEST_CASE("Plan table and markdown tell the growth story", "[plan_report]") {
    const std::string table = render_plan_table(two_point_plan(), {});
    CHECK_THAT(table, Contains("stage changes:"));
    CHECK_THAT(table, Contains("+load_balancer (added): web at 84 % > 70 %"));
    CHECK_THAT(table, Contains("web.servers: 3 at 37.4k"));
    const std::string md = render_plan_markdown(two_point_plan(), {});
    CHECK_THAT(md, Contains("| users | stage |"));
    CHECK_THAT(md, Contains("---:|"));
}

TEST_CASE("capplan(1) documents every metric of the registry", "[metrics]") {
    std::ifstream in(std::string(capplan::test::source_dir()) + "/man/capplan.1", std::ios::binary);
    REQUIRE(in);
    const std::string man((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    for (const auto& m : metric_registry()) {
        INFO(m.path);
        CHECK(man.find(".B " + std::string(m.path) + "\n") != std::string::npos);
    }
}

TEST_CASE("capplan(1) lists the bound_by words of tiers::k_bound_by_words", "[metrics]") {
    // capplan(1) METRICS: ".B bound_by", "values:", then one ".BR word ," (or ".B word") per
    // line up to ".BR none ." — the same words, in the same order, as the one table.
    std::ifstream in(std::string(test::source_dir()) + "/man/capplan.1");
    REQUIRE(in);
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) {
        lines.push_back(line);
    }
    std::vector<std::string> words;
    bool in_metrics = false;
    for (std::size_t i = 0; i + 1 < lines.size() && words.empty(); ++i) {
        if (lines[i].rfind(".SH ", 0) == 0) {
            in_metrics = lines[i] == ".SH METRICS";
        }
        if (!in_metrics || lines[i] != ".B bound_by" || lines[i + 1] != "values:") {
            continue;
        }
        for (std::size_t j = i + 2; j < lines.size(); ++j) {
            const std::string& l = lines[j];
            const std::size_t at = l.rfind(".BR ", 0) == 0 ? 4 : (l.rfind(".B ", 0) == 0 ? 3 : 0);
            if (at == 0) {
                continue; // a line of prose inside the list
            }
            const std::string word = l.substr(at, l.find_first_of(" \n", at) - at);
            words.push_back(word);
            if (word == "none") {
                break;
            }
        }
    }
    REQUIRE(words.size() == tiers::k_bound_by_words.size());
    for (std::size_t i = 0; i < words.size(); ++i) {
        CHECK(words[i] == tiers::k_bound_by_words[i]);
    }
}

TEST_CASE("A missed availability never prints as its target, however close", "[report][numbers]") {
    // Random workloads planned at random points; each point's target is then moved just above
    // what it reaches (by 10^-k of the target's downtime budget, k = 1..9), so that the miss
    // is as close as a plan can come. The breakdown's availability must read apart from the
    // target's text, and no cell or message may carry an exponent (test::text_output_problem).
    const auto cat = test::spec_catalogue();
    int checked = 0;
    for (std::uint64_t trial = 0; trial < 12; ++trial) {
        const test::Draws d(3030, trial);
        const workload::Workload w = test::random_workload(d);
        const double users = std::exp(d.uniform("users", 0.0, 16.0));
        planner::Plan plan = planner::plan_growth(w, cat, {users});
        REQUIRE(plan.points.size() == 1);
        planner::PointPlan& p = plan.points.front();
        for (int k = 1; k <= 9; ++k) {
            const double total = p.availability.total;
            p.availability.target = total + (1.0 - total) * std::pow(10.0, -k);
            if (!(p.availability.target > total)) {
                continue; // the step is below a double's resolution there
            }
            p.availability.meets_target = false;
            p.feasible = false;
            INFO("trial " << trial << ", availability " << total << " against "
                          << p.availability.target);
            CHECK(test::text_output_problem(plan).empty());
            ++checked;
        }
    }
    CHECK(checked >= 80);
}

TEST_CASE("The summary folds runs that repeat a short cycle, and an entry ends at four lines",
          "[plan_report]") {
    // capplan(1) --breakpoints. Steps alternating +1/+2, 1,000 users per server apart: one run
    // of 60 servers in 40 steps.
    const auto run = [](std::int64_t from, std::vector<std::int64_t> cycle, int count) {
        std::vector<planner::Breakpoint> out;
        double users = 340'000.0;
        for (int k = 0; k < count; ++k) {
            const std::int64_t step = cycle[static_cast<std::size_t>(k) % cycle.size()];
            users += 1000.0 * static_cast<double>(step);
            out.push_back({"web.servers", from, from + step, users, users - 1.0});
            from += step;
        }
        return out;
    };
    const auto items = [](const std::vector<planner::Breakpoint>& bps, BreakpointView view) {
        std::vector<const planner::Breakpoint*> steps;
        for (const auto& b : bps) {
            steps.push_back(&b);
        }
        return breakpoint_items(steps, view);
    };
    const std::vector<std::string> folded = items(run(900, {1, 2}, 40), BreakpointView::summary);
    REQUIRE(folded.size() == 1);
    CHECK(folded[0] == "900 → 960 from 341k to 400k users: one more about every 1,000 users");
    CHECK(items(run(900, {2, 3}, 8), BreakpointView::summary).size() == 1);
    CHECK(items(run(900, {1, 1, 2}, 9), BreakpointView::summary).size() == 1);
    // A jump and steps a factor 3 apart are no cycle: 1 → 4, then +1/+3 is listed.
    CHECK(items(run(900, {1, 3}, 8), BreakpointView::summary).size() == 8);
    // Steps that go up and down fold into no run; the summary's entry ends after four lines
    // with how many it leaves out, the full list keeps them all.
    std::vector<planner::Breakpoint> flapping;
    for (int k = 0; k < 60; ++k) {
        const double users = 500'000.0 + 1000.0 * k;
        flapping.push_back({"web.servers", std::int64_t{918 + k % 2}, std::int64_t{919 - k % 2},
                            users, users - 1.0});
    }
    const std::vector<std::string> all = items(flapping, BreakpointView::summary);
    REQUIRE(all.size() == 60);
    const std::string capped = wrap_items_capped("  web.servers:", all, 4, 4);
    CHECK(std::count(capped.begin(), capped.end(), '\n') == 3);
    const std::size_t more = capped.find("… ");
    REQUIRE(more != std::string::npos);
    const int left = std::stoi(capped.substr(more + std::string("… ").size()));
    CHECK(static_cast<int>(std::count(capped.begin(), capped.end(), ',')) == 60 - left);
    CHECK_THAT(capped, Contains("more (--breakpoints all)"));
    const std::string full = wrap_items("  web.servers:", all, 4);
    CHECK(std::count(full.begin(), full.end(), '\n') > 3);
}
