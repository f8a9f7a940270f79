#pragma once
// Budgets against the metric registry (capplan(1) BUDGETS): a budget's metric must be a known
// numeric metric, each limit written as a plain number is in the metric's base unit, and a unit
// string must be of the metric's kind (a size for bytes, a duration for seconds, a rate for events
// per second, day or month; a rate is converted to the metric's period). A typo in a budget never
// passes silently: every problem is an InputError at the budget's line.

#include "report/metrics.hpp"
#include "workload/budget_section.hpp"

namespace capplan::report {

// The budget's metric; throws InputError at the metric's position: "unknown metric 'X' in a
// budget; did you mean 'Y'?", or "budget metric 'X' is not numeric".
[[nodiscard]] const MetricDef& budget_metric(const workload::Budget& b);

// A limit (max, min, max_increase) in the base unit of m; throws InputError at the limit when
// its unit string is of another kind than m's unit. max_increase_pct is a plain percentage.
[[nodiscard]] double limit_in_metric_unit(const workload::Budget& b,
                                          const workload::BudgetLimit& limit, const MetricDef& m,
                                          const char* key);

// Checks the metric and the unit of every limit as above, and min ≤ max after conversion.
void validate_budget(const workload::Budget& b);

// For `check` without --compare-to: throws InputError at a max_increase or max_increase_pct
// key ("needs a baseline: pass --compare-to BASE.json").
void require_no_increase_limits(const workload::Budget& b);

} // namespace capplan::report
