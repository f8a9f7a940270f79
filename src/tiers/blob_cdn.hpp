#pragma once
// Blob storage, CDN and internet egress (docs/models.md#blob-cdn). Static assets: page views/day P
// pull static_bytes_per_page_view b and static_requests_per_page_view s each. A month is 730/24
// days, so the CDN serves E = P·(730/24)·b bytes in P·(730/24)·s requests; its bill is the
// tiered table on E in GB (GB = 2^30 bytes, docs/models.md#catalogue), request
// fees per 10k by scheme, and origin fetches E·(1 − hit)·origin_fetch_per_gb. Blob storage
// holds users·blob_bytes_per_user, priced per GB-month, one PUT per upload job and one GET per
// origin fetch (a static request that misses the CDN; every static request without a CDN).
// Without a CDN the static bytes leave through internet egress and the static requests take
// load-balancer and web capacity: `monthly_cost_without_cdn` prices that alternative.

#include "tiers/blob_cdn_metrics.hpp"
#include "workload/blob_section.hpp"
#include "workload/catalogue.hpp"
#include "workload/cdn_section.hpp"

namespace capplan::tiers {

// The static traffic and stored objects of one plan point (all ≥ 0; per day as
// docs/models.md#traffic gives them, bytes in bytes).
struct StaticLoad {
    double page_views_per_day = 0.0;
    double static_bytes_per_page_view = 0.0;
    double static_requests_per_page_view = 0.0;
    double users = 0.0;
    double blob_bytes_per_user = 0.0;
    double upload_jobs_per_day = 0.0; // one PUT each
};

struct BlobCdn {
    double egress_bytes_per_month = 0.0;        // E, the static bytes users download
    double requests_per_month = 0.0;            // static requests
    double origin_egress_bytes_per_month = 0.0; // E·(1 − hit): what the CDN fetches
    double origin_requests_per_month = 0.0;     // static requests that miss the CDN

    double cdn_transfer_cost = 0.0;     // tiered table on E in GB
    double cdn_request_cost = 0.0;      // requests / 10k · fee by scheme
    double cdn_origin_fetch_cost = 0.0; // origin bytes / 2^30 · origin_fetch_per_gb
    double cdn_monthly_cost = 0.0;      // the three above

    double blob_bytes = 0.0;             // users · blob_bytes_per_user
    double blob_storage_cost = 0.0;      // per GB-month
    double put_requests_per_month = 0.0; // one PUT per upload job
    double blob_put_cost = 0.0;          // upload jobs per month / 1k · put_per_1k
    double blob_get_cost = 0.0;          // origin GETs (with the CDN) / 1k · get_per_1k
    double blob_monthly_cost = 0.0;      // the three above (with the CDN)

    // The alternative without a CDN (docs/models.md#blob-cdn `monthly_cost_without_cdn`, a
    // comparison: a plan without a CDN bills blob_storage_cost + blob_put_cost +
    // without_cdn_get_cost, the egress inside internet_egress_cost and the capacity inside its
    // tiers, never this sum): a GET per static request, internet egress on E alone and
    // the load balancer and web capacity the static requests take (given by the caller).
    double without_cdn_get_cost = 0.0;
    double without_cdn_egress_cost = 0.0;
    double monthly_cost_without_cdn = 0.0;
};

// A CDN price table's fee per 10,000 requests of `scheme`.
[[nodiscard]] double cdn_request_fee_per_10k(const workload::PriceTable& cdn_table,
                                             workload::RequestScheme scheme) noexcept;

// Request fees of a CDN price table: requests / 10,000 · the fee of `scheme`, unrounded
// (infracost's CloudFront golden test: 123,402 HTTP requests at 0.0075 → 0.0926, billed $0.09).
// requests ≥ 0.
[[nodiscard]] double cdn_request_cost(const workload::PriceTable& cdn_table,
                                      workload::RequestScheme scheme, double requests) noexcept;

// The CDN's monthly bill for egress_bytes E and `requests` a month: the tiered table on E/2^30
// GB + request fees + E·(1 − hit)/2^30·origin_fetch_per_gb. hit_ratio is clamped to [0, 1];
// non-positive bytes or requests contribute 0.
[[nodiscard]] double cdn_monthly_cost(const workload::PriceTable& cdn_table,
                                      const workload::Cdn& cdn, double egress_bytes,
                                      double requests) noexcept;

// The static traffic's CDN and blob bills with a CDN, and the alternative without one.
// `cdn_table` and `egress_table` are the catalogue tables named by cdn.pricing and
// cdn.egress_pricing; `static_capacity_monthly_cost` ≥ 0 is what the load balancer and web
// servers that static requests would occupy cost a month (the caller prices them from their
// instances; 0 leaves them out).
[[nodiscard]] BlobCdn blob_cdn(const StaticLoad& load, const workload::Cdn& cdn,
                               const workload::PriceTable& cdn_table,
                               const workload::PriceTable& egress_table, const workload::Blob& blob,
                               double static_capacity_monthly_cost) noexcept;

// The month's internet egress bill: one tiered bill (egress_table, GB = 2^30) over the dynamic
// response bytes and, when there is no CDN, the static bytes together (pass 0 with a CDN).
// Both ≥ 0 bytes per month; negative values count as 0.
[[nodiscard]] double internet_egress_cost(const workload::PriceTable& egress_table,
                                          double dynamic_bytes_per_month,
                                          double static_bytes_per_month) noexcept;

// Dynamic response bytes a month: requests_per_day · 730/24 · response_bytes (≥ 0).
[[nodiscard]] double dynamic_egress_bytes_per_month(double requests_per_day,
                                                    double response_bytes) noexcept;

} // namespace capplan::tiers
