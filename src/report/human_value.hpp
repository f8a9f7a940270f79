#pragma once
// Metric values for people (table and markdown formats): the unit comes from the metric's
// registry entry ("$2,943/mo", "64 GiB", "180 ms", "87.5 %"). Never used for machine output.

#include <string>

#include "report/metrics.hpp"
#include "report/value.hpp"

namespace capplan::report {

// A value of metric m: null is "n/a", text as is, booleans "yes"/"no", numbers with the
// metric's unit. A unitless real (a utilization or an availability, not a ratio) reads as a
// percentage at any value ("143 %").
[[nodiscard]] std::string human_value(const MetricDef& m, const Value& v,
                                      const std::string& currency);

// A number in metric m's base unit, as human_value shows it.
[[nodiscard]] std::string human_amount(const MetricDef& m, double x, const std::string& currency);

// x beside the limit it is held to: a percentage gets the digits that tell it from the limit
// (units::human_percent_against); any other unit as human_amount.
[[nodiscard]] std::string human_amount_against(const MetricDef& m, double x, double limit,
                                               const std::string& currency);

// Metric m of point p as a table cell: human_value, with the point's availabilities beside its
// target (availability.target).
[[nodiscard]] std::string human_value_at(const MetricDef& m, const planner::PointPlan& p,
                                         const std::string& currency);

// A signed change of metric m: "+$421/mo", "-12", "+5 %" (for the metrics shown as a
// percentage, the change in percentage points), "0" for no change.
[[nodiscard]] std::string human_change(const MetricDef& m, double delta,
                                       const std::string& currency);

// A signed relative change in percent: "+4.6 %", "-13 %", "0 %"; "n/a" when not finite.
[[nodiscard]] std::string human_relative(double percent);

} // namespace capplan::report
