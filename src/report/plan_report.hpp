#pragma once
// Renderings of a Plan (SPEC §3): json, csv, tsv, table, markdown, and --get. Pure functions
// over the one metric registry (metrics.hpp).

#include <string>
#include <vector>

#include "planner/plan.hpp"
#include "report/metrics.hpp"

namespace capplan::report {

// The SPEC §3 JSON object, two-space indent, trailing newline.
[[nodiscard]] std::string render_plan_json(const planner::Plan& plan, const std::string& version);

// CSV (RFC 4180, CRLF) or TSV (LF): a header of metric paths, one row per point. `fields`
// empty means every metric (users, stage, then the registry order); otherwise users and then
// the chosen metrics.
[[nodiscard]] std::string render_plan_csv(const planner::Plan& plan,
                                          const std::vector<const MetricDef*>& fields);
[[nodiscard]] std::string render_plan_tsv(const planner::Plan& plan,
                                          const std::vector<const MetricDef*>& fields);

// --get: the value alone for one point; `USERS<TAB>VALUE` per line for several. Null prints
// "null".
[[nodiscard]] std::string render_plan_get(const planner::Plan& plan, const MetricDef& metric);

// For people: one point gives a per-tier breakdown; several give the growth table, then the
// stage changes with their reasons and the breakpoints. With `fields`, one row per point of
// those metrics. markdown: the same as GitHub-flavoured Markdown.
[[nodiscard]] std::string render_plan_table(const planner::Plan& plan,
                                            const std::vector<const MetricDef*>& fields);
[[nodiscard]] std::string render_plan_markdown(const planner::Plan& plan,
                                               const std::vector<const MetricDef*>& fields);

} // namespace capplan::report
