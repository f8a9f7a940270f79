// `capplan plan`: plan a workload from 1 to 1,000,000 users and beyond (capplan(1)).

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/formats.hpp"
#include "cli/inputs.hpp"
#include "cli/output.hpp"
#include "common/errors.hpp"
#include "common/version.hpp"
#include "planner/sweep.hpp"
#include "report/metrics.hpp"
#include "report/plan_report.hpp"
#include "units/human.hpp"

namespace capplan::cli {
namespace {

using Fields = std::vector<const report::MetricDef*>;

// A format of plan (capplan(1) OUTPUT); the table of them below, the default first.
struct PlanFormat {
    std::string_view name;
    bool takes_fields;      // --fields chooses its columns
    bool shows_breakpoints; // the breakpoints are part of its output
    std::string (*render)(const planner::Plan& plan, const Fields& fields,
                          report::BreakpointView view);
};

const PlanFormat k_formats[] = {
    {"table", true, true, report::render_plan_table},
    {"json", false, true,
     [](const planner::Plan& plan, const Fields&, report::BreakpointView) {
         return report::render_plan_json(plan, version());
     }},
    {"csv", true, false,
     [](const planner::Plan& plan, const Fields& fields, report::BreakpointView) {
         return report::render_plan_csv(plan, fields);
     }},
    {"tsv", true, false,
     [](const planner::Plan& plan, const Fields& fields, report::BreakpointView) {
         return report::render_plan_tsv(plan, fields);
     }},
    {"markdown", true, true, report::render_plan_markdown},
};

// "--fields applies to table, csv, tsv and markdown, not json".
std::string fields_apply_to() {
    std::vector<std::string> with;
    std::vector<std::string> without;
    for (const auto& f : k_formats) {
        (f.takes_fields ? with : without).emplace_back(f.name);
    }
    return fmt::format("applies to {}, not {}", join_names(with, " and "),
                       join_names(without, " or "));
}

} // namespace

std::vector<std::string> plan_formats() {
    return format_names(k_formats);
}

std::string render_plan_as(const std::string& format, const planner::Plan& plan,
                           const Fields& fields, report::BreakpointView view) {
    return find_format(k_formats, format, "plan").render(plan, fields, view);
}

report::BreakpointView breakpoint_view(const std::string& name) {
    if (name == "all") {
        return report::BreakpointView::all;
    }
    if (name == "none") {
        return report::BreakpointView::none;
    }
    if (name != "summary") {
        throw UsageError("--breakpoints",
                         fmt::format("unknown value '{}' (use all, summary or none)", name));
    }
    return report::BreakpointView::summary;
}

ExitStatus run_plan(const PlanOptions& o) {
    // Flags first, so a typo fails before any planning.
    const PlanFormat& format = find_format(k_formats, o.output.format, "plan");
    if (o.output.get && o.fields) {
        throw UsageError("--get", "cannot be combined with --fields");
    }
    const report::MetricDef* get =
        o.output.get ? &report::require_metric(*o.output.get, "--get") : nullptr;
    const std::vector<const report::MetricDef*> fields =
        o.fields ? report::select_metrics(*o.fields) : std::vector<const report::MetricDef*>{};
    if (!fields.empty() && !format.takes_fields) {
        throw UsageError("--fields", fields_apply_to());
    }

    const report::BreakpointView view = breakpoint_view(o.breakpoints);
    const LoadedInputs in = load_inputs(o.inputs);
    // The breakpoints cost most of a sweep's sizings: they are located only where the output
    // shows them.
    planner::PlanSettings settings = in.settings;
    if (get != nullptr || !format.shows_breakpoints || view == report::BreakpointView::none) {
        settings.steps = nullptr;
    }
    const planner::Plan plan = planner::plan_growth(*in.workload, in.catalogue, in.users, settings);

    const std::string text =
        get != nullptr ? report::render_plan_get(plan, *get) : format.render(plan, fields, view);
    for (const auto& w : plan.warnings) {
        print_warning(
            fmt::format("at {}: {} ({})", units::users_text(w.at_users), w.message, w.code));
    }
    write_output(text, o.output.output_file);
    return ExitStatus::ok;
}

} // namespace capplan::cli
