// Message queue and workers (docs/models.md#queue). See queue.hpp.

#include "tiers/queue.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include <fmt/format.h>

#include "queueing/ggc.hpp"
#include "queueing/sizing.hpp"
#include "tiers/cost.hpp"
#include "units/human.hpp"
#include "workload/workload.hpp"

namespace capplan::tiers {
namespace {

// One slot's mean job time on `inst` (queue.hpp).
double slot_time_s(const workload::Queue& q, const workload::Instance& inst) {
    const double slots = static_cast<double>(std::max<std::int64_t>(1, q.concurrency_per_worker));
    const double vcpus = static_cast<double>(std::max<std::int64_t>(1, inst.vcpus));
    const double cores = inst.effective_cores() > 0.0 ? inst.effective_cores() : vcpus;
    return q.job_time_s * std::max(slots, vcpus) / cores;
}

queueing::Station slots_station(const workload::Queue& q, const workload::Instance& inst,
                                double jobs_per_s, double arrival_scv, std::int64_t workers) {
    queueing::Station s;
    s.arrival_rate_per_s = jobs_per_s;
    s.service_time_s = slot_time_s(q, inst);
    s.servers =
        std::max<std::int64_t>(1, workers) * std::max<std::int64_t>(1, q.concurrency_per_worker);
    s.arrival_scv = arrival_scv;
    s.service_scv = q.job_time_cv * q.job_time_cv;
    return s;
}

} // namespace

std::int64_t workers_for(const workload::Queue& q, const workload::Instance& inst,
                         double jobs_per_s, double arrival_scv, double max_utilization) {
    if (!(jobs_per_s > 0.0) || !(q.job_time_s > 0.0)) {
        return 0;
    }
    const std::int64_t k = std::max<std::int64_t>(1, q.concurrency_per_worker);
    queueing::SizingConstraints limits;
    limits.max_utilization = max_utilization;
    limits.max_mean_wait_s = q.max_mean_wait_s;
    const queueing::SizingResult r = queueing::size_servers(
        slots_station(q, inst, jobs_per_s, arrival_scv, 1), limits, k_max_workers * k);
    if (r.status != queueing::SizingStatus::sized) {
        return k_max_workers;
    }
    return std::min(k_max_workers, r.servers / k + (r.servers % k != 0 ? 1 : 0));
}

QueueTier size_queue(const workload::Workload& w, const workload::Catalogue& cat,
                     const TrafficLoad& t, double max_utilization, const FailoverRule& rule,
                     bool hourly_cost) {
    const workload::Queue& q = w.queue;
    const auto& inst = find_instance(cat, q.worker_instance, "queue.worker_instance");
    QueueTier out;
    QueueMetrics& m = out.metrics;
    const auto planned_for = [&](std::int64_t needed) {
        return q.failover && needed > 0 ? rule.planned(needed) : needed;
    };

    out.workers_needed = workers_for(q, inst, t.jobs_per_s, t.arrival_scv, max_utilization);
    m.workers = planned_for(out.workers_needed);
    const double p_to_a = w.traffic.peak_to_average;
    const double trough_rate = t.jobs_per_s * hour_scale(w.traffic.trough_to_average, p_to_a);
    m.workers_min = planned_for(workers_for(q, inst, trough_rate, t.arrival_scv, max_utilization));

    if (m.workers > 0) {
        const auto laws =
            queueing::analyze_ggc(slots_station(q, inst, t.jobs_per_s, t.arrival_scv, m.workers));
        m.utilization = laws.metrics.utilization;
        m.mean_wait_s = laws.metrics.mean_wait_s;
        if (!std::isfinite(m.mean_wait_s)) {
            out.findings.warn("no_finite_value",
                              fmt::format("queue.mean_wait_s has no finite value: {} of {} {} "
                                          "saturated",
                                          units::counted(m.workers, "worker"), inst.name,
                                          m.workers == 1 ? "is" : "are"));
        }
        const queueing::Station needed_station =
            slots_station(q, inst, t.jobs_per_s, t.arrival_scv, out.workers_needed);
        const auto at_needed = queueing::analyze_ggc(needed_station);
        // The offered utilization (above 1 when saturated, where the station reports 1).
        const double u = needed_station.arrival_rate_per_s * needed_station.service_time_s /
                         static_cast<double>(needed_station.servers);
        out.findings.limit(
            LimitLevel::capacity, u / max_utilization,
            [&] {
                return fmt::format("{} of {} at {}", units::counted(out.workers_needed, "worker"),
                                   inst.name, percent_exceeds(u, max_utilization));
            },
            u);
        const double wait = at_needed.metrics.mean_wait_s;
        out.findings.limit(LimitLevel::latency,
                           q.max_mean_wait_s > 0.0 ? wait / q.max_mean_wait_s : 0.0, [&] {
                               return fmt::format("jobs wait {} on average with {}",
                                                  duration_exceeds(wait, q.max_mean_wait_s),
                                                  units::counted(out.workers_needed, "worker"));
                           });
    }

    // Workers over the daily profile (or at the peak for 730 h).
    std::array<std::int64_t, 24> planned{};
    std::array<std::int64_t, 24> needed{};
    planned.fill(m.workers);
    needed.fill(out.workers_needed);
    if (hourly_cost && p_to_a > 0.0) {
        std::array<double, 24> rates{};
        for (std::size_t h = 0; h < 24; ++h) {
            rates[h] = t.jobs_per_s * hour_scale(t.profile.factor[h], p_to_a);
            // An hour at the rate of an hour before it (a profile symmetric about its peak)
            // needs what that hour needs.
            const auto* same = std::find(rates.begin(), rates.begin() + h, rates[h]);
            needed[h] = same != rates.begin() + h
                            ? needed[static_cast<std::size_t>(same - rates.begin())]
                            : workers_for(q, inst, rates[h], t.arrival_scv, max_utilization);
            planned[h] = planned_for(needed[h]);
        }
    }
    out.workers_monthly_cost =
        out.bill.add(autoscaled_line(BillGroup::queue, planned, inst.hourly));
    out.needed_monthly_cost = autoscaled_monthly_cost(needed, inst.hourly);

    // Brokers.
    if (q.broker == "managed") {
        const double jobs_per_month =
            t.daily_active * w.traffic.async_jobs_per_active_user * k_days_per_month;
        out.bill.add({BillGroup::queue, CostKind::requests, BillUnit::requests,
                      jobs_per_month * q.requests_per_job, q.managed_per_million / 1e6,
                      jobs_per_month * q.requests_per_job / 1e6 * q.managed_per_million});
    } else {
        const auto& broker = find_instance(cat, q.broker, "queue.broker");
        const double messages = t.jobs_per_s * q.requests_per_job;
        const double capacity = q.broker_capacity_per_s * max_utilization;
        m.brokers =
            std::max<std::int64_t>(3, ceil_count(capacity > 0.0 ? messages / capacity : 0.0));
        out.bill.add(instance_line(BillGroup::queue, m.brokers, broker.hourly));
    }
    m.monthly_cost = out.bill.monthly_cost();
    return out;
}

std::span<const MetricRow<QueueMetrics>> queue_metric_rows() noexcept {
    static constexpr std::array<MetricRow<QueueMetrics>, 6> rows{{
        {"workers", RowType::integer, "", "workers at the peak",
         [](const QueueMetrics& m) -> RowValue { return m.workers; }, true},
        {"workers_min", RowType::integer, "", "workers at the quietest hour",
         [](const QueueMetrics& m) -> RowValue { return m.workers_min; }},
        {"mean_wait_s", RowType::real, "s", "mean wait of a job at the peak",
         [](const QueueMetrics& m) -> RowValue { return m.mean_wait_s; }},
        {"utilization", RowType::real, "", "worker utilization at the peak",
         [](const QueueMetrics& m) -> RowValue { return m.utilization; }},
        {"brokers", RowType::integer, "", "self-run broker nodes (0 when managed)",
         [](const QueueMetrics& m) -> RowValue { return m.brokers; }, true},
        {"monthly_cost", RowType::real, "currency/month", "workers and queue cost",
         [](const QueueMetrics& m) -> RowValue { return m.monthly_cost; }, false, true},
    }};
    return rows;
}

} // namespace capplan::tiers
