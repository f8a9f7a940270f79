// Several data centres (docs/models.md#datacenters): the spreading formula and cross-centre
// replication.

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <limits>

#include "tiers/common.hpp"
#include "tiers/datacenters.hpp"

using namespace capplan;
using namespace capplan::tiers;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

namespace {

// The definition, by search: the fewest M spread as evenly as possible over d centres (M mod d
// centres hold ⌊M/d⌋ + 1, the rest ⌊M/d⌋) such that losing the k fullest leaves at least n.
std::int64_t brute_force_spread(std::int64_t n, std::int64_t d, std::int64_t k) {
    for (std::int64_t m = 0;; ++m) {
        const std::int64_t base = m / d;
        const std::int64_t fuller = m % d;
        const std::int64_t lost = k * base + std::min(k, fuller);
        if (m - lost >= n) {
            return m;
        }
    }
}

} // namespace

TEST_CASE("spreading formula: Azure's zone rule and the worked examples", "[tiers][datacenters]") {
    // Microsoft's Azure zone over-provisioning guide (3 zones surviving 1): peak 3 → 5, peak 4
    // → 6.
    CHECK(spread_servers(3, 3, 1) == 5);
    CHECK(spread_servers(4, 3, 1) == 6);
    // One server needed, 4 centres surviving 2: q = 0, r = 1 → 0 + 2 + 1 = 3.
    CHECK(spread_servers(1, 4, 2) == 3);
    // One centre, or no losses to survive: exactly n.
    CHECK(spread_servers(7, 1, 0) == 7);
    CHECK(spread_servers(7, 3, 0) == 7);
    CHECK(spread_servers(0, 3, 1) == 0);
    CHECK(spread_servers(-2, 3, 1) == 0);
    // Out-of-range arguments are clamped: survive ≥ D acts as D − 1; D < 1 as 1.
    CHECK(spread_servers(4, 3, 5) == spread_servers(4, 3, 2));
    CHECK(spread_servers(4, 0, 0) == 4);
}

TEST_CASE("spreading formula equals the brute-force definition", "[tiers][datacenters]") {
    // All n ≤ 60, D ≤ 6, k < D (the definition in docs/models.md#datacenters, searched).
    for (std::int64_t d = 1; d <= 6; ++d) {
        for (std::int64_t k = 0; k < d; ++k) {
            for (std::int64_t n = 0; n <= 60; ++n) {
                INFO("n = " << n << ", D = " << d << ", k = " << k);
                CHECK(spread_servers(n, d, k) == brute_force_spread(n, d, k));
            }
        }
    }
}

TEST_CASE("spreading saturates instead of overflowing", "[tiers][datacenters]") {
    CHECK(spread_servers(std::numeric_limits<std::int64_t>::max(), 6, 5) == k_max_count);
}

TEST_CASE("cross-centre replication transfer", "[tiers][datacenters]") {
    // 1M users with the capplan-workload(5) defaults: 60M requests/day, 5 % writes, 5 rows each →
    // 15M replicated writes/day of 1 KB. Three centres: each write crosses to 2 others.
    // Bytes/month = 15e6 · 730/24 · 1000 · 2 = 9.125e11; cost at 0.01/GB (cross-zone,
    // models/transfer.toml) = 9.125e11 / 2^30 · 0.01 = 8.4983…
    const ReplicationTransfer t = replication_transfer(15e6, 1e3, 3, 0.01);
    CHECK_THAT(t.bytes_per_month, WithinRel(9.125e11, 1e-12));
    CHECK_THAT(t.monthly_cost, WithinRel(9.125e11 / 1073741824.0 * 0.01, 1e-12));
    CHECK_THAT(t.monthly_cost, WithinAbs(8.4983, 1e-4));
    // One centre sends nothing; region doubles the price per GB.
    CHECK(replication_transfer(15e6, 1e3, 1, 0.01).monthly_cost == 0.0);
    CHECK_THAT(replication_transfer(15e6, 1e3, 3, 0.02).monthly_cost,
               WithinRel(2.0 * t.monthly_cost, 1e-12));
}

TEST_CASE("cross-centre round trips by scope", "[tiers][datacenters]") {
    // capplan-workload(5) failover.scope: zone RTT 1 ms, region 70 ms.
    CHECK(cross_centre_rtt_s(workload::FailoverScope::zone) == 1e-3);
    CHECK(cross_centre_rtt_s(workload::FailoverScope::region) == 70e-3);
}
