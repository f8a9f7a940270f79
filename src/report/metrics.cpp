// The metric registry (capplan(1) METRICS). See metrics.hpp.

#include "report/metrics.hpp"

#include <fmt/format.h>

#include <cmath>
#include <deque>
#include <span>
#include <type_traits>
#include <variant>

#include "common/edit_distance.hpp"
#include "common/errors.hpp"

namespace capplan::report {
namespace {

using planner::PointPlan;

// A tier's value as the registry gives it: reals through real_or_null (NaN and infinities
// become null), the rest as the struct holds them.
Value to_value(const tiers::RowValue& v, tiers::RowType type) {
    if (type == tiers::RowType::real) {
        return real_or_null(std::visit(
            [](const auto& x) -> double {
                if constexpr (std::is_same_v<std::decay_t<decltype(x)>, std::string>) {
                    return std::nan("");
                } else {
                    return static_cast<double>(x);
                }
            },
            v));
    }
    return std::visit([](const auto& x) { return Value{x}; }, v);
}

MetricType type_of(tiers::RowType t) {
    switch (t) {
    case tiers::RowType::integer:
        return MetricType::integer;
    case tiers::RowType::real:
        return MetricType::real;
    case tiers::RowType::boolean:
        return MetricType::boolean;
    case tiers::RowType::text:
        return MetricType::text;
    }
    return MetricType::text;
}

// The paths the registry's string_views point into (built once, never moved).
std::deque<std::string>& path_store() {
    static std::deque<std::string> paths;
    return paths;
}

// Appends the rows a tier declares for `group`, read from the point's `member`.
template <class M>
void add_group(std::vector<MetricDef>& out, std::string_view group, M PointPlan::*member,
               std::span<const tiers::MetricRow<M>> rows) {
    for (const tiers::MetricRow<M>& row : rows) {
        const std::string_view path =
            path_store().emplace_back(fmt::format("{}.{}", group, row.name));
        const auto read = row.read;
        const tiers::RowType type = row.type;
        out.push_back(
            {path, type_of(type), row.unit, row.description,
             [member, read, type](const PointPlan& p) { return to_value(read(p.*member), type); },
             (row.step ? k_step : 0U) | (row.adds_to_total ? k_adds_to_total : 0U)});
    }
}

std::vector<MetricDef> build_registry() {
    std::vector<MetricDef> out = {
        {"users", MetricType::real, "users", "user count of this point",
         [](const PointPlan& p) { return real_or_null(p.users); }},
        {"stage", MetricType::text, "", "architecture components in use, joined by +",
         [](const PointPlan& p) { return Value{stage_text(p)}; }},
        {"feasible", MetricType::boolean, "", "whether every limit holds at this point",
         [](const PointPlan& p) { return Value{p.feasible}; }},
    };
    // The groups in the order of capplan(1) METRICS.
    add_group(out, "traffic", &PointPlan::traffic, tiers::traffic_metric_rows());
    add_group(out, "lb", &PointPlan::lb, tiers::lb_metric_rows());
    add_group(out, "web", &PointPlan::web, tiers::web_metric_rows());
    add_group(out, "db", &PointPlan::db, tiers::db_metric_rows());
    add_group(out, "cache", &PointPlan::cache, tiers::cache_metric_rows());
    add_group(out, "blob", &PointPlan::blob, tiers::blob_metric_rows());
    add_group(out, "cdn", &PointPlan::cdn, tiers::cdn_metric_rows());
    add_group(out, "queue", &PointPlan::queue, tiers::queue_metric_rows());
    add_group(out, "sessions", &PointPlan::sessions, tiers::sessions_metric_rows());
    add_group(out, "logs", &PointPlan::logs, tiers::logs_metric_rows());
    add_group(out, "failover", &PointPlan::failover, tiers::failover_metric_rows());
    add_group(out, "availability", &PointPlan::availability, tiers::availability_metric_rows());
    add_group(out, "total", &PointPlan::total, tiers::total_metric_rows());
    return out;
}

std::vector<std::string> all_paths() {
    std::vector<std::string> paths;
    for (const auto& m : metric_registry()) {
        paths.emplace_back(m.path);
    }
    return paths;
}

} // namespace

std::string_view MetricDef::group() const {
    const auto dot = path.find('.');
    return dot == std::string_view::npos ? std::string_view{} : path.substr(0, dot);
}

std::string_view MetricDef::name() const {
    const auto dot = path.find('.');
    return dot == std::string_view::npos ? path : path.substr(dot + 1);
}

const std::vector<MetricDef>& metric_registry() {
    static const std::vector<MetricDef> registry = build_registry();
    return registry;
}

const std::vector<planner::StepMetric>& step_metrics() {
    static const std::vector<planner::StepMetric> steps = [] {
        std::vector<planner::StepMetric> out;
        for (const MetricDef& m : metric_registry()) {
            if ((m.role & k_step) == 0) {
                continue;
            }
            const auto read = m.read;
            out.push_back({m.path, [read](const PointPlan& p) -> planner::StepValue {
                               const Value v = read(p);
                               if (const auto* n = std::get_if<std::int64_t>(&v)) {
                                   return *n;
                               }
                               const auto* t = std::get_if<std::string>(&v);
                               return t != nullptr ? *t : std::string();
                           }});
        }
        return out;
    }();
    return steps;
}

bool is_share(const MetricDef& m) {
    if (m.type != MetricType::real || !m.unit.empty()) {
        return false;
    }
    const std::string_view path = m.path;
    return path.find("utilization") != std::string_view::npos || path.find("availability.") == 0 ||
           path.find("_fraction") != std::string_view::npos;
}

const MetricDef* find_metric(std::string_view path) {
    for (const auto& m : metric_registry()) {
        if (m.path == path) {
            return &m;
        }
    }
    return nullptr;
}

const MetricDef& require_metric(std::string_view path, const std::string& flag) {
    if (const MetricDef* m = find_metric(path)) {
        return *m;
    }
    std::string message = fmt::format("unknown metric '{}'", path);
    if (auto guess = closest_match(path, all_paths())) {
        message += fmt::format("; did you mean '{}'?", *guess);
    } else {
        message += " (see capplan plan --help for the list)";
    }
    throw UsageError(flag, message);
}

std::vector<const MetricDef*> select_metrics(std::string_view list) {
    std::vector<const MetricDef*> chosen;
    auto add = [&](const MetricDef* m) {
        for (const MetricDef* c : chosen) {
            if (c == m) {
                return;
            }
        }
        chosen.push_back(m);
    };
    std::size_t start = 0;
    while (start <= list.size()) {
        const std::size_t comma = list.find(',', start);
        std::string_view item = list.substr(
            start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
        while (!item.empty() && item.front() == ' ') {
            item.remove_prefix(1);
        }
        while (!item.empty() && item.back() == ' ') {
            item.remove_suffix(1);
        }
        if (item.empty()) {
            throw UsageError("--fields", "empty metric name in the list");
        }
        if (item.size() > 2 && item.substr(item.size() - 2) == ".*") {
            const std::string_view group = item.substr(0, item.size() - 2);
            bool any = false;
            for (const auto& m : metric_registry()) {
                if (m.group() == group) {
                    add(&m);
                    any = true;
                }
            }
            if (!any) {
                throw UsageError("--fields", fmt::format("unknown metric group '{}'", group));
            }
        } else {
            add(&require_metric(item, "--fields"));
        }
        if (comma == std::string_view::npos) {
            break;
        }
        start = comma + 1;
    }
    return chosen;
}

std::string stage_text(const PointPlan& p) {
    std::string out;
    for (const auto& name : p.stage.names()) {
        if (!out.empty()) {
            out += '+';
        }
        out += name;
    }
    return out;
}

} // namespace capplan::report
