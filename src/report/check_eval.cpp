// Evaluating budgets and SLOs (check_eval.hpp).

#include "report/check_eval.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

#include <fmt/format.h>

#include "report/budget_check.hpp"
#include "units/human.hpp"

namespace capplan::report {
namespace {

using workload::Budget;

bool is_increase(LimitKind k) {
    return k == LimitKind::max_increase || k == LimitKind::max_increase_pct;
}

std::vector<double> sweep_users(const PlanValues& values) {
    std::vector<double> out;
    for (const auto& p : values.points) {
        if (!p.extra) {
            out.push_back(p.users);
        }
    }
    return out;
}

// The user points a limit of kind k of b is checked at.
std::vector<double> limit_points(const Budget& b, LimitKind k, const PlanValues& current,
                                 const PlanValues* baseline) {
    if (b.at_users) {
        return {*b.at_users};
    }
    if (!is_increase(k)) {
        return sweep_users(current);
    }
    std::vector<double> out;
    if (baseline != nullptr) {
        for (const auto& p : baseline->points) {
            out.push_back(p.users);
        }
    }
    return out;
}

// A budget reads a boolean metric (`feasible`, `availability.meets_target`) as 1 or 0.
std::optional<double> number_of(const std::optional<Value>& v) {
    if (v) {
        if (const auto* b = std::get_if<bool>(&*v)) {
            return *b ? 1.0 : 0.0;
        }
    }
    return v ? as_number(*v) : std::nullopt;
}

// Compares the increase of `actual` over the baseline's value at the point.
void check_increase(LimitResult& r, const MetricDef& m, const PlanValues& baseline) {
    const PointValues* base = baseline.find(r.users);
    if (base == nullptr) {
        r.problem = fmt::format("the baseline has no point at {}", units::users_text(r.users));
        return;
    }
    const std::optional<Value>& bv = base->at(m);
    if (!bv) {
        r.problem = "the baseline lacks this metric (written by an older capplan)";
        return;
    }
    r.baseline = number_of(bv);
    if (!r.baseline) {
        r.problem = "no finite value in the baseline";
        return;
    }
    if (!r.actual) {
        r.problem = "no finite value";
        return;
    }
    double change = *r.actual - *r.baseline;
    if (r.kind == LimitKind::max_increase_pct) {
        if (*r.baseline != 0.0) {
            change = 100.0 * change / std::abs(*r.baseline);
        } else if (change != 0.0) {
            // Any growth from zero is an unbounded relative increase.
            change = change > 0 ? std::numeric_limits<double>::infinity()
                                : -std::numeric_limits<double>::infinity();
        }
    }
    r.held = change <= r.limit;
    if (std::isfinite(change)) {
        r.change = change;
        r.margin = r.limit - change;
    } else if (!r.held) {
        r.problem = "grew from 0 (an unbounded relative increase)";
    }
}

LimitResult check_limit(const Budget& b, std::size_t index, LimitKind kind, double limit,
                        double users, const MetricDef& m, const PlanValues& current,
                        const PlanValues* baseline, bool strict) {
    LimitResult r;
    r.budget = index;
    r.kind = kind;
    r.users = users;
    r.limit = limit;
    const PointValues* point = current.find(users);
    if (point == nullptr) {
        throw std::logic_error(fmt::format("check: no planned point at {} users", users));
    }
    r.actual = number_of(point->at(m));
    if (is_increase(kind)) {
        check_increase(r, m, *baseline);
    } else if (!r.actual) {
        r.problem = "no finite value";
    } else {
        r.held = kind == LimitKind::max ? *r.actual <= limit : *r.actual >= limit;
        r.margin = kind == LimitKind::max ? limit - *r.actual : *r.actual - limit;
    }
    if (!r.held) {
        r.outcome =
            b.level == workload::BudgetLevel::error || strict ? Outcome::fail : Outcome::warn;
    }
    return r;
}

bool is_slo_code(const std::string& code) {
    return code == "slo_unmet" || code == "slo_unreachable";
}

} // namespace

const char* outcome_name(Outcome o) noexcept {
    switch (o) {
    case Outcome::pass:
        return "PASS";
    case Outcome::warn:
        return "WARN";
    case Outcome::fail:
        break;
    }
    return "FAIL";
}

const char* limit_name(LimitKind k) noexcept {
    switch (k) {
    case LimitKind::max:
        return "max";
    case LimitKind::min:
        return "min";
    case LimitKind::max_increase:
        return "max_increase";
    case LimitKind::max_increase_pct:
        break;
    }
    return "max_increase_pct";
}

Outcome CheckReport::outcome() const {
    if (count(Outcome::fail) > 0) {
        return Outcome::fail;
    }
    return count(Outcome::warn) > 0 ? Outcome::warn : Outcome::pass;
}

std::size_t CheckReport::count(Outcome o) const {
    const auto results_with = std::count_if(results.begin(), results.end(),
                                            [o](const LimitResult& r) { return r.outcome == o; });
    const auto issues_with = std::count_if(issues.begin(), issues.end(),
                                           [o](const PlanIssue& i) { return i.outcome == o; });
    return static_cast<std::size_t>(results_with + issues_with);
}

Outcome CheckReport::budget_outcome(std::size_t budget) const {
    Outcome worst = Outcome::pass;
    for (const auto& r : results) {
        if (r.budget == budget) {
            worst = std::max(worst, r.outcome);
        }
    }
    return worst;
}

std::vector<double> extra_points(const std::vector<Budget>& budgets, const PlanValues& current,
                                 const PlanValues* baseline) {
    std::vector<double> out;
    for (const auto& b : budgets) {
        for (const LimitKind k : {LimitKind::max, LimitKind::max_increase}) {
            for (const double u : limit_points(b, k, current, baseline)) {
                const bool known =
                    current.find(u) != nullptr ||
                    std::any_of(out.begin(), out.end(), [u](double x) { return same_users(x, u); });
                if (!known) {
                    out.push_back(u);
                }
            }
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

CheckReport evaluate_check(const std::vector<Budget>& budgets, const PlanValues& current,
                           const PlanValues* baseline, const CheckOptions& options) {
    CheckReport report;
    report.workload_name = current.workload_name;
    report.workload_file = current.workload_file;
    report.currency = current.currency;
    report.baseline_file = options.baseline_file;
    report.strict = options.strict;
    report.budgets = budgets;
    for (std::size_t i = 0; i < budgets.size(); ++i) {
        const Budget& b = budgets[i];
        const MetricDef& m = budget_metric(b);
        const std::pair<LimitKind, const std::optional<workload::BudgetLimit>*> limits[] = {
            {LimitKind::max, &b.max},
            {LimitKind::min, &b.min},
            {LimitKind::max_increase, &b.max_increase},
            {LimitKind::max_increase_pct, &b.max_increase_pct}};
        for (const auto& [kind, limit] : limits) {
            if (!*limit) {
                continue;
            }
            if (is_increase(kind) && baseline == nullptr) {
                require_no_increase_limits(b); // throws
            }
            const double value = kind == LimitKind::max_increase_pct
                                     ? (*limit)->value
                                     : limit_in_metric_unit(b, **limit, m, limit_name(kind));
            for (const double u : limit_points(b, kind, current, baseline)) {
                report.results.push_back(
                    check_limit(b, i, kind, value, u, m, current, baseline, options.strict));
            }
        }
    }
    std::stable_sort(report.results.begin(), report.results.end(),
                     [](const LimitResult& a, const LimitResult& b) {
                         if (a.budget != b.budget) {
                             return a.budget < b.budget;
                         }
                         return a.users < b.users;
                     });
    for (const auto& w : current.warnings) {
        const Outcome o = is_slo_code(w.code) || options.strict ? Outcome::fail : Outcome::warn;
        report.issues.push_back({w.code, w.message, w.at_users, o});
    }
    std::stable_sort(
        report.issues.begin(), report.issues.end(),
        [](const PlanIssue& a, const PlanIssue& b) { return a.at_users < b.at_users; });
    for (const auto& p : current.points) {
        report.checked_users.push_back(p.users);
    }
    std::sort(report.checked_users.begin(), report.checked_users.end());
    const std::vector<double> sweep = sweep_users(current);
    if (!sweep.empty()) {
        const MetricDef& cost = *find_metric("total.monthly_cost");
        report.cost.users = sweep.back();
        report.cost.current = number_of(current.find(sweep.back())->at(cost));
        if (baseline != nullptr) {
            if (const PointValues* base = baseline->find(sweep.back())) {
                report.cost.baseline = number_of(base->at(cost));
            }
        }
    }
    return report;
}

} // namespace capplan::report
