#pragma once
// The cache tier (docs/models.md#cache), from the cache stage on: cache.instance nodes in front of
// the database, holding the N = users·objects_per_user objects' hottest part (LRU under Zipf reads,
// Che's approximation: cache_model.hpp) and, once the session store lives in the cache, the
// sessions (docs/models.md#sessions, memory on top of the objects'). A cache of p primary nodes
// holds C(p) = (p·usable − session memory)/(object_bytes + item_overhead_bytes) objects (at most N)
// and hits h(C(p)); its operations are the look-ups (peak_rps·cache_reads_per_request), a fill
// after each missed look-up, and the session operations; p must also carry those at
// max_utilization on `threads` threads of op_time each. Billed nodes = p·(1 + replicas).
//
// Choosing p (docs/models.md#cache): among the counts that carry the operations (and,
// with a numeric target_hit_ratio, reach that floor), the one with the least cache + database
// cost on which the database meets its limits; ties go to fewer nodes. The database cost falls
// in steps as h rises (tests/tiers/test_db.cpp checks this premise directly) and the cache
// cost rises linearly in p, so the scan is a branch and bound over p: an interval whose two
// ends size the database alike holds no cheaper count than its left end, and an interval whose
// cheapest possible total (cache at its left end + database at its right end) cannot beat the
// best found is skipped. With no count on which the database
// holds, the floor count is taken (the database's broken limit is then reported).

#include <cstdint>
#include <functional>

#include "queueing/distributions.hpp"
#include "tiers/bill.hpp"
#include "tiers/cache_hold.hpp"
#include "tiers/cache_metrics.hpp"
#include "workload/cache_section.hpp"
#include "workload/catalogue.hpp"

namespace capplan::tiers {

// What the cache serves at the peak (all ≥ 0).
struct CacheLoad {
    double objects = 0.0;              // N
    double lookups_per_s = 0.0;        // peak_rps · cache_reads_per_request
    double session_memory_bytes = 0.0; // sessions held by the cache (0 when they are elsewhere)
    double session_ops_per_s = 0.0;    // one read per request + one write per session start
    double arrival_scv = 1.0;          // of the look-ups

    bool operator==(const CacheLoad&) const = default;
};

// The database as the cache scan sees it at one hit ratio.
struct DbVerdict {
    double monthly_cost = 0.0;
    bool feasible = false; // every database limit holds
};
using DbAtHit = std::function<DbVerdict(double hit_ratio)>;

struct CacheTier {
    CacheMetrics metrics;         // cache.* (hit_ratio, nodes, memory, ops, utilization, cost)
    std::int64_t primaries = 0;   // nodes without their replicas
    std::string bound = "memory"; // what set p: "memory", "ops", "floor", "cost" or "held"
    queueing::WaitLaw wait;       // one look-up at a primary node: wait and service
    queueing::GammaLaw service;
    std::int64_t evaluations = 0; // hit ratios computed by the scan (for tests and benchmarks)
    TierBill bill;                // the billed nodes (tiers/bill.hpp)
};

// Sizes the cache tier. `db_at(h)` sizes the database behind a cache that hits h. max_utilization
// in (0, 1]. Throws std::invalid_argument when cache.instance is not in the catalogue.
[[nodiscard]] CacheTier size_cache_tier(const workload::Cache& cache,
                                        const workload::Catalogue& cat, const CacheLoad& load,
                                        double max_utilization, const DbAtHit& db_at,
                                        const CacheRule& rule = {});

} // namespace capplan::tiers
