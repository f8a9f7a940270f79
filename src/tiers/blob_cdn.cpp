// Blob storage, CDN and internet egress (docs/models.md#blob-cdn). See blob_cdn.hpp.
//
// Decision (docs/models.md#blob-cdn): `monthly_cost_without_cdn` prices internet egress on E alone,
// not the increment E adds on top of the dynamic responses in the shared tiered bill; the planner's
// egress total (internet_egress_cost) bills them together (docs/models.md#static-costs).
// Decision (docs/models.md#blob-cdn): blob GETs and PUTs are counted over the month (730/24 days),
// like the CDN's requests; the blob's own egress to the CDN is free (a cloud origin).

#include "tiers/blob_cdn.hpp"

#include <algorithm>
#include <array>

#include "tiers/common.hpp"

namespace capplan::tiers {

namespace {

[[nodiscard]] double non_negative(double x) noexcept {
    return x > 0.0 ? x : 0.0; // also maps NaN to 0
}

} // namespace

double cdn_request_fee_per_10k(const workload::PriceTable& cdn_table,
                               workload::RequestScheme scheme) noexcept {
    return scheme == workload::RequestScheme::http ? cdn_table.per_10k_http_requests
                                                   : cdn_table.per_10k_https_requests;
}

double cdn_request_cost(const workload::PriceTable& cdn_table, workload::RequestScheme scheme,
                        double requests) noexcept {
    return non_negative(requests) / 10'000.0 * cdn_request_fee_per_10k(cdn_table, scheme);
}

double cdn_monthly_cost(const workload::PriceTable& cdn_table, const workload::Cdn& cdn,
                        double egress_bytes, double requests) noexcept {
    const double bytes = non_negative(egress_bytes);
    const double miss = 1.0 - std::clamp(cdn.hit_ratio, 0.0, 1.0);
    return cdn_table.cost_for_gb(bytes / k_bytes_per_gb) +
           cdn_request_cost(cdn_table, cdn.request_scheme, requests) +
           bytes * miss / k_bytes_per_gb * cdn.origin_fetch_per_gb;
}

BlobCdn blob_cdn(const StaticLoad& load, const workload::Cdn& cdn,
                 const workload::PriceTable& cdn_table, const workload::PriceTable& egress_table,
                 const workload::Blob& blob, double static_capacity_monthly_cost) noexcept {
    const double views_per_month = non_negative(load.page_views_per_day) * k_days_per_month;
    const double miss = 1.0 - std::clamp(cdn.hit_ratio, 0.0, 1.0);
    BlobCdn r;
    r.egress_bytes_per_month = views_per_month * non_negative(load.static_bytes_per_page_view);
    r.requests_per_month = views_per_month * non_negative(load.static_requests_per_page_view);
    r.origin_egress_bytes_per_month = r.egress_bytes_per_month * miss;
    r.origin_requests_per_month = r.requests_per_month * miss;

    r.cdn_transfer_cost = cdn_table.cost_for_gb(r.egress_bytes_per_month / k_bytes_per_gb);
    r.cdn_request_cost = cdn_request_cost(cdn_table, cdn.request_scheme, r.requests_per_month);
    r.cdn_origin_fetch_cost =
        r.origin_egress_bytes_per_month / k_bytes_per_gb * cdn.origin_fetch_per_gb;
    r.cdn_monthly_cost = r.cdn_transfer_cost + r.cdn_request_cost + r.cdn_origin_fetch_cost;

    r.blob_bytes = non_negative(load.users) * non_negative(load.blob_bytes_per_user);
    r.blob_storage_cost = r.blob_bytes / k_bytes_per_gb * blob.storage_per_gb_month;
    r.put_requests_per_month = non_negative(load.upload_jobs_per_day) * k_days_per_month;
    r.blob_put_cost = r.put_requests_per_month / 1000.0 * blob.put_per_1k;
    r.blob_get_cost = r.origin_requests_per_month / 1000.0 * blob.get_per_1k;
    r.blob_monthly_cost = r.blob_storage_cost + r.blob_put_cost + r.blob_get_cost;

    r.without_cdn_get_cost = r.requests_per_month / 1000.0 * blob.get_per_1k;
    r.without_cdn_egress_cost = egress_table.cost_for_gb(r.egress_bytes_per_month / k_bytes_per_gb);
    r.monthly_cost_without_cdn = r.without_cdn_get_cost + r.without_cdn_egress_cost +
                                 non_negative(static_capacity_monthly_cost);
    return r;
}

double internet_egress_cost(const workload::PriceTable& egress_table,
                            double dynamic_bytes_per_month,
                            double static_bytes_per_month) noexcept {
    const double bytes =
        non_negative(dynamic_bytes_per_month) + non_negative(static_bytes_per_month);
    return egress_table.cost_for_gb(bytes / k_bytes_per_gb);
}

double dynamic_egress_bytes_per_month(double requests_per_day, double response_bytes) noexcept {
    return non_negative(requests_per_day) * k_days_per_month * non_negative(response_bytes);
}

std::span<const MetricRow<BlobMetrics>> blob_metric_rows() noexcept {
    static constexpr std::array<MetricRow<BlobMetrics>, 2> rows{{
        {"storage_bytes", RowType::real, "bytes", "objects in blob storage",
         [](const BlobMetrics& m) -> RowValue { return m.storage_bytes; }},
        {"monthly_cost", RowType::real, "currency/month", "blob storage and request cost",
         [](const BlobMetrics& m) -> RowValue { return m.monthly_cost; }, false, true},
    }};
    return rows;
}

std::span<const MetricRow<CdnMetrics>> cdn_metric_rows() noexcept {
    static constexpr std::array<MetricRow<CdnMetrics>, 5> rows{{
        {"egress_bytes_per_month", RowType::real, "bytes/month", "static bytes served per month",
         [](const CdnMetrics& m) -> RowValue { return m.egress_bytes_per_month; }},
        {"origin_egress_bytes_per_month", RowType::real, "bytes/month",
         "bytes the CDN fetches from the origin per month",
         [](const CdnMetrics& m) -> RowValue { return m.origin_egress_bytes_per_month; }},
        {"requests_per_month", RowType::real, "1/month", "static requests per month",
         [](const CdnMetrics& m) -> RowValue { return m.requests_per_month; }},
        {"monthly_cost", RowType::real, "currency/month", "CDN cost",
         [](const CdnMetrics& m) -> RowValue { return m.monthly_cost; }, false, true},
        {"monthly_cost_without_cdn", RowType::real, "currency/month",
         "what serving the static traffic would cost without a CDN",
         [](const CdnMetrics& m) -> RowValue { return m.monthly_cost_without_cdn; }},
    }};
    return rows;
}

} // namespace capplan::tiers
