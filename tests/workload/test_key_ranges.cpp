// Every numeric key of the workload (workload_schema.hpp) at and beyond the edges of its range,
// through `--set` on the built-in default: each edge value loads and plans
// cleanly (finite metrics or null with a warning, JSON that parses, no nan/inf), and every value
// outside the range, nan, inf, 1e300, a wrong type and an empty string fail with exactly one
// `capplan: --set: error: KEY...` line. A table of ~90 keys × 8 cases, not ~700 golden files.

#include <catch2/catch.hpp>

#include <fmt/format.h>

#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "cli/inputs.hpp"
#include "planner/sweep.hpp"
#include "support/plan_checks.hpp"
#include "support/schema_values.hpp"
#include "support/test_files.hpp"
#include "workload/workload_schema.hpp"

using namespace capplan;
using test::companions;
using test::numeric;
using test::value_text;
using workload::KeySpec;
using workload::ValueKind;

namespace {

// The valid edges of a key's range: an open end is approached by a relative step of 1e-9
// (from 0: by 1e-9 of the unit).
std::vector<double> valid_edges(const KeySpec& spec) {
    const workload::Bounds& b = spec.bounds;
    const double lo = b.lo_open ? (b.lo == 0.0 ? 1e-9 : b.lo * (1.0 + 1e-9)) : b.lo;
    const double hi = b.hi_open ? b.hi * (1.0 - 1e-9) : b.hi;
    return {lo, hi};
}

// Values just outside the range: the open end itself, or a step of 1 (integers) or of 1 % of
// the range's scale beyond a closed end.
std::vector<double> invalid_edges(const KeySpec& spec) {
    const workload::Bounds& b = spec.bounds;
    const bool integer =
        spec.kind == ValueKind::integer || spec.kind == ValueKind::integer_or_unlimited;
    const auto step = [&](double end) {
        return integer ? 1.0 : std::max(1.0, std::abs(end)) * 0.01;
    };
    return {b.hi_open ? b.hi : b.hi + step(b.hi), b.lo_open ? b.lo : b.lo - step(b.lo)};
}

std::optional<cli::LoadedInputs> load(const std::vector<std::string>& sets, const char* users,
                                      std::string& diagnostic) {
    cli::PlanInputs in;
    in.set = sets;
    in.users = users;
    std::optional<cli::LoadedInputs> out;
    diagnostic = test::diagnostic_of([&] { out = cli::load_inputs(in); });
    return out;
}

} // namespace

TEST_CASE("Each numeric key plans cleanly at both edges of its range", "[workload][ranges]") {
    // Every valid edge of every numeric key is expected to load and plan cleanly; only those
    // that do are counted, and the two counts must be equal.
    int expected = 0;
    int planned = 0;
    for (const KeySpec& spec : workload::workload_keys()) {
        if (!numeric(spec.kind)) {
            continue;
        }
        const std::string path = spec.path();
        const std::vector<double> edges = valid_edges(spec);
        // The low edge at a small size, the high edge at a large one.
        const char* users[] = {"10", "1M"};
        for (std::size_t i = 0; i < edges.size(); ++i) {
            std::vector<std::string> sets = companions(path, edges[i]);
            sets.push_back(fmt::format("{}={}", path, value_text(spec, edges[i])));
            ++expected;
            std::string diagnostic;
            const auto in = load(sets, users[i], diagnostic);
            INFO(sets.back() << " at " << users[i] << " users: " << diagnostic);
            CHECK(in.has_value());
            if (!in) {
                continue;
            }
            const planner::Plan plan =
                planner::plan_growth(*in->workload, in->catalogue, in->users);
            const std::string problem = test::plan_problem(plan);
            const std::string text_problem = test::text_output_problem(plan);
            CHECK(problem.empty());
            CHECK(text_problem.empty());
            if (problem.empty() && text_problem.empty()) {
                ++planned;
            }
        }
    }
    REQUIRE(expected > 0);
    CHECK(planned == expected);
}

TEST_CASE("Each numeric key refuses values outside its range, non-finite and mistyped values",
          "[workload][ranges]") {
    int refused = 0;
    for (const KeySpec& spec : workload::workload_keys()) {
        if (!numeric(spec.kind)) {
            continue;
        }
        const std::string path = spec.path();
        std::vector<std::string> values;
        for (const double x : invalid_edges(spec)) {
            values.push_back(value_text(spec, x));
        }
        values.insert(values.end(), {"nan", "-inf", "1e300", "\"\"", "[1, 2]", "1979-05-27"});
        if (spec.kind != ValueKind::ratio_or_auto) {
            values.emplace_back("true");
        }
        for (const std::string& value : values) {
            const std::string set = fmt::format("{}={}", path, value);
            std::string diagnostic;
            const auto in = load({set}, "10", diagnostic);
            INFO(set << ": " << diagnostic);
            CHECK_FALSE(in.has_value());
            CHECK(diagnostic.rfind("capplan: --set: error: " + path, 0) == 0);
            CHECK(diagnostic.find('\n') == std::string::npos);
            ++refused;
        }
    }
    CHECK(refused >= 600);
}
