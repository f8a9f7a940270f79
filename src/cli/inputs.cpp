#include "cli/inputs.hpp"

#include <fmt/format.h>

#include "cli/flag_values.hpp"
#include "cli/output.hpp"
#include "common/errors.hpp"
#include "planner/components.hpp"
#include "report/budget_check.hpp"
#include "report/metrics.hpp"
#include "units/quantity.hpp"
#include "units/users.hpp"
#include "workload/catalogue_file.hpp"
#include "workload/embedded.hpp"
#include "workload/workload_file.hpp"

namespace capplan::cli {
namespace {

void check_color(const PlanInputs& in) {
    if (in.color != "auto" && in.color != "always" && in.color != "never") {
        throw UsageError("--color",
                         fmt::format("unknown value '{}' (use auto, always or never)", in.color));
    }
    if (in.choice != "path" && in.choice != "point") {
        throw UsageError("--choice",
                         fmt::format("unknown value '{}' (use path or point)", in.choice));
    }
}

} // namespace

LoadedInputs load_inputs(const PlanInputs& in) {
    check_color(in); // flags before files
    if (in.workload) {
        return load_inputs(in, read_input(*in.workload), input_display_name(*in.workload));
    }
    LoadedInputs out = load_inputs(in, std::string(workload::embedded_default_workload()),
                                   "photo-sharing.toml (built-in)");
    out.workload.file.clear(); // JSON: "file": null for the built-in default
    return out;
}

LoadedInputs load_inputs(const PlanInputs& in, const std::string& text,
                         const std::string& display) {
    check_color(in);
    workload::LoadOptions options;
    options.users_from_command_line = in.users.has_value();
    LoadedInputs out;
    out.workload = workload::load_workload(text, display, in.set, options);
    const int per_decade = in.per_decade
                               ? static_cast<int>(parse_whole_flag("--per-decade", *in.per_decade,
                                                                   1, units::k_max_per_decade))
                               : out.workload.growth.per_decade;
    if (in.users) {
        try {
            out.users = units::user_points(units::parse_users(*in.users), per_decade);
        } catch (const units::UnitError& e) {
            throw UsageError("--users", e.what());
        }
    } else {
        out.workload.growth.per_decade = per_decade;
        out.users = workload::workload_user_points(out.workload);
    }
    out.catalogue = workload::load_catalogue(in.models_dir);
    workload::merge_catalogue(out.catalogue, out.workload.models);
    workload::check_instances(out.workload, out.catalogue);
    (void)planner::stage_rules(out.workload); // unknown or conflicting components: exit 2
    check_budget_metrics(out.workload);
    out.settings.choice = in.choice == "point" ? planner::Choice::point : planner::Choice::path;
    out.settings.steps = &report::step_metrics();
    return out;
}

void check_budget_metrics(const workload::Workload& w) {
    for (const auto& b : w.budgets) {
        report::validate_budget(b);
    }
}

} // namespace capplan::cli
