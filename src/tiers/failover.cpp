// Failover in one data centre (docs/models.md#failover). See failover.hpp.

#include "tiers/failover.hpp"

#include <algorithm>
#include <array>
#include <limits>

#include "tiers/datacenters.hpp"

namespace capplan::tiers {

std::int64_t planned_in_one_centre(std::int64_t needed, std::int64_t spares) noexcept {
    const std::int64_t room =
        std::numeric_limits<std::int64_t>::max() - std::max<std::int64_t>(0, spares);
    const std::int64_t n = std::min(std::max<std::int64_t>(0, needed), room);
    return std::max<std::int64_t>(2, n + std::max<std::int64_t>(0, spares));
}

std::int64_t FailoverRule::planned(std::int64_t needed) const noexcept {
    if (datacenters <= 1) {
        return planned_in_one_centre(needed, spares);
    }
    return spread_servers(needed, datacenters, survive);
}

FailoverMetrics stateless_failover(const std::vector<StatelessTier>& tiers,
                                   const FailoverRule& rule) {
    FailoverMetrics f;
    f.datacenters = std::max<std::int64_t>(1, rule.datacenters);
    f.survive = f.datacenters > 1 ? rule.survive : 0;
    std::int64_t needed = 0;
    std::int64_t planned = 0;
    double extra_cost = 0.0;
    for (const StatelessTier& t : tiers) {
        needed += t.needed;
        planned += t.planned;
        extra_cost += t.planned_monthly_cost - t.needed_monthly_cost;
    }
    f.headroom_ratio =
        needed > 0 ? static_cast<double>(planned) / static_cast<double>(needed) : 1.0;
    f.extra_servers = planned - needed;
    f.extra_monthly_cost = std::max(0.0, extra_cost);
    return f;
}

std::span<const MetricRow<FailoverMetrics>> failover_metric_rows() noexcept {
    static constexpr std::array<MetricRow<FailoverMetrics>, 5> rows{{
        {"datacenters", RowType::integer, "", "data centres",
         [](const FailoverMetrics& m) -> RowValue { return m.datacenters; }},
        {"survive", RowType::integer, "", "data-centre losses survived",
         [](const FailoverMetrics& m) -> RowValue { return m.survive; }},
        {"headroom_ratio", RowType::real, "", "planned over needed servers of the stateless tiers",
         [](const FailoverMetrics& m) -> RowValue { return m.headroom_ratio; }},
        {"extra_servers", RowType::integer, "",
         "servers planned beyond the peak's needs, for failover",
         [](const FailoverMetrics& m) -> RowValue { return m.extra_servers; }},
        {"extra_monthly_cost", RowType::real, "currency/month", "cost of the failover servers",
         [](const FailoverMetrics& m) -> RowValue { return m.extra_monthly_cost; }},
    }};
    return rows;
}

} // namespace capplan::tiers
