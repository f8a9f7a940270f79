#pragma once
// The one metric registry (capplan(1) METRICS): every number `plan` reports, with its dotted
// path, type, unit and description, how to read it from a PointPlan, and its role: the
// breakpoint metrics (the planner locates their steps) and the costs that add up to
// total.monthly_cost. JSON keys, CSV/TSV headers, --get, --fields, budgets, the breakpoint
// search and `capplan plan --help` all come from this list, so they cannot drift apart.
// `users`, `stage` and `feasible` come first, then the groups in the order of capplan(1). Each
// group's rows are declared by the tier that computes them (tiers::MetricRow, X_metric_rows()
// in tiers/); metrics.cpp adapts them, so a new metric is one row beside its code.

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "planner/point_plan.hpp"
#include "planner/steps.hpp"
#include "report/value.hpp"

namespace capplan::report {

enum class MetricType { integer, real, boolean, text };

// What else a metric is (bit flags).
inline constexpr unsigned k_step = 1U;          // a breakpoint metric (its steps are located)
inline constexpr unsigned k_adds_to_total = 2U; // a cost that total.monthly_cost adds up

struct MetricDef {
    std::string_view path; // "web.servers"
    MetricType type;
    std::string_view unit;        // base unit for people: "s", "bytes", "1/s", "USD/month", ""
    std::string_view description; // one line
    std::function<Value(const planner::PointPlan&)> read;
    unsigned role = 0; // k_step, k_adds_to_total

    // The group ("web") and the metric within it ("servers"); for users/stage, group is empty.
    [[nodiscard]] std::string_view group() const;
    [[nodiscard]] std::string_view name() const;
    [[nodiscard]] bool is_numeric() const noexcept {
        return type == MetricType::integer || type == MetricType::real;
    }
};

// Every metric in output order.
[[nodiscard]] const std::vector<MetricDef>& metric_registry();

// The breakpoint metrics (k_step) in registry order, for the planner's search.
[[nodiscard]] const std::vector<planner::StepMetric>& step_metrics();

// The metric with this exact path, or nullptr.
[[nodiscard]] const MetricDef* find_metric(std::string_view path);

// Whether m is a share of something (a unitless real: utilizations, availabilities, the share
// of data moved): tables print it as a percentage at any value, and budgets take "90%" for it.
// Unitless counts (sessions, metric series) and ratios (replicas per primary, headroom) are
// not.
[[nodiscard]] bool is_share(const MetricDef& m);

// The metric with this path; otherwise throws UsageError(flag, "unknown metric 'X'; did you
// mean 'Y'?").
[[nodiscard]] const MetricDef& require_metric(std::string_view path, const std::string& flag);

// A --fields list: comma-separated paths or `group.*`, in the order given, without
// duplicates. Unknown paths throw UsageError("--fields", ... did you mean ...).
[[nodiscard]] std::vector<const MetricDef*> select_metrics(std::string_view list);

// The stage of a point as text: components joined by `+`, or "single_server".
[[nodiscard]] std::string stage_text(const planner::PointPlan& p);

} // namespace capplan::report
