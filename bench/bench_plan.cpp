// Speed of the planner (ARCHITECTURE.md, speed devices): the built-in default plan from 1 to
// 1,000,000 users at 1 and 10 points per decade with stage changes and breakpoints (goal: the
// whole process under 20 ms, measured by bench/process_time.sh), on one thread and on every core
// (wall time), and one architecture sized at 1M users. Then the slow shapes, each on one thread:
// the growth path's walk up to a single point, a large fixed web fleet, and many shards (the
// telemetry repro), each 1..10M users at 10 points per decade where it sweeps.

#include <benchmark/benchmark.h>

#include <cstdint>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

#include "planner/sizing.hpp"
#include "planner/sweep.hpp"
#include "report/metrics.hpp"
#include "units/users.hpp"
#include "workload/catalogue_file.hpp"
#include "workload/embedded.hpp"
#include "workload/workload.hpp"
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

// A workload of the repository (bench/CMakeLists.txt passes its directory).
workload::Workload repository_workload(const std::string& path) {
    std::ifstream file(std::string(CAPPLAN_SOURCE_DIR) + "/" + path);
    const std::string text{std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
    return workload::load_workload(text, path, {});
}

// One thread, with the metrics the table's breakpoints read.
planner::Plan plan_on_one_thread(const workload::Workload& w, const std::vector<double>& users) {
    return planner::plan_growth(
        w, default_inputs().cat, users,
        planner::PlanSettings{planner::Choice::path, &report::step_metrics(), 1});
}

// The walk up to one point: `plan --users 10^range(0)` (the path walks from 1 user).
void bm_walk_to_one_point(benchmark::State& state) {
    double users = 1.0;
    for (std::int64_t k = 0; k < state.range(0); ++k) {
        users *= 10.0;
    }
    for (auto _ : state) {
        benchmark::DoNotOptimize(plan_on_one_thread(default_inputs().w, {users}).points.data());
    }
}
BENCHMARK(bm_walk_to_one_point)->Arg(4)->Arg(6)->Unit(benchmark::kMillisecond);

// A large fixed fleet: the built-in workload with web.autoscale = false, 1..10M.
void bm_fixed_fleet(benchmark::State& state) {
    workload::Workload w = default_inputs().w;
    w.web.autoscale = false;
    const auto users = units::user_grid(1.0, 1e7, 10);
    for (auto _ : state) {
        benchmark::DoNotOptimize(plan_on_one_thread(w, users).points.data());
    }
}
BENCHMARK(bm_fixed_fleet)->Unit(benchmark::kMillisecond);

// Many shards: the telemetry repro (tests/repro/iot.toml, about 230 shards at 10M), 1..10M.
void bm_many_shards(benchmark::State& state) {
    const workload::Workload w = repository_workload("tests/repro/iot.toml");
    const auto users = units::user_grid(1.0, 1e7, 10);
    for (auto _ : state) {
        benchmark::DoNotOptimize(plan_on_one_thread(w, users).points.data());
    }
}
BENCHMARK(bm_many_shards)->Unit(benchmark::kMillisecond);

} // namespace
