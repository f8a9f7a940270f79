#pragma once
// Planning a range of user counts (SPEC §5.0, §5.16, §5.18): every point is planned on its
// own, then the stage changes between consecutive points are located by bisection (of the
// duel between the old stage and the new one, checked with the full architecture choice),
// and inside each stretch of constant architecture every unit step of the integer metrics is
// located by bisection with the architecture fixed.

#include <string>
#include <vector>

#include "tiers/plan.hpp"
#include "workload/catalogue.hpp"
#include "workload/workload.hpp"

namespace capplan::tiers {

// The integer metrics whose steps are listed as breakpoints (SPEC §5.18: servers, instances,
// replicas, shards, nodes, workers, brokers).
[[nodiscard]] const std::vector<std::string>& breakpoint_metrics();

// Plans every user count in `users` (ascending, positive) and locates the stage changes and
// breakpoints between them. With one point there are neither. The points, then the stretches
// between them, are planned on up to `threads` threads (0: one per core, at most 8); the plan
// does not depend on how many.
[[nodiscard]] Plan plan_growth(const workload::Workload& w, const workload::Catalogue& cat,
                               const std::vector<double>& users, unsigned threads = 0);

// x rounded to 3 significant figures (at_users of breakpoints and stage changes).
[[nodiscard]] double round_3_significant(double x) noexcept;

} // namespace capplan::tiers
