// One architecture at one user point, in the SPEC §5.0 order. See architecture.hpp.
//
// Seams for the later components (each a file of its own that fills one of these):
//   cache.cpp      → Seams::hit_ratio and the cache legs of the request (cache_reads_per_request
//                    × (RTT + cache service)), cache.* metrics;
//   cdn.cpp        → Seams::static_at_origin (static requests leave the load balancer and the
//                    web tier; blob GETs fall to the origin fetches), cdn.*, egress;
//   message_queue  → Seams::jobs_on_web (jobs leave the web tier / the single server), queue.*;
//   sessions.cpp   → sessions.*; log_aggregation → logs.*; multi_datacenter → D, survive and
//                    replicas per shard ≥ D − 1 (DbInputs::min_replicas_per_shard).

#include "tiers/architecture.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include <fmt/format.h>

#include "tiers/availability.hpp"
#include "tiers/common.hpp"
#include "tiers/cost.hpp"
#include "tiers/db.hpp"
#include "tiers/failover.hpp"
#include "tiers/lb.hpp"
#include "tiers/single.hpp"
#include "tiers/traffic.hpp"
#include "tiers/web.hpp"

namespace capplan::tiers {
namespace {

// What the components of later issues will change; today's values mean "not in use".
struct Seams {
    double hit_ratio = 0.0;          // cache
    bool static_at_origin = true;    // cdn
    bool jobs_on_web = true;         // message_queue
    std::int64_t other_servers = 0;  // cache nodes, session nodes, workers, brokers
    double other_monthly_cost = 0.0; // egress, cross-centre transfer
};

TrafficMetrics traffic_metrics(const workload::Workload& w, const TrafficLoad& t, double hit) {
    TrafficMetrics m;
    m.peak_rps = t.peak_rps;
    m.mean_rps = t.mean_rps;
    m.read_rps = t.read_rps;
    m.write_rps = t.write_rps;
    m.static_rps = t.static_rps;
    m.db_read_rps = t.peak_rps * w.web.db_reads_per_request * (1.0 - hit);
    m.db_write_rps = t.write_rps * w.web.db_writes_per_write_request;
    m.page_views_per_day = t.page_views_per_day;
    m.jobs_per_s = t.jobs_per_s;
    return m;
}

// "84 % busy, p99 412 ms" or "saturated (2125 %)".
std::string state_text(double utilization, double p99) {
    if (!std::isfinite(p99)) {
        return fmt::format("saturated ({})", percent_text(utilization));
    }
    return fmt::format("{} busy, p99 {}", percent_text(utilization), duration_text(p99));
}

// Utilization and p99 limits of a station that serves requests end to end.
void request_limits(Findings& f, double utilization, double p99, double max_u, double slo,
                    const std::string& where) {
    f.limit(utilization / max_u,
            [&] { return fmt::format("{} at {}", where, percent_exceeds(utilization, max_u)); });
    if (std::isfinite(p99)) {
        f.limit(p99 / slo,
                [&] { return fmt::format("p99 {} with {}", duration_exceeds(p99, slo), where); });
    } else {
        f.warn("no_finite_value",
               fmt::format("web.latency_p99_s has no finite value: {} is saturated ({})", where,
                           percent_text(utilization)));
    }
}

// §5.4: one machine runs everything.
void size_single_stage(const workload::Workload& w, const workload::Catalogue& cat,
                       const TrafficLoad& t, const Seams& seams, double max_u, double slo,
                       PointPlan& p, Findings& f) {
    const auto& inst = find_instance(cat, w.single.instance, "single.instance");
    SingleDemand d;
    d.read_rps = t.read_rps;
    d.write_rps = t.write_rps;
    d.static_rps = seams.static_at_origin ? t.static_rps : 0.0;
    d.jobs_per_s = seams.jobs_on_web ? t.jobs_per_s : 0.0;
    d.arrival_scv = t.arrival_scv;
    d.db_read_miss_fraction = 1.0 - seams.hit_ratio;
    const SingleSizing s = size_single(w, inst, d);
    const std::size_t before = f.limits.size();
    request_limits(f, s.utilization, s.latency_p99_s, max_u, slo,
                   fmt::format("the single server {}", inst.name));
    const bool ok =
        std::all_of(f.limits.begin() + static_cast<std::ptrdiff_t>(before), f.limits.end(),
                    [](const auto& l) { return l.ratio <= 1.0 + 1e-9; });
    if (!ok) {
        f.warn("slo_unmet", fmt::format("the single server {} is not enough: {}", inst.name,
                                        state_text(s.utilization, s.latency_p99_s)));
    }
    p.web.servers = 1;
    p.web.servers_needed = 1;
    p.web.utilization = s.web_share;
    p.web.latency_p99_s = s.latency_p99_s;
    // One server is what the architecture allows: the bound is the cap when it is not enough.
    p.web.bound_by = ok ? "min_servers" : "max_servers";
    p.web.monthly_cost = peak_monthly_cost(1, inst.hourly);
    p.db.primary_utilization = s.db_share;
    p.db.utilization_cold_cache = s.db_share; // no cache yet: the cold hit ratio changes nothing
    p.db.storage_bytes = t.users * w.traffic.db_bytes_per_user;
    // The database's volume on the single server is billed like one database copy.
    p.db.monthly_cost = p.db.storage_bytes / k_bytes_per_gb * w.db.storage_per_gb_month;
}

struct PooledResult {
    std::int64_t lb_needed = 0;
    std::int64_t web_needed = 0;
    double web_needed_monthly_cost = 0.0;
};

// §5.5–§5.8 with a separate database.
PooledResult size_separate(const workload::Workload& w, const workload::Catalogue& cat,
                           const TrafficLoad& t, Architecture arch, const SizingContext& ctx,
                           const Seams& seams, std::int64_t min_replicas, double max_u, double slo,
                           PointPlan& p, Findings& f) {
    // Shards and database.
    DbInputs di;
    di.read_rps = p.traffic.db_read_rps;
    di.cold_read_rps = t.peak_rps * w.web.db_reads_per_request *
                       (1.0 - std::min(seams.hit_ratio, w.cache.cold_hit_ratio));
    di.write_rps = p.traffic.db_write_rps;
    di.arrival_scv = t.arrival_scv;
    di.users = t.users;
    di.max_utilization = max_u;
    di.replicas = arch.has(Component::read_replicas);
    di.sharding = arch.has(Component::sharding);
    di.min_replicas_per_shard = di.replicas ? min_replicas : 0;
    DbPlan db = size_database(w, cat, di);
    const std::int64_t shards = db.shards.shards;
    p.db.instance = db.instance;
    p.db.shards = shards;
    p.db.primaries = shards;
    p.db.replicas_per_shard = db.replicas_per_shard;
    p.db.replicas = shards * db.replicas_per_shard;
    p.db.replica_ratio = static_cast<double>(db.replicas_per_shard);
    p.db.primary_utilization = db.primary_utilization;
    p.db.replica_utilization = db.replica_utilization;
    p.db.apply_utilization = db.apply_utilization;
    p.db.storage_bytes = db.storage_bytes;
    p.db.reshard_moved_fraction = reshard_moved_fraction(shards, ctx.previous_shards);
    p.db.utilization_cold_cache = db.utilization_cold_cache;
    p.db.bound_by = db.bound_by;
    p.db.monthly_cost = db.instance_monthly_cost + db.storage_monthly_cost;
    f.limits.insert(f.limits.end(), db.findings.limits.begin(), db.findings.limits.end());
    f.warnings.insert(f.warnings.end(), db.findings.warnings.begin(), db.findings.warnings.end());

    // Latency legs: each database call is a round trip plus the called station's wait and
    // service; the read calls that miss the cache go to the replicas (or the primary).
    const double reads_per_request = w.web.db_reads_per_request * (1.0 - seams.hit_ratio);
    const Moments read_legs = repeat(
        call_moments(k_rtt_in_dc_s, db.read_call.wait, db.read_call.service), reads_per_request);
    const Moments write_legs =
        repeat(call_moments(k_rtt_in_dc_s, db.write_call.wait, db.write_call.service),
               w.web.db_writes_per_write_request);
    const OtherLegs legs{read_legs, read_legs + write_legs};

    // Web tier at the peak, then hour by hour for the cost of an autoscaled pool.
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
    r.pool = arch.has(Component::load_balancer);
    r.spares = w.failover.spares;
    const double static_rps = seams.static_at_origin ? t.static_rps : 0.0;
    const WebDemand peak{t.peak_rps, static_rps, seams.jobs_on_web ? t.jobs_per_s : 0.0,
                         t.arrival_scv};
    const WebSizing ws = size_web(r, peak, legs, ctx.report_metrics, ctx.web_needed_hint);
    const std::string where =
        fmt::format("{} web server{} of {}", ws.needed, ws.needed == 1 ? "" : "s", web_inst.name);
    // The p99 at the needed count is only computed when its limit breaks (then the reason
    // quotes it); a limit that holds is recorded at its bound.
    WebPoint at_needed =
        ctx.report_metrics ? ws.at_needed : evaluate_web(r, peak, legs, ws.needed, false);
    if (!ctx.report_metrics && !at_needed.meets) {
        at_needed = evaluate_web(r, peak, legs, ws.needed, true);
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
    p.web.servers = ws.planned;
    p.web.servers_needed = ws.needed;
    p.web.utilization = ws.at_planned.utilization;
    p.web.latency_p99_s = ws.at_planned.latency_p99_s;
    p.web.bound_by = ws.bound_by;

    std::array<std::int64_t, 24> planned{};
    std::array<std::int64_t, 24> needed{};
    planned.fill(ws.planned);
    needed.fill(ws.needed);
    if (w.web.autoscale && r.pool && ctx.hourly_cost) {
        // Hour h runs at λ̄·f(h); the database legs keep their peak law (conservative).
        // Hours are sized from the busiest down, each search starting from the previous
        // (busier) hour's count, which is known to meet the limits; equal factors (the
        // profile is symmetric about its peak) are sized once.
        const double p_to_a = w.traffic.peak_to_average;
        std::array<std::size_t, 24> order{};
        for (std::size_t h = 0; h < 24; ++h) {
            order[h] = h;
        }
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
            return t.profile.factor[a] > t.profile.factor[b];
        });
        std::optional<std::int64_t> hint = ws.needed;
        double last_factor = -1.0;
        for (const std::size_t h : order) {
            const double factor = t.profile.factor[h];
            if (factor == last_factor) {
                continue; // copied below
            }
            const double scale = p_to_a > 0.0 ? factor / p_to_a : 1.0;
            const WebDemand d{peak.dynamic_rps * scale, peak.static_rps * scale,
                              peak.jobs_per_s * scale, t.arrival_scv};
            const WebSizing hs = size_web(r, d, legs, false, hint);
            planned[h] = hs.planned;
            needed[h] = hs.needed;
            hint = hs.needed;
            last_factor = factor;
        }
        // Hours with a factor equal to an earlier one copy its counts.
        for (std::size_t i = 1; i < 24; ++i) {
            const std::size_t h = order[i];
            const std::size_t prev = order[i - 1];
            if (t.profile.factor[h] == t.profile.factor[prev]) {
                planned[h] = planned[prev];
                needed[h] = needed[prev];
            }
        }
    }
    p.web.monthly_cost = autoscaled_monthly_cost(planned, web_inst.hourly);
    PooledResult out;
    out.web_needed = ws.needed;
    out.web_needed_monthly_cost = autoscaled_monthly_cost(needed, web_inst.hourly);

    // Load balancer: dynamic and static requests at the peak.
    if (r.pool) {
        const auto& lb_inst = find_instance(cat, w.lb.instance, "lb.instance");
        const LbSizing lb = size_lb(lb_inst, w.lb.capacity_per_vcpu_per_s, t.peak_rps + static_rps,
                                    max_u, w.failover.spares);
        p.lb.instances = lb.planned;
        p.lb.utilization = lb.utilization;
        p.lb.monthly_cost = peak_monthly_cost(lb.planned, lb_inst.hourly);
        out.lb_needed = lb.needed;
    }
    return out;
}

SizedArchitecture size_pass(const workload::Workload& w, const workload::Catalogue& cat,
                            double users, Architecture arch, const SizingContext& ctx,
                            std::int64_t min_replicas) {
    SizedArchitecture out;
    PointPlan& p = out.plan;
    Findings f;
    p.users = users;
    p.stage = arch;
    const double max_u = w.slo.max_utilization.at(users);
    const double slo = w.slo.latency_p99_s.at(users);

    // Traffic, then the seams of sessions and cache (not in use yet).
    const TrafficLoad t = compute_traffic(w.traffic, users);
    if (!t.profile.exact) {
        f.warn("daily_profile", t.profile.problem);
    }
    const Seams seams;
    p.traffic = traffic_metrics(w, t, seams.hit_ratio);

    const bool separate = arch.has(Component::separate_db);
    PooledResult pooled;
    if (separate) {
        pooled = size_separate(w, cat, t, arch, ctx, seams, min_replicas, max_u, slo, p, f);
    } else {
        size_single_stage(w, cat, t, seams, max_u, slo, p, f);
    }

    // Blob storage (always: the photos exist at every stage); the CDN is a later issue.
    p.blob = blob_metrics(w, t, seams.static_at_origin ? 1.0 : 0.0);

    // Failover in one data centre: from the load balancer on, web and lb plan max(2, N + spares).
    if (arch.has(Component::load_balancer) && separate) {
        const double lb_each =
            p.lb.instances > 0 ? p.lb.monthly_cost / static_cast<double>(p.lb.instances) : 0.0;
        p.failover = one_centre_failover(
            {StatelessTier{pooled.web_needed, p.web.servers, pooled.web_needed_monthly_cost,
                           p.web.monthly_cost},
             StatelessTier{pooled.lb_needed, p.lb.instances,
                           lb_each * static_cast<double>(pooled.lb_needed), p.lb.monthly_cost}});
    }

    // Availability.
    AvailabilityInputs ai;
    ai.single_server = !separate;
    ai.web_planned = p.web.servers;
    ai.web_needed = p.web.servers_needed;
    ai.lb_planned = p.lb.instances;
    ai.lb_needed = pooled.lb_needed;
    ai.db_shards = p.db.shards;
    ai.db_replicas_per_shard = p.db.replicas_per_shard;
    p.availability = compute_availability(w, ai, users);
    const double allowed_down = 1.0 - p.availability.target;
    const double down = 1.0 - p.availability.total;
    f.limit(allowed_down > 0.0 ? down / allowed_down : (down > 0.0 ? 1e300 : 0.0), [&] {
        return fmt::format("availability {:.4f} % < target {:.4f} % ({:.0f} s down per month)",
                           p.availability.total * 100.0, p.availability.target * 100.0,
                           p.availability.downtime_s_per_month);
    });

    // Cost.
    const std::int64_t servers =
        p.web.servers + p.lb.instances + p.db.primaries + p.db.replicas + seams.other_servers;
    p.total = total_metrics(p, servers, seams.other_monthly_cost, t);
    if (!std::isfinite(p.total.monthly_cost_per_user) ||
        !std::isfinite(p.total.cost_per_million_requests)) {
        f.warn("no_finite_value", "total.monthly_cost_per_user or total.cost_per_million_requests "
                                  "has no finite value: no users or no requests");
    }

    // Verdict.
    out.feasible = std::all_of(f.limits.begin(), f.limits.end(),
                               [](const LimitCheck& l) { return l.ratio <= 1.0 + 1e-9; });
    const auto worst = std::max_element(
        f.limits.begin(), f.limits.end(),
        [](const LimitCheck& a, const LimitCheck& b) { return a.ratio < b.ratio; });
    if (worst != f.limits.end()) {
        out.worst_violation = worst->ratio;
        out.worst_limit = worst->reason.empty()
                              ? fmt::format("every limit holds; the tightest is at {:.0f} % of its "
                                            "limit",
                                            worst->ratio * 100.0)
                              : worst->reason;
    }
    p.warnings = std::move(f.warnings);
    return out;
}

} // namespace

SizedArchitecture size_architecture(const workload::Workload& w, const workload::Catalogue& cat,
                                    double users, Architecture arch, const SizingContext& ctx) {
    SizedArchitecture first = size_pass(w, cat, users, arch, ctx, 0);
    // The loop of §5.0: a standby is needed when the availability target is missed without one.
    // Replicas that serve reads are standbys already, so this only adds one when no read needs a
    // replica (everything hits the cache).
    if (arch.has(Component::read_replicas) && arch.has(Component::separate_db) &&
        first.plan.db.replicas_per_shard == 0 && !first.plan.availability.meets_target) {
        return size_pass(w, cat, users, arch, ctx, 1);
    }
    return first;
}

} // namespace capplan::tiers
