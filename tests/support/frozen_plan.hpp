#pragma once
// A plan built by hand with fixed numbers, for the format goldens (tests/golden/format/): the
// renderers read it as they read a plan of the planner, and no model change can move it. The
// numbers are plausible (of the order the built-in workload plans, docs/models.md) but computed
// by nothing; the plan covers every field a renderer prints: a single server, a growing stage,
// a point that misses a limit, a null value, added, dropped and transient stage changes, steady
// and irregular breakpoints of counts and of a text, and warnings.

#include "planner/plan.hpp"

namespace capplan::test {

// The workload "frozen" (file tests/golden/format/inputs/frozen.toml, which is never read) at
// 1,000, 10k, 100k and 1M users.
[[nodiscard]] planner::Plan frozen_plan();

// The 1M point of frozen_plan() alone (the table's per-tier breakdown), with its warnings.
[[nodiscard]] planner::Plan frozen_point_plan();

} // namespace capplan::test
