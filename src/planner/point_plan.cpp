// The point plan's totals (docs/models.md#cost). See point_plan.hpp.

#include "planner/point_plan.hpp"

#include <cmath>

#include "tiers/common.hpp"
#include "tiers/traffic.hpp"

namespace capplan::planner {

double* group_monthly_cost(PointPlan& p, tiers::BillGroup g) noexcept {
    using tiers::BillGroup;
    switch (g) {
    case BillGroup::lb:
        return &p.lb.monthly_cost;
    case BillGroup::web:
        return &p.web.monthly_cost;
    case BillGroup::db:
        return &p.db.monthly_cost;
    case BillGroup::cache:
        return &p.cache.monthly_cost;
    case BillGroup::blob:
        return &p.blob.monthly_cost;
    case BillGroup::cdn:
        return &p.cdn.monthly_cost;
    case BillGroup::queue:
        return &p.queue.monthly_cost;
    case BillGroup::sessions:
        return &p.sessions.monthly_cost;
    case BillGroup::logs:
        return &p.logs.monthly_cost;
    case BillGroup::network:
        return nullptr;
    }
    return nullptr;
}

void settle_costs(PointPlan& p, std::int64_t servers, const tiers::TrafficLoad& t) noexcept {
    const std::array<double, tiers::k_bill_groups> groups = tiers::group_sums(p.bill.lines());
    for (std::size_t g = 0; g < tiers::k_bill_groups; ++g) {
        if (double* cost = group_monthly_cost(p, static_cast<tiers::BillGroup>(g))) {
            *cost = groups[g];
        }
    }
    tiers::TotalMetrics& m = p.total;
    m.servers = servers;
    m.monthly_cost = tiers::total_of(groups);
    m.monthly_cost_per_user = t.users > 0.0 ? m.monthly_cost / t.users : std::nan("");
    const double requests_per_month = t.requests_per_day * tiers::k_days_per_month;
    m.cost_per_million_requests =
        requests_per_month > 0.0 ? m.monthly_cost / (requests_per_month / 1e6) : std::nan("");
}

} // namespace capplan::planner
