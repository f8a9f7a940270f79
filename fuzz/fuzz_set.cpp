// libFuzzer target: `--set KEY=VALUE` overrides (one per line of the input) on the built-in
// default workload, through the loader and, when valid, the planner at 10 users. A diagnostic
// (InputError, UsageError) is the expected failure; anything else that escapes, a plan that
// breaks test::plan_problem and any sanitizer report are bugs.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "cli/inputs.hpp"
#include "common/errors.hpp"
#include "planner/sweep.hpp"
#include "support/plan_checks.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace capplan;
    if (size > 8192) {
        return 0;
    }
    cli::PlanInputs in;
    in.users = "10";
    std::string line;
    for (std::size_t i = 0; i <= size; ++i) {
        if (i == size || data[i] == '\n') {
            if (i < size || !line.empty()) { // a final newline ends the last line
                in.set.push_back(line);
            }
            line.clear();
        } else {
            line += static_cast<char>(data[i]);
        }
    }
    cli::LoadedInputs loaded;
    try {
        loaded = cli::load_inputs(in);
    } catch (const InputError&) {
        return 0;
    } catch (const UsageError&) {
        return 0;
    }
    const planner::Plan plan =
        planner::plan_growth(*loaded.workload, loaded.catalogue, loaded.users, loaded.settings);
    const std::string problem = test::plan_problem(plan);
    if (!problem.empty()) {
        std::fprintf(stderr, "fuzz_set: %s\n", problem.c_str());
        std::abort();
    }
    return 0;
}
