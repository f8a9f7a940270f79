#pragma once
// The [logs] section (capplan-workload(5) KEYS), in base units.
// Part of the validated workload (workload.hpp); read by tiers/ and never modified after loading.

namespace capplan::workload {

struct Logs {
    double bytes_per_request = 1e3;
    double retention_s = 30.0 * 86400.0;
    double ingest_per_gb = 0.50;
    double storage_per_gb_month = 0.03;
    double metrics_per_server = 200.0;
    double scrape_interval_s = 15.0;
    double per_series_month = 0.10;

    bool operator==(const Logs&) const = default;
};

} // namespace capplan::workload
