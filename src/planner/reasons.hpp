#pragma once
// The words of a plan (docs/models.md#stage): why a stage changes, and what a point that cannot
// meet every limit misses.

#include <string>

#include "planner/choice.hpp"
#include "planner/plan.hpp"
#include "planner/sizing.hpp"
#include "workload/stage_section.hpp"

namespace capplan::planner {

// Appends to `out` one stage change per component that differs between `before` and `after`
// (both sized at `at`; `below` is the last probe at the old stage). The reason is what forced
// the change (the limit the old architecture breaks first, by level), else what the new one
// saves against it when that is at least the stage's threshold; log_aggregation and
// session_store follow other components and say so. `rule` is the workload's [stage].
// `ahead` is the old architecture sized stage.min_span further up (at at × (1 + min_span)):
// when the change saves less than the threshold and the old one breaks a limit there, that
// limit is the reason (the path moves where a fix must last).
void append_stage_changes(const workload::Stage& rule, double below, double at,
                          const SizedArchitecture& before, const SizedArchitecture& after,
                          const SizedArchitecture& ahead, Plan& out);

// A path point that misses a limit where another set would meet every one.
[[nodiscard]] std::string path_miss_text(const SizedArchitecture& path_point,
                                         const SizedArchitecture& feasible);

// A point where no set meets every limit: the first limit level no set reaches, and the best any
// set reaches there ("99.99 % availability is out of reach here: the best any architecture that
// meets the other limits reaches is 99.9899 %").
[[nodiscard]] std::string out_of_reach_text(const SizedArchitecture& point, const StageChoice& all,
                                            double availability_target);

} // namespace capplan::planner
