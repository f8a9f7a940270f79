// The point plan's totals (docs/models.md#cost).

#include <catch2/catch.hpp>

#include "planner/point_plan.hpp"
#include "tiers/traffic.hpp"

using namespace capplan;
using namespace capplan::planner;
using capplan::tiers::TotalMetrics;
using capplan::tiers::TrafficLoad;
using Catch::Matchers::WithinRel;

TEST_CASE("totals add the tiers; per user and per million requests", "[tiers][cost]") {
    const workload::Traffic traffic; // capplan-workload(5) defaults
    const TrafficLoad t = tiers::compute_traffic(traffic, 1e6);
    PointPlan p;
    p.web.monthly_cost = 1000.0;
    p.lb.monthly_cost = 200.0;
    p.db.monthly_cost = 3000.0;
    p.blob.monthly_cost = 2000.0;
    const TotalMetrics m = total_metrics(p, 12, 50.0, t);
    CHECK(m.servers == 12);
    CHECK_THAT(m.monthly_cost, WithinRel(6250.0, 1e-15));
    CHECK_THAT(m.monthly_cost_per_user, WithinRel(6250.0 / 1e6, 1e-15));
    // 60e6 requests/day × 730/24 = 1.825e9 a month → 6,250/1,825 per million.
    CHECK_THAT(m.cost_per_million_requests, WithinRel(6250.0 / 1825.0, 1e-13));
}
