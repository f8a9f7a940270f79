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

} // namespace capplan::tiers
