#pragma once
// Planning a range of user counts (SPEC §5.0, §5.16, §5.18): every point is planned on its
// own, then the stage changes between consecutive points are located by bisection with the
// full architecture choice, and inside each stretch of constant architecture every unit step
// of the integer metrics is located by bisection with the architecture fixed.

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
// breakpoints between them. With one point there are neither.
[[nodiscard]] Plan plan_growth(const workload::Workload& w, const workload::Catalogue& cat,
                               const std::vector<double>& users);

// x rounded to 3 significant figures (at_users of breakpoints and stage changes).
[[nodiscard]] double round_3_significant(double x) noexcept;

} // namespace capplan::tiers
