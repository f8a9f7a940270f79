// Logs and metrics (docs/models.md#logs). See logs.hpp.

#include "tiers/logs.hpp"

#include <algorithm>
#include <array>

#include "tiers/common.hpp"

namespace capplan::tiers {

LogsMetrics logs_metrics(double requests_per_day, std::int64_t servers,
                         const workload::Logs& logs) {
    LogsMetrics m;
    m.bytes_per_day = std::max(0.0, requests_per_day) * logs.bytes_per_request;
    m.storage_bytes = m.bytes_per_day * logs.retention_s / k_seconds_per_day;
    m.metric_series =
        static_cast<double>(std::max<std::int64_t>(0, servers)) * logs.metrics_per_server;
    m.samples_per_s = logs.scrape_interval_s > 0.0 ? m.metric_series / logs.scrape_interval_s : 0.0;
    m.ingest_monthly_cost =
        m.bytes_per_day * k_days_per_month / k_bytes_per_gb * logs.ingest_per_gb;
    m.storage_monthly_cost = m.storage_bytes / k_bytes_per_gb * logs.storage_per_gb_month;
    m.series_monthly_cost = m.metric_series * logs.per_series_month;
    m.monthly_cost = logs_bill(m, logs).monthly_cost();
    return m;
}

TierBill logs_bill(const LogsMetrics& m, const workload::Logs& logs) {
    TierBill bill;
    bill.add({BillGroup::logs, CostKind::ingest, BillUnit::gb,
              m.bytes_per_day * k_days_per_month / k_bytes_per_gb, logs.ingest_per_gb,
              m.ingest_monthly_cost});
    bill.add({BillGroup::logs, CostKind::storage, BillUnit::gb_months,
              m.storage_bytes / k_bytes_per_gb, logs.storage_per_gb_month, m.storage_monthly_cost});
    bill.add({BillGroup::logs, CostKind::series, BillUnit::series_months, m.metric_series,
              logs.per_series_month, m.series_monthly_cost});
    return bill;
}

std::span<const MetricRow<LogsMetrics>> logs_metric_rows() noexcept {
    static constexpr std::array<MetricRow<LogsMetrics>, 5> rows{{
        {"bytes_per_day", RowType::real, "bytes/day", "log bytes per day",
         [](const LogsMetrics& m) -> RowValue { return m.bytes_per_day; }},
        {"storage_bytes", RowType::real, "bytes", "log bytes retained",
         [](const LogsMetrics& m) -> RowValue { return m.storage_bytes; }},
        {"metric_series", RowType::real, "", "metric time series",
         [](const LogsMetrics& m) -> RowValue { return m.metric_series; }},
        {"samples_per_s", RowType::real, "1/s", "metric samples per second",
         [](const LogsMetrics& m) -> RowValue { return m.samples_per_s; }},
        {"monthly_cost", RowType::real, "currency/month", "logging and metrics cost",
         [](const LogsMetrics& m) -> RowValue { return m.monthly_cost; }, false, true},
    }};
    return rows;
}

} // namespace capplan::tiers
