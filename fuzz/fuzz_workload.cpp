// libFuzzer target: a workload file's text through the loader (parse, schema, ranges, growth,
// [models], [[budget]] and their metric names, instance names) and, when it is valid, the
// planner at its first and last user point and every renderer. A diagnostic (InputError) is the
// expected failure; anything else that escapes, a plan that breaks test::plan_problem (a
// non-finite metric, a null without a warning, JSON that does not parse) and any sanitizer
// report are bugs. The Debian toml++ library is not instrumented, so the corpus starts from
// examples/ and fuzz/seeds/workload: inputs that already reach the validator and the planner.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cli/inputs.hpp"
#include "common/errors.hpp"
#include "planner/components.hpp"
#include "planner/sweep.hpp"
#include "report/metrics.hpp"
#include "report/plan_report.hpp"
#include "support/plan_checks.hpp"
#include "workload/catalogue_file.hpp"
#include "workload/workload.hpp"
#include "workload/workload_file.hpp"

namespace {

// Planning is the slow part: bigger inputs are cut rather than planned slowly.
constexpr std::size_t k_max_input = 16384;

void require_clean(const capplan::planner::Plan& plan) {
    const std::string problem = capplan::test::plan_problem(plan);
    if (!problem.empty()) {
        std::fprintf(stderr, "fuzz_workload: %s\n", problem.c_str());
        std::abort();
    }
    (void)capplan::report::render_plan_table(plan, {});
    (void)capplan::report::render_plan_csv(plan, {});
    (void)capplan::report::render_plan_markdown(plan, {});
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace capplan;
    static const workload::Catalogue shipped = workload::load_catalogue(std::nullopt);
    const std::string_view text(reinterpret_cast<const char*>(data), std::min(size, k_max_input));
    workload::Workload w;
    workload::Catalogue catalogue = shipped;
    std::vector<double> users;
    try {
        w = workload::load_workload(text, "fuzz.toml", {});
        workload::merge_catalogue(catalogue, w.models);
        workload::check_instances(w, catalogue);
        cli::check_budget_metrics(w.budgets);
        (void)planner::stage_rules(w);
        users = workload::workload_user_points(w);
    } catch (const InputError&) {
        return 0;
    }
    const planner::PlanSettings settings{planner::Choice::path, &report::step_metrics(), 1};
    require_clean(planner::plan_growth(w, catalogue, {users.front()}, settings));
    if (users.back() != users.front()) {
        require_clean(planner::plan_growth(w, catalogue, {users.back()}, settings));
    }
    return 0;
}
