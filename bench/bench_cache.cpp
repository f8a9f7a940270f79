// Speed of the cache model (docs/models.md#cache-model): Che sizing for a target hit ratio at 10^6
// and 10^9 objects (and 10^12). The sums cost the same at any N (64 exact terms + a quadrature over
// the tail), so every size should take about the same time: one root find of a few evaluations
// (toms748 for a target hit ratio, Halley's method for a capacity).

#include <benchmark/benchmark.h>

#include <cmath>
#include <cstdint>

#include "tiers/cache.hpp"
#include "tiers/cache_model.hpp"

using namespace capplan::tiers;

namespace {

// che_for_hit_ratio(N, α = 1, h* = 0.9) with N = 10^range(0).
void bm_che_for_hit_ratio(benchmark::State& state) {
    double n = 1.0;
    for (std::int64_t k = 0; k < state.range(0); ++k) {
        n *= 10.0;
    }
    for (auto _ : state) {
        benchmark::DoNotOptimize(che_for_hit_ratio(n, 1.0, 0.9));
    }
}
BENCHMARK(bm_che_for_hit_ratio)->Arg(6)->Arg(9)->Arg(12)->Unit(benchmark::kMicrosecond);

// The inverse: the hit ratio of a cache holding 1 % of N objects, α = 0.8.
void bm_che_hit_ratio_for_capacity(benchmark::State& state) {
    double n = 1.0;
    for (std::int64_t k = 0; k < state.range(0); ++k) {
        n *= 10.0;
    }
    for (auto _ : state) {
        benchmark::DoNotOptimize(che_hit_ratio_for_capacity(n, 0.8, 0.01 * n));
    }
}
BENCHMARK(bm_che_hit_ratio_for_capacity)->Arg(6)->Arg(9)->Arg(12)->Unit(benchmark::kMicrosecond);

// The cache tier's node scan (docs/models.md#cache, `auto`): N = 10^range(0) objects of 20 KB read
// 10k times a second, behind a database whose cost falls by $500 a month for every 5 % of hits
// (a stand-in for size_database, so that the scan itself is timed). Each iteration uses a fresh
// N, so no hit ratio is remembered from the previous one.
void bm_cache_tier_scan(benchmark::State& state) {
    double n = 1.0;
    for (std::int64_t k = 0; k < state.range(0); ++k) {
        n *= 10.0;
    }
    const capplan::workload::Catalogue cat = [] {
        capplan::workload::Catalogue c;
        capplan::workload::Instance i;
        i.name = "cache.r7g.large";
        i.vcpus = 2;
        i.cores = 2;
        i.memory_bytes = 13.07 * 1073741824.0;
        i.hourly = 0.219;
        c.instances[i.name] = i;
        return c;
    }();
    capplan::workload::Cache cache;
    cache.object_bytes = 20e3; // 10^6 objects fill two nodes: a real scan, not "cache all"
    const DbAtHit db = [](double h) {
        return DbVerdict{500.0 * std::ceil((1.0 - h) * 20.0 - 1e-12), true};
    };
    double bump = 0.0;
    for (auto _ : state) {
        CacheLoad load;
        load.objects = n + bump;
        load.lookups_per_s = 10e3;
        bump += 1.0;
        benchmark::DoNotOptimize(size_cache_tier(cache, cat, load, 0.7, db));
    }
}
BENCHMARK(bm_cache_tier_scan)->Arg(6)->Arg(9)->Unit(benchmark::kMicrosecond);

} // namespace
