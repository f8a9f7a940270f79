// Budgets against the metric registry (report/budget_check.hpp, capplan(1) BUDGETS): a typo, a
// non-numeric metric or a unit of the wrong kind is an error at the budget's line.

#include <catch2/catch.hpp>

#include <string>

#include "common/errors.hpp"
#include "report/budget_check.hpp"
#include "workload/workload_file.hpp"

using namespace capplan;
using namespace capplan::report;

namespace {

workload::Budget one_budget(const std::string& body) {
    const auto budgets = workload::load_budget_file("[[budget]]\n" + body, "b.toml");
    REQUIRE(budgets.size() == 1);
    return budgets.front();
}

// The diagnostic validate_budget throws, or "ok".
std::string problem(const std::string& body) {
    try {
        validate_budget(one_budget(body));
    } catch (const InputError& e) {
        return render_diagnostic(e);
    }
    return "ok";
}

double limit(const std::string& body) {
    const workload::Budget b = one_budget(body);
    return limit_in_metric_unit(b, *b.max, budget_metric(b), "max");
}

} // namespace

TEST_CASE("A budget's metric must be a known numeric or boolean metric", "[budget]") {
    CHECK(problem("metric = \"total.monthly_cost\"\nmax = 1\n") == "ok");
    CHECK(problem("metric = \"total.monthly_cots\"\nmax = 1\n") ==
          "capplan: b.toml:2:10: error: unknown metric 'total.monthly_cots' in a budget; did you "
          "mean 'total.monthly_cost'?");
    CHECK(problem("metric = \"zzz\"\nmax = 1\n") ==
          "capplan: b.toml:2:10: error: unknown metric 'zzz' in a budget (see capplan plan "
          "--help for the list)");
    CHECK(problem("metric = \"web.bound_by\"\nmax = 1\n") ==
          "capplan: b.toml:2:10: error: budget metric 'web.bound_by' is not numeric (budgets "
          "take numbers and booleans, as 1 and 0)");
    // A boolean reads as 1 or 0: `min = 1` asks for true.
    CHECK(problem("metric = \"availability.meets_target\"\nmin = 1\n") == "ok");
    CHECK(problem("metric = \"feasible\"\nmin = 1\n") == "ok");
}

TEST_CASE("Unit strings must match the metric's unit", "[budget]") {
    CHECK(limit("metric = \"cache.memory_bytes\"\nmax = \"512GiB\"\n") == 512.0 * (1ULL << 30));
    CHECK(limit("metric = \"web.latency_p99_s\"\nmax = \"150ms\"\n") == 0.15);
    CHECK(limit("metric = \"traffic.peak_rps\"\nmax = \"54k/min\"\n") == 900.0);
    // A rate on a per-day metric is converted to the metric's period.
    CHECK_THAT(limit("metric = \"traffic.page_views_per_day\"\nmax = \"2M/day\"\n"),
               Catch::Matchers::WithinRel(2e6, 1e-12));
    CHECK(limit("metric = \"total.monthly_cost\"\nmax = \"25k\"\n") == 25000.0);
    CHECK(limit("metric = \"total.monthly_cost\"\nmax = 25000\n") == 25000.0);
    CHECK(problem("id = \"p99\"\nmetric = \"web.latency_p99_s\"\nmax = \"512GiB\"\n") ==
          "capplan: b.toml:4:7: error: budget 'p99' max is a size, but web.latency_p99_s is in "
          "seconds (or a duration such as \"150ms\")");
    CHECK(problem("metric = \"total.monthly_cost\"\nmin = \"5ms\"\n") ==
          "capplan: b.toml:3:7: error: budget 'total.monthly_cost' min is a duration, but "
          "total.monthly_cost is in currency per month (a number)");
    CHECK(problem("metric = \"cache.memory_bytes\"\nmax_increase = \"10/s\"\n") ==
          "capplan: b.toml:3:16: error: budget 'cache.memory_bytes' max_increase is a rate, but "
          "cache.memory_bytes is in bytes (or a size such as \"512GiB\")");
    // min ≤ max is compared after conversion: 1500/s is above 2M/day (23.1/s).
    CHECK(problem("metric = \"traffic.peak_rps\"\nmax = \"2M/day\"\nmin = \"1.5k\"\n") ==
          "capplan: b.toml:4:7: error: budget 'traffic.peak_rps' min is above its max");
}

TEST_CASE("Shares take percentages, as they do everywhere else", "[budget]") {
    // The bound: `max = "90%"` on a utilization was refused as not a number or a size.
    CHECK(limit("metric = \"web.utilization\"\nmax = \"90%\"\n") == 0.9);
    CHECK(limit("metric = \"web.utilization\"\nmax = 0.9\n") == 0.9);
    CHECK(limit("metric = \"availability.total\"\nmax = \"99.99%\"\n") == 0.9999);
    CHECK(limit("metric = \"db.reshard_moved_fraction\"\nmax = \"20%\"\n") == 0.2);
    // A percentage on a metric that is no share names the unit it expects.
    CHECK(problem("metric = \"total.monthly_cost\"\nmax = \"90%\"\n") ==
          "capplan: b.toml:3:7: error: budget 'total.monthly_cost' max is a percentage, but "
          "total.monthly_cost is in currency per month (a number)");
    CHECK(problem("metric = \"sessions.stored\"\nmax = \"90%\"\n") ==
          "capplan: b.toml:3:7: error: budget 'sessions.stored' max is a percentage, but "
          "sessions.stored is in a plain number");
    // A wrong kind on a share names the share's units.
    CHECK(problem("metric = \"web.utilization\"\nmax = \"5ms\"\n") ==
          "capplan: b.toml:3:7: error: budget 'web.utilization' max is a duration, but "
          "web.utilization is in a share (a fraction such as 0.9, or a percentage such as "
          "\"90%\")");
    // A percentage outside 0..100 % is refused where it is written.
    try {
        (void)one_budget("metric = \"web.utilization\"\nmax = \"150%\"\n");
        FAIL("no error");
    } catch (const InputError& e) {
        CHECK(render_diagnostic(e) == "capplan: b.toml:3:7: error: budget 1 max: ratio '150%' is "
                                      "outside 0..1 (0%..100%)");
    }
}

TEST_CASE("Increase limits need a baseline", "[budget]") {
    const workload::Budget plain = one_budget("metric = \"total.servers\"\nmax = 3\n");
    CHECK_NOTHROW(require_no_increase_limits(plain));
    const workload::Budget pct =
        one_budget("id = \"growth\"\nmetric = \"total.servers\"\nmax_increase_pct = 5\n");
    try {
        require_no_increase_limits(pct);
        FAIL("no error");
    } catch (const InputError& e) {
        CHECK(render_diagnostic(e) ==
              "capplan: b.toml:4:20: error: budget 'growth' max_increase_pct needs a baseline: "
              "pass --compare-to BASE.json (a saved `capplan plan -f json`)");
    }
    const workload::Budget abs = one_budget("metric = \"total.servers\"\nmax_increase = 1\n");
    CHECK_THROWS_AS(require_no_increase_limits(abs), InputError);
}
