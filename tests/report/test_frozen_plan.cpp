// The frozen plan of the format goldens (tests/support/frozen_plan.hpp) covers what the
// renderers print: a metric that read the same on every point would hide a renderer that
// prints the wrong field.

#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "report/metrics.hpp"
#include "report/value.hpp"
#include "support/frozen_plan.hpp"

using namespace capplan;

TEST_CASE("the frozen plan gives every metric at least two values", "[frozen]") {
    const planner::Plan plan = test::frozen_plan();
    for (const report::MetricDef& m : report::metric_registry()) {
        std::set<std::string> seen;
        for (const auto& p : plan.points) {
            seen.insert(report::machine_text(m.read(p), "null"));
        }
        INFO(m.path);
        CHECK(seen.size() >= 2);
    }
}

TEST_CASE("the frozen plan holds every kind of stage change and breakpoint", "[frozen]") {
    const planner::Plan plan = test::frozen_plan();
    std::set<std::string> changes;
    for (const auto& c : plan.stage_changes) {
        changes.insert(c.change);
        CHECK(c.until_users.has_value() == (c.change == "transient"));
    }
    CHECK(changes == std::set<std::string>{"added", "dropped", "transient"});
    bool text_step = false;
    for (const auto& b : plan.breakpoints) {
        text_step = text_step || std::holds_alternative<std::string>(b.to);
        CHECK(b.below_users < b.at_users);
    }
    CHECK(text_step);
    CHECK_FALSE(plan.points.back().feasible);
    CHECK_FALSE(plan.warnings.empty());
    CHECK(test::frozen_point_plan().points.size() == 1);
}
