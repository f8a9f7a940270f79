// M/M/c against published values (PDQ README, Octave queueing qsmmm.m, Bronson 1982, and a derived
// check) and identities.

#include <catch2/catch.hpp>

#include <cmath>

#include "queueing/distributions.hpp"
#include "queueing/mmc.hpp"

using namespace capplan::queueing;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

TEST_CASE("PDQ call centre M/M/4", "[mmc]") {
    // DrQz/pdq-qnm-pkg README (A1): 4 agents, 0.35/min, 10 min → L = 8.6650,
    // R = 24.7572 min, waiting time 14.7572 min, waiting line 5.1650, U = 87.5 %.
    const auto r = analyze_mmc(0.35, 10.0, 4);
    CHECK_THAT(r.metrics.mean_in_system, WithinAbs(8.6650, 5e-5));
    CHECK_THAT(r.metrics.mean_response_s, WithinAbs(24.7572, 5e-5));
    CHECK_THAT(r.metrics.mean_wait_s, WithinAbs(14.7572, 5e-5));
    CHECK_THAT(r.metrics.mean_queue_length, WithinAbs(5.1650, 5e-5));
    CHECK_THAT(r.metrics.utilization, WithinRel(0.875, 1e-15));
    CHECK_THAT(r.metrics.throughput_per_s, WithinRel(0.35, 1e-15));
}

TEST_CASE("Octave qsmmm examples", "[mmc]") {
    // mmarzolla/queueing inst/qsmmm.m tests (A2): λ = 9, μ = 5.
    const auto two = analyze_mmc(9.0, 0.2, 2);
    CHECK_THAT(9.0 * (two.metrics.mean_response_s - 0.2), WithinAbs(7.674, 1e-3));
    CHECK_THAT(two.metrics.mean_response_s, WithinAbs(1.053, 1e-3));
    const auto four = analyze_mmc(9.0, 0.2, 4);
    CHECK_THAT(9.0 * (four.metrics.mean_response_s - 0.2), WithinAbs(0.105, 1e-3));
    CHECK_THAT(four.metrics.mean_response_s, WithinAbs(0.212, 1e-3));
}

TEST_CASE("Bronson textbook M/M/s and M/M/1", "[mmc]") {
    // Bronson 1982 via web.ist.utl.pt (A5). 24.6: s = 3, α = 300/yr, μ = 182.5/yr.
    const auto r = analyze_mmc(300.0, 1.0 / 182.5, 3);
    CHECK_THAT(r.metrics.mean_queue_length, WithinAbs(0.352, 5e-4));
    CHECK_THAT(r.metrics.mean_in_system, WithinAbs(1.996, 5e-4));
    CHECK_THAT(r.metrics.mean_wait_s, WithinAbs(0.001175, 5e-7));
    CHECK_THAT(r.metrics.mean_response_s, WithinAbs(0.006654, 5e-7));
    // 23.3: α = 24/h, μ = 30/h → L = 4, W = 1/6 h.
    const auto one = analyze_mmc(24.0, 1.0 / 30.0, 1);
    CHECK_THAT(one.metrics.mean_in_system, WithinRel(4.0, 1e-13));
    CHECK_THAT(one.metrics.mean_response_s, WithinRel(1.0 / 6.0, 1e-13));
    // 23.14: α = 30/h, 1/μ = 1.5 min → Lq = 2.25, Wq = 4.5 min.
    const auto b = analyze_mmc(0.5, 1.5, 1);
    CHECK_THAT(b.metrics.mean_queue_length, WithinRel(2.25, 1e-13));
    CHECK_THAT(b.metrics.mean_wait_s, WithinRel(4.5, 1e-13));
}

TEST_CASE("PDQ mmm demo, derived", "[mmc]") {
    // interfaces/R/pdq/demo/mmm.R (A9, derived by hand): λ = 2, S = 1, m = 3.
    const auto r = analyze_mmc(2.0, 1.0, 3);
    CHECK_THAT(r.metrics.p_wait, WithinRel(4.0 / 9.0, 1e-14));
    CHECK_THAT(r.metrics.mean_wait_s, WithinRel(4.0 / 9.0, 1e-14));
    CHECK_THAT(r.metrics.mean_response_s, WithinRel(13.0 / 9.0, 1e-14));
    CHECK_THAT(r.metrics.mean_queue_length, WithinRel(8.0 / 9.0, 1e-14));
    CHECK_THAT(r.metrics.mean_in_system, WithinRel(26.0 / 9.0, 1e-14));
}

TEST_CASE("Erlang C service level (pyworkforce / R ErlangC)", "[mmc]") {
    // A3: 100 calls per 30 min, AHT 3 min, 14 agents: service level P(W ≤ 20 s) =
    // 0.8883500191794669, ASA 7.83593701177724 s.
    const auto r = analyze_mmc(100.0 / 1800.0, 180.0, 14);
    CHECK_THAT(1.0 - wait_exceed(r.wait, 20.0), WithinRel(0.8883500191794669, 1e-12));
    CHECK_THAT(r.metrics.mean_wait_s, WithinRel(7.83593701177724, 1e-12));
    CHECK_THAT(r.metrics.utilization, WithinRel(0.7142857142857143, 1e-15));
}

TEST_CASE("Little's law and c = 1 equals M/M/1", "[mmc]") {
    for (const double rho : {0.01, 0.3, 0.7, 0.95, 0.999}) {
        const double mu = 50.0;
        const auto r = analyze_mmc(rho * mu, 1.0 / mu, 1);
        // M/M/1: L = ρ/(1 − ρ), W = 1/(μ − λ) (Kleinrock 1975, eq. 3.24, 3.26).
        CHECK_THAT(r.metrics.mean_in_system, WithinRel(rho / (1 - rho), 1e-12));
        CHECK_THAT(r.metrics.mean_response_s, WithinRel(1.0 / (mu - rho * mu), 1e-12));
        CHECK_THAT(r.metrics.p_wait, WithinRel(rho, 1e-13));
    }
    for (const int c : {2, 7, 64, 1000}) {
        const auto r = analyze_mmc(0.9 * c / 0.01, 0.01, c);
        // Little: L = λW and Lq = λWq.
        CHECK_THAT(r.metrics.mean_in_system,
                   WithinRel(r.metrics.throughput_per_s * r.metrics.mean_response_s, 1e-13));
        CHECK_THAT(r.metrics.mean_queue_length,
                   WithinRel(r.metrics.throughput_per_s * r.metrics.mean_wait_s, 1e-13));
    }
}

TEST_CASE("Saturation and extremes are results, not NaN", "[mmc]") {
    const auto sat = analyze_mmc(100.0, 0.05, 5); // a = 5 = c
    CHECK(sat.metrics.saturated);
    CHECK(sat.metrics.utilization == 1.0);
    CHECK(sat.metrics.throughput_per_s == 100.0);
    CHECK(std::isinf(sat.metrics.mean_response_s));
    const auto over = analyze_mmc(1e9, 1.0, 1000);
    CHECK(over.metrics.saturated);
    // ρ → 1: finite and huge.
    const auto near = analyze_mmc(1.0 - 1e-12, 1.0, 1);
    CHECK(std::isfinite(near.metrics.mean_wait_s));
    CHECK(near.metrics.mean_wait_s > 1e11);
    // c = 10^6 at 99 % load: finite, P(wait) strictly inside (0, 1).
    const auto big = analyze_mmc(990000.0, 1.0, 1'000'000);
    CHECK(big.metrics.p_wait > 0.0);
    CHECK(big.metrics.p_wait < 1.0);
    CHECK(std::isfinite(big.metrics.mean_response_s));
    // Tiny load.
    const auto tiny = analyze_mmc(1e-12, 1.0, 3);
    CHECK(tiny.metrics.mean_wait_s >= 0.0);
    CHECK_THAT(tiny.metrics.mean_response_s, WithinRel(1.0, 1e-15));
    // No load at all.
    const auto none = analyze_mmc(0.0, 1.0, 3);
    CHECK(none.metrics.p_wait == 0.0);
    CHECK(none.metrics.mean_response_s == 1.0);
}
