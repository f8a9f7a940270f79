#pragma once
// The words of a plan (docs/models.md#stage): why a stage changes, and what a point that cannot
// meet every limit misses.

#include <functional>
#include <optional>
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

// How the sweep sizes a set of components at a user count (free of the path's holds), and the
// growth path's change that added a component below the first point, with its reason.
using SizeSetFn = std::function<SizedArchitecture(double users, Architecture arch)>;
using ArrivalFn = std::function<std::optional<StageChange>(Component c)>;

// One "present" stage change at `at` per component of the first point's architecture `first`,
// saying why it is there (docs/models.md#stage): what the set without it (and without what
// needs it) breaks there or stage.min_span further up, else what it saves against that set;
// that [stage] require asks for it (`required`: the required components with their
// prerequisites); for a component the growth path added below `at`, that change
// (`arrived`). log_aggregation and session_store follow other components and say so.
void append_start_reasons(const workload::Stage& rule, Architecture required, double at,
                          const PointPlan& first, const SizeSetFn& size_set,
                          const ArrivalFn& arrived, Plan& out);

// A path point that misses a limit where another set would meet every one.
[[nodiscard]] std::string path_miss_text(const SizedArchitecture& path_point,
                                         const SizedArchitecture& feasible);

// A point where no set meets every limit: the first limit level no set reaches, and the best any
// set reaches there ("99.99 % availability is out of reach here: the best any architecture that
// meets the other limits reaches is 99.9899 %").
[[nodiscard]] std::string out_of_reach_text(const SizedArchitecture& point, const StageChoice& all,
                                            double availability_target);

} // namespace capplan::planner
