#pragma once
// A plan's numbers by metric path, whatever their source: a Plan just computed, or a plan
// saved with `capplan plan -f json` (capplan(1) capplan plan) and read back by path, so that a file
// from an older capplan with fewer metrics still reads (its missing metrics are absent, not null).
// `check --compare-to` and `diff` compare these.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "planner/plan.hpp"
#include "report/metrics.hpp"
#include "report/value.hpp"

namespace capplan::report {

struct PointValues {
    double users = 0;
    // Planned on its own for a budget (at_users or a baseline point), not a point of the sweep.
    bool extra = false;
    // By registry index (metric_index); nullopt: absent from a saved plan; a null Value (no
    // finite answer) is std::monostate.
    std::vector<std::optional<Value>> values;

    [[nodiscard]] const std::optional<Value>& at(const MetricDef& m) const;
};

struct PlanValues {
    std::string workload_name;
    std::string workload_file; // empty: the built-in default (JSON null)
    std::string currency = "USD";
    // The sweep in ascending users, then the extra points in ascending users.
    std::vector<PointValues> points;
    std::vector<planner::WarningAt> warnings;

    // The point with these users (same_users), or nullptr.
    [[nodiscard]] const PointValues* find(double users) const;
};

// The position of m in metric_registry().
[[nodiscard]] std::size_t metric_index(const MetricDef& m);

// Two user counts name the same point: equal to k_compare_tolerance relative (a count typed as
// "316" and a grid value of 10^2.5 rounded to 3 significant figures differ only in the last bits).
[[nodiscard]] bool same_users(double a, double b) noexcept;

// Every metric of every point of plan, read through the registry; extra marks the points.
[[nodiscard]] PlanValues plan_values(const planner::Plan& plan, bool extra = false);

// Appends the points and warnings of `more` (planned on their own) as extra points, keeping
// the extra points in ascending users.
void append_extra(PlanValues& values, const planner::Plan& more);

// Reads a saved `capplan plan -f json`. Values are read by metric path and typed by the
// registry (an integral real of an integer metric is an integer); unknown keys are ignored
// (later versions only add keys). Throws InputError(display_name, line, column, message) for
// invalid JSON, and InputError(display_name, 0, 0, "/points/3/web/servers: ...") for a file
// that is not a saved plan, has schema_version other than 1, users outside [1, 10^12], more
// than 10,000 points, points not in ascending order, or a metric of the wrong type.
[[nodiscard]] PlanValues read_saved_plan(std::string_view text, const std::string& display_name);

} // namespace capplan::report
