// Speed of the planner (ARCHITECTURE.md, speed devices): the built-in default plan from 1 to
// 1,000,000 users at 1 and 10 points per decade with stage changes and breakpoints (goal: the
// whole process under 20 ms, measured by bench/process_time.sh), on one thread and on every core
// (wall time), and one architecture sized at 1M users.

#include <benchmark/benchmark.h>

#include <optional>

#include "planner/sizing.hpp"
#include "planner/sweep.hpp"
#include "report/metrics.hpp"
#include "units/users.hpp"
#include "workload/catalogue_file.hpp"
#include "workload/embedded.hpp"
#include "workload/workload_file.hpp"

using namespace capplan;

namespace {

struct Inputs {
    workload::Workload w;
    workload::Catalogue cat;
};

const Inputs& default_inputs() {
    static const Inputs in = [] {
        Inputs x;
        x.w = workload::load_workload(workload::embedded_default_workload(), "default", {});
        x.cat = workload::load_catalogue(std::nullopt);
        return x;
    }();
    return in;
}

// Arguments: points per decade, threads (0: one per core).
void bm_default_plan(benchmark::State& state) {
    const Inputs& in = default_inputs();
    const auto users = units::user_grid(1.0, 1e6, static_cast<int>(state.range(0)));
    const auto threads = static_cast<unsigned>(state.range(1));
    std::size_t breakpoints = 0;
    for (auto _ : state) {
        const planner::Plan plan = planner::plan_growth(
            in.w, in.cat, users,
            planner::PlanSettings{planner::Choice::path, &report::step_metrics(), threads});
        breakpoints = plan.breakpoints.size();
        benchmark::DoNotOptimize(plan.points.data());
    }
    state.counters["points"] = static_cast<double>(users.size());
    state.counters["breakpoints"] = static_cast<double>(breakpoints);
}
BENCHMARK(bm_default_plan)
    ->Args({1, 1})
    ->Args({1, 0})
    ->Args({10, 1})
    ->Args({10, 0})
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

void bm_size_architecture_1m(benchmark::State& state) {
    const Inputs& in = default_inputs();
    planner::Architecture a;
    a.add(planner::Component::separate_db);
    a.add(planner::Component::load_balancer);
    a.add(planner::Component::read_replicas);
    for (auto _ : state) {
        benchmark::DoNotOptimize(planner::size_architecture(in.w, in.cat, 1e6, a, {}));
    }
}
BENCHMARK(bm_size_architecture_1m)->Unit(benchmark::kMicrosecond);

} // namespace
