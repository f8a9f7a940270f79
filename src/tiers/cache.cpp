// The cache tier (docs/models.md#cache). See cache.hpp.

#include "tiers/cache.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <map>
#include <unordered_map>

#include "queueing/ggc.hpp"
#include "tiers/cache_model.hpp"
#include "tiers/common.hpp"

namespace capplan::tiers {
namespace {

// che_hit_ratio_for_capacity is a pure function that costs a root find (~30 sums of 1,024
// exponentials); the stage choice sizes the same cache for many architectures at one point, so
// its values are remembered (per thread, at most k_memo_size of them).
constexpr std::size_t k_memo_size = 4096;

struct HitKey {
    double objects, alpha, capacity;
    bool operator==(const HitKey&) const = default;
};
struct HitKeyHash {
    std::size_t operator()(const HitKey& k) const noexcept {
        const std::hash<double> h;
        return h(k.objects) ^ (h(k.alpha) * 31U) ^ (h(k.capacity) * 1000003U);
    }
};

double remembered_hit_ratio(double objects, double alpha, double capacity) {
    thread_local std::unordered_map<HitKey, double, HitKeyHash> memo;
    const HitKey key{objects, alpha, capacity};
    const auto it = memo.find(key);
    if (it != memo.end()) {
        return it->second;
    }
    if (memo.size() >= k_memo_size) {
        memo.clear();
    }
    const double h = che_hit_ratio_for_capacity(objects, alpha, capacity);
    memo.emplace(key, h);
    return h;
}

struct Eval {
    double hit = 0.0;
    DbVerdict db;
};

class Scan {
public:
    Scan(const workload::Cache& cache, const workload::Instance& inst, const CacheLoad& load,
         double max_utilization, const DbAtHit& db_at)
        : m_cache(cache), m_load(load), m_db_at(db_at),
          m_item(std::max(0.0, cache.object_bytes) + std::max(0.0, cache.item_overhead_bytes)),
          m_usable(std::max(0.0, inst.memory_bytes) *
                   (1.0 - std::clamp(cache.reserved_memory, 0.0, 1.0))),
          m_per_node_ops(cache.op_time_s > 0.0
                             ? static_cast<double>(std::max<std::int64_t>(1, cache.threads)) /
                                   cache.op_time_s * max_utilization
                             : 0.0),
          m_node_monthly(static_cast<double>(1 + std::max<std::int64_t>(0, cache.replicas)) *
                         inst.hourly * k_hours_per_month) {}

    // Objects p primaries hold after the sessions.
    [[nodiscard]] double capacity(std::int64_t p) const {
        if (m_item <= 0.0) {
            return m_load.objects;
        }
        const double room = static_cast<double>(p) * m_usable - m_load.session_memory_bytes;
        return std::clamp(room / m_item, 0.0, m_load.objects);
    }
    [[nodiscard]] double hit(std::int64_t p) {
        const auto it = m_hits.find(p);
        if (it != m_hits.end()) {
            return it->second;
        }
        ++m_evaluations;
        const double h = remembered_hit_ratio(m_load.objects, m_cache.zipf, capacity(p));
        m_hits.emplace(p, h);
        return h;
    }
    [[nodiscard]] double ops(double h) const {
        return m_load.lookups_per_s * (2.0 - h) + m_load.session_ops_per_s;
    }
    // Primaries to hold `bytes` (at least 1).
    [[nodiscard]] std::int64_t for_bytes(double bytes) const {
        return m_usable > 0.0 ? ceil_count(bytes / m_usable, 1) : 1;
    }
    // The fewest primaries that carry their own operations (the fills fall as p grows).
    [[nodiscard]] std::int64_t for_ops() {
        std::int64_t p = for_bytes(m_load.session_memory_bytes);
        for (int i = 0; i < 64 && m_per_node_ops > 0.0; ++i) {
            const std::int64_t need = ceil_count(ops(hit(p)) / m_per_node_ops, 1);
            if (need <= p) {
                break;
            }
            p = need;
        }
        return p;
    }
    [[nodiscard]] std::int64_t for_floor(double floor) const {
        if (!(floor > 0.0)) {
            return 1;
        }
        const CheSolution s = che_for_hit_ratio(m_load.objects, m_cache.zipf, floor);
        return for_bytes(s.capacity_objects * m_item + m_load.session_memory_bytes);
    }
    [[nodiscard]] std::int64_t for_everything() const {
        return for_bytes(m_load.objects * m_item + m_load.session_memory_bytes);
    }

    [[nodiscard]] const Eval& at(std::int64_t p) {
        const auto it = m_evals.find(p);
        if (it != m_evals.end()) {
            return it->second;
        }
        const double h = hit(p);
        return m_evals.emplace(p, Eval{h, m_db_at(h)}).first->second;
    }
    [[nodiscard]] double cache_cost(std::int64_t p) const {
        return static_cast<double>(p) * m_node_monthly;
    }

    // Branch and bound over [lo, hi] (cache.hpp).
    void search(std::int64_t lo, std::int64_t hi) {
        consider(lo);
        if (hi <= lo) {
            return;
        }
        const Eval& right = at(hi);
        if (!right.db.feasible) {
            return; // the database breaks at every count up to hi
        }
        if (m_best > 0 && cache_cost(lo + 1) + right.db.monthly_cost >= m_best_total) {
            return;
        }
        const Eval& left = at(lo);
        if (left.db.feasible && left.db.monthly_cost == right.db.monthly_cost) {
            return; // the database sizes alike: lo is the cheapest
        }
        if (hi == lo + 1) {
            consider(hi);
            return;
        }
        const std::int64_t mid = lo + (hi - lo) / 2;
        search(lo, mid);
        search(mid, hi);
    }

    void consider(std::int64_t p) {
        const Eval& e = at(p);
        if (!e.db.feasible) {
            return;
        }
        const double total = cache_cost(p) + e.db.monthly_cost;
        if (m_best == 0 || total < m_best_total || (total == m_best_total && p < m_best)) {
            m_best = p;
            m_best_total = total;
        }
    }

    [[nodiscard]] std::int64_t best() const noexcept { return m_best; }
    [[nodiscard]] std::int64_t evaluations() const noexcept { return m_evaluations; }
    [[nodiscard]] double item_bytes() const noexcept { return m_item; }

private:
    const workload::Cache& m_cache;
    const CacheLoad& m_load;
    const DbAtHit& m_db_at;
    double m_item;
    double m_usable;
    double m_per_node_ops;
    double m_node_monthly;
    std::map<std::int64_t, double> m_hits;
    std::map<std::int64_t, Eval> m_evals;
    std::int64_t m_best = 0;
    double m_best_total = 0.0;
    std::int64_t m_evaluations = 0;
};

} // namespace

CacheTier size_cache_tier(const workload::Cache& cache, const workload::Catalogue& cat,
                          const CacheLoad& load, double max_utilization, const DbAtHit& db_at,
                          const CacheRule& rule) {
    const auto& inst = find_instance(cat, cache.instance, "cache.instance");
    Scan scan(cache, inst, load, max_utilization, db_at);
    const std::int64_t by_ops = scan.for_ops();
    const std::int64_t by_floor = scan.for_floor(cache.target_hit_ratio.value_or(0.0));
    const std::int64_t needed = std::max(by_ops, by_floor);
    const std::int64_t held = std::min(rule.least.primaries, k_max_count);
    const std::int64_t lo = std::max(needed, held);
    std::int64_t p = lo;
    if (!rule.pinned) {
        scan.search(lo, std::max(lo, scan.for_everything()));
        p = scan.best() > 0 ? scan.best() : lo;
    }

    CacheTier out;
    out.primaries = p;
    out.bound = p > lo       ? "cost"
                : p > needed ? "held"
                             : (by_floor > by_ops ? "floor" : (by_ops > 1 ? "ops" : "memory"));
    out.evaluations = scan.evaluations();
    CacheMetrics& m = out.metrics;
    m.hit_ratio = scan.hit(p);
    m.nodes = std::min(k_max_count / (1 + std::max<std::int64_t>(0, cache.replicas)), p) *
              (1 + std::max<std::int64_t>(0, cache.replicas));
    m.memory_bytes = scan.capacity(p) * scan.item_bytes() + load.session_memory_bytes;
    m.ops_per_s = scan.ops(m.hit_ratio);
    const double threads = static_cast<double>(std::max<std::int64_t>(1, cache.threads));
    m.utilization = m.ops_per_s * cache.op_time_s / (threads * static_cast<double>(p));
    m.monthly_cost = out.bill.add({BillGroup::cache, CostKind::instance, BillUnit::instance_hours,
                                   static_cast<double>(m.nodes) * k_hours_per_month, inst.hourly,
                                   scan.cache_cost(p)});

    // One look-up at a primary: G/G/threads with the primary's share of the operations.
    queueing::Station s;
    s.arrival_rate_per_s = m.ops_per_s / static_cast<double>(p);
    s.service_time_s = std::max(cache.op_time_s, 0.0);
    s.servers = std::max<std::int64_t>(1, cache.threads);
    s.arrival_scv = load.arrival_scv;
    s.service_scv = 1.0;
    out.service = queueing::GammaLaw{s.service_time_s, 1.0};
    if (s.service_time_s > 0.0 && m.utilization < 1.0) {
        const auto laws = queueing::analyze_ggc(s);
        out.wait = laws.wait;
        out.service = laws.service;
    }
    return out;
}

std::span<const MetricRow<CacheMetrics>> cache_metric_rows() noexcept {
    static constexpr std::array<MetricRow<CacheMetrics>, 6> rows{{
        {"nodes", RowType::integer, "", "cache nodes, replicas included",
         [](const CacheMetrics& m) -> RowValue { return m.nodes; }, true},
        {"memory_bytes", RowType::real, "bytes", "cache memory for objects and sessions",
         [](const CacheMetrics& m) -> RowValue { return m.memory_bytes; }},
        {"hit_ratio", RowType::real, "", "cache hit ratio of reads",
         [](const CacheMetrics& m) -> RowValue { return m.hit_ratio; }},
        {"ops_per_s", RowType::real, "1/s", "cache operations per second at the peak",
         [](const CacheMetrics& m) -> RowValue { return m.ops_per_s; }},
        {"utilization", RowType::real, "", "cache node utilization at the peak",
         [](const CacheMetrics& m) -> RowValue { return m.utilization; }},
        {"monthly_cost", RowType::real, "currency/month", "cache cost",
         [](const CacheMetrics& m) -> RowValue { return m.monthly_cost; }, false, true},
    }};
    return rows;
}

} // namespace capplan::tiers
