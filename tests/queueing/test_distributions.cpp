// Waiting, service and response-time laws: closed forms, the θ = μ singularity, quadrature.

#include <catch2/catch.hpp>

#include <cmath>

#include <boost/math/special_functions/gamma.hpp>

#include "queueing/distributions.hpp"

using namespace capplan::queueing;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

TEST_CASE("Wait law moments and quantiles", "[distributions]") {
    const WaitLaw w{0.4, 20.0};
    // E W = p/θ; Var W = 2p/θ² − (p/θ)² (docs/models.md#waiting-time).
    CHECK_THAT(wait_mean_s(w), WithinRel(0.02, 1e-15));
    CHECK_THAT(wait_variance_s2(w), WithinRel(2 * 0.4 / 400.0 - 0.0004, 1e-14));
    CHECK(wait_quantile_s(w, 0.5) == 0.0); // below the atom 1 − p = 0.6
    CHECK(wait_quantile_s(w, 0.6) == 0.0);
    // P(W > t) = 0.4·e^{−20t} = 0.01 → t = ln 40 / 20.
    CHECK_THAT(wait_quantile_s(w, 0.99), WithinRel(std::log(40.0) / 20.0, 1e-15));
    CHECK_THAT(wait_exceed(w, wait_quantile_s(w, 0.99)), WithinRel(0.01, 1e-14));
    CHECK(wait_exceed(WaitLaw{}, 0.1) == 0.0);
}

TEST_CASE("M/M/1 response time is exponential with rate mu - lambda", "[distributions]") {
    // Kleinrock 1975, eq. 3.29: the M/M/1 FCFS sojourn time is Exp(μ − λ). Here μ = 10,
    // λ = 7: W has p = ρ = 0.7 and θ = μ − λ = 3; service Exp(10).
    const WaitLaw w{0.7, 3.0};
    const GammaLaw g{0.1, 1.0};
    for (const double t : {0.01, 0.1, 0.5, 1.0, 3.0}) {
        CHECK_THAT(sum_exceed(w, g, t), WithinRel(std::exp(-3.0 * t), 1e-12));
    }
    for (const double q : {0.5, 0.9, 0.99, 0.999, 0.999999}) {
        CHECK_THAT(sum_quantile_s(w, g, q), WithinRel(-std::log(1.0 - q) / 3.0, 1e-11));
    }
}

TEST_CASE("Response law at the removable singularity theta = mu", "[distributions]") {
    // With W ~ p·Exp(μ) and S ~ Exp(μ): P(W + S > t) = (1 − p)e^{−μt} + p(1 + μt)e^{−μt}
    // (the Erlang-2 tail; hand derivation). Just either side of θ = μ the value moves by about
    // δθ·t relative (≤ 3.2e-8 here), so those checks allow 1e-7.
    const double mu = 8.0;
    const double p = 0.35;
    const GammaLaw g{1.0 / mu, 1.0};
    for (const double t : {0.05, 0.3, 1.0, 4.0}) {
        const double expected = (1 - p) * std::exp(-mu * t) + p * (1 + mu * t) * std::exp(-mu * t);
        CHECK_THAT(sum_exceed(WaitLaw{p, mu}, g, t), WithinRel(expected, 1e-13));
        CHECK_THAT(sum_exceed(WaitLaw{p, mu * (1 + 1e-9)}, g, t), WithinRel(expected, 1e-7));
        CHECK_THAT(sum_exceed(WaitLaw{p, mu * (1 - 1e-9)}, g, t), WithinRel(expected, 1e-7));
    }
}

TEST_CASE("Response law with Gamma service against scipy quadrature", "[distributions]") {
    // Reference: scipy 1.10 (Debian 12), P(W + G > t) = Q_G(t) + p·∫_0^t f_G(u)e^{−θ(t−u)}du
    // with integrate.quad (epsrel 1e-13, breakpoints near u = t) and stats.gamma; p = 0.6. The
    // cases reach each form of I(t): θ > β (k = 0.5, 2), the closed form θ < β (k = 4), and
    // the large-(θ − β)t branches.
    struct Case {
        double k, beta, theta, t, expected;
    };
    const Case cases[] = {
        {0.5, 50.0, 300.0, 0.03, 0.09669924778760466},
        {4.0, 200.0, 50.0, 0.05, 0.15678709638363164},
        {2.0, 100.0, 250.0, 0.04, 0.11601115294325312},
        // Large (θ − β)t: the asymptotic series (247.5, 75) and the positive series near its
        // switch (40), with non-integer shapes.
        {0.5, 50.0, 5000.0, 0.05, 0.025525194429354206},
        {2.5, 250.0, 4000.0, 0.02, 0.0774569795771709},
        {0.3, 30.0, 130.0, 0.4, 4.0822883744607197e-07},
    };
    for (const auto& c : cases) {
        const GammaLaw g{c.k / c.beta, 1.0 / c.k};
        CHECK_THAT(sum_exceed(WaitLaw{0.6, c.theta}, g, c.t), WithinRel(c.expected, 1e-10));
    }
}

TEST_CASE("Response law with Erlang-2 service in closed form", "[distributions]") {
    // Hand derivation for k = 2: I(t) = β² e^{−θt}·[1 − e^{−δt}(1 + δt)]/δ², δ = β − θ,
    // and Q_G(t) = e^{−βt}(1 + βt). Checks both branches across δt = ±1.
    const double beta = 100.0;
    const GammaLaw g{2.0 / beta, 0.5};
    for (const double theta : {20.0, 95.0, 105.0, 160.0, 400.0, 3000.0}) {
        for (const double t : {0.001, 0.01, 0.03, 0.1}) {
            const long double d = beta - theta;
            const long double bl = beta;
            const long double integral = bl * bl * std::exp(-(long double)theta * t) *
                                         (1.0L - std::exp(-d * t) * (1.0L + d * t)) / (d * d);
            const long double expected = std::exp(-bl * t) * (1.0L + bl * t) + 0.3L * integral;
            INFO("theta = " << theta << ", t = " << t);
            CHECK_THAT(sum_exceed(WaitLaw{0.3, theta}, g, t),
                       WithinRel(static_cast<double>(expected), 1e-9));
        }
    }
}

TEST_CASE("Deterministic service shifts the wait law", "[distributions]") {
    const WaitLaw w{0.5, 10.0};
    const GammaLaw d{0.2, 0.0};
    CHECK(sum_exceed(w, d, 0.1) == 1.0);
    CHECK_THAT(sum_exceed(w, d, 0.3), WithinRel(0.5 * std::exp(-1.0), 1e-15));
    CHECK_THAT(sum_quantile_s(w, d, 0.99), WithinRel(0.2 + std::log(50.0) / 10.0, 1e-14));
    CHECK(sum_quantile_s(w, d, 0.3) == 0.2);
}

TEST_CASE("Quantiles invert the exceedance function", "[distributions]") {
    for (const double scv : {0.1, 0.5, 1.0, 2.0, 4.0}) {
        for (const double theta : {5.0, 50.0, 500.0}) {
            const WaitLaw w{0.3, theta};
            const GammaLaw g{0.02, scv};
            for (const double q : {0.5, 0.9, 0.99, 0.999}) {
                const double t = sum_quantile_s(w, g, q);
                INFO("scv = " << scv << ", theta = " << theta << ", q = " << q);
                CHECK_THAT(sum_exceed(w, g, t), WithinRel(1.0 - q, 1e-9));
            }
        }
    }
}

TEST_CASE("Gamma shapes above a million use the Wilson-Hilferty law", "[distributions]") {
    // Just above the threshold (k = 1.000001e6) the approximation is held against Boost's exact
    // regularised gamma functions at that shape: within 1e-8 in probability from −6 to +6
    // standard deviations and 1e-9 relative in the quantiles (the measured errors at k = 1e6
    // are 5.1e-9 and 3.7e-10; docs/models.md#response).
    const double k = 1.000001e6;
    const double mean = 0.25;
    const GammaLaw g{mean, 1.0 / k};
    const double beta = k / mean;
    for (double z = -6.0; z <= 6.0; z += 0.5) {
        const double t = mean * (1.0 + z / std::sqrt(k));
        const double exact = boost::math::gamma_q(k, beta * t);
        CHECK_THAT(gamma_exceed(g, t), WithinAbs(exact, 1e-8));
    }
    for (const double q : {0.5, 0.9, 0.99, 0.999, 0.9999}) {
        const double exact = boost::math::gamma_p_inv(k, q) / beta;
        CHECK_THAT(gamma_quantile_s(g, q), WithinRel(exact, 1e-9));
    }

    // A sum of 1e12 legs (k = 1e12, mean 4.5e9 s): the law is normal to 1e-12, so the 0.99
    // quantile is mean·(1 + z₀.₉₉/√k) with z₀.₉₉ = 2.3263478740 (the normal quantile), and
    // the wait in front (mean 0.2 s beside a spread of 4,500 s) moves the sum's quantile by
    // less than a second. Before the approximation each of these calls took 20–45 ms.
    const GammaLaw huge{4.5e9, 1e-12};
    const double q99 = 4.5e9 * (1.0 + 2.3263478740e-6);
    CHECK_THAT(gamma_quantile_s(huge, 0.99), WithinRel(q99, 1e-11));
    const WaitLaw w{0.5, 2.5};
    const double sum99 = sum_quantile_s(w, huge, 0.99);
    CHECK(sum99 >= gamma_quantile_s(huge, 0.99));
    CHECK(sum99 <= gamma_quantile_s(huge, 0.99) + 1.0);
    double last = 1.0;
    for (double z = -8.0; z <= 8.0; z += 0.25) {
        const double p = sum_exceed(w, huge, 4.5e9 * (1.0 + z * 1e-6));
        CHECK(p >= 0.0);
        CHECK(p <= last);
        last = p;
    }
}
