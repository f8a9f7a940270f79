// One architecture at one user point, in the SPEC §5.0 order. See architecture.hpp.

#include "tiers/architecture.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <stdexcept>

#include <fmt/format.h>

#include "tiers/availability.hpp"
#include "tiers/blob_cdn.hpp"
#include "tiers/cache.hpp"
#include "tiers/common.hpp"
#include "tiers/cost.hpp"
#include "tiers/datacenters.hpp"
#include "tiers/db.hpp"
#include "tiers/failover.hpp"
#include "tiers/logs.hpp"
#include "tiers/point_memo.hpp"
#include "tiers/queue.hpp"
#include "tiers/sessions.hpp"
#include "tiers/single.hpp"
#include "tiers/static_costs.hpp"
#include "tiers/traffic.hpp"
#include "tiers/web_pool.hpp"

namespace capplan::tiers {
namespace {

// What one sizing pass knows about the architecture.
struct Layout {
    bool separate = false, pool = false, replicas = false, sharding = false, cache = false;
    bool cdn = false, queue = false, store = false, multi = false;
    FailoverRule rule;             // D, k and the one-centre spares
    std::int64_t min_replicas = 0; // per shard: standbys and a replica in every other centre
    bool relaxed = false;          // a lower bound only (bound_architecture)

    Layout(const workload::Workload& w, Architecture a, std::int64_t datacenters,
           std::int64_t standbys) {
        separate = a.has(Component::separate_db);
        pool = separate && a.has(Component::load_balancer);
        replicas = separate && a.has(Component::read_replicas);
        sharding = separate && a.has(Component::sharding);
        cache = separate && a.has(Component::cache);
        cdn = a.has(Component::cdn);
        queue = a.has(Component::message_queue);
        store = pool && a.has(Component::session_store);
        multi = pool && replicas && a.has(Component::multi_datacenter) && datacenters > 1;
        rule.spares = w.failover.spares;
        if (multi) {
            rule.datacenters = datacenters;
            rule.survive = std::clamp<std::int64_t>(w.failover.survive, 0, datacenters - 1);
        }
        min_replicas = replicas ? std::max(standbys, multi ? datacenters - 1 : 0) : 0;
    }
};

// The pooled tiers' needs before failover (for the headroom and the availability).
struct PooledCounts {
    std::int64_t web_needed = 0;
    double web_needed_cost = 0.0;
    std::int64_t lb_needed = 0;
    double lb_needed_cost = 0.0;
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

// §5.4: one machine runs everything that has not moved out (static assets to a CDN, jobs to
// a queue's workers).
void size_single_stage(const workload::Workload& w, const workload::Catalogue& cat,
                       const TrafficLoad& t, const Layout& l, double max_u, double slo,
                       bool report_metrics, PointMemo* memo, PointPlan& p, Findings& f) {
    const auto& inst = find_instance(cat, w.single.instance, "single.instance");
    SingleDemand d;
    d.read_rps = t.read_rps;
    d.write_rps = t.write_rps;
    d.static_rps = l.cdn ? 0.0 : t.static_rps;
    d.jobs_per_s = l.queue ? 0.0 : t.jobs_per_s;
    d.arrival_scv = t.arrival_scv;
    d.db_read_miss_fraction = 1.0;
    // Without the report, a p99 that holds is not computed (size_single).
    const std::optional<double> check_only =
        report_metrics ? std::nullopt : std::optional<double>(slo);
    const SingleSizing s =
        memo != nullptr
            ? PointMemo::recall(memo->singles, std::tuple{l.cdn, l.queue, report_metrics},
                                [&] { return size_single(w, inst, d, check_only); })
            : size_single(w, inst, d, check_only);
    const std::size_t before = f.limits.size();
    request_limits(f, s.utilization, s.latency_p99_s, max_u, slo,
                   fmt::format("the single server {}", inst.name));
    const bool ok = std::all_of(f.limits.begin() + static_cast<std::ptrdiff_t>(before),
                                f.limits.end(), [](const auto& x) { return !is_broken(x.ratio); });
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
    p.db.utilization_cold_cache = s.db_share; // no cache: the cold hit ratio changes nothing
    p.db.storage_bytes = t.users * w.traffic.db_bytes_per_user;
    // The database's volume on the single server is billed like one database copy.
    p.db.monthly_cost = p.db.storage_bytes / k_bytes_per_gb * w.db.storage_per_gb_month;
}

DbInputs db_inputs(const workload::Workload& w, const TrafficLoad& t, const Layout& l, double hit,
                   double max_u) {
    DbInputs di;
    di.read_rps = t.peak_rps * w.web.db_reads_per_request * (1.0 - hit);
    di.cold_read_rps =
        t.peak_rps * w.web.db_reads_per_request * (1.0 - std::min(hit, w.cache.cold_hit_ratio));
    di.write_rps = t.write_rps * w.web.db_writes_per_write_request;
    di.arrival_scv = t.arrival_scv;
    di.users = t.users;
    di.max_utilization = max_u;
    di.replicas = l.replicas;
    di.sharding = l.sharding;
    di.min_replicas_per_shard = l.min_replicas;
    return di;
}

// The database for `in`, remembered in `memo` when there is one (else kept in `own`).
const DbPlan& database(const workload::Workload& w, const workload::Catalogue& cat,
                       const DbInputs& in, PointMemo* memo, std::optional<DbPlan>& own) {
    if (memo == nullptr) {
        return own.emplace(size_database(w, cat, in));
    }
    return PointMemo::recall(memo->databases, in, [&] {
        if (!memo->db_sizes) {
            memo->db_sizes = db_sizes(w, cat);
        }
        return size_database(w, *memo->db_sizes, in);
    });
}

bool all_hold(const std::vector<LimitCheck>& limits) {
    return std::none_of(limits.begin(), limits.end(),
                        [](const LimitCheck& x) { return is_broken(x.ratio); });
}

// Adds a tier's limits to the set's. A bound (`relaxed`) only reads whether every limit
// holds: one broken limit stands for all.
void add_limits(Findings& f, const std::vector<LimitCheck>& limits, bool relaxed) {
    if (!relaxed) {
        f.limits.insert(f.limits.end(), limits.begin(), limits.end());
        return;
    }
    const auto broken = std::find_if(limits.begin(), limits.end(),
                                     [](const LimitCheck& x) { return is_broken(x.ratio); });
    if (broken != limits.end()) {
        f.limits.push_back(*broken);
    }
}

// Adds a tier's limits and warnings (a bound keeps no warning).
void add_findings(Findings& f, const Findings& tier, bool relaxed) {
    add_limits(f, tier.limits, relaxed);
    if (!relaxed) {
        f.warnings.insert(f.warnings.end(), tier.warnings.begin(), tier.warnings.end());
    }
}

void fill_db(const DbPlan& db, const SizingContext& ctx, bool relaxed, PointPlan& p, Findings& f) {
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
    add_findings(f, db.findings, relaxed);
}

// §5.3: the legs of a request other than the web station. Cache look-ups (when there is a
// cache), database reads that miss it, and for writes the database writes; with several
// centres a write from a web server outside the primary's centre ((D − 1)/D of them, a
// Bernoulli shift of one cross-centre round trip) also crosses.
OtherLegs request_legs(const workload::Workload& w, const DbPlan& db, const CacheTier* cache,
                       double hit, const Layout& l) {
    Moments cache_legs;
    if (cache != nullptr) {
        cache_legs = repeat(call_moments(k_rtt_in_dc_s, cache->wait, cache->service),
                            w.web.cache_reads_per_request);
    }
    const Moments read_legs =
        repeat(call_moments(k_rtt_in_dc_s, db.read_call.wait, db.read_call.service),
               w.web.db_reads_per_request * (1.0 - hit));
    Moments write_call = call_moments(k_rtt_in_dc_s, db.write_call.wait, db.write_call.service);
    if (l.multi) {
        const double away =
            static_cast<double>(l.rule.datacenters - 1) / static_cast<double>(l.rule.datacenters);
        const double rtt = cross_centre_rtt_s(w.failover.scope);
        write_call = write_call + Moments{away * rtt, away * (1.0 - away) * rtt * rtt};
    }
    const Moments write_legs = repeat(write_call, w.web.db_writes_per_write_request);
    return OtherLegs{cache_legs + read_legs, cache_legs + read_legs + write_legs};
}

// The sites' unavailability over the allowed downtime: the availability limit of a set in
// which every tier were perfect (§5.15: the tiers can only lower the availability).
double sites_ratio(const workload::Workload& w, double users, const Layout& l) {
    const double allowed = 1.0 - w.slo.availability.at(users);
    const double sites_down = sites_unavailability(w.failover, l.rule.datacenters, l.rule.survive);
    return allowed > 0.0 ? sites_down / allowed : (sites_down > 0.0 ? 1e300 : 0.0);
}

SizedArchitecture size_pass(const workload::Workload& w, const workload::Catalogue& cat,
                            double users, Architecture arch, const SizingContext& ctx,
                            const Layout& l) {
    SizedArchitecture out;
    PointPlan& p = out.plan;
    Findings f;
    p.users = users;
    p.stage = arch;
    p.stage.remove(Component::log_aggregation); // decided below, by the billed servers
    if (!l.multi) {
        p.stage.remove(Component::multi_datacenter);
    }
    const double max_u = w.slo.max_utilization.at(users);
    const double slo = w.slo.latency_p99_s.at(users);
    std::int64_t other_servers = 0; // cache nodes, session nodes, workers, brokers

    // Traffic and sessions.
    std::optional<TrafficLoad> own_traffic;
    const TrafficLoad& t =
        ctx.memo != nullptr
            ? (ctx.memo->traffic ? *ctx.memo->traffic
                                 : ctx.memo->traffic.emplace(compute_traffic(w.traffic, users)))
            : own_traffic.emplace(compute_traffic(w.traffic, users));
    if (!t.profile.exact) {
        f.warn("daily_profile", t.profile.problem);
    }
    const SessionLoad sessions = session_load(users, t.daily_active, w.traffic);
    p.sessions.concurrent = sessions.concurrent;
    p.sessions.stored = sessions.stored;
    p.sessions.memory_bytes = sessions.memory_bytes;
    if (l.store && !l.cache) {
        const auto& inst = find_instance(cat, w.sessions.instance, "sessions.instance");
        const SessionStore store =
            size_session_store(inst, sessions.memory_bytes, w.cache.reserved_memory);
        p.sessions.monthly_cost = store.monthly_cost;
        other_servers += store.nodes;
    }

    PooledCounts pooled;
    std::optional<WebPoolResult> own_web;
    std::optional<StaticCosts> own_static;
    double hit = 0.0;
    if (l.separate) {
        // Cache, sized together with the database it relieves.
        std::optional<CacheTier> cache;
        if (l.cache) {
            CacheLoad load;
            load.objects = users * w.cache.objects_per_user;
            load.lookups_per_s = t.peak_rps * w.web.cache_reads_per_request;
            if (l.store) {
                const double starts_per_s = t.daily_active * w.traffic.sessions_per_active_user /
                                            k_seconds_per_day * w.traffic.peak_to_average;
                load.session_memory_bytes = sessions.memory_bytes;
                load.session_ops_per_s = t.peak_rps + starts_per_s;
            }
            load.arrival_scv = t.arrival_scv;
            const DbAtHit db_at = [&](double h) {
                std::optional<DbPlan> own;
                const DbPlan& d = database(w, cat, db_inputs(w, t, l, h, max_u), ctx.memo, own);
                return DbVerdict{d.instance_monthly_cost + d.storage_monthly_cost,
                                 all_hold(d.findings.limits)};
            };
            if (l.relaxed) {
                // At least one primary and its replicas; the database at best (every read hits).
                const auto& inst = find_instance(cat, w.cache.instance, "cache.instance");
                p.cache.nodes = 1 + std::max<std::int64_t>(0, w.cache.replicas);
                p.cache.monthly_cost = peak_monthly_cost(p.cache.nodes, inst.hourly);
                hit = 1.0;
            } else {
                const auto make = [&] { return size_cache_tier(w.cache, cat, load, max_u, db_at); };
                cache =
                    ctx.memo != nullptr
                        ? PointMemo::recall(ctx.memo->caches,
                                            std::pair{load, db_inputs(w, t, l, 0.0, max_u)}, make)
                        : make();
                p.cache = cache->metrics;
                hit = p.cache.hit_ratio;
            }
            other_servers += p.cache.nodes;
        }
        std::optional<DbPlan> own_db;
        const DbPlan& db = database(w, cat, db_inputs(w, t, l, hit, max_u), ctx.memo, own_db);
        fill_db(db, ctx, l.relaxed, p, f);

        WebPoolInputs in;
        in.traffic = &t;
        if (!l.relaxed) { // a bound sizes the web tier by utilization only
            in.legs = request_legs(w, db, cache ? &*cache : nullptr, hit, l);
        }
        in.pool = l.pool;
        in.static_on_web = !l.cdn;
        in.jobs_on_web = !l.queue;
        in.failover = l.rule;
        in.max_utilization = max_u;
        in.latency_slo_s = slo;
        in.hourly_cost = ctx.hourly_cost;
        in.report_metrics = ctx.report_metrics;
        in.hint = ctx.web_needed_hint;
        in.relaxed = l.relaxed;
        const auto make = [&] { return size_web_pool(w, cat, in); };
        const WebPoolResult& web =
            l.relaxed && ctx.memo != nullptr
                ? PointMemo::recall(
                      ctx.memo->relaxed_webs,
                      std::tuple{l.pool, !l.cdn, !l.queue, l.rule.datacenters, l.rule.survive},
                      make)
                : own_web.emplace(make());
        add_findings(f, web.findings, l.relaxed);
        p.web = web.web;
        p.lb = web.lb;
        pooled = {web.web_needed, web.web_needed_monthly_cost, web.lb_needed,
                  web.lb_needed_monthly_cost};
    } else {
        size_single_stage(w, cat, t, l, max_u, slo, ctx.report_metrics, ctx.memo, p, f);
    }
    p.traffic = traffic_metrics(w, t, hit);

    // Blob storage, CDN and egress; the queue.
    const auto statics = [&] {
        return static_costs(w, cat, t, StaticLayout{l.cdn, l.separate, l.pool}, max_u);
    };
    const StaticCosts& st =
        ctx.memo != nullptr
            ? PointMemo::recall(ctx.memo->statics, std::tuple{l.cdn, l.separate, l.pool}, statics)
            : own_static.emplace(statics());
    p.blob = st.blob;
    p.cdn = st.cdn;
    double other_cost = st.egress_monthly_cost;
    static const QueueTier no_queue;
    std::optional<QueueTier> own_queue;
    const QueueTier* queue_tier = &no_queue;
    if (l.queue) {
        const auto make = [&] { return size_queue(w, cat, t, max_u, l.rule, ctx.hourly_cost); };
        queue_tier = ctx.memo != nullptr
                         ? &PointMemo::recall(ctx.memo->queues,
                                              std::pair{l.rule.datacenters, l.rule.survive}, make)
                         : &own_queue.emplace(make());
    }
    const QueueTier& queue = *queue_tier;
    if (l.queue) {
        p.queue = queue.metrics;
        other_servers += p.queue.workers + p.queue.brokers;
        add_limits(f, queue.findings.limits, l.relaxed);
    }

    // Failover over the pooled stateless tiers (§5.14).
    if (l.pool) {
        std::vector<StatelessTier> tiers{
            {pooled.web_needed, p.web.servers, pooled.web_needed_cost, p.web.monthly_cost},
            {pooled.lb_needed, p.lb.instances, pooled.lb_needed_cost, p.lb.monthly_cost}};
        if (l.queue && w.queue.failover) {
            tiers.push_back({queue.workers_needed, p.queue.workers, queue.needed_monthly_cost,
                             queue.workers_monthly_cost});
        }
        p.failover = stateless_failover(tiers, l.rule);
    }
    if (l.multi) {
        other_cost += replication_cost(w, cat, t, l.rule.datacenters);
    }

    // Logs and metrics: central once more than one server is billed (§5.16).
    const std::int64_t servers =
        p.web.servers + p.lb.instances + p.db.primaries + p.db.replicas + other_servers;
    if (servers > 1) {
        p.stage.add(Component::log_aggregation);
        const LogsMetrics logs = logs_metrics(t.requests_per_day, servers, w.logs);
        p.logs = {logs.bytes_per_day, logs.storage_bytes, logs.series, logs.samples_per_s,
                  logs.monthly_cost};
    }

    // Availability (a bound knows only the sites: the tiers can only lower it).
    if (l.relaxed) {
        f.limit(sites_ratio(w, users, l), [] { return std::string("availability of the sites"); });
        p.total = total_metrics(p, servers, other_cost, t);
        out.feasible = all_hold(f.limits);
        return out;
    }
    AvailabilityInputs ai;
    ai.single_server = !l.separate;
    ai.web_planned = p.web.servers;
    ai.web_needed = p.web.servers_needed;
    ai.lb_planned = p.lb.instances;
    ai.lb_needed = pooled.lb_needed;
    ai.db_shards = p.db.shards;
    ai.db_replicas_per_shard = p.db.replicas_per_shard;
    ai.datacenters = l.rule.datacenters;
    ai.survive = l.rule.survive;
    p.availability = compute_availability(w, ai, users);
    const double allowed_down = 1.0 - p.availability.target;
    const double down = 1.0 - p.availability.total;
    f.limit(allowed_down > 0.0 ? down / allowed_down : (down > 0.0 ? 1e300 : 0.0), [&] {
        return fmt::format("availability {:.4f} % < target {:.4f} % ({:.0f} s down per month)",
                           p.availability.total * 100.0, p.availability.target * 100.0,
                           p.availability.downtime_s_per_month);
    });

    // Cost.
    p.total = total_metrics(p, servers, other_cost, t);
    if (!std::isfinite(p.total.monthly_cost_per_user) ||
        !std::isfinite(p.total.cost_per_million_requests)) {
        f.warn("no_finite_value", "total.monthly_cost_per_user or total.cost_per_million_requests "
                                  "has no finite value: no users or no requests");
    }

    // Verdict.
    out.feasible = all_hold(f.limits);
    const auto worst = std::max_element(
        f.limits.begin(), f.limits.end(),
        [](const LimitCheck& a, const LimitCheck& b) { return a.ratio < b.ratio; });
    if (worst != f.limits.end()) {
        out.worst_violation = worst->ratio;
        for (const LimitCheck& c : f.limits) {
            if (is_broken(c.ratio)) {
                out.violation_sum += std::log(c.ratio);
            }
        }
        if (!worst->reason.empty()) {
            out.worst_limit = worst->reason;
        } else if (ctx.report_metrics) { // the choice never reads it of a feasible set
            out.worst_limit = fmt::format("every limit holds; the tightest is at {:.0f} % of its "
                                          "limit",
                                          worst->ratio * 100.0);
        }
    }
    p.warnings = std::move(f.warnings);
    return out;
}

} // namespace

ArchitectureBound bound_architecture(const workload::Workload& w, const workload::Catalogue& cat,
                                     double users, Architecture arch, const SizingContext& ctx) {
    SizingContext relaxed = ctx;
    relaxed.report_metrics = false;
    // When the sites alone break the availability target, no sizing of the tiers helps: the
    // layout is certainly infeasible, known before any tier is sized. (Its cost bound is then
    // not needed: a set that is certainly infeasible is only sized when no set is feasible,
    // and a set pruned by cost never is either, since pruning needs a feasible champion.)
    // nullopt: the sites of that layout break the target.
    const auto bound_of = [&](std::int64_t datacenters) -> std::optional<ArchitectureBound> {
        Layout l(w, arch, datacenters, 0);
        l.relaxed = true;
        if (is_broken(sites_ratio(w, users, l))) {
            return std::nullopt;
        }
        const SizedArchitecture s = size_pass(w, cat, users, arch, relaxed, l);
        return ArchitectureBound{s.plan.total.monthly_cost, !s.feasible};
    };
    const ArchitectureBound certainly_infeasible{0.0, true};
    if (!arch.has(Component::multi_datacenter)) {
        return bound_of(1).value_or(certainly_infeasible);
    }
    // The full sizing keeps the first D of 2..max_datacenters that meets the availability
    // target, else the last: a feasible result has a D whose sites meet it, so the least bound
    // over those D bounds it; with none, the set is certainly infeasible.
    std::optional<ArchitectureBound> out;
    const std::int64_t most = std::max<std::int64_t>(2, w.failover.max_datacenters);
    for (std::int64_t d = 2; d <= most; ++d) {
        const std::optional<ArchitectureBound> b = bound_of(d);
        if (!b) {
            continue;
        }
        if (!out) {
            out = b;
        } else {
            out->monthly_cost = std::min(out->monthly_cost, b->monthly_cost);
            out->infeasible = out->infeasible && b->infeasible;
        }
    }
    return out.value_or(certainly_infeasible);
}

double cost_floor(const workload::Workload& w, const workload::Catalogue& cat, double users,
                  Architecture arch, const SizingContext& ctx) {
    if (!arch.has(Component::separate_db)) {
        return 0.0;
    }
    std::optional<PointMemo> own_memo; // only without the caller's (it allocates)
    PointMemo& memo = ctx.memo != nullptr ? *ctx.memo : own_memo.emplace();
    if (!memo.floors) {
        if (!memo.db_sizes) {
            memo.db_sizes = db_sizes(w, cat);
        }
        double db_hourly = memo.db_sizes->front()->hourly;
        for (const auto* inst : *memo.db_sizes) {
            db_hourly = std::min(db_hourly, inst->hourly);
        }
        PointMemo::Floors f;
        f.web = find_instance(cat, w.web.instance, "web.instance").hourly * k_hours_per_month;
        f.db = db_hourly * k_hours_per_month;
        f.lb = find_instance(cat, w.lb.instance, "lb.instance").hourly * k_hours_per_month;
        f.cache = peak_monthly_cost(1 + std::max<std::int64_t>(0, w.cache.replicas),
                                    find_instance(cat, w.cache.instance, "cache.instance").hourly);
        memo.floors = f;
    }
    const PointMemo::Floors& f = *memo.floors;
    const Layout l(w, arch, 1, 0);
    const TrafficLoad& t =
        memo.traffic ? *memo.traffic : memo.traffic.emplace(compute_traffic(w.traffic, users));
    const double max_u = w.slo.max_utilization.at(users);
    const StaticCosts& st =
        PointMemo::recall(memo.statics, std::tuple{l.cdn, l.separate, l.pool}, [&] {
            return static_costs(w, cat, t, StaticLayout{l.cdn, l.separate, l.pool}, max_u);
        });
    double floor = st.blob.monthly_cost + st.cdn.monthly_cost + st.egress_monthly_cost + f.web +
                   f.db +
                   t.users * w.traffic.db_bytes_per_user / k_bytes_per_gb *
                       w.db.storage_per_gb_month;
    if (l.pool) {
        floor += f.lb;
    }
    if (l.cache) {
        floor += f.cache;
    }
    // The full sizing sums the same bills in another order, and the web tier's by the hour.
    return floor * (1.0 - 1e-9);
}

SizedArchitecture size_architecture(const workload::Workload& w, const workload::Catalogue& cat,
                                    double users, Architecture arch, const SizingContext& ctx) {
    if (arch.has(Component::multi_datacenter)) {
        // §5.14: D from 2 up to max_datacenters until availability holds (replicas per shard
        // follow D); when none does, the most centres allowed.
        const std::int64_t most = std::max<std::int64_t>(2, w.failover.max_datacenters);
        SizedArchitecture sized;
        for (std::int64_t d = 2; d <= most; ++d) {
            sized = size_pass(w, cat, users, arch, ctx, Layout(w, arch, d, 1));
            if (sized.plan.availability.meets_target) {
                break;
            }
        }
        return sized;
    }
    SizedArchitecture first = size_pass(w, cat, users, arch, ctx, Layout(w, arch, 1, 0));
    // The loop of §5.0: a standby is needed when the availability target is missed without one.
    // Replicas that serve reads are standbys already, so this only adds one when no read needs a
    // replica (everything hits the cache).
    if (arch.has(Component::read_replicas) && arch.has(Component::separate_db) &&
        first.plan.db.replicas_per_shard == 0 && !first.plan.availability.meets_target) {
        return size_pass(w, cat, users, arch, ctx, Layout(w, arch, 1, 1));
    }
    return first;
}

} // namespace capplan::tiers
