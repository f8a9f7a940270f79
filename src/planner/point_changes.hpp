#pragma once
// The changes of the per-point choice (--choice point, docs/models.md#stage) between two
// points: where, to the tolerance, the cheapest set of one point gives way to another's.

#include <vector>

#include "planner/choice.hpp"
#include "planner/components.hpp"
#include "workload/workload_fwd.hpp"

namespace capplan::planner {

// A change of the choice: `below` is the last probed count still at `from`, `at` the first at
// `to`.
struct PointChange {
    double below = 0.0;
    double at = 0.0;
    Architecture from;
    Architecture to;
};

// Every change in (lo, hi] given the choices at both ends (at most 32). `hints` only speeds
// up the web searches.
[[nodiscard]] std::vector<PointChange> point_changes(const workload::Workload& w,
                                                     const workload::Catalogue& cat, double lo,
                                                     Architecture at_lo, double hi,
                                                     Architecture at_hi, WebHints& hints);

} // namespace capplan::planner
