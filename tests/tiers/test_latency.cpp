// Request latency: exact web wait ⊕ moment-fitted Gamma of the other legs (docs/models.md#latency).

#include <catch2/catch.hpp>

#include <cmath>

#include "queueing/ggc.hpp"
#include "queueing/mmc.hpp"
#include "tiers/latency.hpp"

using namespace capplan::queueing;
using namespace capplan::tiers;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

TEST_CASE("a single leg's p99 is the station's own response p99", "[tiers][latency]") {
    // M/M/1, λ = 8/s, S = 0.1 s: the response is exponential with rate μ − λ = 2/s, so
    // p99 = ln(100)/2 = 2.302585 s (Kleinrock 1975, eq. 3.25). The web service alone fits the
    // Gamma exactly (mean 0.1, SCV 1), so the pipeline must give the same number.
    const auto laws = analyze_mmc(8.0, 0.1, 1);
    const GammaLaw own = fit_gamma(moments_of(GammaLaw{0.1, 1.0}));
    CHECK_THAT(own.mean_s, WithinRel(0.1, 1e-15));
    CHECK_THAT(own.scv, WithinRel(1.0, 1e-15));
    const RequestLaw law{laws.wait, own, own, 0.05};
    CHECK_THAT(request_quantile_s(law, 0.99), WithinRel(std::log(100.0) / 2.0, 1e-9));
    // M/M/4 at λ = 30/s, S = 0.1 s: the same identity against the station's response law.
    const auto m4 = analyze_ggc(Station{30.0, 0.1, 4, 1.0, 1.0, {}});
    const RequestLaw law4{m4.wait, fit_gamma(moments_of(m4.service)),
                          fit_gamma(moments_of(m4.service)), 0.3};
    CHECK_THAT(request_quantile_s(law4, 0.99),
               WithinRel(sum_quantile_s(m4.wait, m4.service, 0.99), 1e-9));
}

TEST_CASE("leg moments: round trip, wait and service; n calls scale both", "[tiers][latency]") {
    // Wait of M/M/1 at ρ = 0.8, μ = 10: P_wait = 0.8, θ = 2, E W = 0.4, Var W = 2·0.8/4 − 0.16
    // = 0.24; service mean 0.1, variance 0.01; RTT 0.5 ms adds to the mean only.
    const auto laws = analyze_mmc(8.0, 0.1, 1);
    const Moments one = call_moments(0.5e-3, laws.wait, laws.service);
    CHECK_THAT(one.mean_s, WithinRel(0.0005 + 0.4 + 0.1, 1e-13));
    CHECK_THAT(one.variance_s2, WithinRel(0.24 + 0.01, 1e-13));
    const Moments many = repeat(one, 2.5);
    CHECK_THAT(many.mean_s, WithinRel(2.5 * one.mean_s, 1e-15));
    CHECK_THAT(many.variance_s2, WithinRel(2.5 * one.variance_s2, 1e-15));
    CHECK(moments_of(WaitLaw{}).mean_s == 0.0);
    // A deterministic leg: Gamma with SCV 0.
    CHECK(fit_gamma(Moments{0.02, 0.0}).scv == 0.0);
}

TEST_CASE("the read/write mixture's p99 lies between the classes' and hits 1 % exceedance",
          "[tiers][latency]") {
    const auto laws = analyze_mmc(30.0, 0.1, 4);
    const RequestLaw law{laws.wait, GammaLaw{0.12, 0.8}, GammaLaw{0.35, 0.4}, 0.05};
    const double p99 = request_quantile_s(law, 0.99);
    const double r99 = sum_quantile_s(law.web_wait, law.read_rest, 0.99);
    const double w99 = sum_quantile_s(law.web_wait, law.write_rest, 0.99);
    CHECK(p99 > r99);
    CHECK(p99 < w99);
    CHECK_THAT(request_exceed(law, p99), WithinRel(0.01, 1e-9));
    // Weight 0 and 1 are the pure classes.
    CHECK(request_quantile_s(RequestLaw{law.web_wait, law.read_rest, law.write_rest, 0.0}, 0.99) ==
          r99);
    CHECK(request_quantile_s(RequestLaw{law.web_wait, law.read_rest, law.write_rest, 1.0}, 0.99) ==
          w99);
}
