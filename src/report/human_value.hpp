#pragma once
// Metric values for people (table and markdown formats): the unit comes from the metric's
// registry entry ("$2,943/mo", "64 GiB", "180 ms", "87.5 %"). Never used for machine output.

#include <string>

#include "report/metrics.hpp"
#include "report/value.hpp"

namespace capplan::report {

// A value of metric m: null is "n/a", text as is, booleans "yes"/"no", numbers with the
// metric's unit. A unitless real within [0, 1] (a utilization or an availability, not a
// ratio) reads as a percentage.
[[nodiscard]] std::string human_value(const MetricDef& m, const Value& v,
                                      const std::string& currency);

// A number in metric m's base unit, as human_value shows it.
[[nodiscard]] std::string human_amount(const MetricDef& m, double x, const std::string& currency);

// A signed change of metric m: "+$421/mo", "-12", "+5 %" (for the metrics shown as a
// percentage, the change in percentage points), "0" for no change.
[[nodiscard]] std::string human_change(const MetricDef& m, double delta,
                                       const std::string& currency);

// A signed relative change in percent: "+4.6 %", "-13 %", "0 %"; "n/a" when not finite.
[[nodiscard]] std::string human_relative(double percent);

} // namespace capplan::report
