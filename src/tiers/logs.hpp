#pragma once
// Logs and metrics (docs/models.md#logs), from the log_aggregation stage on. Logs: every dynamic
// request writes bytes_per_request; the month ingests bytes/day·730/24 and keeps
// bytes/day·retention. Metrics: every planned server exports metrics_per_server series, each
// scraped once per scrape_interval. cost = ingest + storage + series·per_series_month, with
// GB = 2^30 bytes in the prices (docs/models.md#conventions).

#include <cstdint>

#include "tiers/bill.hpp"
#include "tiers/logs_metrics.hpp"
#include "workload/logs_section.hpp"

namespace capplan::tiers {

// requests_per_day ≥ 0 (dynamic requests R, docs/models.md#traffic); servers ≥ 0 (every planned
// server: the caller's billed count at the peak); the [logs] keys in base units (retention and
// scrape interval in seconds; a non-positive scrape interval gives 0 samples/s).
[[nodiscard]] LogsMetrics logs_metrics(double requests_per_day, std::int64_t servers,
                                       const workload::Logs& logs);

// The bill of `m` (tiers/bill.hpp): ingest (GB a month), storage (GB-months) and metric series,
// in that order; logs_metrics sums it into m.monthly_cost.
[[nodiscard]] TierBill logs_bill(const LogsMetrics& m, const workload::Logs& logs);

} // namespace capplan::tiers
