#pragma once
// Comparing two plans point by point (capplan(1) capplan diff): for every user point and metric,
// the old and new value and, for numbers, the absolute and relative change. Totals first.

#include <optional>
#include <string>
#include <vector>

#include "report/metrics.hpp"
#include "report/plan_values.hpp"

namespace capplan::report {

// unchanged: equal values (numbers within 1e-12 relative, rounding noise); added: the base
// side lacks the metric (a plan saved by an older capplan); removed: the new
// side lacks it.
enum class DiffStatus { unchanged, changed, added, removed };

[[nodiscard]] const char* diff_status_name(DiffStatus s) noexcept;

struct MetricDiff {
    const MetricDef* metric = nullptr;
    std::optional<Value> old_value; // nullopt: absent on that side
    std::optional<Value> new_value;
    std::optional<double> change;   // new − old, for two numbers
    std::optional<double> relative; // change / |old| (a fraction); nullopt when old is 0 ≠ new
    DiffStatus status = DiffStatus::unchanged;
};

struct PointDiff {
    double users = 0;
    std::vector<MetricDiff> metrics; // diff_order(), every metric
};

struct PlanDiff {
    std::string base_label; // the file names as given ("<stdin>" for -)
    std::string new_label;
    std::string base_name; // the workload names
    std::string new_name;
    std::string currency = "USD";
    std::vector<PointDiff> points;
};

// The metrics in diff order: total.* first, then stage, then the registry order (users, the
// key of a point, is not listed).
[[nodiscard]] const std::vector<const MetricDef*>& diff_order();

// Compares the sweep points of base and next. Throws InputError(new_label, 0, 0, ...) when
// their user points differ, or when their currencies do.
[[nodiscard]] PlanDiff diff_plans(const PlanValues& base, const PlanValues& next,
                                  const std::string& base_label, const std::string& new_label);

} // namespace capplan::report
