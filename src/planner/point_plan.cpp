// The point plan's totals (docs/models.md#cost). See point_plan.hpp.

#include "planner/point_plan.hpp"

#include <cmath>

#include "tiers/common.hpp"
#include "tiers/traffic.hpp"

namespace capplan::planner {

tiers::TotalMetrics total_metrics(const PointPlan& p, std::int64_t servers,
                                  double other_monthly_cost, const tiers::TrafficLoad& t) noexcept {
    tiers::TotalMetrics m;
    m.servers = servers;
    m.monthly_cost = p.lb.monthly_cost + p.web.monthly_cost + p.db.monthly_cost +
                     p.cache.monthly_cost + p.blob.monthly_cost + p.cdn.monthly_cost +
                     p.queue.monthly_cost + p.sessions.monthly_cost + p.logs.monthly_cost +
                     other_monthly_cost;
    m.monthly_cost_per_user = t.users > 0.0 ? m.monthly_cost / t.users : std::nan("");
    const double requests_per_month = t.requests_per_day * tiers::k_days_per_month;
    m.cost_per_million_requests =
        requests_per_month > 0.0 ? m.monthly_cost / (requests_per_month / 1e6) : std::nan("");
    return m;
}

} // namespace capplan::planner
