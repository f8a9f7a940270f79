#pragma once
// Renderings of a PlanDiff (capplan(1) capplan diff). table and markdown show, per point, only the
// metrics that changed (totals first) and name the points without changes; json and csv list
// every metric of every point with its status.

#include <string>

#include "report/plan_diff.hpp"

namespace capplan::report {

// For people: per point with changes, a table of metric, old, new, change and relative change.
[[nodiscard]] std::string render_diff_table(const PlanDiff& diff);
[[nodiscard]] std::string render_diff_markdown(const PlanDiff& diff);

// One JSON object: schema_version, tool, base and new ({label, name}), currency, points
// ([{users, metrics: {PATH: {old, new, change, relative_change, status}}}]); relative_change is
// a fraction; old/new are null when absent or null, and status says which.
[[nodiscard]] std::string render_diff_json(const PlanDiff& diff, const std::string& version);

// CSV (RFC 4180, CRLF): users,metric,old,new,change,relative_change,status; one record per
// point and metric; empty cells for absent or null values.
[[nodiscard]] std::string render_diff_csv(const PlanDiff& diff);

} // namespace capplan::report
