// `capplan plan`: plan a workload from 1 to 1,000,000 users and beyond (capplan(1)).

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/inputs.hpp"
#include "cli/output.hpp"
#include "common/errors.hpp"
#include "planner/sweep.hpp"
#include "report/metrics.hpp"
#include "report/plan_report.hpp"
#include "units/human.hpp"

namespace capplan::cli {

int run_plan(const PlanOptions& o) {
    // Flags first, so a typo fails before any planning.
    const std::string format = o.output.format.empty() ? "table" : o.output.format;
    if (format != "table" && format != "json" && format != "csv" && format != "tsv" &&
        format != "markdown") {
        throw UsageError("--format", fmt::format("unknown format '{}' for plan (use table, json, "
                                                 "csv, tsv or markdown)",
                                                 format));
    }
    if (o.output.get && o.fields) {
        throw UsageError("--get", "cannot be combined with --fields");
    }
    const report::MetricDef* get =
        o.output.get ? &report::require_metric(*o.output.get, "--get") : nullptr;
    const std::vector<const report::MetricDef*> fields =
        o.fields ? report::select_metrics(*o.fields) : std::vector<const report::MetricDef*>{};
    if (!fields.empty() && format == "json") {
        throw UsageError("--fields", "applies to table, csv, tsv and markdown, not json");
    }

    report::BreakpointView view = report::BreakpointView::summary;
    if (o.breakpoints == "all") {
        view = report::BreakpointView::all;
    } else if (o.breakpoints == "none") {
        view = report::BreakpointView::none;
    } else if (o.breakpoints != "summary") {
        throw UsageError("--breakpoints", fmt::format("unknown value '{}' (use all, summary or "
                                                      "none)",
                                                      o.breakpoints));
    }
    const LoadedInputs in = load_inputs(o.inputs);
    const planner::Plan plan =
        planner::plan_growth(in.workload, in.catalogue, in.users, in.settings);

    std::string text;
    if (get != nullptr) {
        text = report::render_plan_get(plan, *get);
    } else if (format == "json") {
        text = report::render_plan_json(plan, CAPPLAN_VERSION);
    } else if (format == "csv") {
        text = report::render_plan_csv(plan, fields);
    } else if (format == "tsv") {
        text = report::render_plan_tsv(plan, fields);
    } else if (format == "markdown") {
        text = report::render_plan_markdown(plan, fields, view);
    } else {
        text = report::render_plan_table(plan, fields, view);
    }
    for (const auto& w : plan.warnings) {
        print_warning(
            fmt::format("at {} users: {} ({})", units::human_users(w.at_users), w.message, w.code));
    }
    write_output(text, o.output.output_file);
    return 0;
}

} // namespace capplan::cli
