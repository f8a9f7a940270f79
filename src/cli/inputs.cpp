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
#include "workload/workload.hpp"
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

// load_inputs; `built_in`: the default workload, whose file is empty once loaded (JSON: "file":
// null) although its diagnostics name it.
LoadedInputs load(const PlanInputs& in, const std::string& text, const std::string& display,
                  bool built_in) {
    check_color(in);
    workload::LoadOptions options;
    options.users_from_command_line = in.users.has_value();
    LoadedInputs out;
    workload::Workload w = workload::load_workload(text, display, in.set, options);
    const int per_decade = in.per_decade
                               ? static_cast<int>(parse_whole_flag("--per-decade", *in.per_decade,
                                                                   1, units::k_max_per_decade))
                               : w.growth.per_decade;
    if (in.users) {
        try {
            out.users = units::user_points(units::parse_users(*in.users), per_decade);
        } catch (const units::UnitError& e) {
            throw UsageError("--users", e.what());
        }
    } else {
        w.growth.per_decade = per_decade;
        out.users = workload::workload_user_points(w);
    }
    out.catalogue = workload::load_catalogue(in.models_dir);
    workload::merge_catalogue(out.catalogue, w.models);
    workload::check_instances(w, out.catalogue);
    (void)planner::stage_rules(w); // unknown or conflicting components: exit 2
    check_budget_metrics(w.budgets);
    out.settings.choice = in.choice == "point" ? planner::Choice::point : planner::Choice::path;
    out.settings.steps = &report::step_metrics();
    if (built_in) {
        w.file.clear();
    }
    out.workload = std::make_shared<const workload::Workload>(std::move(w));
    return out;
}

} // namespace

LoadedInputs load_inputs(const PlanInputs& in) {
    check_color(in); // flags before files
    if (in.workload) {
        return load(in, read_input(*in.workload), input_display_name(*in.workload), false);
    }
    return load(in, std::string(workload::embedded_default_workload()),
                "photo-sharing.toml (built-in)", true);
}

LoadedInputs load_inputs(const PlanInputs& in, const std::string& text,
                         const std::string& display) {
    return load(in, text, display, false);
}

void check_budget_metrics(const std::vector<workload::Budget>& budgets) {
    for (const auto& b : budgets) {
        report::validate_budget(b);
    }
}

} // namespace capplan::cli
