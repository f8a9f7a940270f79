#pragma once
// The blob.* and cdn.* metrics (docs/models.md#blob-cdn): the result struct that the point plan
// holds (planner/point_plan.hpp) and report/ reads. The sizing API is tiers/blob_cdn.hpp.

namespace capplan::tiers {

// blob.* and cdn.* (docs/models.md#blob-cdn).
struct BlobMetrics {
    double storage_bytes = 0, monthly_cost = 0;
};

struct CdnMetrics {
    double egress_bytes_per_month = 0, origin_egress_bytes_per_month = 0;
    double requests_per_month = 0, monthly_cost = 0, monthly_cost_without_cdn = 0;
};

} // namespace capplan::tiers
