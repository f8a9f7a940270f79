// Load balancer and one-centre failover (docs/models.md#load-balancer, docs/models.md#failover).

#include <catch2/catch.hpp>

#include "support/spec_catalogue.hpp"
#include "tiers/failover.hpp"
#include "tiers/lb.hpp"

using namespace capplan;
using namespace capplan::tiers;
using Catch::Matchers::WithinRel;

TEST_CASE("load balancer at 1M users with the defaults", "[tiers][lb]") {
    // c7i.large: 2 vCPUs · 5,000/s = 10,000/s per proxy. Dynamic 2,083.33/s + static 5,208.33/s
    // = 7,291.67/s; at 70 %: 7,291.67/7,000 = 1.042 → 2 needed; planned max(2, 2 + 1) = 3;
    // utilization 7,291.67/30,000 = 24.3 %.
    const auto cat = test::spec_catalogue();
    const double rps = 2083.3333333333333 + 5208.333333333333;
    const LbSizing s =
        size_lb(cat.instances.at("c7i.large"), 5000.0, rps, 0.7, FailoverRule{1, 0, 1});
    CHECK(s.needed == 2);
    CHECK(s.planned == 3);
    CHECK_THAT(s.utilization, WithinRel(rps / 30000.0, 1e-15));
    // Exactly at the limit stays put: 7,000/s at 70 % is one proxy, planned 2.
    CHECK(
        size_lb(cat.instances.at("c7i.large"), 5000.0, 7000.0, 0.7, FailoverRule{1, 0, 1}).needed ==
        1);
    CHECK(size_lb(cat.instances.at("c7i.large"), 5000.0, 0.0, 0.7, FailoverRule{1, 0, 0}).planned ==
          2);
}

TEST_CASE("one centre plans max(2, N + spares); headroom sums over the tiers",
          "[tiers][failover]") {
    CHECK(planned_in_one_centre(1, 0) == 2);
    CHECK(planned_in_one_centre(1, 1) == 2);
    CHECK(planned_in_one_centre(5, 1) == 6);
    CHECK(planned_in_one_centre(5, 3) == 8);
    // web 6 needed → 7, lb 2 → 3: headroom 10/8 = 1.25, 2 extra servers.
    const FailoverMetrics f = stateless_failover(
        {StatelessTier{6, 7, 600.0, 700.0}, StatelessTier{2, 3, 130.0, 195.0}}, FailoverRule{});
    CHECK(f.datacenters == 1);
    CHECK(f.survive == 0);
    CHECK_THAT(f.headroom_ratio, WithinRel(1.25, 1e-15));
    CHECK(f.extra_servers == 2);
    CHECK_THAT(f.extra_monthly_cost, WithinRel(165.0, 1e-15));
    CHECK(stateless_failover({}, FailoverRule{}).headroom_ratio == 1.0);
}

TEST_CASE("several centres: the spreading formula for pools, two proxies per centre",
          "[tiers][failover][lb]") {
    // Azure zone over-provisioning guide (3 centres surviving 1: n = 3 → 5, n = 4 → 6; 4 surviving
    // 2: 1 → 3); spares are a one-centre rule and do not apply.
    CHECK(FailoverRule{3, 1, 1}.planned(3) == 5);
    CHECK(FailoverRule{3, 1, 1}.planned(4) == 6);
    CHECK(FailoverRule{4, 2, 1}.planned(1) == 3);
    // Proxies (docs/models.md#load-balancer): per centre max(2, ⌈n/(D − k)⌉). 7,291.67/s needs 2
    // proxies (see above): 3 centres surviving 1 → per centre max(2, 1) = 2 → 6. 50,000/s needs
    // ⌈50,000/7,000⌉ = 8: per centre ⌈8/2⌉ = 4 → 12, each at 50,000/120,000.
    const auto cat = test::spec_catalogue();
    const auto& proxy = cat.instances.at("c7i.large");
    CHECK(size_lb(proxy, 5000.0, 7291.67, 0.7, FailoverRule{3, 1, 1}).planned == 6);
    const LbSizing big = size_lb(proxy, 5000.0, 50000.0, 0.7, FailoverRule{3, 1, 1});
    CHECK(big.needed == 8);
    CHECK(big.planned == 12);
    CHECK_THAT(big.utilization, WithinRel(50000.0 / 120000.0, 1e-15));
}
