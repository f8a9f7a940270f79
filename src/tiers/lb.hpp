#pragma once
// The load balancer (docs/models.md#load-balancer): self-run proxy instances, each able to take
// capacity = vCPUs · capacity_per_vcpu requests per second at 100 %. The peak's dynamic and
// static requests (static until a CDN takes them) need n = ⌈rps / (capacity · max_utilization)⌉
// instances; one data centre plans max(2, n + spares) of them (docs/models.md#load-balancer); D
// centres surviving k losses plan max(2, ⌈n/(D − k)⌉) in each centre (at least two per centre,
// and the D − k centres left carry the whole load). Absent until the load_balancer stage. The
// proxies are not autoscaled: they are billed at the peak.

#include <cstdint>

#include "tiers/failover.hpp"
#include "tiers/lb_metrics.hpp"
#include "workload/catalogue.hpp"

namespace capplan::tiers {

struct LbSizing {
    std::int64_t needed = 0;  // capacity alone (at least 1)
    std::int64_t planned = 0; // max(2, needed + spares)
    double utilization = 0.0; // at the planned count
};

// rps ≥ 0; capacity_per_vcpu_per_s > 0; max_utilization in (0, 1].
[[nodiscard]] LbSizing size_lb(const workload::Instance& inst, double capacity_per_vcpu_per_s,
                               double rps, double max_utilization,
                               const FailoverRule& rule) noexcept;

} // namespace capplan::tiers
