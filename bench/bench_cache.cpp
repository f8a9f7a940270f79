// Speed of the cache model (SPEC §5.9): Che sizing for a target hit ratio at 10^6 and 10^9
// objects (and 10^12). The sums cost the same at any N (1,024 exact terms + a quadrature over the
// tail), so every size should take about the same time: one root find of a few dozen evaluations.

#include <benchmark/benchmark.h>

#include <cstdint>

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

} // namespace
