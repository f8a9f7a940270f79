#pragma once
// Renderings of a CheckReport (capplan(1) capplan check, its formats), pure functions: table
// (default), json, markdown (a pull-request comment), github (workflow annotations) and junit
// (XML 1.0).

#include <string>

#include "planner/plan.hpp"
#include "report/check_eval.hpp"

namespace capplan::report {

// The first line of the markdown format: a hidden HTML comment by which a CI job finds its
// earlier comment on a pull request and updates it instead of adding another.
inline constexpr const char* k_check_marker = "<!-- capplan-check -->";

// For people: the outcome and counts, the headline cost, one row per limit and point (id,
// metric, users, expected, actual, margin, PASS/WARN/FAIL), the plan warnings with their
// outcome, and the messages of the budgets that did not pass.
[[nodiscard]] std::string render_check_table(const CheckReport& report);

// A pull-request comment: the marker line, a heading with the outcome, the cost line (with
// the change against the baseline), the failing and warning rows, the passing rows folded, the
// plan warnings, and `plan` (the sweep) in a folded <details> block. At most 60,000 bytes (a
// GitHub comment holds 65,536 characters): the plan, then the passing rows are left out, then
// the text is cut at a line, each with a note.
[[nodiscard]] std::string render_check_markdown(const CheckReport& report,
                                                const planner::Plan& plan);

// One JSON object (two-space indent, trailing newline): schema_version, tool, workload,
// currency, baseline, strict, outcome, counts, cost, results (one per limit and point, with the
// budget's id, metric, level, message, file and line), plan_warnings.
[[nodiscard]] std::string render_check_json(const CheckReport& report, const std::string& version);

// GitHub Actions workflow commands: one `::error` (level error or strict) or `::warning` per
// budget that did not pass, at the budget's file and line, listing its broken points; one per
// plan-warning code, at the workload file, listing its points (20 at most); then a plain
// summary line. (GitHub shows only the first ten annotations of each kind in a step.)
[[nodiscard]] std::string render_check_github(const CheckReport& report);

// JUnit XML: a testsuite of budgets (one testcase per budget and point) and a testsuite of
// SLOs (one testcase per planned point); FAIL is a <failure>, WARN passes with the warning in
// <system-out>.
[[nodiscard]] std::string render_check_junit(const CheckReport& report);

} // namespace capplan::report
