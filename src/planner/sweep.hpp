#pragma once
// Planning a range of user counts (docs/models.md#growth-path, #breakpoints): every point is
// planned on its own, then the stage changes between consecutive points are located by bisection
// (of the duel between the old stage and the new one, checked with the full architecture choice),
// and inside each stretch of constant architecture every unit step of the integer metrics is
// located by bisection with the architecture fixed.

#include <string>
#include <vector>

#include "planner/plan.hpp"
#include "workload/catalogue.hpp"
#include "workload/workload.hpp"

namespace capplan::planner {

// Plans every user count in `users` (ascending, positive) and locates the stage changes and
// breakpoints between them. With one point there are neither. The points, then the stretches
// between them, are planned on up to `threads` threads (0: one per core, at most 8); the plan
// does not depend on how many.
[[nodiscard]] Plan plan_growth(const workload::Workload& w, const workload::Catalogue& cat,
                               const std::vector<double>& users, unsigned threads = 0);

// x rounded to 3 significant figures (at_users of breakpoints and stage changes).
[[nodiscard]] double round_3_significant(double x) noexcept;

} // namespace capplan::planner
