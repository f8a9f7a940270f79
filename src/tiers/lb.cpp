// The load balancer (docs/models.md#load-balancer). See lb.hpp.
//
// Decision: the capacity is vCPUs · capacity_per_vcpu as docs/models.md#load-balancer
// writes it, without the effective-core rule of docs/models.md#conventions: capacity_per_vcpu is
// measured per vCPU of the proxy instance.

#include "tiers/lb.hpp"

#include <algorithm>
#include <array>

#include "tiers/common.hpp"
#include "tiers/failover.hpp"

namespace capplan::tiers {

LbSizing size_lb(const workload::Instance& inst, double capacity_per_vcpu_per_s, double rps,
                 double max_utilization, const FailoverRule& rule) noexcept {
    const double capacity =
        static_cast<double>(std::max<std::int64_t>(1, inst.vcpus)) * capacity_per_vcpu_per_s;
    LbSizing s;
    s.needed = ceil_count(rps / (capacity * max_utilization), 1);
    if (rule.datacenters <= 1) {
        s.planned = planned_in_one_centre(s.needed, rule.spares);
    } else {
        const std::int64_t left = std::max<std::int64_t>(1, rule.datacenters - rule.survive);
        const std::int64_t per_centre =
            std::max<std::int64_t>(2, s.needed / left + (s.needed % left != 0 ? 1 : 0));
        s.planned = std::min(k_max_count / rule.datacenters, per_centre) * rule.datacenters;
    }
    s.utilization = rps / (capacity * static_cast<double>(s.planned));
    return s;
}

std::span<const MetricRow<LbMetrics>> lb_metric_rows() noexcept {
    static constexpr std::array<MetricRow<LbMetrics>, 3> rows{{
        {"instances", RowType::integer, "", "load balancer instances (all data centres)",
         [](const LbMetrics& m) -> RowValue { return m.instances; }, true},
        {"utilization", RowType::real, "", "load balancer utilization at the peak",
         [](const LbMetrics& m) -> RowValue { return m.utilization; }},
        {"monthly_cost", RowType::real, "currency/month", "load balancer cost",
         [](const LbMetrics& m) -> RowValue { return m.monthly_cost; }, false, true},
    }};
    return rows;
}

} // namespace capplan::tiers
