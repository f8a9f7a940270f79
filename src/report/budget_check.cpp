// Budgets against the metric registry (budget_check.hpp).

#include "report/budget_check.hpp"

#include <fmt/format.h>

#include "common/edit_distance.hpp"
#include "common/errors.hpp"
#include "tiers/common.hpp"

namespace capplan::report {
namespace {

using workload::Budget;
using workload::BudgetLimit;
using workload::LimitUnit;

[[noreturn]] void fail_at(const Budget& b, const workload::SourcePos& pos,
                          const std::string& message) {
    throw InputError(b.file, pos.line, pos.column, message);
}

// What a plain number in m's base unit means, for messages.
std::string unit_words(const MetricDef& m) {
    const std::string_view u = m.unit;
    if (is_share(m)) {
        return "a share (a fraction such as 0.9, or a percentage such as \"90%\")";
    }
    if (u.rfind("bytes", 0) == 0) {
        return "bytes (or a size such as \"512GiB\")";
    }
    if (u == "s" || u == "s/month") {
        return "seconds (or a duration such as \"150ms\")";
    }
    if (u == "1/s") {
        return "events per second (or a rate such as \"900/s\")";
    }
    if (u == "1/day" || u == "1/month") {
        return fmt::format("events per {} (or a rate such as \"2M/day\")",
                           u == "1/day" ? "day" : "month");
    }
    if (u == "currency/month") {
        return "currency per month (a number)";
    }
    if (u == "currency") {
        return "currency (a number)";
    }
    return "a plain number";
}

const char* kind_words(LimitUnit unit) {
    switch (unit) {
    case LimitUnit::size:
        return "a size";
    case LimitUnit::duration:
        return "a duration";
    case LimitUnit::rate:
        return "a rate";
    case LimitUnit::ratio:
        return "a percentage";
    case LimitUnit::number:
        break;
    }
    return "a number";
}

} // namespace

const MetricDef& budget_metric(const Budget& b) {
    const MetricDef* m = find_metric(b.metric);
    // A boolean reads as 1 (true) or 0 (false): `min = 1` asks for true.
    if (m != nullptr && (m->is_numeric() || m->type == MetricType::boolean)) {
        return *m;
    }
    if (m != nullptr) {
        fail_at(b, b.metric_pos,
                fmt::format("budget metric '{}' is not numeric (budgets take numbers and "
                            "booleans, as 1 and 0)",
                            b.metric));
    }
    std::string message = fmt::format("unknown metric '{}' in a budget", b.metric);
    std::vector<std::string> paths;
    for (const auto& def : metric_registry()) {
        if (def.is_numeric() || def.type == MetricType::boolean) {
            paths.emplace_back(def.path);
        }
    }
    if (auto guess = closest_match(b.metric, paths)) {
        message += fmt::format("; did you mean '{}'?", *guess);
    } else {
        message += " (see capplan plan --help for the list)";
    }
    fail_at(b, b.metric_pos, message);
}

double limit_in_metric_unit(const Budget& b, const BudgetLimit& limit, const MetricDef& m,
                            const char* key) {
    const std::string_view u = m.unit;
    switch (limit.unit) {
    case LimitUnit::number:
        return limit.value;
    case LimitUnit::size:
        if (u.rfind("bytes", 0) == 0) {
            return limit.value;
        }
        break;
    case LimitUnit::duration:
        if (u == "s" || u == "s/month") {
            return limit.value;
        }
        break;
    case LimitUnit::rate:
        if (u == "1/s") {
            return limit.value;
        }
        if (u == "1/day") {
            return limit.value * tiers::k_seconds_per_day;
        }
        if (u == "1/month") {
            return limit.value * tiers::k_seconds_per_month;
        }
        break;
    case LimitUnit::ratio:
        if (is_share(m)) {
            return limit.value;
        }
        break;
    }
    fail_at(b, limit.pos,
            fmt::format("budget '{}' {} is {}, but {} is in {}", b.id, key, kind_words(limit.unit),
                        m.path, unit_words(m)));
}

void validate_budget(const Budget& b) {
    const MetricDef& m = budget_metric(b);
    std::optional<double> max;
    std::optional<double> min;
    if (b.max) {
        max = limit_in_metric_unit(b, *b.max, m, "max");
    }
    if (b.min) {
        min = limit_in_metric_unit(b, *b.min, m, "min");
    }
    if (b.max_increase) {
        (void)limit_in_metric_unit(b, *b.max_increase, m, "max_increase");
    }
    if (max && min && *min > *max) {
        fail_at(b, b.min->pos, fmt::format("budget '{}' min is above its max", b.id));
    }
}

void require_no_increase_limits(const Budget& b) {
    for (const auto& [limit, key] : {std::pair{&b.max_increase, "max_increase"},
                                     std::pair{&b.max_increase_pct, "max_increase_pct"}}) {
        if (*limit) {
            fail_at(b, (*limit)->pos,
                    fmt::format("budget '{}' {} needs a baseline: pass --compare-to BASE.json "
                                "(a saved `capplan plan -f json`)",
                                b.id, key));
        }
    }
}

} // namespace capplan::report
