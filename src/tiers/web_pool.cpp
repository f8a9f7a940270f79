// The web tier and its load balancer inside an architecture. See web_pool.hpp.

#include "tiers/web_pool.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include <fmt/format.h>

#include "tiers/cost.hpp"
#include "tiers/lb.hpp"
#include "workload/workload.hpp"

namespace capplan::tiers {

namespace {
// The violation ratio of a p99 that has no finite value (times the utilization ratio).
constexpr double k_saturated_violation = 1e12;
} // namespace

std::string state_text(double utilization, double p99) {
    if (!std::isfinite(p99)) {
        return fmt::format("saturated ({})", percent_text(utilization));
    }
    return fmt::format("{} busy, p99 {}", percent_text(utilization), duration_text(p99));
}

void request_limits(Findings& f, double utilization, double p99, double max_u, double slo,
                    const std::function<std::string()>& where) {
    f.limit(
        LimitLevel::capacity, utilization / max_u,
        [&] { return fmt::format("{} at {}", where(), percent_exceeds(utilization, max_u)); },
        utilization);
    if (std::isfinite(p99)) {
        f.limit(LimitLevel::latency, p99 / slo,
                [&] { return fmt::format("p99 {} with {}", duration_exceeds(p99, slo), where()); });
    } else {
        // A saturated station breaks the p99 beyond any finite p99 (the least-violation choice
        // must not prefer it); among saturated ones the busier is worse.
        f.limit(LimitLevel::latency, k_saturated_violation * std::max(1.0, utilization / max_u),
                [&] {
                    return fmt::format("p99 unbounded: {} is saturated ({})", where(),
                                       percent_text(utilization));
                });
        f.warn("no_finite_value",
               fmt::format("web.latency_p99_s has no finite value: {} is saturated ({})", where(),
                           percent_text(utilization)));
    }
}

namespace {

// The web counts (needed, planned) of every hour of the daily profile, sized from the busiest
// hour down, each search starting from the previous (busier) hour's count, which is known to
// meet the limits; equal factors (the profile is symmetric about its peak) are sized once.
// Hour h runs at λ̄·f(h); the database legs keep their peak law (conservative).
void size_hours(const WebRules& r, const WebDemand& peak, const OtherLegs& legs,
                const TrafficLoad& t, double peak_to_average, std::int64_t peak_needed,
                std::array<std::int64_t, 24>& planned, std::array<std::int64_t, 24>& needed) {
    const std::array<std::size_t, 24>& order = t.profile.busiest_first;
    std::optional<std::int64_t> hint = peak_needed;
    double last_factor = -1.0;
    for (const std::size_t h : order) {
        const double factor = t.profile.factor[h];
        if (factor == last_factor) {
            continue; // copied below
        }
        const double scale = hour_scale(factor, peak_to_average);
        const WebDemand d{peak.dynamic_rps * scale, peak.static_rps * scale,
                          peak.jobs_per_s * scale, t.arrival_scv};
        const WebSizing hs = size_web(r, d, legs, false, hint, true);
        planned[h] = hs.planned;
        needed[h] = hs.needed;
        hint = hs.needed;
        last_factor = factor;
    }
    for (std::size_t i = 1; i < 24; ++i) {
        const std::size_t h = order[i];
        const std::size_t prev = order[i - 1];
        if (t.profile.factor[h] == t.profile.factor[prev]) {
            planned[h] = planned[prev];
            needed[h] = needed[prev];
        }
    }
}

// The web tier's limits at the needed count, and its warnings.
void web_limits(const WebRules& r, const WebDemand& peak, const WebPoolInputs& in,
                const WebSizing& ws, const workload::Instance& web_inst, Findings& f) {
    const double max_u = in.max_utilization;
    const double slo = in.latency_slo_s;
    const auto where = [&] {
        return fmt::format("{} web server{} of {}", ws.needed, ws.needed == 1 ? "" : "s",
                           web_inst.name);
    };
    // The p99 at the needed count is only computed when its limit breaks (then the reason
    // quotes it); a limit that holds is recorded at its bound.
    // Without the report, a count the search saw meet both limits needs no second look.
    WebPoint at_needed = ws.at_needed;
    if (!in.report_metrics) {
        if (ws.needed_meets) {
            at_needed = WebPoint{web_utilization(r, peak, ws.needed), slo, false, true};
        } else {
            at_needed = evaluate_web(r, peak, in.legs, ws.needed, false);
            if (!at_needed.meets) {
                at_needed = evaluate_web(r, peak, in.legs, ws.needed, true);
            }
        }
    }
    request_limits(f, at_needed.utilization, at_needed.meets ? slo : at_needed.latency_p99_s, max_u,
                   slo, where);
    if (ws.capped) {
        f.warn("slo_unmet",
               fmt::format("the web tier is capped at {} server{} ({}): {}", ws.needed,
                           ws.needed == 1 ? "" : "s",
                           r.pool ? "web.max_servers" : "no load balancer",
                           state_text(ws.at_needed.utilization, ws.at_needed.latency_p99_s)));
    }
    if (ws.unreachable) {
        f.warn("slo_unreachable",
               fmt::format("no number of web servers meets the p99 SLO of {}: the request "
                           "legs without any web wait already exceed it",
                           duration_text(slo)));
    }
}

} // namespace

WebPoolResult size_web_pool(const workload::Workload& w, const workload::Catalogue& cat,
                            const WebPoolInputs& in) {
    WebPoolResult out;
    Findings& f = out.findings;
    const TrafficLoad& t = *in.traffic;
    const double max_u = in.max_utilization;
    const double slo = in.latency_slo_s;
    const auto& web_inst = find_instance(cat, w.web.instance, "web.instance");
    WebRules r;
    r.instance = &web_inst;
    r.cpu_time_s = w.web.cpu_time_s;
    r.cpu_time_scv = w.web.cpu_time_cv * w.web.cpu_time_cv;
    r.static_cpu_time_s = w.web.static_cpu_time_s;
    r.job_time_s = w.queue.job_time_s;
    r.job_time_scv = w.queue.job_time_cv * w.queue.job_time_cv;
    r.balancing = w.web.balancing;
    r.max_utilization = max_u;
    r.latency_p99_s = slo;
    r.write_fraction = w.traffic.write_fraction;
    r.min_servers = w.web.min_servers;
    r.max_servers = w.web.max_servers;
    r.held = in.held_servers;
    r.pool = in.pool;
    r.failover = in.failover;
    const double static_rps = in.static_on_web ? t.static_rps : 0.0;
    const WebDemand peak{t.peak_rps, static_rps, in.jobs_on_web ? t.jobs_per_s : 0.0,
                         t.arrival_scv};
    const WebSizing ws = in.relaxed
                             ? size_web_by_utilization(r, peak)
                             : size_web(r, peak, in.legs, in.report_metrics, in.hint.count());
    if (in.relaxed) {
        f.limit(
            LimitLevel::capacity, ws.at_needed.utilization / max_u,
            [] { return std::string("web utilization"); }, ws.at_needed.utilization);
    } else {
        web_limits(r, peak, in, ws, web_inst, f);
    }
    out.web.servers = ws.planned;
    out.web.servers_needed = ws.needed;
    out.web.utilization = ws.at_planned.utilization;
    out.web.latency_p99_s = ws.at_planned.latency_p99_s;
    out.web.bound_by = ws.bound_by;

    std::array<std::int64_t, 24> planned{};
    std::array<std::int64_t, 24> needed{};
    planned.fill(ws.planned);
    needed.fill(ws.needed);
    if (w.web.autoscale && r.pool && in.hourly_cost) {
        if (in.relaxed) {
            for (std::size_t h = 0; h < 24; ++h) {
                const double scale = hour_scale(t.profile.factor[h], w.traffic.peak_to_average);
                const WebSizing hs = size_web_by_utilization(
                    r, WebDemand{peak.dynamic_rps * scale, peak.static_rps * scale,
                                 peak.jobs_per_s * scale, t.arrival_scv});
                planned[h] = hs.planned;
                needed[h] = hs.needed;
            }
        } else {
            size_hours(r, peak, in.legs, t, w.traffic.peak_to_average, ws.needed, planned, needed);
        }
    }
    out.web.monthly_cost = out.bill.add(autoscaled_line(BillGroup::web, planned, web_inst.hourly));
    out.web_needed = ws.needed;
    out.web_needed_monthly_cost = autoscaled_monthly_cost(needed, web_inst.hourly);

    // Load balancer: dynamic and static requests at the peak.
    if (r.pool) {
        const auto& lb_inst = find_instance(cat, w.lb.instance, "lb.instance");
        const LbSizing lb = size_lb(lb_inst, w.lb.capacity_per_vcpu_per_s, t.peak_rps + static_rps,
                                    max_u, in.failover);
        out.lb.instances = lb.planned;
        out.lb.utilization = lb.utilization;
        out.lb.monthly_cost =
            out.bill.add(instance_line(BillGroup::lb, lb.planned, lb_inst.hourly));
        out.lb_needed = lb.needed;
        out.lb_needed_monthly_cost = peak_monthly_cost(lb.needed, lb_inst.hourly);
    }
    return out;
}

} // namespace capplan::tiers
