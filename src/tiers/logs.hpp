#pragma once
// Logs and metrics (docs/models.md#logs), from the log_aggregation stage on. Logs: every dynamic
// request writes bytes_per_request; the month ingests bytes/day·730/24 and keeps
// bytes/day·retention. Metrics: every planned server exports metrics_per_server series, each
// scraped once per scrape_interval. cost = ingest + storage + series·per_series_month, with
// GB = 2^30 bytes in the prices (docs/models.md#conventions).

#include <cstdint>

#include "workload/workload.hpp"

namespace capplan::tiers {

// logs.* (docs/models.md#logs), with the three parts of the bill.
struct LogsMetrics {
    double bytes_per_day = 0.0;        // R · bytes_per_request
    double storage_bytes = 0.0;        // bytes_per_day · retention (days)
    double metric_series = 0.0;        // servers · metrics_per_server
    double samples_per_s = 0.0;        // metric_series / scrape_interval
    double ingest_monthly_cost = 0.0;  // bytes_per_day · 730/24 / 2^30 · ingest_per_gb
    double storage_monthly_cost = 0.0; // storage_bytes / 2^30 · storage_per_gb_month
    double series_monthly_cost = 0.0;  // metric_series · per_series_month
    double monthly_cost = 0.0;         // the sum of the three
};

// requests_per_day ≥ 0 (dynamic requests R, docs/models.md#traffic); servers ≥ 0 (every planned
// server: the caller's billed count at the peak); the [logs] keys in base units (retention and
// scrape interval in seconds; a non-positive scrape interval gives 0 samples/s).
[[nodiscard]] LogsMetrics logs_metrics(double requests_per_day, std::int64_t servers,
                                       const workload::Logs& logs) noexcept;

} // namespace capplan::tiers
