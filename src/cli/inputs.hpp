#pragma once
// Loading what a planning command needs: the workload (file, stdin or built-in default) with
// its --set overrides, the catalogue with --models and [models], and the user points of
// --users / --per-decade or the workload's [growth]. Shared by plan (and later check, diff).

#include <memory>
#include <string>
#include <vector>

#include "cli/options.hpp"
#include "planner/sweep.hpp"
#include "workload/budget_section.hpp"
#include "workload/catalogue.hpp"
#include "workload/workload_fwd.hpp"

namespace capplan::cli {

struct LoadedInputs {
    // Read-only once loaded, and held by pointer so that this header needs only the workload's
    // declaration: a command that reads its fields includes workload/workload.hpp.
    std::shared_ptr<const workload::Workload> workload;
    workload::Catalogue catalogue;
    std::vector<double> users;
    planner::PlanSettings settings; // --choice, and the registry's breakpoint metrics
};

// Reads and validates everything; throws the typed errors of common/errors.hpp.
[[nodiscard]] LoadedInputs load_inputs(const PlanInputs& in);

// The same for a workload whose text is already read (in.workload is not read again);
// display names it in diagnostics and becomes Workload::file.
[[nodiscard]] LoadedInputs load_inputs(const PlanInputs& in, const std::string& text,
                                       const std::string& display);

// Checks every budget's metric and units against the registry (report::validate_budget:
// exit 2 with a did-you-mean at the budget's line): a typo in a budget never passes silently.
void check_budget_metrics(const std::vector<workload::Budget>& budgets);

} // namespace capplan::cli
