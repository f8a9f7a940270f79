// The cache tier's node scan (docs/models.md#cache): the branch and bound equals a brute-force
// scan.

#include <catch2/catch.hpp>

#include <cmath>
#include <random>

#include "support/spec_catalogue.hpp"
#include "tiers/cache.hpp"
#include "tiers/cache_model.hpp"

using namespace capplan;
using namespace capplan::tiers;
using Catch::Matchers::WithinRel;

namespace {

// A database whose cost falls in steps as the hit ratio rises and that needs at least
// `min_hit` to hold its limits.
DbAtHit stepped_db(double step_cost, double steps, double min_hit) {
    return [=](double h) {
        return DbVerdict{step_cost * std::ceil((1.0 - h) * steps - 1e-12), h >= min_hit};
    };
}

} // namespace

TEST_CASE("the node scan equals the brute force", "[tiers][cache]") {
    const auto cat = test::spec_catalogue();
    const auto& inst = cat.instances.at("cache.r7g.large");
    std::mt19937_64 rng(59);
    auto uni = [&](double lo, double hi) {
        return std::uniform_real_distribution<double>(lo, hi)(rng);
    };
    for (int trial = 0; trial < 30; ++trial) {
        workload::Cache cache;
        cache.zipf = uni(0.6, 1.2);
        cache.object_bytes = uni(500.0, 20e3);
        if (trial % 3 == 0) {
            cache.target_hit_ratio = uni(0.3, 0.9);
        }
        CacheLoad load;
        load.objects = std::round(std::exp(uni(10.0, 16.0)));
        load.lookups_per_s = uni(100.0, 50e3);
        const DbAtHit db = stepped_db(uni(50.0, 2000.0), uni(2.0, 30.0), uni(0.0, 0.95));
        const CacheTier got = size_cache_tier(cache, cat, load, 0.7, db);
        INFO("trial " << trial);
        // Brute force: every primary count from 1 to the count holding everything.
        const double item = cache.object_bytes + cache.item_overhead_bytes;
        const double usable = inst.memory_bytes * 0.75;
        const auto all = static_cast<std::int64_t>(std::ceil(load.objects * item / usable));
        const double per_node_ops = 1.0 / cache.op_time_s * 0.7;
        const double floor = cache.target_hit_ratio.value_or(0.0);
        std::int64_t best = 0;
        double best_total = 0.0;
        for (std::int64_t p = 1; p <= std::max<std::int64_t>(all, 1); ++p) {
            const double cap = std::min(load.objects, static_cast<double>(p) * usable / item);
            const double h = che_hit_ratio_for_capacity(load.objects, cache.zipf, cap);
            const double ops = load.lookups_per_s * (2.0 - h);
            if (static_cast<double>(p) * per_node_ops < ops * (1.0 - 1e-9) || h < floor - 1e-9) {
                continue;
            }
            const DbVerdict v = db(h);
            const double total = static_cast<double>(2 * p) * inst.hourly * 730.0 + v.monthly_cost;
            if (v.feasible && (best == 0 || total < best_total)) {
                best = p;
                best_total = total;
            }
        }
        if (best > 0) {
            CHECK(got.primaries == best);
            CHECK(got.metrics.nodes == 2 * best);
            CHECK_THAT(got.metrics.monthly_cost,
                       WithinRel(2.0 * static_cast<double>(best) * inst.hourly * 730.0, 1e-12));
        }
        // Every count the scan evaluated is far fewer than the brute force's.
        CHECK(got.evaluations <= std::max<std::int64_t>(all, 8));
        CHECK(got.metrics.utilization <= 0.7 * (1.0 + 1e-9));
    }
}

TEST_CASE("sessions take cache memory on top of the objects", "[tiers][cache]") {
    const auto cat = test::spec_catalogue();
    workload::Cache cache;
    cache.target_hit_ratio = 0.8;
    CacheLoad load;
    load.objects = 1e6;
    load.lookups_per_s = 1000.0;
    const DbAtHit free_db = [](double) { return DbVerdict{0.0, true}; };
    const CacheTier plain = size_cache_tier(cache, cat, load, 0.7, free_db);
    load.session_memory_bytes = 30e9; // three nodes' worth of sessions
    const CacheTier with_sessions = size_cache_tier(cache, cat, load, 0.7, free_db);
    CHECK(with_sessions.primaries > plain.primaries);
    CHECK(with_sessions.metrics.hit_ratio >= 0.8 - 1e-12);
    CHECK_THAT(with_sessions.metrics.memory_bytes - plain.metrics.memory_bytes,
               Catch::Matchers::WithinAbs(30e9, 13.07 * 0.75 * 1073741824.0));
}

TEST_CASE("what a growth path holds of the cache: at least its primaries", "[tiers][cache]") {
    // docs/models.md#growth-path: the scan picks from the held count up; pinned keeps it unless
    // the operations need more.
    const auto cat = test::spec_catalogue();
    workload::Cache cache;
    CacheLoad load;
    load.objects = 1e6;
    load.lookups_per_s = 1000.0;
    const DbAtHit db = stepped_db(100.0, 10.0, 0.0);
    const CacheTier free = size_cache_tier(cache, cat, load, 0.7, db);
    const std::int64_t more = free.primaries + 3;
    const CacheTier held = size_cache_tier(cache, cat, load, 0.7, db, CacheRule{{more}, false});
    CHECK(held.primaries >= more);
    const CacheTier pinned = size_cache_tier(cache, cat, load, 0.7, db, CacheRule{{more}, true});
    CHECK(pinned.primaries == more);
    CHECK(pinned.bound == "held");
    // Pinned below what the operations need: the operations win. 1e6 look-ups/s at 20 µs each
    // on one thread need ⌈(2 − h)·1e6·20e-6/0.7⌉ ≥ 29 primaries.
    load.lookups_per_s = 1e6;
    const CacheTier busy = size_cache_tier(cache, cat, load, 0.7, db, CacheRule{{1}, true});
    CHECK(busy.primaries >= 29);
    CHECK(busy.metrics.utilization <= 0.7 * (1.0 + 1e-9));
}

TEST_CASE("cache nodes: memory-bound at a hit-ratio floor of 1", "[tiers][cache]") {
    // docs/models.md#cache, by hand: cache.r7g.large has 13.07 GiB, 3/4 of it usable:
    // 13.07·2^30·0.75 = 1.0525e10 B. Holding 3e7 objects of 1000 + 80 B = 3.24e10 B takes
    // ⌈3.078⌉ = 4 primaries, 8 nodes with one replica each; 20,000 look-ups/s (no fills when
    // everything hits) on 4 primaries of one 20 µs thread are 0.1 busy.
    const auto cat = test::spec_catalogue();
    workload::Cache cache;
    cache.target_hit_ratio = 1.0;
    CacheLoad load;
    load.objects = 3e7;
    load.lookups_per_s = 20'000.0;
    const DbAtHit free_db = [](double) { return DbVerdict{0.0, true}; };
    CacheTier t = size_cache_tier(cache, cat, load, 0.7, free_db);
    CHECK(t.primaries == 4);
    CHECK(t.metrics.nodes == 8);
    CHECK(t.bound == "floor");
    CHECK(t.metrics.hit_ratio == 1.0);
    CHECK_THAT(t.metrics.memory_bytes, WithinRel(3.24e10, 1e-15));
    CHECK_THAT(t.metrics.utilization, WithinRel(20'000.0 * 20e-6 / 4.0, 1e-12));

    // An exact fit is not rounded up (the tolerant ceiling): 1e6 objects that fill two nodes
    // to the byte take 2 primaries; one object more takes 3.
    const double usable = cat.instances.at("cache.r7g.large").memory_bytes * 0.75;
    cache.object_bytes = 2.0 * usable / 1e6 - cache.item_overhead_bytes;
    load.objects = 1e6;
    t = size_cache_tier(cache, cat, load, 0.7, free_db);
    CHECK(t.primaries == 2);
    load.objects = 1e6 + 1.0;
    t = size_cache_tier(cache, cat, load, 0.7, free_db);
    CHECK(t.primaries == 3);
}

TEST_CASE("cache nodes: ops-bound when everything fits on one node", "[tiers][cache]") {
    // docs/models.md#cache, by hand: 1,000 objects fit on one node, so every look-up hits and
    // there are no fills. 1e6 look-ups/s at 20 µs on one thread, at most 70 % busy:
    // ⌈1e6·20e-6/0.7⌉ = ⌈28.57⌉ = 29 primaries, 87 nodes with two replicas each, each primary
    // 20/29 busy; one primary fewer would be 20/28 = 0.714 > 0.7. Four threads per node:
    // ⌈7.14⌉ = 8 primaries at 20/32.
    const auto cat = test::spec_catalogue();
    workload::Cache cache;
    cache.replicas = 2;
    CacheLoad load;
    load.objects = 1000.0;
    load.lookups_per_s = 1e6;
    const DbAtHit free_db = [](double) { return DbVerdict{0.0, true}; };
    CacheTier t = size_cache_tier(cache, cat, load, 0.7, free_db);
    CHECK(t.primaries == 29);
    CHECK(t.metrics.nodes == 87);
    CHECK(t.bound == "ops");
    CHECK_THAT(t.metrics.utilization, WithinRel(20.0 / 29.0, 1e-12));
    CHECK(t.metrics.utilization <= 0.7);
    CHECK(20.0 / 28.0 > 0.7);
    cache.threads = 4;
    t = size_cache_tier(cache, cat, load, 0.7, free_db);
    CHECK(t.primaries == 8);
    CHECK_THAT(t.metrics.utilization, WithinRel(20.0 / 32.0, 1e-12));
}

TEST_CASE("cache nodes: degenerate inputs stay finite", "[tiers][cache]") {
    // No usable memory (reserved_memory = 1): nothing is cached, every look-up misses and
    // fills (2 operations each), and the plan is still one finite primary.
    const auto cat = test::spec_catalogue();
    workload::Cache cache;
    cache.reserved_memory = 1.0;
    cache.replicas = 0;
    CacheLoad load;
    load.objects = 10.0;
    load.lookups_per_s = 1.0;
    const DbAtHit free_db = [](double) { return DbVerdict{0.0, true}; };
    const CacheTier t = size_cache_tier(cache, cat, load, 0.7, free_db);
    CHECK(t.primaries == 1);
    CHECK(t.metrics.nodes == 1);
    CHECK(t.metrics.hit_ratio == 0.0);
    CHECK(t.metrics.memory_bytes == 0.0);
    CHECK_THAT(t.metrics.ops_per_s, WithinRel(2.0, 1e-15));
    CHECK(std::isfinite(t.metrics.utilization));
}
