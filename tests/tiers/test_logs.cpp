// Logs and metrics (docs/models.md#logs).

#include <catch2/catch.hpp>

#include "tiers/logs.hpp"

using namespace capplan;
using namespace capplan::tiers;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

TEST_CASE("logs and metrics at 1M users with the documented defaults", "[tiers][logs]") {
    // Hand derivation (capplan-workload(5) defaults): R = 1M · 30 % · 200 = 60M requests/day; 1 KB
    // each → 6e10 bytes/day. Ingest a month: 6e10 · 730/24 = 1.825e12 B = 1,699.66 GB (2^30) · 0.50
    // = 849.83. Storage: 30 days · 6e10 = 1.8e12 B = 1,676.38 GB · 0.03 = 50.29. With 25
    // planned servers: 25 · 200 = 5,000 series, 5,000/15 s = 333.3 samples/s, 5,000 · 0.10 =
    // 500. Total 1,400.12.
    const workload::Logs logs;
    const LogsMetrics m = logs_metrics(60e6, 25, logs);
    CHECK_THAT(m.bytes_per_day, WithinRel(6e10, 1e-12));
    CHECK_THAT(m.storage_bytes, WithinRel(1.8e12, 1e-12));
    CHECK_THAT(m.metric_series, WithinRel(5000.0, 1e-12));
    CHECK_THAT(m.samples_per_s, WithinRel(5000.0 / 15.0, 1e-12));
    CHECK_THAT(m.ingest_monthly_cost, WithinRel(1.825e12 / 1073741824.0 * 0.5, 1e-12));
    CHECK_THAT(m.ingest_monthly_cost, WithinAbs(849.83, 0.005));
    CHECK_THAT(m.storage_monthly_cost, WithinAbs(50.29, 0.005));
    CHECK_THAT(m.series_monthly_cost, WithinRel(500.0, 1e-12));
    CHECK_THAT(m.monthly_cost, WithinAbs(1400.12, 0.01));
}

TEST_CASE("logs edges: no traffic, no servers, no scrape interval", "[tiers][logs]") {
    workload::Logs logs;
    const LogsMetrics none = logs_metrics(0.0, 0, logs);
    CHECK(none.monthly_cost == 0.0);
    logs.scrape_interval_s = 0.0;
    CHECK(logs_metrics(1e6, 10, logs).samples_per_s == 0.0);
    // Negative servers count as none.
    CHECK(logs_metrics(0.0, -3, logs).metric_series == 0.0);
}
