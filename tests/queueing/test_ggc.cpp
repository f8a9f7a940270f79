// G/G/c (Allen–Cunneen) and M/G/1 (Pollaczek–Khinchine).

#include <catch2/catch.hpp>

#include "queueing/ggc.hpp"
#include "queueing/mg1.hpp"
#include "queueing/mmc.hpp"

using namespace capplan::queueing;
using Catch::Matchers::WithinRel;

TEST_CASE("Allen-Cunneen is exact M/M/c at unit SCVs", "[ggc]") {
    const Station s{120.0, 0.05, 8, 1.0, 1.0, {}};
    const auto g = analyze_ggc(s);
    const auto m = analyze_mmc(120.0, 0.05, 8);
    CHECK(g.metrics.mean_wait_s == m.metrics.mean_wait_s);
    CHECK(g.wait.theta_per_s == m.wait.theta_per_s);
}

TEST_CASE("Allen-Cunneen at c = 1 with Poisson arrivals equals Pollaczek-Khinchine", "[ggc]") {
    // Kleinrock 1975 eq. 5.72: M/D/1 (c_s² = 0) has Wq = ρS/(2(1 − ρ)); M/H2/1 (c_s² = 3).
    for (const double scv : {0.0, 0.25, 1.0, 3.0}) {
        const auto ac = analyze_ggc(Station{8.0, 0.1, 1, 1.0, scv, {}});
        const auto pk = analyze_mg1(8.0, 0.1, scv);
        CHECK_THAT(ac.metrics.mean_wait_s, WithinRel(pk.metrics.mean_wait_s, 1e-13));
        CHECK_THAT(ac.metrics.mean_in_system, WithinRel(pk.metrics.mean_in_system, 1e-13));
    }
    // M/D/1 at ρ = 0.8: Wq = 0.8·0.1/(2·0.2) = 0.2 s (hand derivation).
    CHECK_THAT(analyze_mg1(8.0, 0.1, 0.0).metrics.mean_wait_s, WithinRel(0.2, 1e-14));
}

TEST_CASE("Allen-Cunneen scales the M/M/c wait by (ca2 + cs2)/2", "[ggc]") {
    // Allen 1990 eq. 6.98; P(wait) stays the M/M/c Erlang C (docs/models.md#ggc).
    const auto m = analyze_mmc(300.0, 0.01, 4);
    const auto g = analyze_ggc(Station{300.0, 0.01, 4, 2.0, 0.5, {}});
    CHECK_THAT(g.metrics.mean_wait_s, WithinRel(m.metrics.mean_wait_s * 1.25, 1e-14));
    CHECK(g.metrics.p_wait == m.metrics.p_wait);
    CHECK_THAT(g.wait.p_wait / g.wait.theta_per_s, WithinRel(g.metrics.mean_wait_s, 1e-14));
}

TEST_CASE("D/D/c below saturation never waits", "[ggc]") {
    const auto g = analyze_ggc(Station{99.0, 0.1, 10, 0.0, 0.0, {}});
    CHECK(g.metrics.p_wait == 0.0);
    CHECK(g.metrics.mean_wait_s == 0.0);
    CHECK(g.metrics.mean_response_s == 0.1);
    CHECK(analyze_ggc(Station{100.0, 0.1, 10, 0.0, 0.0, {}}).metrics.saturated);
}
