// Monthly cost (docs/models.md#cost). See cost.hpp.

#include "tiers/cost.hpp"

#include "tiers/common.hpp"

namespace capplan::tiers {
namespace {

double server_hours_per_day(const std::array<std::int64_t, 24>& servers) noexcept {
    double hours = 0.0;
    for (const std::int64_t n : servers) {
        hours += static_cast<double>(n);
    }
    return hours;
}

} // namespace

double autoscaled_monthly_cost(const std::array<std::int64_t, 24>& servers,
                               double hourly) noexcept {
    return server_hours_per_day(servers) * hourly * k_days_per_month;
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
    // The cost as autoscaled_monthly_cost computes it, from one sum of the hours.
    const double hours = server_hours_per_day(servers);
    return {group,
            CostKind::instance,
            BillUnit::instance_hours,
            hours * k_days_per_month,
            hourly,
            hours * hourly * k_days_per_month};
}

std::span<const MetricRow<TotalMetrics>> total_metric_rows() noexcept {
    static constexpr std::array<MetricRow<TotalMetrics>, 5> rows{{
        {"servers", RowType::integer, "", "every billed VM at the peak",
         [](const TotalMetrics& m) -> RowValue { return m.servers; }},
        {"monthly_cost", RowType::real, "currency/month", "total monthly cost",
         [](const TotalMetrics& m) -> RowValue { return m.monthly_cost; }},
        {"monthly_cost_per_user", RowType::real, "currency/month", "total monthly cost per user",
         [](const TotalMetrics& m) -> RowValue { return m.monthly_cost_per_user; }},
        {"cost_per_million_requests", RowType::real, "currency",
         "total cost per million dynamic requests",
         [](const TotalMetrics& m) -> RowValue { return m.cost_per_million_requests; }},
        {"path_premium", RowType::real, "currency/month",
         "what the plan pays above the cheapest architecture meeting every limit here",
         [](const TotalMetrics& m) -> RowValue { return m.path_premium; }},
    }};
    return rows;
}

} // namespace capplan::tiers
