#pragma once
// Planning a range of user counts (docs/models.md#growth-path, #breakpoints). With the growth
// path (the default), the path is walked up to the largest count asked for and every point is
// sized as the path runs it; with --choice point every point is chosen on its own and the
// changes between consecutive points are located by bisection. Either way, inside each stretch
// of constant architecture every step of the breakpoint metrics is located by bisection with
// the architecture fixed, and every point gets `feasible` and `total.path_premium`.

#include <vector>

#include "planner/path_rules.hpp"
#include "planner/plan.hpp"
#include "planner/steps.hpp"
#include "workload/workload_fwd.hpp"

namespace capplan::planner {

struct PlanSettings {
    Choice choice = Choice::path;
    // The metrics whose steps are breakpoints (report::step_metrics()); null: none.
    const std::vector<StepMetric>* steps = nullptr;
    // The points, then the stretches between them, run on up to this many threads (0: one per
    // core, at most 8); the plan does not depend on how many.
    unsigned threads = 0;
    // The growth path's rules that have no workload key (path.hpp).
    PathRules path_rules{};
};

// Plans every user count in `users` (ascending, ≥ 1) and locates the stage changes and
// breakpoints between them (with one point there are neither). Throws InputError for invalid
// [stage] rules and std::invalid_argument for an instance missing from the catalogue.
[[nodiscard]] Plan plan_growth(const workload::Workload& w, const workload::Catalogue& cat,
                               const std::vector<double>& users, const PlanSettings& settings = {});

} // namespace capplan::planner
