#pragma once
// Evaluating budgets and SLOs (capplan(1) capplan check, BUDGETS): a pure function from the
// budgets, the plan's values (plan_values.hpp) and an optional baseline to one CheckReport that
// every check format renders (compute once, render many).
//
// Rules (capplan(1), BUDGETS):
// - max/min are checked at at_users, or else at every point of the sweep;
// - max_increase/max_increase_pct compare with the baseline at at_users, or else at every
//   point of the baseline (the workload is planned there when the sweep lacks it);
// - a limit holds when the value is within it; a null value never holds; an increase limit
//   with no baseline value at the point (a missing point, or a metric an older capplan did not
//   write) never holds and says why;
// - a broken limit is FAIL at level "error" and WARN at level "warn"; strict makes it FAIL;
// - plan warnings slo_unmet and slo_unreachable are FAIL; other warnings WARN (strict: FAIL).

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "report/plan_values.hpp"
#include "workload/budget_section.hpp"

namespace capplan::report {

enum class Outcome { pass, warn, fail };
enum class LimitKind { max, min, max_increase, max_increase_pct };

// "PASS", "WARN", "FAIL"; "max", "min", "max_increase", "max_increase_pct".
[[nodiscard]] const char* outcome_name(Outcome o) noexcept;
[[nodiscard]] const char* limit_name(LimitKind k) noexcept;

// One limit of one budget at one user point.
struct LimitResult {
    std::size_t budget = 0; // index into CheckReport::budgets
    LimitKind kind = LimitKind::max;
    double users = 0;
    double limit = 0;               // base unit of the metric; percent for max_increase_pct
    std::optional<double> actual;   // nullopt: null at the point (no finite value)
    std::optional<double> baseline; // increase limits: the baseline's value
    std::optional<double> change;   // increase limits: actual − baseline (percent for _pct)
    std::optional<double> margin;   // how far inside the limit; negative when broken
    bool held = false;
    Outcome outcome = Outcome::pass;
    std::string problem; // why it broke without a number, e.g. "no finite value"
};

// A plan warning and what it does to the check.
struct PlanIssue {
    std::string code;
    std::string message;
    double at_users = 0;
    Outcome outcome = Outcome::warn;
};

// total.monthly_cost at the largest point of the sweep, and in the baseline when it has one.
struct HeadlineCost {
    double users = 0;
    std::optional<double> current;
    std::optional<double> baseline;
};

struct CheckOptions {
    bool strict = false;
    std::string baseline_file; // --compare-to as given; empty without a baseline
};

struct CheckReport {
    std::string workload_name;
    std::string workload_file; // empty: the built-in default
    std::string currency = "USD";
    std::string baseline_file;
    bool strict = false;
    std::vector<workload::Budget> budgets;
    std::vector<LimitResult> results;  // by budget, then users, then limit kind
    std::vector<PlanIssue> issues;     // by users
    std::vector<double> checked_users; // every planned point (sweep and extra), ascending
    HeadlineCost cost;

    // FAIL if any result or issue fails, else WARN if any warns, else PASS.
    [[nodiscard]] Outcome outcome() const;
    // Results and issues with this outcome.
    [[nodiscard]] std::size_t count(Outcome o) const;
    // The worst outcome of the results of budgets[budget] (PASS when it has none).
    [[nodiscard]] Outcome budget_outcome(std::size_t budget) const;
};

// The user points the budgets need that `current` lacks (at_users of any budget; with a
// baseline, its points for increase budgets without at_users), ascending, without duplicates.
[[nodiscard]] std::vector<double> extra_points(const std::vector<workload::Budget>& budgets,
                                               const PlanValues& current,
                                               const PlanValues* baseline);

// Evaluates every budget (validated: report/budget_check.hpp) on `current`, which must hold
// every point extra_points named. baseline is null without --compare-to.
[[nodiscard]] CheckReport evaluate_check(const std::vector<workload::Budget>& budgets,
                                         const PlanValues& current, const PlanValues* baseline,
                                         const CheckOptions& options);

} // namespace capplan::report
