#pragma once
// The costs that follow from the traffic alone, once the architecture says where static
// requests go (docs/models.md#blob-cdn, docs/models.md#static-costs): blob storage, the CDN and
// internet egress, and the cross-centre replication of database writes. Internet egress and
// replication have no metric group of their own: they are part of total.monthly_cost.

#include <cstdint>

#include "tiers/bill.hpp"
#include "tiers/blob_cdn.hpp"
#include "tiers/traffic.hpp"
#include "workload/catalogue.hpp"
#include "workload/workload_fwd.hpp"

namespace capplan::tiers {

// Where the static requests go: a CDN, or the web servers (behind the proxies with a pool).
struct StaticLayout {
    bool cdn = false;
    bool separate = false; // web servers of their own (not the single server)
    bool pool = false;     // behind a load balancer
};

struct StaticCosts {
    BlobMetrics blob;
    CdnMetrics cdn; // 0 without a CDN
    double egress_monthly_cost = 0.0;
    // Their lines (tiers/bill.hpp): blob storage, PUTs and GETs; with a CDN its transfer,
    // requests and origin fetches; internet egress (group `network`). Each metric's
    // monthly_cost above is its group's sum.
    TierBill bill;
};

// Blob storage, the CDN (with `cdn.monthly_cost_without_cdn`: the GETs, the egress of the
// static bytes alone and the web and proxy capacity they would take, as a share of capacity
// at max_utilization, over the day for an autoscaled web tier) and internet egress (one tiered
// bill over the dynamic responses and, without a CDN, the static bytes). Throws
// std::invalid_argument when cdn.pricing or cdn.egress_pricing names no price table.
[[nodiscard]] StaticCosts static_costs(const workload::Workload& w, const workload::Catalogue& cat,
                                       const TrafficLoad& t, const StaticLayout& l, double max_u);

// Each database write crosses to D − 1 other centres (db.write_bytes each), priced per GB by
// failover.scope from the catalogue's aws-cross-zone-2024 / aws-cross-region-2024 (the shipped
// rates, 0.01 and 0.02, when a --models override dropped them). datacenters ≥ 1.
// The same as one transfer line of group `network` (GB a month).
[[nodiscard]] BillLine replication_line(const workload::Workload& w, const workload::Catalogue& cat,
                                        const TrafficLoad& t, std::int64_t datacenters);

} // namespace capplan::tiers
