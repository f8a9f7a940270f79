// Generated malformed workloads: seeded mutations of examples/*.toml and the
// built-in default, each loaded through the command's own input path (cli::load_inputs: file
// read, --set, catalogue, instance and budget checks). Every mutant must either fail with
// exactly one diagnostic line located at FILE:LINE:COL (or, for a whole-file problem, at FILE)
// or plan cleanly: every metric finite or null with a warning, JSON that parses, no `nan` or
// `inf` in any format. Kinds of mistake that can never be valid must fail.

#include <catch2/catch.hpp>

#include <fmt/format.h>

#include <cstdint>
#include <map>
#include <optional>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "cli/inputs.hpp"
#include "planner/sweep.hpp"
#include "support/plan_checks.hpp"
#include "support/test_files.hpp"
#include "support/workload_mutations.hpp"
#include "workload/embedded.hpp"

using namespace capplan;

namespace {

// Mutants per source and kind of mistake: 4 sources × 22 kinds × 3 = 264 workloads.
constexpr int k_variants = 3;

// Problems that concern the whole file and so have no line (capplan(1) DIAGNOSTICS:
// `capplan: FILE: error:`).
bool whole_file_problem(const std::string& message) {
    return message.rfind("no users:", 0) == 0;
}

// Whether `diagnostic` is `capplan: FILE:LINE:COL: error: ...` with LINE, COL ≥ 1, or a
// whole-file problem at FILE.
bool located(const std::string& diagnostic, const std::string& file) {
    const std::string prefix = fmt::format("capplan: {}:", file);
    if (diagnostic.rfind(prefix, 0) != 0) {
        return false;
    }
    const std::string rest = diagnostic.substr(prefix.size());
    if (rest.rfind(" error: ", 0) == 0) {
        return whole_file_problem(rest.substr(8));
    }
    unsigned line = 0;
    unsigned column = 0;
    char colon = '\0';
    int consumed = 0;
    // NOLINTNEXTLINE(cert-err34-c): the result is checked
    if (std::sscanf(rest.c_str(), "%u:%u%c%n", &line, &column, &colon, &consumed) != 3) {
        return false;
    }
    return line >= 1 && column >= 1 && colon == ':' &&
           rest.compare(static_cast<std::size_t>(consumed), 8, " error: ") == 0;
}

// Plans the first and last user point of the workload, each on its own (cheap, and a plan of
// one point is what `--users N` gives), and returns the first problem.
std::string plan_problems(const cli::LoadedInputs& in) {
    for (const double users : {in.users.front(), in.users.back()}) {
        const planner::Plan plan = planner::plan_growth(*in.workload, in.catalogue, {users});
        for (const std::string& problem :
             {test::plan_problem(plan), test::text_output_problem(plan)}) {
            if (!problem.empty()) {
                return fmt::format("at {} users: {}", users, problem);
            }
        }
    }
    return {};
}

} // namespace

TEST_CASE("Malformed workloads fail with one located line or plan cleanly",
          "[workload][malformed]") {
    const std::vector<std::pair<std::string, std::string>> sources = {
        {"blog", test::read_source("examples/blog.toml")},
        {"mobile-api", test::read_source("examples/mobile-api.toml")},
        {"photo-sharing", test::read_source("examples/photo-sharing.toml")},
        {"default", std::string(workload::embedded_default_workload())},
    };
    const test::TempDir dir;
    std::mt19937_64 rng(20240606);
    std::map<std::string, std::pair<int, int>> by_kind; // failed, planned
    int failed = 0;
    int planned = 0;
    for (const auto& [source, text] : sources) {
        for (const test::Mutation kind : test::k_all_mutations) {
            for (int variant = 0; variant < k_variants; ++variant) {
                const std::string name =
                    fmt::format("{}-{}-{}.toml", source, test::mutation_name(kind), variant);
                const std::string path = dir.write(name, test::mutate(text, kind, rng));
                cli::PlanInputs inputs;
                inputs.workload = path;
                std::optional<cli::LoadedInputs> loaded;
                const std::string diagnostic =
                    test::diagnostic_of([&] { loaded = cli::load_inputs(inputs); });
                INFO(name << ": " << diagnostic);
                if (!loaded) {
                    CHECK(diagnostic.find('\n') == std::string::npos);
                    CHECK(diagnostic.size() < 1000); // runaway keys and values are shortened
                    CHECK(located(diagnostic, path));
                    ++failed;
                    ++by_kind[test::mutation_name(kind)].first;
                    continue;
                }
                CHECK_FALSE(test::must_fail(kind));
                CHECK(plan_problems(*loaded).empty());
                ++planned;
                ++by_kind[test::mutation_name(kind)].second;
            }
        }
    }
    std::string summary;
    for (const auto& [kind, counts] : by_kind) {
        summary += fmt::format("{}: {} failed, {} planned\n", kind, counts.first, counts.second);
    }
    INFO(summary);
    CHECK(failed + planned >= 200);
    // Both outcomes are exercised: the test reaches the validator and the planner.
    CHECK(failed >= 150);
    CHECK(planned >= 15);
}
