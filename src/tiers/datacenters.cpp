// Several data centres (docs/models.md#datacenters). See datacenters.hpp.

#include "tiers/datacenters.hpp"

#include <algorithm>

#include "tiers/common.hpp"

namespace capplan::tiers {

double cross_centre_rtt_s(workload::FailoverScope scope) noexcept {
    return scope == workload::FailoverScope::region ? k_rtt_cross_region_s : k_rtt_cross_zone_s;
}

std::int64_t spread_servers(std::int64_t needed, std::int64_t datacenters,
                            std::int64_t survive) noexcept {
    if (needed <= 0) {
        return 0;
    }
    const std::int64_t d = std::max<std::int64_t>(1, datacenters);
    const std::int64_t k = std::clamp<std::int64_t>(survive, 0, d - 1);
    // Why it is minimal: the D − k centres that survive must hold n between them, and an even
    // spread gives every centre q or q + 1. With q per centre the survivors hold q·(D − k); the
    // r left over need one more server in r surviving centres, and since the k fullest fail,
    // the k lost centres must hold q + 1 too: r + k centres at q + 1.
    const std::int64_t surviving = d - k;
    const std::int64_t q = needed / surviving;
    const std::int64_t r = needed % surviving;
    if (q > k_max_count / d) {
        return k_max_count;
    }
    return std::min(k_max_count, q * d + (r > 0 ? k + r : 0));
}

ReplicationTransfer replication_transfer(double writes_per_day, double write_bytes,
                                         std::int64_t datacenters, double price_per_gb) noexcept {
    const double copies = static_cast<double>(std::max<std::int64_t>(1, datacenters) - 1);
    ReplicationTransfer t;
    t.bytes_per_month = writes_per_day * k_days_per_month * write_bytes * copies;
    t.monthly_cost = t.bytes_per_month / k_bytes_per_gb * price_per_gb;
    return t;
}

} // namespace capplan::tiers
