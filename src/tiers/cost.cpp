// Monthly cost (docs/models.md#cost). See cost.hpp.

#include "tiers/cost.hpp"

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

BillLine instance_line(BillGroup group, std::int64_t servers, double hourly) noexcept {
    return {group,
            CostKind::instance,
            BillUnit::instance_hours,
            static_cast<double>(servers) * k_hours_per_month,
            hourly,
            peak_monthly_cost(servers, hourly)};
}

BillLine autoscaled_line(BillGroup group, const std::array<std::int64_t, 24>& servers,
                         double hourly) noexcept {
    double server_hours_per_day = 0.0;
    for (const std::int64_t n : servers) {
        server_hours_per_day += static_cast<double>(n);
    }
    // The cost as autoscaled_monthly_cost computes it.
    return {group,
            CostKind::instance,
            BillUnit::instance_hours,
            server_hours_per_day * k_days_per_month,
            hourly,
            server_hours_per_day * hourly * k_days_per_month};
}

} // namespace capplan::tiers
