// The point plan's totals (docs/models.md#cost): every cost is a sum of the bill's lines.

#include <catch2/catch.hpp>

#include "planner/point_plan.hpp"
#include "tiers/traffic.hpp"

using namespace capplan;
using namespace capplan::planner;
using capplan::tiers::BillGroup;
using capplan::tiers::BillUnit;
using capplan::tiers::CostKind;
using capplan::tiers::TrafficLoad;
using Catch::Matchers::WithinRel;

TEST_CASE("totals add the bill's lines; per user and per million requests", "[tiers][cost]") {
    const workload::Traffic traffic; // capplan-workload(5) defaults
    const TrafficLoad t = tiers::compute_traffic(traffic, 1e6);
    PointPlan p;
    p.cache.monthly_cost = 99.0; // no line: settled to 0
    const auto line = [&](BillGroup g, CostKind k, double cost) {
        p.bill.add({g, k, BillUnit::instance_hours, 1.0, cost, cost});
    };
    line(BillGroup::web, CostKind::instance, 1000.0);
    line(BillGroup::lb, CostKind::instance, 200.0);
    line(BillGroup::db, CostKind::instance, 2500.0);
    line(BillGroup::db, CostKind::storage, 500.0);
    line(BillGroup::blob, CostKind::storage, 2000.0);
    line(BillGroup::network, CostKind::egress, 40.0);
    line(BillGroup::network, CostKind::transfer, 10.0);
    settle_costs(p, 12, t);
    CHECK(p.web.monthly_cost == 1000.0);
    CHECK(p.lb.monthly_cost == 200.0);
    CHECK(p.db.monthly_cost == 3000.0);
    CHECK(p.blob.monthly_cost == 2000.0);
    CHECK(p.cache.monthly_cost == 0.0);
    CHECK(p.total.servers == 12);
    // 1000 + 200 + 3000 + 2000 and the 50 of egress and transfer, which have no group metric.
    CHECK_THAT(p.total.monthly_cost, WithinRel(6250.0, 1e-15));
    CHECK_THAT(p.total.monthly_cost_per_user, WithinRel(6250.0 / 1e6, 1e-15));
    // 60e6 requests/day × 730/24 = 1.825e9 a month → 6,250/1,825 per million.
    CHECK_THAT(p.total.cost_per_million_requests, WithinRel(6250.0 / 1825.0, 1e-13));
}

TEST_CASE("the total adds the groups in the bill's order, whatever the lines' order",
          "[tiers][cost]") {
    // 1e16 + 1 + 1 − 1e16 is 0 or 2 depending on the order of addition: the groups are summed
    // first (web: 1 + 1 = 2), then added in BillGroup order (lb, web, db): 1e16 + 2 − 1e16 = 2.
    tiers::Bill bill;
    bill.add({BillGroup::web, CostKind::instance, BillUnit::instance_hours, 1.0, 1.0, 1.0});
    bill.add({BillGroup::db, CostKind::instance, BillUnit::instance_hours, 1.0, -1e16, -1e16});
    bill.add({BillGroup::web, CostKind::instance, BillUnit::instance_hours, 1.0, 1.0, 1.0});
    bill.add({BillGroup::lb, CostKind::instance, BillUnit::instance_hours, 1.0, 1e16, 1e16});
    CHECK(bill.group_cost(BillGroup::web) == 2.0);
    CHECK(bill.total() == 2.0);
    CHECK(bill.kind_cost(CostKind::instance) == 0.0); // in the lines' order: 1 − 1e16 + 1 + 1e16
    CHECK(bill.lines().size() == 4);
}

TEST_CASE("a bill holds a fixed number of lines", "[tiers][cost]") {
    tiers::Bill bill;
    for (std::size_t i = 0; i < tiers::Bill::k_capacity; ++i) {
        bill.add({BillGroup::web, CostKind::instance, BillUnit::instance_hours, 1.0, 1.0, 1.0});
    }
    CHECK_THROWS_AS(bill.add({}), std::logic_error);
    // A tiered line's unit price is its mean; 0 with no quantity.
    tiers::Bill tiered;
    CHECK(tiered.add_tiered(BillGroup::cdn, CostKind::egress, BillUnit::gb, 200.0, 17.0) == 17.0);
    CHECK(tiered.add_tiered(BillGroup::cdn, CostKind::egress, BillUnit::gb, 0.0, 0.0) == 0.0);
    CHECK(tiered.lines()[0].unit_price == 17.0 / 200.0);
    CHECK(tiered.lines()[1].unit_price == 0.0);
}
