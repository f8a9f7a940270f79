// The load balancer (SPEC §5.6). See lb.hpp.
//
// Decision: the capacity is vCPUs · capacity_per_vcpu as §5.6 writes it, without the
// effective-core rule of §5.5: capacity_per_vcpu is measured per vCPU of the proxy instance.

#include "tiers/lb.hpp"

#include <algorithm>

#include "tiers/common.hpp"
#include "tiers/failover.hpp"

namespace capplan::tiers {

LbSizing size_lb(const workload::Instance& inst, double capacity_per_vcpu_per_s, double rps,
                 double max_utilization, std::int64_t spares) noexcept {
    const double capacity =
        static_cast<double>(std::max<std::int64_t>(1, inst.vcpus)) * capacity_per_vcpu_per_s;
    LbSizing s;
    s.needed = ceil_count(rps / (capacity * max_utilization), 1);
    s.planned = planned_in_one_centre(s.needed, spares);
    s.utilization = rps / (capacity * static_cast<double>(s.planned));
    return s;
}

} // namespace capplan::tiers
