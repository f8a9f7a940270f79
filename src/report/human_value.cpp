#include "report/human_value.hpp"

#include <cmath>

#include <fmt/format.h>

#include "units/human.hpp"

namespace capplan::report {
namespace {

std::string with_unit(const MetricDef& m, double x, const std::string& currency) {
    const std::string_view unit = m.unit;
    if (unit == "currency/month") {
        return units::human_monthly_cost(x, currency);
    }
    if (unit == "currency") {
        return units::human_money(x, currency);
    }
    if (unit == "bytes") {
        return units::human_bytes(x);
    }
    if (unit == "bytes/month") {
        return units::human_bytes(x) + "/mo";
    }
    if (unit == "bytes/day") {
        return units::human_bytes(x) + "/day";
    }
    if (unit == "s") {
        return units::human_duration(x);
    }
    if (unit == "1/s") {
        return units::human_rate(x);
    }
    if (unit == "users") {
        return units::human_users(x);
    }
    return units::human_number(x);
}

} // namespace

std::string human_amount(const MetricDef& m, double x, const std::string& currency) {
    if (is_share(m)) {
        return units::human_percent(x);
    }
    return with_unit(m, x, currency);
}

std::string human_amount_against(const MetricDef& m, double x, double limit,
                                 const std::string& currency) {
    if (is_share(m)) {
        return units::human_percent_against(x, limit);
    }
    return with_unit(m, x, currency);
}

std::string human_value_at(const MetricDef& m, const planner::PointPlan& p,
                           const std::string& currency) {
    const Value v = m.read(p);
    // The availabilities beside the point's target: a miss never reads as the target.
    if (const auto* x = std::get_if<double>(&v);
        x != nullptr && (m.path == "availability.total" || m.path == "availability.worst_shard")) {
        return units::human_percent_against(*x, p.availability.target);
    }
    return human_value(m, v, currency);
}

std::string human_value(const MetricDef& m, const Value& v, const std::string& currency) {
    if (std::holds_alternative<std::monostate>(v)) {
        return "n/a";
    }
    if (const auto* text = std::get_if<std::string>(&v)) {
        return *text;
    }
    if (const auto* flag = std::get_if<bool>(&v)) {
        return *flag ? "yes" : "no";
    }
    const double x = std::holds_alternative<std::int64_t>(v)
                         ? static_cast<double>(std::get<std::int64_t>(v))
                         : std::get<double>(v);
    return human_amount(m, x, currency);
}

std::string human_change(const MetricDef& m, double delta, const std::string& currency) {
    if (!std::isfinite(delta)) {
        return "n/a";
    }
    if (delta == 0.0) {
        return "0";
    }
    const char* sign = delta > 0 ? "+" : "-";
    const double size = std::abs(delta);
    if (is_share(m)) {
        return fmt::format("{}{}", sign, units::human_percent(size));
    }
    return fmt::format("{}{}", sign, with_unit(m, size, currency));
}

std::string human_relative(double percent) {
    if (!std::isfinite(percent)) {
        return "n/a";
    }
    if (percent == 0.0) {
        return "0 %";
    }
    return fmt::format("{}{} %", percent > 0 ? "+" : "-", units::human_number(std::abs(percent)));
}

} // namespace capplan::report
