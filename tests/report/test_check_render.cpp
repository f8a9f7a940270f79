// The check formats (report/check_report.hpp, capplan(1) capplan check): a budget message with
// commas, colons, percent signs, markup and line breaks survives every format, each escaped its own
// way.

#include <catch2/catch.hpp>

#include <string>

#include <nlohmann/json.hpp>

#include "report/check_report.hpp"
#include "workload/workload_file.hpp"
#include "xml_check.hpp"

using namespace capplan;
using namespace capplan::report;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

namespace {

const std::string k_id = "cost, 100%: hard";
const std::string k_message = "ask finance: before raising, 100% sure\n"
                              "then page the %25 on-call <team> & \"ops\"\r\n"
                              "and a bell \x07 here";

planner::Plan small_plan() {
    planner::Plan plan;
    plan.workload_name = "shop <&>";
    plan.workload_file = "shop.toml";
    for (const double users : {1000.0, 10000.0}) {
        planner::PointPlan p;
        p.users = users;
        p.total.monthly_cost = users / 10;
        p.web.servers = 2;
        plan.points.push_back(p);
    }
    plan.warnings = {{"slo_unmet", "p99 > 300 ms, with a comma", 10000},
                     {"daily_profile", "approximate", 1000}};
    return plan;
}

CheckReport sample_report() {
    // The message as a TOML basic string: escapes for the line breaks and the bell.
    const std::string toml = "[[budget]]\nid = \"cost, 100%: hard\"\n"
                             "metric = \"total.monthly_cost\"\nmax = 500\n"
                             "message = \"ask finance: before raising, 100% sure\\nthen page the "
                             "%25 on-call <team> & \\\"ops\\\"\\r\\nand a bell \\u0007 here\"\n"
                             "[[budget]]\nmetric = \"web.servers\"\nmax = 1\nlevel = \"warn\"\n";
    const auto budgets = workload::load_budget_file(toml, "ci, budgets.toml");
    REQUIRE(budgets[0].message == k_message);
    return evaluate_check(budgets, plan_values(small_plan()), nullptr, {});
}

// Undoes the GitHub escaping of a property or a message.
std::string github_decode(const std::string& s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '%' && i + 2 < s.size()) {
            out += static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16));
            i += 2;
        } else {
            out += s[i];
        }
    }
    return out;
}

} // namespace

TEST_CASE("check table: the message under the broken budget", "[check][format]") {
    const std::string t = render_check_table(sample_report());
    CHECK_THAT(t, StartsWith("capplan check: shop <&>\nFAIL: 1 budget check failed, 2 warned, "
                             "1 passed; 1 plan warning failed (slo_unmet), 1 warned\n"));
    CHECK_THAT(t, Contains("cost, 100%: hard  total.monthly_cost    10k  <= $500/mo  $1,000/mo  "
                           "-$500/mo  FAIL"));
    // Continuation lines indented; the bell (a control character) is made visible.
    CHECK_THAT(t,
               Contains("  cost, 100%: hard (ci, budgets.toml:1): ask finance: before "
                        "raising, 100% sure\n    then page the %25 on-call <team> & \"ops\"\n    "
                        "and a bell \xEF\xBF\xBD here\n"));
    CHECK_THAT(t, Contains("  FAIL at 10k users: p99 > 300 ms, with a comma (slo_unmet)"));
}

TEST_CASE("check json: the message and the budget's file:line unchanged", "[check][format]") {
    const auto doc = nlohmann::json::parse(render_check_json(sample_report(), "1.2.3"));
    CHECK(doc["outcome"] == "fail");
    CHECK(doc["counts"]["fail"] == 2);
    REQUIRE(doc["results"].size() == 4);
    const auto& broken = doc["results"][1];
    CHECK(broken["id"] == k_id);
    CHECK(broken["message"] == k_message);
    CHECK(broken["file"] == "ci, budgets.toml");
    CHECK(broken["line"] == 1);
    CHECK(broken["users"] == 10000);
    CHECK(broken["expected"] == 500);
    CHECK(broken["actual"] == 1000);
    CHECK(broken["margin"] == -500);
    CHECK(broken["outcome"] == "fail");
    CHECK(doc["results"][3]["outcome"] == "warn");
    CHECK(doc["plan_warnings"][1]["message"] == "p99 > 300 ms, with a comma");
}

TEST_CASE("check markdown: marker first, escaped text, plan folded", "[check][format]") {
    const std::string m = render_check_markdown(sample_report(), small_plan());
    CHECK_THAT(m, StartsWith(std::string(k_check_marker) + "\n## capplan check: shop &lt;&amp;&gt; "
                                                           ":x: FAIL\n"));
    // The marker appears once: user text cannot fake it.
    CHECK(m.find(k_check_marker, 1) == std::string::npos);
    CHECK_THAT(m, Contains("> **cost, 100%: hard** (`ci, budgets.toml:1`): ask finance: before "
                           "raising, 100% sure<br>then page the %25 on-call &lt;team&gt; &amp; "
                           "\"ops\"<br>and a bell  here\n"));
    CHECK_THAT(m, Contains("| :x: FAIL | cost, 100%: hard | `total.monthly_cost` | 10k | ≤ "
                           "$500/mo | $1,000/mo | -$500/mo |"));
    CHECK_THAT(m, Contains("<details><summary>1 check passing</summary>"));
    CHECK_THAT(m, Contains("<details><summary>Plan</summary>\n\n## capplan plan:"));
    CHECK(m.find("<team>") == std::string::npos);
}

TEST_CASE("check github: one annotation per broken budget, escaped", "[check][format]") {
    const std::string g = render_check_github(sample_report());
    std::vector<std::string> lines;
    for (std::size_t start = 0, end; (end = g.find('\n', start)) != std::string::npos;
         start = end + 1) {
        lines.push_back(g.substr(start, end - start));
    }
    REQUIRE(lines.size() == 5); // 2 budgets, 2 plan warnings, the summary
    const std::string& error = lines[0];
    REQUIRE(error.rfind("::error ", 0) == 0);
    const auto sep = error.find("::", 2);
    const std::string properties = error.substr(8, sep - 8);
    // Properties split on the unescaped commas: a comma or colon inside a value is escaped.
    CHECK(properties == "file=ci%2C budgets.toml,line=1,title=capplan budget cost%2C 100%25%3A "
                        "hard");
    CHECK(github_decode("cost%2C 100%25%3A hard") == k_id);
    const std::string message = github_decode(error.substr(sep + 2));
    CHECK(message == "total.monthly_cost at 10k users: $1,000/mo, max $500/mo (margin -$500/mo)\n" +
                         k_message);
    CHECK(error.find('\r') == std::string::npos);
    CHECK_THAT(lines[1], StartsWith("::warning file=ci%2C budgets.toml,line=6,title=capplan "
                                    "budget web.servers::"));
    CHECK(lines[2] == "::warning file=shop.toml,title=capplan daily_profile::at 1,000 users: "
                      "approximate");
    CHECK(lines[3] == "::error file=shop.toml,title=capplan slo_unmet::at 10k users: p99 > 300 "
                      "ms, with a comma");
    CHECK_THAT(lines[4], StartsWith("capplan check: FAIL"));
}

TEST_CASE("check junit: well-formed XML carrying the message", "[check][format][xml]") {
    const std::string x = render_check_junit(sample_report());
    const auto root = test::parse_xml(x); // throws when not well-formed
    CHECK(root.name == "testsuites");
    CHECK(root.attributes.at("name") == "capplan check: shop <&>");
    CHECK(root.attributes.at("tests") == "6");
    CHECK(root.attributes.at("failures") == "2");
    std::vector<const test::XmlElement*> cases;
    root.collect("testcase", cases);
    REQUIRE(cases.size() == 6); // 2 budgets x 2 points, 2 planned points
    CHECK(cases[1]->attributes.at("name") == k_id + " at 10k users");
    CHECK(cases[1]->attributes.at("file") == "ci, budgets.toml");
    CHECK(cases[1]->attributes.at("line") == "1");
    REQUIRE(cases[1]->children.size() == 1);
    const auto& failure = cases[1]->children[0];
    CHECK(failure.name == "failure");
    CHECK(failure.attributes.at("type") == "max");
    // The bell is not an XML 1.0 character: dropped; the rest, CR included, survives.
    std::string expected = k_message;
    expected.erase(expected.find('\x07'), 1);
    CHECK_THAT(failure.text, Contains(expected));
    // A warning passes, with the warning in system-out.
    CHECK(cases[3]->children.at(0).name == "system-out");
    CHECK_THAT(cases[3]->children[0].text, StartsWith("WARN: web.servers at 10k users"));
    CHECK(cases[5]->attributes.at("name") == "SLOs at 10k users");
    CHECK(cases[5]->children.at(0).attributes.at("type") == "slo_unmet");
}

TEST_CASE("check markdown fits a GitHub comment", "[check][format]") {
    planner::Plan plan;
    plan.workload_name = "big";
    for (int i = 1; i <= 2000; ++i) {
        planner::PointPlan p;
        p.users = i;
        p.total.monthly_cost = i;
        plan.points.push_back(p);
    }
    const auto check = [&](const std::string& max) {
        const auto budgets = workload::load_budget_file(
            "[[budget]]\nmetric = \"total.monthly_cost\"\nmax = " + max + "\n", "b.toml");
        return render_check_markdown(evaluate_check(budgets, plan_values(plan), nullptr, {}), plan);
    };
    // 2,000 passing rows: the plan and the passing rows are left out, the head stays.
    const std::string passing = check("1e9");
    CHECK(passing.size() <= 60000);
    CHECK_THAT(passing, StartsWith(std::string(k_check_marker) + "\n## capplan check: big"));
    CHECK_THAT(passing, Contains("The passing checks are left out to fit a comment."));
    CHECK_THAT(passing, Contains("The plan is left out to fit a comment"));
    // 2,000 failing rows: cut at a line, with a note.
    const std::string failing = check("0");
    CHECK(failing.size() <= 60000);
    CHECK(failing.size() > 50000);
    CHECK_THAT(failing, Contains("| :x: FAIL | total.monthly_cost | `total.monthly_cost` | 1 |"));
    CHECK_THAT(failing, Contains("\n\n_Cut to fit a comment: the table, json and junit formats "
                                 "list every row._\n"));
    // A small check keeps everything.
    plan.points.resize(3);
    CHECK_THAT(check("1e9"), Contains("<details><summary>Plan</summary>"));
}
