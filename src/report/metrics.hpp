#pragma once
// The one metric registry (SPEC §3): every number `plan` reports, with its dotted path, type,
// unit and description, and how to read it from a PointPlan. JSON keys, CSV/TSV headers,
// --get, --fields, budgets and `capplan plan --help` all come from this list, so they cannot
// drift apart. `users` and `stage` come first, then the groups in SPEC §3 order.

#include <string>
#include <string_view>
#include <vector>

#include "planner/point_plan.hpp"
#include "report/value.hpp"

namespace capplan::report {

enum class MetricType { integer, real, boolean, text };

struct MetricDef {
    std::string_view path; // "web.servers"
    MetricType type;
    std::string_view unit;        // base unit for people: "s", "bytes", "1/s", "USD/month", ""
    std::string_view description; // one line
    Value (*read)(const planner::PointPlan&);

    // The group ("web") and the metric within it ("servers"); for users/stage, group is empty.
    [[nodiscard]] std::string_view group() const;
    [[nodiscard]] std::string_view name() const;
    [[nodiscard]] bool is_numeric() const noexcept {
        return type == MetricType::integer || type == MetricType::real;
    }
};

// Every metric in output order.
[[nodiscard]] const std::vector<MetricDef>& metric_registry();

// The metric with this exact path, or nullptr.
[[nodiscard]] const MetricDef* find_metric(std::string_view path);

// The metric with this path; otherwise throws UsageError(flag, "unknown metric 'X'; did you
// mean 'Y'?").
[[nodiscard]] const MetricDef& require_metric(std::string_view path, const std::string& flag);

// A --fields list: comma-separated paths or `group.*`, in the order given, without
// duplicates. Unknown paths throw UsageError("--fields", ... did you mean ...).
[[nodiscard]] std::vector<const MetricDef*> select_metrics(std::string_view list);

// The stage of a point as text: components joined by `+`, or "single_server".
[[nodiscard]] std::string stage_text(const planner::PointPlan& p);

} // namespace capplan::report
