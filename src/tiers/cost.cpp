// Monthly cost (SPEC §5.17). See cost.hpp.

#include "tiers/cost.hpp"

#include <cmath>

#include "tiers/common.hpp"

namespace capplan::tiers {

double autoscaled_monthly_cost(const std::array<std::int64_t, 24>& servers,
                               double hourly) noexcept {
    double server_hours_per_day = 0.0;
    for (const std::int64_t n : servers) {
        server_hours_per_day += static_cast<double>(n);
    }
    return server_hours_per_day * hourly * k_days_per_month;
}

double peak_monthly_cost(std::int64_t servers, double hourly) noexcept {
    return static_cast<double>(servers) * hourly * k_hours_per_month;
}

TotalMetrics total_metrics(const PointPlan& p, std::int64_t servers, double other_monthly_cost,
                           const TrafficLoad& t) noexcept {
    TotalMetrics m;
    m.servers = servers;
    m.monthly_cost = p.lb.monthly_cost + p.web.monthly_cost + p.db.monthly_cost +
                     p.cache.monthly_cost + p.blob.monthly_cost + p.cdn.monthly_cost +
                     p.queue.monthly_cost + p.sessions.monthly_cost + p.logs.monthly_cost +
                     other_monthly_cost;
    m.monthly_cost_per_user = t.users > 0.0 ? m.monthly_cost / t.users : std::nan("");
    const double requests_per_month = t.requests_per_day * k_days_per_month;
    m.cost_per_million_requests =
        requests_per_month > 0.0 ? m.monthly_cost / (requests_per_month / 1e6) : std::nan("");
    return m;
}

} // namespace capplan::tiers
