#pragma once
// Sizes one architecture (a set of components, docs/models.md#stage) at one user point, as named
// steps in this order: traffic → sessions → cache → shards → database → latency legs → web →
// load balancer → blob and CDN → queue → failover → logs → availability → cost. Every metric is
// filled; a tier not in use reports 0 / "none". The result says whether every limit holds and,
// if not, which one is broken worst (for the stage choice).
//
// log_aggregation is not a choice: a pass adds it to the plan's stage whenever more than one
// server is billed, whatever `arch` says. multi_datacenter sizes D = 2, 3, … up to
// failover.max_datacenters centres and keeps the first that meets the availability target
// (docs/models.md#failover).

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "planner/point_plan.hpp"
#include "tiers/cache_hold.hpp"
#include "tiers/db_hold.hpp"
#include "tiers/size_rule.hpp"
#include "tiers/web_hint.hpp"
#include "workload/workload_fwd.hpp"

namespace capplan::planner {

struct PointMemo;

// What a sizing computes and what it holds from the growth path. The one metric that reads the
// point before, db.reshard_moved_fraction (docs/models.md#shards), is set by the sweep.
struct SizingContext {
    // false: cost autoscaled tiers at the peak instead of hour by hour (24 sizings). The
    // breakpoint search only reads server counts and sets it to false.
    bool hourly_cost = true;
    // false: skip what only the report reads (the web tier's p99 at the planned count, the
    // p99 of limits that hold): the stage-change bisection and the breakpoint probes read
    // the choice and the counts only. Feasibility and every count are unchanged.
    bool report_metrics = true;
    // A web server count that probably meets the limits here (tiers/web_hint.hpp).
    tiers::WebHint web_hint;
    // What the growth path holds (docs/models.md#growth-path); nothing by default.
    struct Hold {
        tiers::DbHold db; // the database's least size, shards and replicas (tiers/db_hold.hpp)
        tiers::SizeRule db_rule = tiers::SizeRule::cheapest; // how it may grow from there
        tiers::CacheRule cache; // the cache's least primaries (tiers/cache_hold.hpp)
        std::int64_t web = 0;   // the fewest web servers needed (tiers/web.hpp WebRules::held)
    } hold;
};

// How far a sized set is from meeting its limits, level by level, in the order a plan that
// cannot meet them all keeps them (docs/models.md#stage): every station below 100 % busy, the
// capacity limits, the latency limits, the availability target.
inline constexpr int k_levels = 4;
struct LimitLevels {
    // [0]: the busiest station's utilization (met below 1); [1..3]: the worst actual/limit
    // ratio of the capacity, latency and availability limits (met at ≤ 1). Finite, ≥ 0.
    std::array<double, k_levels> worst{};
    // The reason of the worst broken limit of each level (empty where the level is met).
    std::array<std::string, k_levels> reason;
    [[nodiscard]] bool meets(int level) const noexcept;
    // How many levels hold, counted from the first: k_levels when every limit holds.
    [[nodiscard]] int met() const noexcept;
};

struct SizedArchitecture {
    PointPlan plan;               // every metric for this set
    bool feasible = true;         // every limit met (utilization, latency SLOs, availability,
                                  // max_servers, what only sharding can fix)
    double worst_violation = 0.0; // the largest actual/limit ratio over all limits (≤ 1 when
                                  // feasible); finite
    LimitLevels levels;           // the limits by level (for the choice without a feasible set)
    std::string worst_limit;      // the worst limit in words with numbers (also when feasible
                                  // and report_metrics: the tightest one)
    // With report_metrics: every broken limit in words with numbers, the worst first.
    std::vector<std::string> broken;
    // What a growth path would hold of this sizing: the database's size (an index into
    // db_sizes, 0 without one), shards (as min_shards) and replicas, and the cache's primaries.
    tiers::DbHold db;
    tiers::CacheHold cache;
    std::int64_t web = 0; // the web servers it was held at (SizingContext::Hold::web)

    // This sizing's web count as a hint for a nearby one.
    [[nodiscard]] tiers::WebHint web_hint() const noexcept { return {plan.web.servers_needed}; }
};

// Sizes `arch` for `users` (≥ 0, finite). `memo` holds what the sets of this one user point
// share (memo.hpp: valid for one workload, catalogue, user count and hourly-cost setting); the
// caller owns it and passes it to every sizing of the point. Throws std::invalid_argument when
// an instance the workload names is not in the catalogue. Deterministic; no I/O.
[[nodiscard]] SizedArchitecture size_architecture(const workload::Workload& w,
                                                  const workload::Catalogue& cat, double users,
                                                  Architecture arch, const SizingContext& ctx,
                                                  PointMemo& memo);
// The same with a memo of its own (one sizing alone, as tests and benchmarks do).
[[nodiscard]] SizedArchitecture size_architecture(const workload::Workload& w,
                                                  const workload::Catalogue& cat, double users,
                                                  Architecture arch, const SizingContext& ctx);

} // namespace capplan::planner
