// Availability with one data centre (docs/models.md#availability).

#include <catch2/catch.hpp>

#include "tiers/availability.hpp"
#include "workload/workload.hpp"

using namespace capplan;
using namespace capplan::tiers;
using Catch::Matchers::WithinRel;

TEST_CASE("single server: one machine and the site", "[tiers][availability]") {
    // a = 4000/(4000 + 1) per server; a_dc = 8760/(8760 + 4); total = a·a_dc.
    const workload::Workload w;
    AvailabilityInputs in;
    in.single_server = true;
    const auto a = compute_availability(w, in, 1.0);
    CHECK_THAT(a.web, WithinRel(4000.0 / 4001.0, 1e-14));
    CHECK_THAT(a.db, WithinRel(4000.0 / 4001.0, 1e-14));
    CHECK_THAT(a.sites, WithinRel(8760.0 / 8764.0, 1e-14));
    CHECK_THAT(a.total, WithinRel(4000.0 / 4001.0 * 8760.0 / 8764.0, 1e-14));
    CHECK(a.target == 0.99);
    CHECK(a.meets_target);
    CHECK_THAT(a.downtime_s_per_month, WithinRel((1.0 - a.total) * 730.0 * 3600.0, 1e-9));
    // At 300k users the target is 99.99 %, above what one centre (99.954 %) can give.
    CHECK_FALSE(compute_availability(w, in, 300e3).meets_target);
}

TEST_CASE("a standby turns a shard's repair time into its failover gap", "[tiers][availability]") {
    // Without standby: 1/4001. With one (2 crews ≥ 2 servers: independent repair):
    // (1/4001)² + 60 s/(4000 h · 3600) = 6.25e-8 + 4.1667e-6.
    const workload::Workload w;
    CHECK_THAT(shard_unavailability(w.failover, 60.0, 0), WithinRel(1.0 / 4001.0, 1e-13));
    CHECK_THAT(shard_unavailability(w.failover, 60.0, 1),
               WithinRel(1.0 / (4001.0 * 4001.0) + 60.0 / (4000.0 * 3600.0), 1e-12));
    // Shards in series: two shards without standby are down 1 − (4000/4001)².
    AvailabilityInputs in;
    in.web_planned = 3;
    in.web_needed = 2;
    in.lb_planned = 2;
    in.lb_needed = 1;
    in.db.shards = 2;
    const auto a = compute_availability(w, in, 1.0);
    CHECK_THAT(1.0 - a.db, WithinRel(1.0 - (4000.0 / 4001.0) * (4000.0 / 4001.0), 1e-10));
    CHECK(a.web > 0.99999);
}
