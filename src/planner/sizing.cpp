// One architecture at one user point, as named steps (docs/models.md#stage). See sizing.hpp.

#include "planner/sizing.hpp"

#include <algorithm>
#include <cmath>
#include <optional>

#include <fmt/format.h>

#include "planner/memo.hpp"
#include "planner/pass.hpp"
#include "tiers/availability.hpp"
#include "tiers/bound_by.hpp"
#include "tiers/cache.hpp"
#include "tiers/common.hpp"
#include "tiers/cost.hpp"
#include "tiers/datacenters.hpp"
#include "tiers/db.hpp"
#include "tiers/failover.hpp"
#include "tiers/logs.hpp"
#include "tiers/queue.hpp"
#include "tiers/sessions.hpp"
#include "tiers/single.hpp"
#include "tiers/static_costs.hpp"
#include "tiers/traffic.hpp"
#include "tiers/web_pool.hpp"
#include "units/human.hpp"
#include "workload/workload.hpp"

namespace capplan::planner {

using namespace capplan::tiers;

Layout::Layout(const workload::Workload& w, Architecture a, std::int64_t datacenters,
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

double sites_ratio(const workload::Workload& w, double users, const Layout& l) {
    const double allowed = 1.0 - w.slo.availability.at(users);
    const double sites_down = sites_unavailability(w.failover, l.rule.datacenters, l.rule.survive);
    return allowed > 0.0 ? sites_down / allowed : (sites_down > 0.0 ? 1e300 : 0.0);
}

bool LimitLevels::meets(int level) const noexcept {
    const double x = worst[static_cast<std::size_t>(level)];
    return level == 0 ? x < 1.0 : !is_broken(x);
}

int LimitLevels::met() const noexcept {
    int n = 0;
    while (n < k_levels && meets(n)) {
        ++n;
    }
    return n;
}

namespace {

bool all_hold(const std::vector<LimitCheck>& limits) {
    return std::none_of(limits.begin(), limits.end(),
                        [](const LimitCheck& x) { return is_broken(x.ratio); });
}

// Adds a tier's limits to the set's. A bound (`relaxed`) only reads whether every limit holds:
// one broken limit stands for all.
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

// The pass over the tiers, one step per tier in the order of sizing.hpp. Each step reads what
// the steps before it left in the members and adds its metrics, limits and servers.
class SizingPass {
public:
    SizingPass(const workload::Workload& w, const workload::Catalogue& cat, double users,
               Architecture arch, const SizingContext& ctx, PointMemo& memo, const Layout& l)
        : m_w(w), m_cat(cat), m_ctx(ctx), m_memo(memo), m_l(l), m_p(m_out.plan),
          m_max_u(w.slo.max_utilization.at(users)), m_slo(w.slo.latency_p99_s.at(users)),
          m_t(traffic(users)) {
        m_p.users = users;
        m_p.stage = arch;
        m_p.stage.remove(Component::log_aggregation); // decided by the billed servers
        if (!l.multi) {
            m_p.stage.remove(Component::multi_datacenter);
        }
    }

    SizedArchitecture run() {
        size_sessions();
        if (m_l.separate) {
            size_cache();
            size_db();
            size_web();
        } else {
            size_single_server();
        }
        m_p.traffic = traffic_metrics();
        size_statics();
        size_queue_tier();
        size_failover();
        size_logs();
        if (m_l.relaxed) {
            // A bound knows only the sites' availability: the tiers can only lower it.
            m_f.limit(LimitLevel::availability, sites_ratio(m_w, m_p.users, m_l),
                      [] { return std::string("availability of the sites"); });
            settle_costs(m_p, m_servers, m_t);
            m_out.feasible = all_hold(m_f.limits);
            return std::move(m_out);
        }
        judge_availability();
        settle_costs(m_p, m_servers, m_t);
        if (!std::isfinite(m_p.total.monthly_cost_per_user) ||
            !std::isfinite(m_p.total.cost_per_million_requests)) {
            m_f.warn("no_finite_value", "total.monthly_cost_per_user or "
                                        "total.cost_per_million_requests has no finite value: "
                                        "no users or no requests");
        }
        give_verdict();
        return std::move(m_out);
    }

private:
    const TrafficLoad& traffic(double users) {
        return m_memo.traffic ? *m_memo.traffic
                              : m_memo.traffic.emplace(compute_traffic(m_w.traffic, users));
    }

    void size_sessions() {
        if (!m_t.profile.exact) {
            m_f.warn("daily_profile", m_t.profile.problem);
        }
        m_sessions = session_load(m_p.users, m_t.daily_active, m_w.traffic);
        m_p.sessions.concurrent = m_sessions.concurrent;
        m_p.sessions.stored = m_sessions.stored;
        m_p.sessions.memory_bytes = m_sessions.memory_bytes;
        if (m_l.store && !m_l.cache) {
            const auto& inst = find_instance(m_cat, m_w.sessions.instance, "sessions.instance");
            const SessionStore store =
                size_session_store(inst, m_sessions.memory_bytes, m_w.cache.reserved_memory);
            m_p.sessions.monthly_cost = store.monthly_cost;
            m_p.bill.append(store.bill);
            m_servers += store.nodes;
        }
    }

    DbInputs db_inputs(double hit) const {
        DbInputs di;
        const double reads = m_t.peak_rps * m_w.web.db_reads_per_request;
        di.read_rps = reads * (1.0 - hit);
        di.cold_read_rps = reads * (1.0 - std::min(hit, m_w.cache.cold_hit_ratio));
        di.write_rps = m_t.write_rps * m_w.web.db_writes_per_write_request;
        di.arrival_scv = m_t.arrival_scv;
        di.users = m_t.users;
        di.max_utilization = m_max_u;
        di.replicas = m_l.replicas;
        di.sharding = m_l.sharding;
        di.min_replicas_per_shard = m_l.min_replicas;
        di.hold = m_ctx.hold.db;
        di.size_rule = m_ctx.hold.db_rule;
        return di;
    }

    // The database for `in`, remembered in the memo.
    const DbPlan& database(const DbInputs& in) {
        return PointMemo::recall(m_memo.databases, in, [&] {
            if (!m_memo.db_sizes) {
                m_memo.db_sizes = db_sizes(m_w, m_cat);
            }
            return size_database(m_w, *m_memo.db_sizes, in);
        });
    }

    CacheLoad cache_load() const {
        CacheLoad load;
        load.objects = m_p.users * m_w.cache.objects_per_user;
        load.lookups_per_s = m_t.peak_rps * m_w.web.cache_reads_per_request;
        if (m_l.store) {
            const double starts_per_s = m_t.daily_active * m_w.traffic.sessions_per_active_user /
                                        k_seconds_per_day * m_w.traffic.peak_to_average;
            load.session_memory_bytes = m_sessions.memory_bytes;
            load.session_ops_per_s = m_t.peak_rps + starts_per_s;
        }
        load.arrival_scv = m_t.arrival_scv;
        return load;
    }

    // The cache, sized together with the database it relieves (docs/models.md#cache).
    void size_cache() {
        if (!m_l.cache) {
            return;
        }
        if (m_l.relaxed) {
            // At least one primary and its replicas; the database at best (every read hits).
            const auto& inst = find_instance(m_cat, m_w.cache.instance, "cache.instance");
            m_p.cache.nodes = 1 + std::max<std::int64_t>(0, m_w.cache.replicas);
            m_p.cache.monthly_cost =
                m_p.bill.add(instance_line(BillGroup::cache, m_p.cache.nodes, inst.hourly));
            m_hit = 1.0;
        } else {
            const CacheLoad load = cache_load();
            const DbAtHit db_at = [&](double h) {
                const DbPlan& d = database(db_inputs(h));
                return DbVerdict{d.bill.monthly_cost(), all_hold(d.findings.limits)};
            };
            const CacheRule& rule = m_ctx.hold.cache;
            const auto make = [&] {
                return size_cache_tier(m_w.cache, m_cat, load, m_max_u, db_at, rule);
            };
            m_cache =
                &PointMemo::recall(m_memo.caches, std::tuple{load, db_inputs(0.0), rule}, make);
            m_out.cache = {m_cache->primaries};
            m_p.cache = m_cache->metrics;
            m_p.bill.append(m_cache->bill);
            m_hit = m_p.cache.hit_ratio;
        }
        m_servers += m_p.cache.nodes;
    }

    void size_db() {
        const DbPlan& db = database(db_inputs(m_hit));
        m_db = &db;
        const std::int64_t shards = db.shards.shards;
        m_p.db.instance = db.instance;
        m_p.db.shards = shards;
        m_p.db.primaries = shards;
        m_p.db.replicas_per_shard = db.replicas_per_shard;
        m_p.db.replicas = shards * db.replicas_per_shard;
        m_p.db.replica_ratio = static_cast<double>(db.replicas_per_shard);
        m_p.db.primary_utilization = db.primary_utilization;
        m_p.db.replica_utilization = db.replica_utilization;
        m_p.db.apply_utilization = db.apply_utilization;
        m_p.db.storage_bytes = db.storage_bytes;
        m_p.db.working_set_bytes = db.working_set_bytes;
        m_p.db.memory_utilization = db.memory_utilization;
        m_p.db.utilization_cold_cache = db.utilization_cold_cache;
        m_p.db.bound_by = db.bound_by;
        m_p.db.monthly_cost = db.bill.monthly_cost();
        m_p.bill.append(db.bill);
        m_out.db = {db.size_index, shards, m_p.db.replicas, m_ctx.hold.db.fleet_sizes};
        m_servers += m_p.db.primaries + m_p.db.replicas;
        add_findings(m_f, db.findings, m_l.relaxed);
    }

    // The legs of a request other than the web station (docs/models.md#latency): cache
    // look-ups, database reads that miss the cache and, for writes, the database writes; with
    // several centres a write from a web server outside the primary's centre ((D − 1)/D of
    // them, a Bernoulli shift of one cross-centre round trip) also crosses.
    OtherLegs request_legs() const {
        Moments cache_legs;
        if (m_cache) {
            cache_legs = repeat(call_moments(k_rtt_in_dc_s, m_cache->wait, m_cache->service),
                                m_w.web.cache_reads_per_request);
        }
        const DbPlan& db = *m_db;
        const Moments read_legs =
            repeat(call_moments(k_rtt_in_dc_s, db.read_call.wait, db.read_call.service),
                   m_w.web.db_reads_per_request * (1.0 - m_hit));
        Moments write_call = call_moments(k_rtt_in_dc_s, db.write_call.wait, db.write_call.service);
        if (m_l.multi) {
            const double d = static_cast<double>(m_l.rule.datacenters);
            const double away = (d - 1.0) / d;
            const double rtt = cross_centre_rtt_s(m_w.failover.scope);
            write_call = write_call + Moments{away * rtt, away * (1.0 - away) * rtt * rtt};
        }
        const Moments write_legs = repeat(write_call, m_w.web.db_writes_per_write_request);
        return OtherLegs{cache_legs + read_legs, cache_legs + read_legs + write_legs};
    }

    void size_web() {
        WebPoolInputs in;
        in.traffic = &m_t;
        if (!m_l.relaxed) { // a bound sizes the web tier by utilization only
            in.legs = request_legs();
        }
        in.pool = m_l.pool;
        in.static_on_web = !m_l.cdn;
        in.jobs_on_web = !m_l.queue;
        in.failover = m_l.rule;
        in.max_utilization = m_max_u;
        in.latency_slo_s = m_slo;
        in.hourly_cost = m_ctx.hourly_cost;
        in.report_metrics = m_ctx.report_metrics;
        in.hint = m_ctx.web_hint;
        in.held_servers = m_ctx.hold.web;
        in.relaxed = m_l.relaxed;
        const auto make = [&] { return size_web_pool(m_w, m_cat, in); };
        const WebPoolResult& web =
            m_l.relaxed ? PointMemo::recall(m_memo.relaxed_webs,
                                            std::tuple{m_l.pool, !m_l.cdn, !m_l.queue,
                                                       m_l.rule.datacenters, m_l.rule.survive},
                                            make)
                        : m_own_web.emplace(make());
        add_findings(m_f, web.findings, m_l.relaxed);
        m_p.web = web.web;
        m_p.lb = web.lb;
        m_p.bill.append(web.bill);
        m_servers += m_p.web.servers + m_p.lb.instances;
        m_out.web = m_ctx.hold.web;
        m_web_needed = web.web_needed;
        m_web_needed_cost = web.web_needed_monthly_cost;
        m_lb_needed = web.lb_needed;
        m_lb_needed_cost = web.lb_needed_monthly_cost;
    }

    // One machine runs everything that has not moved out (static assets to a CDN, jobs to a
    // queue's workers): docs/models.md#single-server.
    void size_single_server() {
        const auto& inst = find_instance(m_cat, m_w.single.instance, "single.instance");
        SingleDemand d;
        d.read_rps = m_t.read_rps;
        d.write_rps = m_t.write_rps;
        d.static_rps = m_l.cdn ? 0.0 : m_t.static_rps;
        d.jobs_per_s = m_l.queue ? 0.0 : m_t.jobs_per_s;
        d.arrival_scv = m_t.arrival_scv;
        d.db_read_miss_fraction = 1.0;
        // Without the report, a p99 that holds is not computed (size_single).
        const std::optional<double> check_only =
            m_ctx.report_metrics ? std::nullopt : std::optional<double>(m_slo);
        const SingleSizing& s =
            PointMemo::recall(m_memo.singles, std::tuple{m_l.cdn, m_l.queue, m_ctx.report_metrics},
                              [&] { return size_single(m_w, inst, d, check_only); });
        const std::size_t before = m_f.limits.size();
        request_limits(m_f, s.utilization, s.latency_p99_s, m_max_u, m_slo,
                       [&] { return fmt::format("the single server {}", inst.name); });
        const bool ok =
            std::all_of(m_f.limits.begin() + static_cast<std::ptrdiff_t>(before), m_f.limits.end(),
                        [](const auto& x) { return !is_broken(x.ratio); });
        if (!ok) {
            m_f.warn("slo_unmet", fmt::format("the single server {} is not enough: {}", inst.name,
                                              state_text(s.utilization, s.latency_p99_s)));
        }
        // Its database's working set in the box's memory (docs/models.md#working-set).
        if (const double ws = working_set_bytes(m_w, m_t.users); ws > 0.0) {
            const double room = inst.memory_bytes * m_w.single.db_memory_share;
            m_p.db.working_set_bytes = ws;
            m_p.db.memory_utilization = room > 0.0 ? ws / room : 1e300;
            m_f.limit(LimitLevel::capacity, m_p.db.memory_utilization, [&] {
                return fmt::format("working set {} of the single server {}'s memory for its "
                                   "database",
                                   bytes_exceeds(ws, room), inst.name);
            });
        }
        m_p.web.servers = 1;
        m_p.web.servers_needed = 1;
        m_p.web.utilization = s.web_share;
        m_p.web.latency_p99_s = s.latency_p99_s;
        // One server is what the architecture allows: the bound is the cap when it is not enough.
        m_p.web.bound_by = ok ? tiers::k_bound_min_servers : tiers::k_bound_max_servers;
        m_p.web.monthly_cost = m_p.bill.add(instance_line(BillGroup::web, 1, inst.hourly));
        m_p.db.primary_utilization = s.db_share;
        m_p.db.utilization_cold_cache = s.db_share; // no cache: the cold hit ratio changes nothing
        m_p.db.storage_bytes = m_t.users * m_w.traffic.db_bytes_per_user;
        // The database's volume on the single server is billed like one database copy, with no
        // instance of its own.
        const TierBill db = db_bill(m_w, 0.0, m_t.users, 0, 1.0);
        m_p.db.monthly_cost = db.monthly_cost();
        m_p.bill.append(db);
        m_servers += m_p.web.servers;
    }

    TrafficMetrics traffic_metrics() const {
        TrafficMetrics m;
        m.peak_rps = m_t.peak_rps;
        m.mean_rps = m_t.mean_rps;
        m.read_rps = m_t.read_rps;
        m.write_rps = m_t.write_rps;
        m.static_rps = m_t.static_rps;
        m.db_read_rps = m_t.peak_rps * m_w.web.db_reads_per_request * (1.0 - m_hit);
        m.db_write_rps = m_t.write_rps * m_w.web.db_writes_per_write_request;
        m.page_views_per_day = m_t.page_views_per_day;
        m.jobs_per_s = m_t.jobs_per_s;
        return m;
    }

    // Blob storage, CDN and egress (docs/models.md#blob-cdn).
    void size_statics() {
        const StaticLayout sl{m_l.cdn, m_l.separate, m_l.pool};
        const StaticCosts& st =
            PointMemo::recall(m_memo.statics, std::tuple{m_l.cdn, m_l.separate, m_l.pool},
                              [&] { return static_costs(m_w, m_cat, m_t, sl, m_max_u); });
        m_p.blob = st.blob;
        m_p.cdn = st.cdn;
        m_p.bill.append(st.bill);
    }

    void size_queue_tier() {
        if (!m_l.queue) {
            return;
        }
        const auto make = [&] {
            return size_queue(m_w, m_cat, m_t, m_max_u, m_l.rule, m_ctx.hourly_cost);
        };
        m_queue = &PointMemo::recall(m_memo.queues,
                                     std::pair{m_l.rule.datacenters, m_l.rule.survive}, make);
        m_p.queue = m_queue->metrics;
        m_p.bill.append(m_queue->bill);
        m_servers += m_p.queue.workers + m_p.queue.brokers;
        add_findings(m_f, m_queue->findings, m_l.relaxed);
    }

    // Failover over the pooled stateless tiers and the cross-centre replication
    // (docs/models.md#failover).
    void size_failover() {
        if (m_l.pool) {
            std::vector<StatelessTier> tiers{
                {m_web_needed, m_p.web.servers, m_web_needed_cost, m_p.web.monthly_cost},
                {m_lb_needed, m_p.lb.instances, m_lb_needed_cost, m_p.lb.monthly_cost}};
            if (m_queue != nullptr && m_w.queue.failover) {
                tiers.push_back({m_queue->workers_needed, m_p.queue.workers,
                                 m_queue->needed_monthly_cost, m_queue->workers_monthly_cost});
            }
            m_p.failover = stateless_failover(tiers, m_l.rule);
        }
        if (m_l.multi) {
            m_p.bill.add(replication_line(m_w, m_cat, m_t, m_l.rule.datacenters));
        }
    }

    // Logs and metrics: central once more than one server is billed (docs/models.md#logs),
    // or always, or never, as [stage] require or forbid say.
    void size_logs() {
        const auto listed = [](const std::vector<std::string>& names) {
            return std::find(names.begin(), names.end(), "log_aggregation") != names.end();
        };
        if (!listed(m_w.stage.forbid) && (m_servers > 1 || listed(m_w.stage.require))) {
            m_p.stage.add(Component::log_aggregation);
            m_p.logs = logs_metrics(m_t.requests_per_day, m_servers, m_w.logs);
            m_p.bill.append(logs_bill(m_p.logs, m_w.logs));
        }
    }

    void judge_availability() {
        AvailabilityInputs ai;
        ai.single_server = !m_l.separate;
        ai.web = {m_p.web.servers, m_p.web.servers_needed,
                  m_p.web.utilization * static_cast<double>(m_p.web.servers)};
        ai.lb = {m_p.lb.instances, m_lb_needed,
                 m_p.lb.utilization * static_cast<double>(m_p.lb.instances)};
        ai.db.shards = m_p.db.shards;
        ai.db.replicas_per_shard = m_p.db.replicas_per_shard;
        ai.datacenters = m_l.rule.datacenters;
        ai.survive = m_l.rule.survive;
        AvailabilityMetrics& a = m_p.availability;
        a = compute_availability(m_w, ai, m_p.users);
        const double allowed_down = 1.0 - a.target;
        const double down = 1.0 - a.total;
        const double ratio = allowed_down > 0.0 ? down / allowed_down : (down > 0.0 ? 1e300 : 0.0);
        m_f.limit(LimitLevel::availability, ratio, [&] {
            return fmt::format("availability {:.4f} % < target {:.4f} % ({:.0f} s down per month)",
                               a.total * 100.0, a.target * 100.0, a.downtime_s_per_month);
        });
    }

    void give_verdict() {
        m_out.feasible = all_hold(m_f.limits);
        LimitLevels& lv = m_out.levels;
        const LimitCheck* worst = nullptr;
        for (const LimitCheck& c : m_f.limits) {
            if (worst == nullptr || c.ratio > worst->ratio) {
                worst = &c;
            }
            const auto level = 1 + static_cast<std::size_t>(c.level);
            if (c.ratio > lv.worst[level]) {
                lv.worst[level] = c.ratio;
                lv.reason[level] = c.reason;
            }
            if (c.level == LimitLevel::capacity && c.busy > lv.worst[0]) {
                lv.worst[0] = c.busy;
                lv.reason[0] = c.busy >= 1.0 ? c.reason : std::string();
            }
        }
        if (m_ctx.report_metrics && !m_out.feasible) {
            std::vector<const LimitCheck*> broken;
            for (const LimitCheck& c : m_f.limits) {
                if (is_broken(c.ratio) && !c.reason.empty()) {
                    broken.push_back(&c);
                }
            }
            std::stable_sort(
                broken.begin(), broken.end(),
                [](const LimitCheck* a, const LimitCheck* b) { return a->ratio > b->ratio; });
            for (const LimitCheck* c : broken) {
                m_out.broken.push_back(c->reason);
            }
        }
        if (worst != nullptr) {
            m_out.worst_violation = worst->ratio;
            if (!worst->reason.empty()) {
                m_out.worst_limit = worst->reason;
            } else if (m_ctx.report_metrics) { // the choice never reads it of a feasible set
                m_out.worst_limit = fmt::format("every limit holds; the tightest is at {:.0f} % "
                                                "of its limit",
                                                worst->ratio * 100.0);
            }
        }
        m_p.warnings = std::move(m_f.warnings);
    }

    const workload::Workload& m_w;
    const workload::Catalogue& m_cat;
    const SizingContext& m_ctx;
    PointMemo& m_memo;
    const Layout& m_l;
    SizedArchitecture m_out;
    PointPlan& m_p;
    Findings m_f;
    const double m_max_u;
    const double m_slo;
    const TrafficLoad& m_t;
    SessionLoad m_sessions;
    double m_hit = 0.0;
    const CacheTier* m_cache = nullptr; // in the memo
    const DbPlan* m_db = nullptr;
    std::optional<WebPoolResult> m_own_web;
    std::int64_t m_web_needed = 0, m_lb_needed = 0;
    double m_web_needed_cost = 0.0, m_lb_needed_cost = 0.0;
    const QueueTier* m_queue = nullptr;
    std::int64_t m_servers = 0; // every billed server so far
};

} // namespace

SizedArchitecture size_pass(const workload::Workload& w, const workload::Catalogue& cat,
                            double users, Architecture arch, const SizingContext& ctx,
                            PointMemo& memo, const Layout& l) {
    return SizingPass(w, cat, users, arch, ctx, memo, l).run();
}

SizedArchitecture size_architecture(const workload::Workload& w, const workload::Catalogue& cat,
                                    double users, Architecture arch, const SizingContext& ctx,
                                    PointMemo& memo) {
    if (arch.has(Component::multi_datacenter)) {
        // D from 2 up to max_datacenters until availability holds (replicas per shard follow
        // D); when none does, the most centres allowed (docs/models.md#failover).
        const std::int64_t most = std::max<std::int64_t>(2, w.failover.max_datacenters);
        SizedArchitecture sized;
        for (std::int64_t d = 2; d <= most; ++d) {
            sized = size_pass(w, cat, users, arch, ctx, memo, Layout(w, arch, d, 1));
            if (sized.plan.availability.meets_target) {
                break;
            }
        }
        return sized;
    }
    SizedArchitecture first = size_pass(w, cat, users, arch, ctx, memo, Layout(w, arch, 1, 0));
    // A standby is needed when the availability target is missed without one. Replicas that
    // serve reads are standbys already, so this only adds one when no read needs a replica
    // (everything hits the cache).
    if (arch.has(Component::read_replicas) && arch.has(Component::separate_db) &&
        first.plan.db.replicas_per_shard == 0 && !first.plan.availability.meets_target) {
        return size_pass(w, cat, users, arch, ctx, memo, Layout(w, arch, 1, 1));
    }
    return first;
}

SizedArchitecture size_architecture(const workload::Workload& w, const workload::Catalogue& cat,
                                    double users, Architecture arch, const SizingContext& ctx) {
    PointMemo memo;
    return size_architecture(w, cat, users, arch, ctx, memo);
}

} // namespace capplan::planner
