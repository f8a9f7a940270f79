// libFuzzer target: a budget file (`check --budget FILE`, capplan(1) BUDGETS) through
// load_budget_file and the metric check. A diagnostic (InputError) is the expected failure;
// anything else that escapes, a budget that breaks the reader's contract (no limit, a non-finite
// limit, min above max, at_users outside 1..10^12, no metric) and any sanitizer report are bugs.

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string_view>
#include <vector>

#include "cli/inputs.hpp"
#include "common/errors.hpp"
#include "workload/workload_file.hpp"

namespace {

void require(bool ok, const char* what) {
    if (!ok) {
        std::fprintf(stderr, "fuzz_budget: %s\n", what);
        std::abort();
    }
}

bool finite_or_absent(const std::optional<capplan::workload::BudgetLimit>& x) {
    return !x || std::isfinite(x->value);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace capplan;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    std::vector<workload::Budget> budgets;
    try {
        budgets = workload::load_budget_file(text, "budget.toml");
        cli::check_budget_metrics(budgets);
    } catch (const InputError&) {
        return 0;
    }
    require(!budgets.empty(), "a budget file without budgets loaded");
    for (const workload::Budget& b : budgets) {
        require(!b.metric.empty() && !b.id.empty(), "a budget without a metric or id");
        require(b.max || b.min || b.max_increase || b.max_increase_pct, "a budget without a limit");
        require(finite_or_absent(b.max) && finite_or_absent(b.min) &&
                    finite_or_absent(b.max_increase) && finite_or_absent(b.max_increase_pct),
                "a non-finite limit");
        require(!(b.max && b.min) || b.min->value <= b.max->value, "min above max");
        require(!b.at_users || (*b.at_users >= 1.0 && *b.at_users <= 1e12),
                "at_users outside 1..10^12");
        require(b.pos.line >= 1, "a budget without a line");
    }
    return 0;
}
