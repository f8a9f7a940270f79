#include "report/plan_diff.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "common/errors.hpp"
#include "units/human.hpp"

namespace capplan::report {
namespace {

constexpr double k_same_relative = 1e-12;

std::optional<double> number_of(const std::optional<Value>& v) {
    return v ? as_number(*v) : std::nullopt;
}

std::string points_text(const PlanValues& v) {
    std::string out;
    std::size_t shown = 0;
    for (const auto& p : v.points) {
        if (shown == 8) {
            return out + ", ...";
        }
        out += shown++ == 0 ? "" : ", ";
        out += units::human_users(p.users);
    }
    return out;
}

MetricDiff compare(const MetricDef& m, const PointValues& a, const PointValues& b) {
    MetricDiff d;
    d.metric = &m;
    d.old_value = a.at(m);
    d.new_value = b.at(m);
    if (!d.old_value || !d.new_value) {
        d.status = d.old_value ? DiffStatus::removed : DiffStatus::added;
        return d;
    }
    d.status = *d.old_value == *d.new_value ? DiffStatus::unchanged : DiffStatus::changed;
    const auto x = number_of(d.old_value);
    const auto y = number_of(d.new_value);
    if (x && y) {
        d.change = *y - *x;
        // Rounding noise of a different evaluation order is no change.
        if (std::abs(*d.change) <= k_same_relative * std::max(std::abs(*x), std::abs(*y))) {
            d.status = DiffStatus::unchanged;
        }
        if (*x != 0.0) {
            d.relative = *d.change / std::abs(*x);
        } else if (*d.change == 0.0) {
            d.relative = 0.0;
        }
    }
    return d;
}

} // namespace

const char* diff_status_name(DiffStatus s) noexcept {
    switch (s) {
    case DiffStatus::unchanged:
        return "unchanged";
    case DiffStatus::changed:
        return "changed";
    case DiffStatus::added:
        return "added";
    case DiffStatus::removed:
        break;
    }
    return "removed";
}

const std::vector<const MetricDef*>& diff_order() {
    static const std::vector<const MetricDef*> order = [] {
        std::vector<const MetricDef*> out;
        for (const auto& m : metric_registry()) {
            if (m.group() == "total") {
                out.push_back(&m);
            }
        }
        out.push_back(find_metric("stage"));
        out.push_back(find_metric("feasible"));
        for (const auto& m : metric_registry()) {
            if (m.group() != "total" && !m.group().empty()) {
                out.push_back(&m);
            }
        }
        return out;
    }();
    return order;
}

PlanDiff diff_plans(const PlanValues& base, const PlanValues& next, const std::string& base_label,
                    const std::string& new_label) {
    if (base.currency != next.currency) {
        throw InputError(new_label, 0, 0,
                         fmt::format("its currency {} differs from {} in {}: costs cannot be "
                                     "compared",
                                     next.currency, base.currency, base_label));
    }
    std::vector<const PointValues*> a;
    std::vector<const PointValues*> b;
    for (const auto* side : {&base, &next}) {
        auto& list = side == &base ? a : b;
        for (const auto& p : side->points) {
            if (!p.extra) {
                list.push_back(&p);
            }
        }
    }
    bool same = a.size() == b.size();
    for (std::size_t i = 0; same && i < a.size(); ++i) {
        same = same_users(a[i]->users, b[i]->users);
    }
    if (!same) {
        throw InputError(new_label, 0, 0,
                         fmt::format("its user points ({}) differ from those of {} ({}); save "
                                     "both plans with the same --users",
                                     points_text(next), base_label, points_text(base)));
    }
    PlanDiff out;
    out.base_label = base_label;
    out.new_label = new_label;
    out.base_name = base.workload_name;
    out.new_name = next.workload_name;
    out.currency = next.currency;
    for (std::size_t i = 0; i < a.size(); ++i) {
        PointDiff p;
        p.users = b[i]->users;
        for (const MetricDef* m : diff_order()) {
            p.metrics.push_back(compare(*m, *a[i], *b[i]));
        }
        out.points.push_back(std::move(p));
    }
    return out;
}

} // namespace capplan::report
