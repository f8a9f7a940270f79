#pragma once
// The words and numbers of a check result for people, shared by the check formats (table,
// markdown, github, junit) so they say the same thing. Plain text: each format escapes it.

#include <string>

#include "report/check_eval.hpp"
#include "report/metrics.hpp"

namespace capplan::report {

// "budget.toml:3" (the budget's [[budget]] line), or "" for the built-in workload.
[[nodiscard]] std::string budget_location(const workload::Budget& b);

// The limit: "<= $25,000/mo", ">= 2", "<= +$500/mo", "<= +10 %" (unicode: ≤ ≥).
[[nodiscard]] std::string expected_text(const CheckReport& report, const LimitResult& r,
                                        bool unicode);

// The value found: "$9,079/mo"; for an increase "+$421/mo ($9,079/mo -> $9,500/mo)" (unicode
// arrow →); "n/a" when there is none.
[[nodiscard]] std::string actual_text(const CheckReport& report, const LimitResult& r,
                                      bool unicode);

// The margin: "+$15,921/mo" inside the limit, "-$5,000/mo" beyond it, or the problem when
// there is no number ("no finite value").
[[nodiscard]] std::string margin_text(const CheckReport& report, const LimitResult& r);

// One line: "total.monthly_cost at 1M users: $30,000/mo, max $25,000/mo (margin -$5,000/mo)"
// or "...: no finite value (max $25,000/mo)".
[[nodiscard]] std::string result_line(const CheckReport& report, const LimitResult& r);

// The headline cost: "total.monthly_cost at 1M users: $9,079/mo -> $9,500/mo (+$421/mo,
// +4.6 %) against base.json", without a baseline only the value, and "(the baseline has no
// point at 1M users)" when it lacks the point. Empty when nothing was planned.
[[nodiscard]] std::string cost_line(const CheckReport& report, bool unicode);

// "FAIL: 1 budget check failed, 2 warned, 12 passed; 1 plan warning failed (slo_unmet),
// 0 warned" (the plan-warning part only when there are any).
[[nodiscard]] std::string summary_line(const CheckReport& report);

} // namespace capplan::report
