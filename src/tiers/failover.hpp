#pragma once
// Failover within one data centre (docs/models.md#failover): from the load_balancer stage
// on, each pooled stateless tier (web, load balancer, and workers when queue.failover) plans
// max(2, N + spares) servers where the peak needs N. headroom_ratio = Σ planned / Σ needed over
// those tiers; extra_servers and extra_monthly_cost are the differences. With several data
// centres (the multi_datacenter component) the spreading formula replaces max(2, N + spares).

#include <cstdint>
#include <vector>

#include "tiers/failover_metrics.hpp"

namespace capplan::tiers {

// max(2, needed + spares), saturating at the integer range; needed, spares ≥ 0.
[[nodiscard]] std::int64_t planned_in_one_centre(std::int64_t needed, std::int64_t spares) noexcept;

// How a pooled stateless tier turns the servers the peak needs into the servers it plans:
// one centre, max(2, N + spares); D ≥ 2 centres surviving k losses, the spreading formula of
// datacenters.hpp (spares are a one-centre rule: the lost centres' share is the headroom).
struct FailoverRule {
    std::int64_t datacenters = 1; // D ≥ 1
    std::int64_t survive = 0;     // k in [0, D − 1]
    std::int64_t spares = 0;      // ≥ 0, one centre only
    [[nodiscard]] std::int64_t planned(std::int64_t needed) const noexcept;
};

// One stateless tier's contribution at the peak: servers needed and planned, and the monthly
// cost of each (autoscaled tiers: over the day; others at the peak for 730 h).
struct StatelessTier {
    std::int64_t needed = 0;
    std::int64_t planned = 0;
    double needed_monthly_cost = 0.0;
    double planned_monthly_cost = 0.0;
};

// The failover metrics over the pooled stateless tiers, with `datacenters` and `survive` from
// the rule. No tiers, or none needing a server: headroom 1.
[[nodiscard]] FailoverMetrics stateless_failover(const std::vector<StatelessTier>& tiers,
                                                 const FailoverRule& rule);

} // namespace capplan::tiers
