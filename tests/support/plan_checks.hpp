#pragma once
// What every plan must satisfy, whatever workload produced it (capplan(1) DESCRIPTION): each
// numeric metric is finite, or null with a `no_finite_value` warning at its point; breakpoints and
// stage changes lie at finite user counts; the JSON output parses and has one entry per point; no
// machine or human format prints `nan` or `inf`. Shared by the property, malformed-input and
// model-edge tests and the fuzz targets: each returns the first problem found, or "" for a clean
// plan. The checks are compiled once, in plan_checks.cpp.

#include <string>

#include "planner/plan.hpp"

namespace capplan::test {

// The metrics, breakpoints, stage changes and the JSON rendering of `plan`.
[[nodiscard]] std::string plan_problem(const planner::Plan& plan);

// The bill in the JSON rendering (docs/models.md#cost): at every point each group's lines sum
// to its GROUP.monthly_cost, and all lines to total.monthly_cost, within 1e-9 relative; every
// line's group is a metric group whose cost adds to the total, or `network`; each line's
// quantity is ≥ 0 and its quantity · unit price is its cost (1e-9 relative).
[[nodiscard]] std::string bill_problem(const planner::Plan& plan);

// True when text has the word nan, inf or infinity (any case) between non-letters.
[[nodiscard]] bool has_non_finite_word(const std::string& text);

// The table, markdown, CSV and TSV renderings: none prints a non-finite number. (Not for
// workloads whose name or instances could themselves be called "nan".)
[[nodiscard]] std::string text_output_problem(const planner::Plan& plan);

} // namespace capplan::test
