#pragma once
// Renderings of a Plan (capplan(1) OUTPUT): json, csv, tsv, table, markdown, and --get. Pure
// functions over the one metric registry (metrics.hpp).

#include <string>
#include <vector>

#include "planner/plan.hpp"
#include "report/metrics.hpp"

namespace capplan::report {

// The JSON object (schema_version 2), two-space indent, trailing newline.
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

// How the table and markdown list the breakpoints: every one, steady progressions summarised
// ("one more about every 2.7k users") with the irregular steps listed, or none.
enum class BreakpointView { all, summary, none };

// For people: one point gives a per-tier breakdown; several give the growth table (points that
// miss a limit marked "!"), then the stage changes with their reasons and the breakpoints.
// With `fields`, one row per point of those metrics. No line is longer than 160 characters
// but for the workload's name (long lists wrap). markdown: the same as GitHub-flavoured
// Markdown.
[[nodiscard]] std::string render_plan_table(const planner::Plan& plan,
                                            const std::vector<const MetricDef*>& fields,
                                            BreakpointView view = BreakpointView::summary);
[[nodiscard]] std::string render_plan_markdown(const planner::Plan& plan,
                                               const std::vector<const MetricDef*>& fields,
                                               BreakpointView view = BreakpointView::summary);

// A breakpoint metric's value as people read it: a count with separators, or the text.
[[nodiscard]] std::string step_text(const planner::StepValue& v);

// The breakpoints of one metric (in order of users) as people read them: "3 at 56k, 4 at 112k"
// (all), or with steady runs of one more at a time summarised (summary).
[[nodiscard]] std::vector<std::string>
breakpoint_items(const std::vector<const planner::Breakpoint*>& steps, BreakpointView view);

// `items` joined by ", " after `head`, wrapped before `width` columns, continuation lines
// indented by `indent` spaces.
[[nodiscard]] std::string wrap_items(const std::string& head, const std::vector<std::string>& items,
                                     std::size_t indent, std::size_t width = 160);
// The same, in at most `lines` lines: the items that fit, then "… N more (--breakpoints all)".
[[nodiscard]] std::string wrap_items_capped(const std::string& head,
                                            const std::vector<std::string>& items,
                                            std::size_t indent, std::size_t lines,
                                            std::size_t width = 160);
// `text` wrapped at spaces before `width` columns, continuation lines indented by `indent`.
[[nodiscard]] std::string wrap_words(const std::string& text, std::size_t indent,
                                     std::size_t width = 160);
// Columns on a terminal: UTF-8 code points.
[[nodiscard]] std::size_t display_width(const std::string& text);

} // namespace capplan::report
