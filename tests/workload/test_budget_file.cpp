// Budget files (`check --budget FILE`, capplan-workload(5) BUDGETS; workload_file.hpp
// load_budget_file): every class of bad input fails with one located line (capplan(1) DIAGNOSTICS),
// the guards of the workload file apply, and the limits that load are finite.

#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

#include "support/test_files.hpp"
#include "workload/workload_file.hpp"

using capplan::test::diagnostic_of;
using capplan::workload::load_budget_file;

namespace {

std::string diagnostic(const std::string& text) {
    return diagnostic_of([&] { (void)load_budget_file(text, "b.toml"); });
}

// A budget file with one [[budget]] of metric total.monthly_cost and `rest` after it.
std::string budget(const std::string& rest) {
    return "[[budget]]\nmetric = \"total.monthly_cost\"\n" + rest;
}

} // namespace

TEST_CASE("Bad budget files fail with one located line", "[workload][budget]") {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"", "capplan: b.toml: error: a budget file needs at least one [[budget]]"},
        {"# nothing\n", "capplan: b.toml: error: a budget file needs at least one [[budget]]"},
        {"\x89PNG\r\n\x1a\n",
         "capplan: b.toml:1:1: error: invalid TOML: Encountered invalid utf-8 sequence"},
        {"users = 10\n", "capplan: b.toml:1:1: error: unknown key 'users' in a budget file"},
        {"budget = 5\n", "capplan: b.toml:1:10: error: 'budget' must be an array of tables "
                         "([[budget]]), not an integer"},
        {"budget = [1]\n", "capplan: b.toml:1:11: error: budget 1 must be a table, not an "
                           "integer"},
        {"[[budget]]\nmax = 5\n", "capplan: b.toml:1:1: error: budget 1 needs 'metric' (e.g. "
                                  "metric = \"total.monthly_cost\")"},
        {budget(""), "capplan: b.toml:1:1: error: budget 1 needs a limit: max, min, "
                     "max_increase or max_increase_pct"},
        {"[[budget]]\nmetric = \"\"\nmax = 1\n",
         "capplan: b.toml:2:10: error: budget 1 metric must not be empty"},
        {"[[budget]]\nmetric = 5\nmax = 1\n",
         "capplan: b.toml:2:10: error: budget 1 metric must be a string, not an integer"},
        {budget("max = nan\n"), "capplan: b.toml:3:7: error: budget 1 max must be a finite "
                                "number, not nan"},
        {budget("min = -inf\n"), "capplan: b.toml:3:7: error: budget 1 min must be a finite "
                                 "number, not inf"},
        {budget("max = 1979-05-27\n"), "capplan: b.toml:3:7: error: budget 1 max must be a "
                                       "number or a unit string such as \"512GiB\", not a date"},
        {budget("max = \"\"\n"), "capplan: b.toml:3:7: error: budget 1 max: '' is not a number "
                                 "or a size, duration, rate, percentage or count (e.g. "
                                 "\"512GiB\", \"150ms\", \"900/s\", \"90%\", \"250k\")"},
        {budget("max = \"64G\"\n"), "capplan: b.toml:3:7: error: budget 1 max: '64G' is not a "
                                    "number or a size, duration, rate, percentage or count "
                                    "(e.g. \"512GiB\", \"150ms\", \"900/s\", \"90%\", "
                                    "\"250k\")"},
        {budget("max = \"x%\"\n"), "capplan: b.toml:3:7: error: budget 1 max: invalid ratio "
                                   "'x%': expected a fraction such as 0.3 or a percentage such "
                                   "as 30%"},
        {budget("max_increase_pct = nan\n"), "capplan: b.toml:3:20: error: budget 1 "
                                             "max_increase_pct must be a finite number, not nan"},
        {budget("max = 1\nat_users = 0\n"),
         "capplan: b.toml:4:12: error: budget 1 at_users must be between 1 and 10^12"},
        {budget("max = 1\nat_users = 1e13\n"),
         "capplan: b.toml:4:12: error: budget 1 at_users must be between 1 and 10^12"},
        {budget("max = 1\nat_users = \"lots\"\n"),
         "capplan: b.toml:4:12: error: budget 1 at_users: invalid user count 'lots': expected "
         "e.g. 250000, 250k, 1.5M or 1e6"},
        {budget("max = 1\nlevel = true\n"),
         "capplan: b.toml:4:9: error: budget 1 level must be a string, not a boolean"},
        {budget("max = 1\nmax = 2\n"), "capplan: b.toml:4:7: error: invalid TOML: Error while "
                                       "parsing key-value pair: cannot redefine existing "
                                       "integer 'max'"},
        {budget("max = 1\nx = " + std::string(300, '[') + std::string(300, ']') + "\n"),
         "capplan: b.toml:4:261: error: invalid TOML: Error while parsing value: exceeded "
         "maximum nested value depth of 256 (TOML_MAX_NESTED_VALUES)"},
        {std::string(2u << 20, '#'),
         "capplan: b.toml: error: file is larger than 1 MiB, the limit for capplan's input "
         "files"},
    };
    for (const auto& [text, expected] : cases) {
        INFO(text.substr(0, 80));
        CHECK(diagnostic(text) == expected);
    }
}

TEST_CASE("Budget file limits load finite, in base units", "[workload][budget]") {
    const auto budgets = load_budget_file(budget("max = \"512GiB\"\nmin = \"1GB\"\n"
                                                 "at_users = \"250k\"\n") +
                                              budget("max = 1e300\n"),
                                          "b.toml");
    REQUIRE(budgets.size() == 2);
    CHECK(budgets[0].max->value == 512.0 * (1u << 30));
    CHECK(budgets[0].min->value == 1e9);
    CHECK(budgets[0].at_users == 250e3);
    CHECK(budgets[0].pos.line == 1);
    CHECK(budgets[1].max->value == 1e300); // huge but finite: a budget that never breaks
    CHECK(budgets[1].pos.line == 6);
}
