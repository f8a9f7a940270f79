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
// here plans a point). -f goes through each command's own table of formats (cli/commands.hpp),
// so a format added there is one a golden can render.
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

#include "cli/commands.hpp"
#include "common/version.hpp"
#include "report/budget_check.hpp"
#include "report/check_report.hpp"
#include "report/diff_report.hpp"
#include "report/plan_report.hpp"
#include "report/plan_values.hpp"
#include "support/frozen_plan.hpp"
#include "workload/workload_file.hpp"

namespace {

using namespace capplan;

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
    const std::string format = flag(a, "--format");
    if (a.flags.count("--get")) {
        return report::render_plan_get(plan, report::require_metric(flag(a, "--get"), "--get"));
    }
    const std::vector<const report::MetricDef*> fields =
        a.flags.count("--fields") ? report::select_metrics(flag(a, "--fields"))
                                  : std::vector<const report::MetricDef*>{};
    return cli::render_plan_as(format, plan, fields,
                               cli::breakpoint_view(flag(a, "--breakpoints", "summary")));
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
    return cli::render_check_as(flag(a, "--format"), check, plan);
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
    return cli::render_diff_as(flag(a, "--format"), diff);
}

} // namespace

int main(int argc, char** argv) {
    try {
        if (argc == 2 && std::string(argv[1]) == "--version") {
            std::cout << "render_frozen " << capplan::version() << "\n"; // run_golden.sh masks it
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
