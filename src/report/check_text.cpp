#include "report/check_text.hpp"

#include <cmath>
#include <limits>

#include <fmt/format.h>

#include "report/human_value.hpp"
#include "units/human.hpp"

namespace capplan::report {
namespace {

const MetricDef& metric_of(const CheckReport& report, const LimitResult& r) {
    return *find_metric(report.budgets.at(r.budget).metric);
}

std::string plural(std::size_t n, const char* word) {
    return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

} // namespace

std::string budget_location(const workload::Budget& b) {
    if (b.file.empty()) {
        return {};
    }
    return b.pos.line > 0 ? fmt::format("{}:{}", b.file, b.pos.line) : b.file;
}

namespace {

// The limit's amount alone: "$25,000/mo", "+$500/mo", "+10 %".
std::string limit_amount(const CheckReport& report, const LimitResult& r) {
    const MetricDef& m = metric_of(report, r);
    switch (r.kind) {
    case LimitKind::max:
    case LimitKind::min:
        return human_amount(m, r.limit, report.currency);
    case LimitKind::max_increase:
        return human_change(m, r.limit, report.currency);
    case LimitKind::max_increase_pct:
        break;
    }
    return human_relative(r.limit);
}

} // namespace

std::string expected_text(const CheckReport& report, const LimitResult& r, bool unicode) {
    const char* sign =
        r.kind == LimitKind::min ? (unicode ? "\u2265" : ">=") : (unicode ? "\u2264" : "<=");
    return fmt::format("{} {}", sign, limit_amount(report, r));
}

std::string actual_text(const CheckReport& report, const LimitResult& r, bool unicode) {
    const MetricDef& m = metric_of(report, r);
    if (r.kind == LimitKind::max || r.kind == LimitKind::min) {
        return r.actual ? human_amount_against(m, *r.actual, r.limit, report.currency)
                        : std::string("n/a");
    }
    std::string value = r.actual ? human_amount(m, *r.actual, report.currency) : std::string("n/a");
    const std::string from =
        r.baseline ? human_amount(m, *r.baseline, report.currency) : std::string("n/a");
    const char* arrow = unicode ? "\u2192" : "->";
    if (!r.change) {
        return fmt::format("{} {} {}", from, arrow, value);
    }
    const std::string change = r.kind == LimitKind::max_increase
                                   ? human_change(m, *r.change, report.currency)
                                   : human_relative(*r.change);
    return fmt::format("{} ({} {} {})", change, from, arrow, value);
}

std::string margin_text(const CheckReport& report, const LimitResult& r) {
    if (!r.margin) {
        return r.problem;
    }
    if (r.kind == LimitKind::max_increase_pct) {
        return human_relative(*r.margin);
    }
    return human_change(metric_of(report, r), *r.margin, report.currency);
}

std::string result_line(const CheckReport& report, const LimitResult& r) {
    const auto& b = report.budgets.at(r.budget);
    const std::string head = fmt::format("{} at {}: ", b.metric, units::users_text(r.users));
    const std::string limit = fmt::format("{} {}", limit_name(r.kind), limit_amount(report, r));
    if (!r.margin) {
        return fmt::format("{}{}, {} ({})", head, actual_text(report, r, false), limit, r.problem);
    }
    return fmt::format("{}{}, {} (margin {})", head, actual_text(report, r, false), limit,
                       margin_text(report, r));
}

std::string cost_line(const CheckReport& report, bool unicode) {
    const HeadlineCost& c = report.cost;
    if (c.users <= 0) {
        return {};
    }
    const MetricDef& m = *find_metric("total.monthly_cost");
    const auto amount = [&](const std::optional<double>& x) {
        return x ? human_amount(m, *x, report.currency) : std::string("n/a");
    };
    std::string out = fmt::format("total.monthly_cost at {}: ", units::users_text(c.users));
    if (report.baseline_file.empty()) {
        return out + amount(c.current);
    }
    if (!c.baseline) {
        return out + fmt::format("{} (the baseline has no value at {})", amount(c.current),
                                 units::users_text(c.users));
    }
    out +=
        fmt::format("{} {} {}", amount(c.baseline), unicode ? "\u2192" : "->", amount(c.current));
    if (c.current) {
        const double delta = *c.current - *c.baseline;
        const double pct = *c.baseline != 0.0 ? 100.0 * delta / std::abs(*c.baseline)
                                              : std::numeric_limits<double>::quiet_NaN();
        out +=
            fmt::format(" ({}, {})", human_change(m, delta, report.currency), human_relative(pct));
    }
    return out + " against " + report.baseline_file;
}

std::string summary_line(const CheckReport& report) {
    std::size_t budget_counts[3] = {0, 0, 0};
    for (const auto& r : report.results) {
        ++budget_counts[static_cast<int>(r.outcome)];
    }
    std::string out =
        fmt::format("{}: {} failed, {} warned, {} passed", outcome_name(report.outcome()),
                    plural(budget_counts[static_cast<int>(Outcome::fail)], "budget check"),
                    budget_counts[static_cast<int>(Outcome::warn)],
                    budget_counts[static_cast<int>(Outcome::pass)]);
    std::size_t failed = 0;
    std::size_t warned = 0;
    std::string codes;
    for (const auto& i : report.issues) {
        (i.outcome == Outcome::fail ? failed : warned) += 1;
        if (i.outcome == Outcome::fail && codes.find(i.code) == std::string::npos) {
            codes += codes.empty() ? "" : ", ";
            codes += i.code;
        }
    }
    if (failed + warned > 0) {
        out += fmt::format("; {} failed{}, {} warned", plural(failed, "plan warning"),
                           codes.empty() ? "" : fmt::format(" ({})", codes), warned);
    }
    return out;
}

} // namespace capplan::report
