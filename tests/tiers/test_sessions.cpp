// Sessions (docs/models.md#sessions): Little's law for concurrent and stored sessions, and the node
// pair.

#include <catch2/catch.hpp>

#include "support/spec_catalogue.hpp"
#include "tiers/sessions.hpp"

using namespace capplan;
using namespace capplan::tiers;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

TEST_CASE("sessions at 1M users with the documented defaults", "[tiers][sessions]") {
    // Hand derivation (capplan-workload(5) defaults, docs/models.md#sessions): DAU = 1M · 30 % =
    // 300,000; one session per active user; starts at the peak = 300,000/86,400 · 3 = 10.4167/s.
    // concurrent = 10.4167/s · 900 s = 9,375; stored = 10.4167/s · (900 + 1,800) s = 28,125
    // (below the cap 1M · 1); memory = 28,125 · 2,000 B = 56.25 MB.
    const workload::Traffic traffic;
    const SessionLoad s = session_load(1e6, 300e3, traffic);
    CHECK_THAT(s.concurrent, WithinRel(9375.0, 1e-12));
    CHECK_THAT(s.stored, WithinRel(28125.0, 1e-12));
    CHECK_THAT(s.memory_bytes, WithinRel(56.25e6, 1e-12));
    CHECK_FALSE(s.capped);
    // Little's law identity: stored / concurrent = (length + ttl) / length.
    CHECK_THAT(s.stored / s.concurrent, WithinRel(2700.0 / 900.0, 1e-12));

    // On cache.t4g.small (1.37 GiB, models/elasticache.toml) with 25 % reserved: usable 1.0275 GiB;
    // 56.25 MB fits one node, so the pair: 2 nodes · 0.032 $/h · 730 h = 46.72; fill
    // 56.25e6 / (1.0275 · 2^30) = 5.098 %.
    const auto cat = test::spec_catalogue();
    const SessionStore store =
        size_session_store(cat.instances.at("cache.t4g.small"), s.memory_bytes, 0.25);
    CHECK(store.nodes == 2);
    CHECK_THAT(store.usable_bytes, WithinRel(1.0275 * 1073741824.0, 1e-12));
    CHECK_THAT(store.monthly_cost, WithinRel(46.72, 1e-12));
    CHECK_THAT(store.memory_utilization, WithinAbs(0.050985, 1e-6));
}

TEST_CASE("stored sessions are capped at users · sessions per active user", "[tiers][sessions]") {
    // A 10-day ttl: uncapped 1,000/86,400 · 3 · (900 + 864,000) = 30,031 > 1,000 users.
    workload::Traffic traffic;
    traffic.session_ttl_s = 864'000.0;
    const SessionLoad s = session_load(1000.0, 1000.0, traffic);
    CHECK(s.capped);
    CHECK(s.stored == 1000.0);
    CHECK_THAT(s.memory_bytes, WithinRel(2e6, 1e-12));
    CHECK_THAT(s.concurrent, WithinRel(1000.0 / 86400.0 * 3.0 * 900.0, 1e-12));
    // Nobody active: nothing.
    CHECK(session_load(1000.0, 0.0, traffic).stored == 0.0);
    CHECK(session_load(0.0, 0.0, traffic).memory_bytes == 0.0);
}

TEST_CASE("session store grows by pairs when memory needs it", "[tiers][sessions]") {
    const auto cat = test::spec_catalogue();
    const auto& small = cat.instances.at("cache.t4g.small");
    const double usable = 1.37 * 0.75 * 1073741824.0;
    // Exactly one node's usable memory is still the pair; just over it needs two primaries,
    // each with its replica (4 nodes); 2.5 nodes' worth needs 3 primaries (6 nodes).
    CHECK(size_session_store(small, usable, 0.25).nodes == 2);
    CHECK(size_session_store(small, 1.01 * usable, 0.25).nodes == 4);
    const SessionStore six = size_session_store(small, 2.5 * usable, 0.25);
    CHECK(six.nodes == 6);
    CHECK_THAT(six.memory_utilization, WithinRel(2.5 / 3.0, 1e-12));
    CHECK_THAT(six.monthly_cost, WithinRel(6.0 * 0.032 * 730.0, 1e-12));
    CHECK(size_session_store(small, 0.0, 0.25).nodes == 2);
}
