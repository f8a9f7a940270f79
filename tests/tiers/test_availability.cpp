// Availability with one data centre (docs/models.md#availability).

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>

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
    // Shards in series (every request needs both: db.shards_per_request = 0): two shards
    // without standby are down 1 − (4000/4001)².
    workload::Workload series = w;
    series.db.shards_per_request = 0;
    AvailabilityInputs in;
    in.web = {3, 2, 1.0};
    in.lb = {2, 1, 0.5};
    in.db.shards = 2;
    const auto a = compute_availability(series, in, 1.0);
    CHECK_THAT(1.0 - a.db, WithinRel(1.0 - (4000.0 / 4001.0) * (4000.0 / 4001.0), 1e-10));
    CHECK(a.web > 0.99999);
}

namespace {

// A pool tier far from its limit (30 web servers of which 20 must be up, 4 proxies of 2) and
// two centres of which one may fail, so that the database's term decides.
AvailabilityInputs two_centres(std::int64_t shards, std::int64_t replicas) {
    AvailabilityInputs in;
    in.web = {30, 20, 14.0};
    in.lb = {4, 2, 1.0};
    in.db.shards = shards;
    in.db.replicas_per_shard = replicas;
    in.datacenters = 2;
    in.survive = 1;
    return in;
}

} // namespace

TEST_CASE("each shard is a blast radius: 30 shards meet 99.99 %", "[tiers][availability]") {
    // Hand derivation (docs/models.md#availability), capplan-workload(5) defaults but the keys
    // named: one replica per shard, MTBF 4000 h, MTTR 1 h, 2 crews, failover 60 s. One shard:
    // u = (1/4001)² + 60/(4000·3600) = 6.247e-8 + 4.1667e-6 = 4.2291e-6. In series, 30 shards
    // are down 1 − (1 − u)^30 = 1.2687e-4, above the 1e-4 that 99.99 % allows; each shard a
    // blast radius (db.shards_per_request = 1), the users of one shard lose 1/30 of the
    // requests for its outages: Σ (1/30)·u = u = 4.23e-6, and the total (sites (4/8764)² =
    // 2.08e-7, web and proxies ~1e-30) meets 99.99 %.
    workload::Workload w;
    w.slo.availability = workload::Stepped<double>(0.9999);
    w.db.reads_during_failover = false; // every request loses the gap
    const double u = 1.0 / (4001.0 * 4001.0) + 60.0 / (4000.0 * 3600.0);
    w.db.shards_per_request = 0; // every shard: the series rule
    const auto series = compute_availability(w, two_centres(30, 1), 1e6);
    CHECK_THAT(1.0 - series.db, WithinRel(1.0 - std::pow(1.0 - u, 30.0), 1e-9));
    CHECK_FALSE(series.meets_target);
    w.db.shards_per_request = 1;
    const auto blast = compute_availability(w, two_centres(30, 1), 1e6);
    CHECK_THAT(1.0 - blast.db, WithinRel(u, 1e-9));
    CHECK(blast.meets_target);
    CHECK_THAT(1.0 - blast.total, WithinRel(u + (4.0 / 8764.0) * (4.0 / 8764.0), 1e-3));
    CHECK(blast.worst_shard == blast.total); // every shard keeps the same copies
}

TEST_CASE("a fan-out request fails when any of its shards is down", "[tiers][availability]") {
    // db.shards_per_request = k over S = 10 shards of one replica: 1 − (1 − u)^k, u as above;
    // k above S needs every shard (S).
    workload::Workload w;
    w.db.reads_during_failover = false; // every request loses the gap
    const double u = 1.0 / (4001.0 * 4001.0) + 60.0 / (4000.0 * 3600.0);
    for (const std::int64_t k : {1, 3, 10, 50}) {
        w.db.shards_per_request = k;
        const double kk = static_cast<double>(std::min<std::int64_t>(k, 10));
        CHECK_THAT(database_unavailability(w, {10, 1}),
                   WithinRel(1.0 - std::pow(1.0 - u, kk), 1e-9));
    }
    // Reads go on on the replicas through a failover (db.reads_during_failover): a request that
    // only reads fails while both copies of one of its 3 shards are down, 1 − (1 − a²)^3 with
    // a² = (1/4001)²; the traffic.write_fraction = 5 % that write also lose the gap.
    w.db.shards_per_request = 3;
    w.db.reads_during_failover = true;
    const double both = 1.0 / (4001.0 * 4001.0);
    const double expected =
        0.95 * (1.0 - std::pow(1.0 - both, 3.0)) + 0.05 * (1.0 - std::pow(1.0 - u, 3.0));
    CHECK_THAT(database_unavailability(w, {10, 1}), WithinRel(expected, 1e-9));
    // Without a replica there is no failover: the lone primary's repair, reads or writes.
    CHECK_THAT(database_unavailability(w, {10, 0}),
               WithinRel(1.0 - std::pow(4000.0 / 4001.0, 3.0), 1e-9));
}

TEST_CASE("more shards never lower the database's term when each is a blast radius",
          "[tiers][availability]") {
    // Metamorphic, at the tier level: with db.shards_per_request = 1 and the same replicas per
    // shard, S + 1 shards are never less available than S; with S = 1 every rule is the
    // one-shard formula (shard_unavailability).
    for (const bool reads : {false, true}) {
        workload::Workload w;
        w.db.shards_per_request = 1;
        w.db.reads_during_failover = reads;
        for (const std::int64_t replicas : {0, 1, 2}) {
            double previous = 1.0;
            for (std::int64_t s = 1; s <= 4096; s *= 2) {
                const double down = database_unavailability(w, {s, replicas});
                CHECK(down <= previous);
                previous = down;
            }
            w.db.shards_per_request = 0;
            w.db.reads_during_failover = false;
            CHECK(database_unavailability(w, {1, replicas}) ==
                  shard_unavailability(w.failover, w.db.failover_time_s, replicas));
            w.db.shards_per_request = 1;
            w.db.reads_during_failover = reads;
        }
    }
}

TEST_CASE("a pool is up while the servers up carry its load (failover.pool_up = load)",
          "[tiers][availability]") {
    // Hand derivation (docs/models.md#availability). Keys set: failover.pool_up, and
    // failover.repair_crews = 10^6 (repairs not limited by crews). 100,000 web servers at 70 %
    // carry 70,000 servers' worth: 70,001 must be up. Failures are about Binomial(10^5, 1/4001),
    // mean 25: 30,000 down at once has probability far below 1e-300, so the pool's
    // unavailability is 0 to the last digit. Under "needed" (100,000 planned, 99,999 needed
    // with one spare) two failures take it down: P(at least 2 down) = 1 − P(0) − P(1) ≈ 1 for a
    // mean of 25 (e^-25·(1 + 25) = 3.6e-10 up).
    workload::Workload w;
    w.failover.repair_crews = 1'000'000;
    AvailabilityInputs in;
    in.web = {100'000, 99'999, 70'000.0};
    w.failover.pool_up = workload::PoolUp::load;
    CHECK(pool_servers_up(w.failover, in.web) == 70'001);
    CHECK(compute_availability(w, in, 1e6).web == 1.0);
    w.failover.pool_up = workload::PoolUp::needed;
    CHECK(pool_servers_up(w.failover, in.web) == 99'999);
    CHECK(compute_availability(w, in, 1e6).web < 1e-6);
    // At the edges: an idle pool needs one server; a saturated one needs all of them.
    w.failover.pool_up = workload::PoolUp::load;
    CHECK(pool_servers_up(w.failover, {10, 3, 0.0}) == 1);
    CHECK(pool_servers_up(w.failover, {10, 10, 9.5}) == 10);
    CHECK(pool_servers_up(w.failover, {10, 10, 14.0}) == 10);
}

TEST_CASE("more headroom never lowers a pool's availability", "[tiers][availability]") {
    // Metamorphic: the same planned pool carrying less load (failover.pool_up = load) needs no
    // more servers up, so its availability never falls; with default crews too.
    workload::Workload w;
    w.failover.pool_up = workload::PoolUp::load;
    for (const std::int64_t planned : {2, 10, 1000, 20'000}) {
        double previous = 0.0;
        for (double share = 1.0; share >= 0.05; share -= 0.05) {
            AvailabilityInputs in;
            in.web = {planned, planned, share * static_cast<double>(planned)};
            const double web = compute_availability(w, in, 1.0).web;
            CHECK(web >= previous);
            previous = web;
        }
    }
}

TEST_CASE("repairs without a crew limit are binomial; a number of crews still limits them",
          "[tiers][availability]") {
    // Hand derivation (docs/models.md#availability): 3 servers, 2 needed, a = 4000/4001. With
    // unlimited repairs (failover.repair_crews = "unlimited", stored as 0) each server is
    // independent: P(at most one down) = a³ + 3a²(1 − a), so down = 1 − that = 3a(1−a)² + (1−a)³.
    // With one crew the chain holds failed servers longer: a higher unavailability; with 3
    // crews (≥ N) it is the binomial again.
    workload::Workload w;
    w.failover.pool_up = workload::PoolUp::needed;
    const double a = 4000.0 / 4001.0;
    const double u = 1.0 / 4001.0;
    AvailabilityInputs in;
    in.web = {3, 2, 1.0};
    w.failover.repair_crews = 0;
    const double unlimited = 1.0 - compute_availability(w, in, 1.0).web;
    CHECK_THAT(unlimited, WithinRel(3.0 * a * u * u + u * u * u, 1e-9));
    w.failover.repair_crews = 3;
    CHECK_THAT(1.0 - compute_availability(w, in, 1.0).web, WithinRel(unlimited, 1e-9));
    w.failover.repair_crews = 1;
    CHECK(1.0 - compute_availability(w, in, 1.0).web > 1.5 * unlimited);
    // A fleet of 100,000 at 70 % (failover.pool_up = load) with unlimited repairs is up; with
    // the 2 crews of earlier versions about 92,000 servers wait in repair and it is down.
    w.failover.pool_up = workload::PoolUp::load;
    in.web = {100'000, 99'999, 70'000.0};
    w.failover.repair_crews = 0;
    CHECK(compute_availability(w, in, 1e6).web > 0.9999);
    w.failover.repair_crews = 2;
    CHECK(compute_availability(w, in, 1e6).web < 1e-6);
}

TEST_CASE("a 100,000-server web pool at 70 % is above 99.99 % with the default repairs",
          "[tiers][availability]") {
    // No key set: failover.pool_up = load and failover.repair_crews = unlimited
    // (capplan-workload(5) defaults). 70,001 of 100,000 must be up; about 25 are in repair at
    // a time (10^5 · 1/4001), so the pool is down only if ~30,000 fail at once.
    const workload::Workload w;
    AvailabilityInputs in;
    in.web = {100'000, 99'999, 70'000.0};
    CHECK(compute_availability(w, in, 1e6).web > 0.9999);
}
