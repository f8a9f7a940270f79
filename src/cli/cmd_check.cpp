// `capplan check`: budgets and SLOs of a workload's plan, for CI (capplan(1) capplan check,
// EXIT STATUS, BUDGETS).
//
// Exit status: 0 when every error-level budget and SLO holds (warnings too with --strict),
// 1 when one breaks (never with --exit-zero), 2 for bad input — a budget that cannot be
// checked (unknown metric, wrong unit, an increase limit without --compare-to) included.

#include <algorithm>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/formats.hpp"
#include "cli/inputs.hpp"
#include "cli/output.hpp"
#include "common/errors.hpp"
#include "common/version.hpp"
#include "planner/sweep.hpp"
#include "report/budget_check.hpp"
#include "report/check_report.hpp"
#include "report/plan_values.hpp"
#include "workload/workload.hpp"
#include "workload/workload_file.hpp"

namespace capplan::cli {
namespace {

// A row's renderer from one that reads the report alone.
template <std::string (*Render)(const report::CheckReport&)>
std::string report_only(const report::CheckReport& report, const planner::Plan&) {
    return Render(report);
}

// The formats of check (capplan(1) OUTPUT), the default first.
using CheckFormat = Format<std::string(const report::CheckReport&, const planner::Plan&)>;
const CheckFormat k_formats[] = {
    {"table", report_only<report::render_check_table>},
    {"json", [](const report::CheckReport& report,
                const planner::Plan&) { return report::render_check_json(report, version()); }},
    {"markdown", report::render_check_markdown},
    {"github", report_only<report::render_check_github>},
    {"junit", report_only<report::render_check_junit>},
};

// Standard input can be read once: by the workload, one --budget or --compare-to.
void check_stdin_once(const CheckOptions& o) {
    int readers = o.inputs.workload && *o.inputs.workload == "-" ? 1 : 0;
    readers += static_cast<int>(std::count(o.budget_files.begin(), o.budget_files.end(), "-"));
    readers += o.compare_to && *o.compare_to == "-" ? 1 : 0;
    if (readers > 1) {
        throw UsageError("", "standard input (-) can be given only once");
    }
}

// The budgets of the workload and of every --budget file, validated against the registry.
std::vector<workload::Budget> all_budgets(const CheckOptions& o, const LoadedInputs& in) {
    std::vector<workload::Budget> budgets = in.workload->budgets;
    if (!o.inputs.workload) {
        // The built-in workload is no file an annotation could point at.
        for (auto& b : budgets) {
            b.file.clear();
        }
    }
    for (const auto& path : o.budget_files) {
        const std::string display = path == "-" ? "<stdin>" : path;
        for (auto& b : workload::load_budget_file(read_input(path), display)) {
            report::validate_budget(b);
            budgets.push_back(std::move(b));
        }
    }
    return budgets;
}

} // namespace

std::vector<std::string> check_formats() {
    return format_names(k_formats);
}

std::string render_check_as(const std::string& format, const report::CheckReport& report,
                            const planner::Plan& plan) {
    return find_format(k_formats, format, "check").render(report, plan);
}

ExitStatus run_check(const CheckOptions& o) {
    // Flags first, so a typo fails before any planning.
    const CheckFormat& format = find_format(k_formats, o.output.format, "check");
    if (o.strict && o.exit_zero) {
        throw UsageError("--strict", "cannot be combined with --exit-zero");
    }
    check_stdin_once(o);
    const LoadedInputs in = load_inputs(o.inputs);
    const std::vector<workload::Budget> budgets = all_budgets(o, in);

    std::optional<report::PlanValues> baseline;
    if (o.compare_to) {
        const std::string display = *o.compare_to == "-" ? "<stdin>" : *o.compare_to;
        baseline = report::read_saved_plan(read_input(*o.compare_to), display);
        if (baseline->currency != in.workload->currency) {
            throw InputError(display, 0, 0,
                             fmt::format("the baseline is in {}, the workload in {}: costs "
                                         "cannot be compared",
                                         baseline->currency, in.workload->currency));
        }
    } else {
        for (const auto& b : budgets) {
            report::require_no_increase_limits(b);
        }
    }
    if (budgets.empty()) {
        print_warning("no budgets: add [[budget]] tables to the workload or pass --budget "
                      "FILE; checking the SLOs only");
    }

    const planner::Plan plan =
        planner::plan_growth(*in.workload, in.catalogue, in.users, in.settings);
    report::PlanValues values = report::plan_values(plan);
    const report::PlanValues* base = baseline ? &*baseline : nullptr;
    // Points a budget needs beyond the sweep are planned on their own (docs/models.md#conventions:
    // a point's plan does not depend on the others).
    for (const double users : report::extra_points(budgets, values, base)) {
        report::append_extra(
            values, planner::plan_growth(*in.workload, in.catalogue, {users}, in.settings));
    }
    report::CheckOptions options;
    options.strict = o.strict;
    options.baseline_file = baseline ? (*o.compare_to == "-" ? "<stdin>" : *o.compare_to) : "";
    const report::CheckReport report = report::evaluate_check(budgets, values, base, options);

    write_output(format.render(report, plan), o.output.output_file);
    if (report.outcome() == report::Outcome::fail && !o.exit_zero) {
        return ExitStatus::budget_broken;
    }
    return ExitStatus::ok;
}

} // namespace capplan::cli
