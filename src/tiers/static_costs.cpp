// Blob storage, the CDN, internet egress and cross-centre replication. See static_costs.hpp.

#include "tiers/static_costs.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

#include <fmt/format.h>

#include "tiers/blob_cdn.hpp"
#include "tiers/common.hpp"
#include "tiers/datacenters.hpp"
#include "workload/workload.hpp"

namespace capplan::tiers {
namespace {

const workload::PriceTable& price_table(const workload::Catalogue& cat, const std::string& name,
                                        const char* what) {
    const auto it = cat.price_tables.find(name);
    if (it == cat.price_tables.end()) {
        throw std::invalid_argument(fmt::format("{}: no price table named \"{}\"", what, name));
    }
    return it->second;
}

// The blob's lines: storage, PUTs (one per upload job) and the GETs that reach it (`gets`
// requests costing `get_cost`); returns their sum, blob.monthly_cost.
double bill_blob(TierBill& bill, const BlobCdn& b, const workload::Blob& blob, double gets,
                 double get_cost) {
    bill.add({BillGroup::blob, CostKind::storage, BillUnit::gb_months,
              b.blob_bytes / k_bytes_per_gb, blob.storage_per_gb_month, b.blob_storage_cost});
    bill.add({BillGroup::blob, CostKind::requests, BillUnit::requests, b.put_requests_per_month,
              blob.put_per_1k / 1000.0, b.blob_put_cost});
    bill.add({BillGroup::blob, CostKind::requests, BillUnit::requests, gets,
              blob.get_per_1k / 1000.0, get_cost});
    return bill.group_cost(BillGroup::blob);
}

// Internet egress: one tiered bill over `bytes` a month (group `network`).
double bill_egress(TierBill& bill, const workload::PriceTable& egress, double dynamic_bytes,
                   double static_bytes) {
    return bill.add_tiered(BillGroup::network, CostKind::egress, BillUnit::gb,
                           (dynamic_bytes + static_bytes) / k_bytes_per_gb,
                           internet_egress_cost(egress, dynamic_bytes, static_bytes));
}

} // namespace

StaticCosts static_costs(const workload::Workload& w, const workload::Catalogue& cat,
                         const TrafficLoad& t, const StaticLayout& l, double max_u) {
    StaticCosts out;
    StaticLoad load;
    load.page_views_per_day = t.page_views_per_day;
    load.static_bytes_per_page_view = w.traffic.static_bytes_per_page_view;
    load.static_requests_per_page_view = w.traffic.static_requests_per_page_view;
    load.users = t.users;
    load.blob_bytes_per_user = w.traffic.blob_bytes_per_user;
    load.upload_jobs_per_day = t.daily_active * w.traffic.async_jobs_per_active_user;
    const auto& egress = price_table(cat, w.cdn.egress_pricing, "cdn.egress_pricing");
    const double dynamic_bytes =
        dynamic_egress_bytes_per_month(t.requests_per_day, w.traffic.response_bytes);
    if (!l.cdn) {
        const BlobCdn b = blob_cdn(load, w.cdn, egress, egress, w.blob, 0.0);
        out.blob.storage_bytes = b.blob_bytes;
        out.blob.monthly_cost =
            bill_blob(out.bill, b, w.blob, b.requests_per_month, b.without_cdn_get_cost);
        out.egress_monthly_cost =
            bill_egress(out.bill, egress, dynamic_bytes, b.egress_bytes_per_month);
        return out;
    }
    // What the static requests would take without the CDN, as a share of pooled capacity at
    // the utilization limit: web servers (over the day when they autoscale) and proxies.
    double capacity_cost = 0.0;
    if (l.separate) {
        const auto& web = find_instance(cat, w.web.instance, "web.instance");
        // Web servers' worth of static CPU (a static_cpu_time of 0 takes none).
        const double servers = t.static_rps * w.web.static_cpu_time_s * slowdown(web) /
                               (static_cast<double>(std::max<std::int64_t>(1, web.vcpus)) * max_u);
        const double mean_share =
            w.web.autoscale ? hour_scale(1.0, w.traffic.peak_to_average) : 1.0; // the mean hour
        capacity_cost += servers * mean_share * web.hourly * k_hours_per_month;
        if (l.pool) {
            const auto& lb = find_instance(cat, w.lb.instance, "lb.instance");
            const double per_proxy = static_cast<double>(std::max<std::int64_t>(1, lb.vcpus)) *
                                     w.lb.capacity_per_vcpu_per_s * max_u;
            if (per_proxy > 0.0) {
                capacity_cost += t.static_rps / per_proxy * lb.hourly * k_hours_per_month;
            }
        }
    }
    const auto& table = price_table(cat, w.cdn.pricing, "cdn.pricing");
    const BlobCdn b = blob_cdn(load, w.cdn, table, egress, w.blob, capacity_cost);
    out.blob.storage_bytes = b.blob_bytes;
    out.blob.monthly_cost =
        bill_blob(out.bill, b, w.blob, b.origin_requests_per_month, b.blob_get_cost);
    out.cdn.egress_bytes_per_month = b.egress_bytes_per_month;
    out.cdn.origin_egress_bytes_per_month = b.origin_egress_bytes_per_month;
    out.cdn.requests_per_month = b.requests_per_month;
    const double per_10k = cdn_request_fee_per_10k(table, w.cdn.request_scheme);
    out.bill.add_tiered(BillGroup::cdn, CostKind::egress, BillUnit::gb,
                        b.egress_bytes_per_month / k_bytes_per_gb, b.cdn_transfer_cost);
    out.bill.add({BillGroup::cdn, CostKind::requests, BillUnit::requests, b.requests_per_month,
                  per_10k / 10'000.0, b.cdn_request_cost});
    out.bill.add({BillGroup::cdn, CostKind::transfer, BillUnit::gb,
                  b.origin_egress_bytes_per_month / k_bytes_per_gb, w.cdn.origin_fetch_per_gb,
                  b.cdn_origin_fetch_cost});
    out.cdn.monthly_cost = out.bill.group_cost(BillGroup::cdn);
    out.cdn.monthly_cost_without_cdn = b.monthly_cost_without_cdn;
    out.egress_monthly_cost = bill_egress(out.bill, egress, dynamic_bytes, 0.0);
    return out;
}

BillLine replication_line(const workload::Workload& w, const workload::Catalogue& cat,
                          const TrafficLoad& t, std::int64_t datacenters) {
    const bool zone = w.failover.scope == workload::FailoverScope::zone;
    static const std::string cross_zone = "aws-cross-zone-2024";
    static const std::string cross_region = "aws-cross-region-2024";
    const auto it = cat.price_tables.find(zone ? cross_zone : cross_region);
    const double writes_per_day =
        t.requests_per_day * w.traffic.write_fraction * w.web.db_writes_per_write_request;
    const ReplicationTransfer x =
        replication_transfer(writes_per_day, w.db.write_bytes, datacenters, 0.0);
    const double gb = x.bytes_per_month / k_bytes_per_gb;
    if (it != cat.price_tables.end()) {
        const double cost = it->second.cost_for_gb(gb);
        return {BillGroup::network,
                CostKind::transfer,
                BillUnit::gb,
                gb,
                gb > 0.0 ? cost / gb : 0.0,
                cost};
    }
    // The shipped rates (docs/models.md#static-costs) when a --models override dropped the tables.
    const double rate = zone ? 0.01 : 0.02;
    return {BillGroup::network, CostKind::transfer, BillUnit::gb, gb, rate, gb * rate};
}

} // namespace capplan::tiers
