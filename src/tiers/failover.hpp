#pragma once
// Failover within one data centre (SPEC §5.14, first paragraph): from the load_balancer stage
// on, each pooled stateless tier (web, load balancer, and workers when queue.failover) plans
// max(2, N + spares) servers where the peak needs N. headroom_ratio = Σ planned / Σ needed over
// those tiers; extra_servers and extra_monthly_cost are the differences. Several data centres
// (the rest of §5.14) come with the multi_datacenter component.

#include <cstdint>
#include <vector>

#include "tiers/point.hpp"

namespace capplan::tiers {

// max(2, needed + spares), saturating at the integer range; needed, spares ≥ 0.
[[nodiscard]] std::int64_t planned_in_one_centre(std::int64_t needed, std::int64_t spares) noexcept;

// One stateless tier's contribution at the peak: servers needed and planned, and the monthly
// cost of each (autoscaled tiers: over the day; others at the peak for 730 h).
struct StatelessTier {
    std::int64_t needed = 0;
    std::int64_t planned = 0;
    double needed_monthly_cost = 0.0;
    double planned_monthly_cost = 0.0;
};

// The failover metrics of one data centre (datacenters 1, survive 0). No tiers, or none
// needing a server: headroom 1.
[[nodiscard]] FailoverMetrics one_centre_failover(const std::vector<StatelessTier>& tiers);

} // namespace capplan::tiers
