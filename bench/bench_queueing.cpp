// Speed of the queueing core (docs/models.md#erlang, docs/models.md#sizing): Erlang C evaluation
// and inverse sizing at 10^3, 10^5 and 10^6 Erlangs. Goal: sizing median under 0.5 ms at 10^6
// Erlangs.

#include <benchmark/benchmark.h>

#include <cmath>

#include "queueing/erlang.hpp"
#include "queueing/queue_model.hpp"
#include "queueing/sizing.hpp"

using namespace capplan::queueing;

namespace {

// Erlang C at c = a + √a (the square-root staffing point, the hardest regime).
void bm_erlang_c(benchmark::State& state) {
    const double a = static_cast<double>(state.range(0));
    const auto c = static_cast<std::int64_t>(a + std::sqrt(a)) + 1;
    for (auto _ : state) {
        benchmark::DoNotOptimize(erlang_c(c, a));
    }
}
BENCHMARK(bm_erlang_c)->Arg(10)->Arg(1000)->Arg(100000)->Arg(1000000)->Arg(10000000);

// Erlang C well below saturation (descending series) and far above the load (Poisson ratio).
void bm_erlang_b_regimes(benchmark::State& state) {
    const double a = 1e6;
    const auto c = static_cast<std::int64_t>(state.range(0));
    for (auto _ : state) {
        benchmark::DoNotOptimize(erlang_b(c, a));
    }
}
BENCHMARK(bm_erlang_b_regimes)->Arg(900000)->Arg(995000)->Arg(1010000);

// Sizing with the limits a web tier uses: 70 % utilization and a p99 response bound.
void bm_size_util_p99(benchmark::State& state) {
    const double a = static_cast<double>(state.range(0));
    const Station s{a / 0.02, 0.02, 1, 1.0, 1.0, {}};
    SizingConstraints l;
    l.max_utilization = 0.7;
    l.max_response_quantiles.push_back({0.99, 0.2});
    for (auto _ : state) {
        benchmark::DoNotOptimize(size_servers(s, l));
    }
}
BENCHMARK(bm_size_util_p99)->Arg(1000)->Arg(100000)->Arg(1000000)->Unit(benchmark::kMicrosecond);

// Sizing by P(wait) ≤ 1 % alone: the search must climb to a + ~2.3√a.
void bm_size_p_wait(benchmark::State& state) {
    const double a = static_cast<double>(state.range(0));
    const Station s{a, 1.0, 1, 1.0, 1.0, {}};
    SizingConstraints l;
    l.max_p_wait = 0.01;
    for (auto _ : state) {
        benchmark::DoNotOptimize(size_servers(s, l));
    }
}
BENCHMARK(bm_size_p_wait)->Arg(1000)->Arg(100000)->Arg(1000000)->Unit(benchmark::kMicrosecond);

// Sizing by a p99.9 response bound with G/G/c variability (Gamma service, quadrature path).
void bm_size_ggc_p999(benchmark::State& state) {
    const double a = static_cast<double>(state.range(0));
    const Station s{a / 0.01, 0.01, 1, 1.5, 0.5, {}};
    SizingConstraints l;
    l.max_response_quantiles.push_back({0.999, 0.05});
    for (auto _ : state) {
        benchmark::DoNotOptimize(size_servers(s, l));
    }
}
BENCHMARK(bm_size_ggc_p999)->Arg(1000)->Arg(100000)->Arg(1000000)->Unit(benchmark::kMicrosecond);

} // namespace
