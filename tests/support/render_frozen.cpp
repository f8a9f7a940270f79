// render_frozen: the format goldens' renderer (tests/golden/format/). It renders the frozen plan
// (frozen_plan.hpp) through the same report functions as `capplan plan` and `capplan check`,
// and two saved plans through those of `capplan diff`, so a model change cannot move a format
// golden. The flags are those of capplan(1), for the subset the goldens use:
//
//   render_frozen plan [--point] [-f FORMAT] [--get METRIC] [--fields LIST] [--breakpoints VIEW]
//   render_frozen check --budget FILE [--compare-to BASE.json] [--strict] [-f FORMAT]
//   render_frozen diff BASE.json NEW.json [-f FORMAT]
//
// --point renders the 1M point alone. The budgets must name points of the frozen plan (nothing
// here plans a point). The version is @VERSION@, as tests/cli/run_golden.sh writes it.
//
// tests/golden/format/inputs/next.json is the frozen plan's 100k and 1M points as saved once;
// base.json an earlier plan of them saved by an older capplan (schema_version 1, no
// total.path_premium). Both stay as they are: a saved plan is read back by any later capplan.

#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "report/budget_check.hpp"
#include "report/check_report.hpp"
#include "report/diff_report.hpp"
#include "report/plan_report.hpp"
#include "report/plan_values.hpp"
#include "support/frozen_plan.hpp"
#include "workload/workload_file.hpp"

namespace {

using namespace capplan;

constexpr const char* k_version = "@VERSION@";

struct Args {
    std::string command;
    std::vector<std::string> positional;
    std::map<std::string, std::string> flags; // flag -> value ("" for a switch)
    std::vector<std::string> budgets;
};

Args parse(int argc, char** argv) {
    Args a;
    if (argc < 2) {
        throw std::runtime_error("usage: render_frozen plan|check|diff [FLAGS]");
    }
    a.command = argv[1];
    for (int i = 2; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--point" || arg == "--strict") {
            a.flags[arg] = "";
        } else if (arg.rfind('-', 0) == 0) {
            if (i + 1 >= argc) {
                throw std::runtime_error(arg + " needs a value");
            }
            const std::string flag = arg == "-f" ? "--format" : arg;
            if (flag == "--budget") {
                a.budgets.emplace_back(argv[++i]);
            } else {
                a.flags[flag] = argv[++i];
            }
        } else {
            a.positional.push_back(arg);
        }
    }
    return a;
}

std::string flag(const Args& a, const std::string& name, const std::string& fallback = "") {
    const auto it = a.flags.find(name);
    return it == a.flags.end() ? fallback : it->second;
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw std::runtime_error("cannot open " + path);
    }
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string render_plan(const Args& a) {
    const planner::Plan plan =
        a.flags.count("--point") ? test::frozen_point_plan() : test::frozen_plan();
    const std::string format = flag(a, "--format", "table");
    if (a.flags.count("--get")) {
        return report::render_plan_get(plan, report::require_metric(flag(a, "--get"), "--get"));
    }
    const std::vector<const report::MetricDef*> fields =
        a.flags.count("--fields") ? report::select_metrics(flag(a, "--fields"))
                                  : std::vector<const report::MetricDef*>{};
    const std::string view_name = flag(a, "--breakpoints", "summary");
    const report::BreakpointView view = view_name == "all"    ? report::BreakpointView::all
                                        : view_name == "none" ? report::BreakpointView::none
                                                              : report::BreakpointView::summary;
    if (format == "json") {
        return report::render_plan_json(plan, k_version);
    }
    if (format == "csv") {
        return report::render_plan_csv(plan, fields);
    }
    if (format == "tsv") {
        return report::render_plan_tsv(plan, fields);
    }
    if (format == "markdown") {
        return report::render_plan_markdown(plan, fields, view);
    }
    if (format == "table") {
        return report::render_plan_table(plan, fields, view);
    }
    throw std::runtime_error("unknown plan format " + format);
}

std::string render_check(const Args& a) {
    std::vector<workload::Budget> budgets;
    for (const auto& path : a.budgets) {
        for (auto& b : workload::load_budget_file(read_file(path), path)) {
            report::validate_budget(b);
            budgets.push_back(std::move(b));
        }
    }
    std::optional<report::PlanValues> baseline;
    report::CheckOptions options;
    options.strict = a.flags.count("--strict") > 0;
    if (a.flags.count("--compare-to")) {
        options.baseline_file = flag(a, "--compare-to");
        baseline = report::read_saved_plan(read_file(options.baseline_file), options.baseline_file);
    }
    const planner::Plan plan = test::frozen_plan();
    const report::PlanValues values = report::plan_values(plan);
    const report::PlanValues* base = baseline ? &*baseline : nullptr;
    if (!report::extra_points(budgets, values, base).empty()) {
        throw std::runtime_error("a budget needs a point the frozen plan does not have");
    }
    const report::CheckReport check = report::evaluate_check(budgets, values, base, options);
    const std::string format = flag(a, "--format", "table");
    if (format == "json") {
        return report::render_check_json(check, k_version);
    }
    if (format == "markdown") {
        return report::render_check_markdown(check, plan);
    }
    if (format == "github") {
        return report::render_check_github(check);
    }
    if (format == "junit") {
        return report::render_check_junit(check);
    }
    if (format == "table") {
        return report::render_check_table(check);
    }
    throw std::runtime_error("unknown check format " + format);
}

std::string render_diff(const Args& a) {
    if (a.positional.size() != 2) {
        throw std::runtime_error("diff needs BASE.json and NEW.json");
    }
    const std::string& base_file = a.positional[0];
    const std::string& new_file = a.positional[1];
    const report::PlanDiff diff = report::diff_plans(
        report::read_saved_plan(read_file(base_file), base_file),
        report::read_saved_plan(read_file(new_file), new_file), base_file, new_file);
    const std::string format = flag(a, "--format", "table");
    if (format == "json") {
        return report::render_diff_json(diff, k_version);
    }
    if (format == "csv") {
        return report::render_diff_csv(diff);
    }
    if (format == "markdown") {
        return report::render_diff_markdown(diff);
    }
    if (format == "table") {
        return report::render_diff_table(diff);
    }
    throw std::runtime_error("unknown diff format " + format);
}

} // namespace

int main(int argc, char** argv) {
    try {
        if (argc == 2 && std::string(argv[1]) == "--version") {
            std::cout << "render_frozen " << k_version << "\n";
            return 0;
        }
        const Args a = parse(argc, argv);
        std::string text;
        if (a.command == "plan") {
            text = render_plan(a);
        } else if (a.command == "check") {
            text = render_check(a);
        } else if (a.command == "diff") {
            text = render_diff(a);
        } else {
            throw std::runtime_error("unknown command " + a.command);
        }
        std::cout << text;
        return std::cout.flush() ? 0 : 2;
    } catch (const std::exception& e) {
        std::cerr << "render_frozen: " << e.what() << "\n";
        return 2;
    }
}
