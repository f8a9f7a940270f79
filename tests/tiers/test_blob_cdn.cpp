// Blob storage, CDN and internet egress (docs/models.md#blob-cdn).

#include <catch2/catch.hpp>

#include <cmath>

#include "support/spec_catalogue.hpp"
#include "tiers/blob_cdn.hpp"

using namespace capplan;
using namespace capplan::tiers;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

namespace {

constexpr double k_gb = 1073741824.0; // 2^30 bytes

using test::aws_internet_2024;
using test::cloudfront_2024;

double cents(double x) {
    return std::round(x * 100.0) / 100.0;
}

} // namespace

TEST_CASE("CDN transfer reproduces the published CloudFront bill", "[tiers][blob_cdn]") {
    // infracost cloudfront_distribution_test golden: 12,340,000 GB a month →
    // 870.40 + 3,276.80 + 6,144.00 + 14,336.00 + 16,097.28 + 104,857.60 + 141,942.40
    // = 287,524.48 USD. Every fetch a hit and no requests: the bill is the table alone.
    workload::Cdn cdn;
    cdn.hit_ratio = 1.0;
    const double bytes = 12'340'000.0 * k_gb;
    CHECK_THAT(cdn_monthly_cost(cloudfront_2024(), cdn, bytes, 0.0), WithinRel(287'524.48, 1e-12));
    // The same total, tier by tier as F1 states it.
    const double tiers =
        870.40 + 3'276.80 + 6'144.00 + 14'336.00 + 16'097.28 + 104'857.60 + 141'942.40;
    CHECK_THAT(cdn_monthly_cost(cloudfront_2024(), cdn, bytes, 0.0), WithinRel(tiers, 1e-12));
}

TEST_CASE("CDN request fees by scheme", "[tiers][blob_cdn]") {
    // infracost (same golden): 123,402 HTTP requests = 12.3402 × 10k at 0.0075 → 0.0926 → $0.09;
    // 123,400 HTTPS requests = 12.34 × 10k at 0.0100 → 0.1234 → $0.12.
    const auto table = cloudfront_2024();
    const double http = cdn_request_cost(table, workload::RequestScheme::http, 123'402.0);
    const double https = cdn_request_cost(table, workload::RequestScheme::https, 123'400.0);
    CHECK_THAT(http, WithinRel(12.3402 * 0.0075, 1e-12));
    CHECK_THAT(https, WithinRel(12.34 * 0.01, 1e-12));
    CHECK_THAT(cents(http), WithinAbs(0.09, 1e-12));
    CHECK_THAT(cents(https), WithinAbs(0.12, 1e-12));
    CHECK(cdn_request_cost(table, workload::RequestScheme::https, -5.0) == 0.0);
}

TEST_CASE("CDN origin fetches are priced on the misses", "[tiers][blob_cdn]") {
    // The same golden's origin line: 1,234 GB to origin at 0.02/GB → $24.68. Every request a
    // miss, 1,234 GB served: 1,234 · 0.085 (first tier) + 1,234 · 0.02.
    workload::Cdn cdn;
    cdn.hit_ratio = 0.0;
    cdn.origin_fetch_per_gb = 0.02;
    const double cost = cdn_monthly_cost(cloudfront_2024(), cdn, 1234.0 * k_gb, 0.0);
    CHECK_THAT(cost - 1234.0 * 0.085, WithinAbs(24.68, 1e-9));
}

TEST_CASE("blob and CDN at 1M users with the documented defaults", "[tiers][blob_cdn]") {
    // Hand derivation (capplan-workload(5) defaults, docs/models.md#blob-cdn): DAU 300,000; R =
    // 60M/day; page views 25 % = 15M/day; a month is 730/24 = 30.4167 days.
    // E = 15e6 · 30.4167 · 1.5 MB = 6.84375e14 B = 637,373.89 GB (2^30).
    // CDN table: 870.40 + 3,276.80 + 6,144.00 + 14,336.00 + (637,373.89 − 512,000) · 0.03
    //   = 28,388.42. Requests 15e6 · 30.4167 · 10 = 4.5625e9 → 456,250 × 10k · 0.01 = 4,562.50.
    //   Origin fetch 0 (the default price). CDN total 32,950.92.
    // Blob: 1M · 5 MB = 5e12 B = 4,656.61 GB · 0.023 = 107.10; PUTs 150,000 jobs/day · 30.4167
    //   = 4.5625e6 → 4,562.5 × 1k · 0.005 = 22.81; GETs on the 5 % misses 2.28125e8 → 228,125
    //   × 1k · 0.0004 = 91.25. Blob total 221.16.
    // Without a CDN: GETs 4.5625e9 → 1,825.00; internet egress on 637,373.89 GB: 921.60 +
    //   3,481.60 + 7,168.00 + (637,373.89 − 153,600) · 0.05 = 35,759.89; plus 1,000 given for
    //   the load balancer and web capacity: 38,584.89.
    StaticLoad load;
    load.page_views_per_day = 15e6;
    load.static_bytes_per_page_view = 1.5e6;
    load.static_requests_per_page_view = 10.0;
    load.users = 1e6;
    load.blob_bytes_per_user = 5e6;
    load.upload_jobs_per_day = 150e3;
    const workload::Cdn cdn;
    const workload::Blob blob;
    const BlobCdn r = blob_cdn(load, cdn, cloudfront_2024(), aws_internet_2024(), blob, 1000.0);

    CHECK_THAT(r.egress_bytes_per_month, WithinRel(6.84375e14, 1e-12));
    CHECK_THAT(r.requests_per_month, WithinRel(4.5625e9, 1e-12));
    CHECK_THAT(r.origin_egress_bytes_per_month, WithinRel(0.05 * 6.84375e14, 1e-9));
    CHECK_THAT(r.origin_requests_per_month, WithinRel(2.28125e8, 1e-9));
    CHECK_THAT(r.cdn_transfer_cost, WithinRel(870.40 + 3276.80 + 6144.00 + 14336.00 +
                                                  (6.84375e14 / k_gb - 512'000.0) * 0.03,
                                              1e-12));
    CHECK_THAT(r.cdn_transfer_cost, WithinAbs(28'388.42, 0.005));
    CHECK_THAT(r.cdn_request_cost, WithinRel(4562.5, 1e-12));
    CHECK(r.cdn_origin_fetch_cost == 0.0);
    CHECK_THAT(r.cdn_monthly_cost, WithinAbs(32'950.92, 0.005));

    CHECK_THAT(r.blob_bytes, WithinRel(5e12, 1e-12));
    CHECK_THAT(r.blob_storage_cost, WithinAbs(107.10, 0.005));
    CHECK_THAT(r.blob_put_cost, WithinRel(22.8125, 1e-12));
    CHECK_THAT(r.blob_get_cost, WithinRel(91.25, 1e-9));
    CHECK_THAT(r.blob_monthly_cost, WithinAbs(221.16, 0.005));

    CHECK_THAT(r.without_cdn_get_cost, WithinRel(1825.0, 1e-12));
    CHECK_THAT(r.without_cdn_egress_cost, WithinAbs(35'759.89, 0.005));
    CHECK_THAT(r.monthly_cost_without_cdn, WithinAbs(38'584.89, 0.005));
}

TEST_CASE("hit ratio edges: all hits fetch nothing, all misses fetch everything",
          "[tiers][blob_cdn]") {
    StaticLoad load;
    load.page_views_per_day = 1000.0;
    load.static_bytes_per_page_view = 1e6;
    load.static_requests_per_page_view = 4.0;
    workload::Cdn cdn;
    cdn.origin_fetch_per_gb = 0.01;
    cdn.hit_ratio = 1.0;
    const workload::Blob blob;
    const BlobCdn all_hits = blob_cdn(load, cdn, cloudfront_2024(), aws_internet_2024(), blob, 0.0);
    CHECK(all_hits.origin_egress_bytes_per_month == 0.0);
    CHECK(all_hits.blob_get_cost == 0.0);
    cdn.hit_ratio = 1.5; // clamped to 1
    CHECK(blob_cdn(load, cdn, cloudfront_2024(), aws_internet_2024(), blob, 0.0).blob_get_cost ==
          0.0);
    cdn.hit_ratio = 0.0;
    const BlobCdn no_hits = blob_cdn(load, cdn, cloudfront_2024(), aws_internet_2024(), blob, 0.0);
    CHECK(no_hits.origin_requests_per_month == no_hits.requests_per_month);
    CHECK_THAT(no_hits.blob_get_cost, WithinRel(no_hits.without_cdn_get_cost, 1e-15));
    // The whole CDN bill is the sum of its parts, as is the function of one CDN bill.
    CHECK_THAT(no_hits.cdn_monthly_cost,
               WithinRel(cdn_monthly_cost(cloudfront_2024(), cdn, no_hits.egress_bytes_per_month,
                                          no_hits.requests_per_month),
                         1e-12));
    // No traffic, no bill.
    const BlobCdn none =
        blob_cdn(StaticLoad{}, cdn, cloudfront_2024(), aws_internet_2024(), blob, 0.0);
    CHECK(none.cdn_monthly_cost == 0.0);
    CHECK(none.monthly_cost_without_cdn == 0.0);
}

TEST_CASE("internet egress is one tiered bill over dynamic and static bytes", "[tiers][blob_cdn]") {
    // 1M users (capplan-workload(5) defaults): 60M requests/day · 30.4167 · 8 KB = 1.46e13 B =
    // 13,597.31 GB → 10,240 · 0.09 + 3,357.31 · 0.085 = 1,206.97. Without a CDN the 637,373.89 GB
    // of static bytes join the same bill: 921.60 + 3,481.60 + 7,168.00 + (650,971.20 − 153,600) ·
    // 0.05 = 36,439.76, less than the two billed apart (1,206.97 + 35,759.89).
    const auto table = aws_internet_2024();
    const double dynamic = dynamic_egress_bytes_per_month(60e6, 8e3);
    CHECK_THAT(dynamic, WithinRel(1.46e13, 1e-12));
    CHECK_THAT(internet_egress_cost(table, dynamic, 0.0), WithinAbs(1206.97, 0.005));
    const double together = internet_egress_cost(table, dynamic, 6.84375e14);
    CHECK_THAT(together, WithinAbs(36'439.76, 0.005));
    CHECK(together <
          internet_egress_cost(table, dynamic, 0.0) + internet_egress_cost(table, 0.0, 6.84375e14));
    CHECK(internet_egress_cost(table, -1.0, -1.0) == 0.0);
}
