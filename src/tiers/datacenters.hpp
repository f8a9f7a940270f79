#pragma once
// Several data centres (docs/models.md#datacenters). A pooled stateless tier that needs n
// servers at the peak is spread as evenly as possible over D centres and must keep n after the
// k fullest centres fail: q = ⌊n/(D−k)⌋, r = n mod (D−k), M = q·D + (r > 0 ? k + r : 0)
// (Microsoft's Azure zone over-provisioning guide: 3 zones surviving 1, n = 3 → 5, n = 4 → 6).
// Each database shard keeps a replica in every other centre, so a write crosses to D − 1
// centres; the transfer is priced per GB (GB = 2^30 bytes) by scope.

#include <cstdint>

#include "workload/failover_section.hpp"

namespace capplan::tiers {

// Cross-centre round trips by failover scope (capplan-workload(5) [failover] scope): zones of one
// region are about 1 ms apart, regions about 70 ms (a US east–west pair). Added to every
// synchronous cross-centre leg by the caller.
inline constexpr double k_rtt_cross_zone_s = 1e-3;
inline constexpr double k_rtt_cross_region_s = 70e-3;

// The round trip between two centres of `scope`, in seconds.
[[nodiscard]] double cross_centre_rtt_s(workload::FailoverScope scope) noexcept;

// The fewest servers M, spread as evenly as possible over `datacenters` centres, such that
// losing the `survive` fullest centres leaves at least `needed`. needed ≤ 0 gives 0;
// datacenters < 1 is taken as 1 and survive is clamped to [0, datacenters − 1]; the result
// saturates at k_max_count. One centre (or survive 0) gives `needed`.
[[nodiscard]] std::int64_t spread_servers(std::int64_t needed, std::int64_t datacenters,
                                          std::int64_t survive) noexcept;

// Cross-centre replication of database writes over one month.
struct ReplicationTransfer {
    double bytes_per_month = 0.0; // writes · write_bytes · (D − 1) over 730/24 days
    double monthly_cost = 0.0;    // bytes_per_month / 2^30 · price_per_gb
};

// writes_per_day ≥ 0 (replicated writes: rows, not requests); write_bytes ≥ 0; datacenters ≥ 1
// (values below 1 are taken as 1: nothing crosses); price_per_gb ≥ 0 (docs/models.md#static-costs:
// cross-zone
// 0.01, cross-region 0.02, the catalogue's aws-cross-zone-2024 / aws-cross-region-2024).
[[nodiscard]] ReplicationTransfer replication_transfer(double writes_per_day, double write_bytes,
                                                       std::int64_t datacenters,
                                                       double price_per_gb) noexcept;

} // namespace capplan::tiers
