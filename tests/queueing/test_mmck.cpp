// Tests for queueing/mmck.hpp: M/M/c/K (docs/models.md#mmck, capplan(1) capplan queue --capacity).
#include "queueing/mmck.hpp"

#include <catch2/catch.hpp>

#include <boost/math/quadrature/gauss_kronrod.hpp>
#include <boost/math/special_functions/gamma.hpp>
#include <boost/multiprecision/cpp_bin_float.hpp>

#include <cmath>
#include <cstdint>
#include <vector>

#include "queueing/erlang.hpp"

using capplan::queueing::analyze_mmck;
using capplan::queueing::erlang_b;
using capplan::queueing::mmck_response_exceed;
using capplan::queueing::mmck_response_quantile_s;
using capplan::queueing::mmck_state_prob;
using capplan::queueing::mmck_wait_exceed;
using capplan::queueing::mmck_wait_quantile_s;
using capplan::queueing::MmckAnalysis;
using capplan::queueing::Station;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

namespace {

Station mmck(double lambda, double service_s, std::int64_t c, std::int64_t k) {
    Station s;
    s.arrival_rate_per_s = lambda;
    s.service_time_s = service_s;
    s.servers = c;
    s.capacity = k;
    return s;
}

// Oracle by definition for small K: the stationary law by direct products, then
// P(W > t) = Σ_{n=c}^{K−1} p_n/(1 − p_K)·Q(n − c + 1, c·t/S), one Boost.Math regularized
// incomplete gamma per term (the evaluation the implementation avoids).
double wait_exceed_by_definition(double lambda, double service_s, int c, int k, double t) {
    const double a = lambda * service_s;
    std::vector<double> w(static_cast<std::size_t>(k) + 1);
    w[0] = 1.0;
    for (int n = 1; n <= k; ++n) {
        w[static_cast<std::size_t>(n)] = w[static_cast<std::size_t>(n - 1)] * a / std::min(n, c);
    }
    double z = 0.0;
    for (const double x : w) {
        z += x;
    }
    const double admit = 1.0 - w.back() / z;
    double sum = 0.0;
    for (int n = c; n < k; ++n) {
        sum += w[static_cast<std::size_t>(n)] / z / admit *
               boost::math::gamma_q(n - c + 1.0, c * t / service_s);
    }
    return sum;
}

// Oracle for the response: P(R > t) = e^{−t/S} + ∫_0^t (1/S)e^{−x/S}·P(W > t − x) dx
// (condition on the own service X), by adaptive Gauss–Kronrod (Boost.Math) on the wait law.
double response_exceed_by_quadrature(const MmckAnalysis& m, double service_s, double t) {
    const auto f = [&](double x) {
        return std::exp(-x / service_s) / service_s * mmck_wait_exceed(m, t - x);
    };
    // One 61-point Kronrod panel already agrees to ~1e-16 (the integrand is analytic); a
    // tighter tolerance only makes the adaptive split chase rounding noise.
    const double integral =
        boost::math::quadrature::gauss_kronrod<double, 61>::integrate(f, 0.0, t, 5, 1e-12);
    return std::exp(-t / service_s) + integral;
}

} // namespace

TEST_CASE("mmck: Octave qsmmmk reference cases", "[mmck]") {
    // Octave queueing package inst/qsmmmk.m tests, printed to 6 decimals; tolerance 1e-6 abs.
    const MmckAnalysis a1 = analyze_mmck(mmck(40.0, 1.0 / 30.0, 3, 7));
    CHECK_THAT(mmck_state_prob(a1, 0), WithinAbs(0.255037, 1e-6));
    CHECK_THAT(a1.metrics.mean_response_s, WithinAbs(0.036517, 1e-6));
    const MmckAnalysis a2 = analyze_mmck(mmck(50.0, 1.0 / 10.0, 4, 6));
    CHECK_THAT(a2.metrics.blocking_prob, WithinAbs(0.293543, 1e-6));
    const MmckAnalysis a3 = analyze_mmck(mmck(3.0, 1.0 / 2.0, 2, 5));
    CHECK_THAT(mmck_state_prob(a3, 0), WithinAbs(0.179334, 1e-6));
    CHECK_THAT(a3.metrics.blocking_prob, WithinAbs(0.085113, 1e-6));
    // The same cases to full precision, derived with mpmath (40 digits) from the product form.
    CHECK_THAT(mmck_state_prob(a1, 0), WithinRel(0.255036877676, 1e-11));
    CHECK_THAT(a1.metrics.mean_response_s, WithinRel(0.0365170079433, 1e-11));
    CHECK_THAT(a2.metrics.blocking_prob, WithinRel(0.293542993481, 1e-11));
    CHECK_THAT(a2.metrics.p_wait, WithinRel(0.598340602064, 1e-11));
    CHECK_THAT(a2.metrics.mean_queue_length, WithinRel(0.821920381747, 1e-11));
    CHECK_THAT(a3.metrics.blocking_prob, WithinRel(0.0851138353765, 1e-11));
    CHECK_THAT(a3.metrics.utilization, WithinRel(0.686164623468, 1e-11));
    CHECK_FALSE(a2.metrics.saturated);
}

TEST_CASE("mmck: K = c is the Erlang loss system", "[mmck]") {
    // pyworkforce pyworkforce/queuing/tests/test_erlang_b.py: B(1, 1) = 0.5, B(2, 1) = 0.2.
    CHECK_THAT(analyze_mmck(mmck(1.0, 1.0, 1, 1)).metrics.blocking_prob, WithinRel(0.5, 1e-15));
    CHECK_THAT(analyze_mmck(mmck(1.0, 1.0, 2, 2)).metrics.blocking_prob, WithinRel(0.2, 1e-15));
    // Identity: blocking = erlang_b(c, a) and nobody waits, over a spread of loads.
    for (const std::int64_t c : {1, 3, 10, 50, 400}) {
        for (const double load : {0.2, 0.9, 1.0, 1.3, 4.0}) {
            const double a = load * static_cast<double>(c);
            const MmckAnalysis m = analyze_mmck(mmck(a, 1.0, c, c));
            INFO("c=" << c << " a=" << a);
            CHECK_THAT(m.metrics.blocking_prob, WithinRel(erlang_b(c, a), 1e-13));
            CHECK(m.metrics.p_wait == 0.0);
            CHECK(m.metrics.mean_wait_s == 0.0);
            CHECK(mmck_wait_quantile_s(m, 0.99) == 0.0);
            // Response = own service only: Exp(1), P(R > t) = e^{−t}.
            CHECK_THAT(mmck_response_exceed(m, 2.0), WithinRel(std::exp(-2.0), 1e-15));
        }
    }
}

TEST_CASE("mmck: large K approaches M/M/c", "[mmck]") {
    // Derived by hand (PDQ demo mmm.R inputs): λ = 2, S = 1, c = 3 → Pw = 4/9, Wq = 4/9, Lq = 8/9.
    // With K = c + 2000 the truncation is ρ^2000 = (2/3)^2000 ≈ 1e-352: invisible.
    const MmckAnalysis m = analyze_mmck(mmck(2.0, 1.0, 3, 2003));
    CHECK_THAT(m.metrics.p_wait, WithinRel(4.0 / 9.0, 1e-14));
    CHECK_THAT(m.metrics.mean_wait_s, WithinRel(4.0 / 9.0, 1e-14));
    CHECK_THAT(m.metrics.mean_queue_length, WithinRel(8.0 / 9.0, 1e-14));
    CHECK_THAT(m.metrics.mean_response_s, WithinRel(13.0 / 9.0, 1e-14));
    CHECK(m.metrics.blocking_prob < 1e-300);
    // M/M/c laws (Gross & Harris, ch. 2): P(W > t) = C·e^{−(cμ − λ)t};
    // P(R > t) = e^{−μt}·[1 + C·(1 − e^{−μt(c − 1 − a)})/(c − 1 − a)] for a ≠ c − 1.
    // Here a = c − 1 = 2: the limit gives P(R > t) = e^{−μt}(1 + C·μt).
    for (const double t : {0.1, 1.0, 5.0, 20.0}) {
        INFO("t=" << t);
        CHECK_THAT(mmck_wait_exceed(m, t), WithinRel(4.0 / 9.0 * std::exp(-t), 1e-13));
        CHECK_THAT(mmck_response_exceed(m, t),
                   WithinRel(std::exp(-t) * (1.0 + 4.0 / 9.0 * t), 1e-13));
    }
    // A case with a ≠ c − 1: λ = 9, μ = 5, m = 4 (Octave queueing inst/qsmmm.m: R = 0.212, tol
    // 1e-3).
    const MmckAnalysis a2 = analyze_mmck(mmck(9.0, 0.2, 4, 4 + 3000));
    CHECK_THAT(a2.metrics.mean_response_s, WithinAbs(0.212, 1e-3));
    const double c_prob = a2.metrics.p_wait;
    const double off = 4.0 - 1.0 - 1.8;
    for (const double t : {0.05, 0.3, 1.0}) {
        const double expected =
            std::exp(-5.0 * t) * (1.0 + c_prob * -std::expm1(-5.0 * t * off) / off);
        CHECK_THAT(mmck_response_exceed(a2, t), WithinRel(expected, 1e-13));
    }
}

TEST_CASE("mmck: M/M/1/K closed form", "[mmck]") {
    // Kleinrock 1975, §3.6 / Gross & Harris ch. 2: p_n = (1 − ρ)ρ^n/(1 − ρ^(K+1)),
    // L = ρ/(1 − ρ) − (K + 1)ρ^(K+1)/(1 − ρ^(K+1)); response of an arrival finding n is
    // Erlang(n + 1, μ), so P(R > t) = Σ_n p_n/(1 − p_K)·Q(n + 1, μt) (Boost.Math gamma_q).
    for (const double rho : {0.3, 0.8, 1.25, 3.0}) {
        const int k = 6;
        const MmckAnalysis m = analyze_mmck(mmck(rho, 1.0, 1, k));
        const double norm = (1.0 - std::pow(rho, k + 1)) / (1.0 - rho);
        const double p_k = std::pow(rho, k) / norm;
        const double l =
            rho / (1.0 - rho) - (k + 1) * std::pow(rho, k + 1) / (1.0 - std::pow(rho, k + 1));
        INFO("rho=" << rho);
        CHECK_THAT(m.metrics.blocking_prob, WithinRel(p_k, 1e-13));
        CHECK_THAT(m.metrics.mean_in_system, WithinRel(l, 1e-13));
        CHECK_THAT(mmck_state_prob(m, 0), WithinRel(1.0 / norm, 1e-13));
        for (const double t : {0.2, 1.0, 4.0, 15.0}) {
            double expected = 0.0;
            for (int n = 0; n < k; ++n) {
                expected +=
                    std::pow(rho, n) / norm / (1.0 - p_k) * boost::math::gamma_q(n + 1.0, t);
            }
            CHECK_THAT(mmck_response_exceed(m, t), WithinRel(expected, 1e-12));
            CHECK_THAT(mmck_wait_exceed(m, t),
                       WithinRel(wait_exceed_by_definition(rho, 1.0, 1, k, t), 1e-12));
        }
    }
}

TEST_CASE("mmck: rho = 1 exactly", "[mmck]") {
    // λ = 3, S = 1, c = 3, K = 8, by hand: weights 1, 3, 9/2, 9/2 and then 9/2 for n = 4…8,
    // total 71/2, so p0 = 2/71, p_K = 9/71, Lq = (9/2)(1 + … + 5)/(71/2) = 135/71.
    const MmckAnalysis m = analyze_mmck(mmck(3.0, 1.0, 3, 8));
    CHECK(m.log_rho == 0.0);
    CHECK_THAT(mmck_state_prob(m, 0), WithinRel(2.0 / 71.0, 1e-14));
    CHECK_THAT(m.metrics.blocking_prob, WithinRel(9.0 / 71.0, 1e-14));
    CHECK_THAT(m.metrics.mean_queue_length, WithinRel(135.0 / 71.0, 1e-14));
    CHECK_THAT(m.metrics.p_wait, WithinRel(22.5 / 31.0, 1e-14)); // (5·9/2)/(71/2 − 9/2)
    // Continuity through ρ = 1 (the series and the closed forms meet).
    for (const double eps : {1e-9, -1e-9, 1e-6, -1e-6}) {
        const MmckAnalysis n = analyze_mmck(mmck(3.0 * (1.0 + eps), 1.0, 3, 8));
        CHECK_THAT(n.metrics.mean_queue_length, WithinRel(135.0 / 71.0, 20.0 * std::abs(eps)));
        CHECK_THAT(mmck_wait_exceed(n, 1.5),
                   WithinRel(mmck_wait_exceed(m, 1.5), 20.0 * std::abs(eps)));
    }
    CHECK_THAT(mmck_wait_exceed(m, 0.7),
               WithinRel(wait_exceed_by_definition(3.0, 1.0, 3, 8, 0.7), 1e-13));
}

TEST_CASE("mmck: wait and response laws against their definitions", "[mmck]") {
    struct Case {
        double lambda, service_s;
        int c, k;
    };
    // Loads below, at and above one (ρ > 1 is allowed with a finite capacity).
    const std::vector<Case> cases{{3.0, 0.5, 2, 5},  {50.0, 0.1, 4, 6},  {40.0, 1.0 / 30.0, 3, 7},
                                  {5.0, 1.0, 3, 12}, {0.8, 1.0, 1, 6},   {30.0, 1.0, 20, 60},
                                  {7.0, 2.0, 5, 40}, {100.0, 0.05, 8, 9}};
    for (const Case& c : cases) {
        const MmckAnalysis m = analyze_mmck(mmck(c.lambda, c.service_s, c.c, c.k));
        for (const double u : {0.05, 0.3, 1.0, 3.0}) {
            const double t = u * c.service_s;
            INFO("lambda=" << c.lambda << " S=" << c.service_s << " c=" << c.c << " K=" << c.k
                           << " t=" << t);
            CHECK_THAT(
                mmck_wait_exceed(m, t),
                WithinRel(wait_exceed_by_definition(c.lambda, c.service_s, c.c, c.k, t), 1e-12));
            CHECK_THAT(mmck_response_exceed(m, t),
                       WithinRel(response_exceed_by_quadrature(m, c.service_s, t), 1e-12));
        }
    }
    // Spot values derived with mpmath (40 digits; wait by definition, response by quadrature).
    const MmckAnalysis m = analyze_mmck(mmck(3.0, 0.5, 2, 5));
    CHECK_THAT(mmck_wait_exceed(m, 0.7), WithinRel(0.10986040900493437, 1e-13));
    CHECK_THAT(mmck_response_exceed(m, 0.7), WithinRel(0.41997659982160449, 1e-13));
}

TEST_CASE("mmck: Little's law and the mean of the wait law", "[mmck]") {
    // L = X·W (Little) and E[W] = ∫ P(W > t) dt (Gauss–Kronrod on the exceedance function).
    for (const double lambda : {2.0, 4.0, 9.0}) {
        const MmckAnalysis m = analyze_mmck(mmck(lambda, 1.0, 4, 30));
        const auto& x = m.metrics;
        CHECK_THAT(x.mean_in_system, WithinRel(x.throughput_per_s * x.mean_response_s, 1e-14));
        CHECK_THAT(x.mean_queue_length, WithinRel(x.throughput_per_s * x.mean_wait_s, 1e-14));
        CHECK_THAT(x.utilization, WithinRel(x.throughput_per_s * 1.0 / 4.0, 1e-14));
        const double mean = boost::math::quadrature::gauss_kronrod<double, 61>::integrate(
            [&](double t) { return mmck_wait_exceed(m, t); }, 0.0,
            std::numeric_limits<double>::infinity(), 15, 1e-13);
        CHECK_THAT(mean, WithinRel(x.mean_wait_s, 1e-11));
    }
}

TEST_CASE("mmck: quantiles round-trip", "[mmck]") {
    // exceed(quantile(q)) = 1 − q, with the root found to ~1e-12 relative in t.
    for (const Station& s : {mmck(3.0, 0.5, 2, 5), mmck(9.0, 1.0, 10, 60), mmck(15.0, 1.0, 10, 200),
                             mmck(1.0, 1.0, 1, 1000)}) {
        const MmckAnalysis m = analyze_mmck(s);
        for (const double q : {0.5, 0.9, 0.99, 0.999}) {
            INFO("c=" << s.servers << " K=" << *s.capacity << " q=" << q);
            const double tw = mmck_wait_quantile_s(m, q);
            if (q <= 1.0 - m.metrics.p_wait) {
                CHECK(tw == 0.0);
            } else {
                CHECK_THAT(mmck_wait_exceed(m, tw), WithinRel(1.0 - q, 1e-10));
            }
            const double tr = mmck_response_quantile_s(m, q);
            CHECK_THAT(mmck_response_exceed(m, tr), WithinRel(1.0 - q, 1e-10));
            CHECK(tr >= tw);
        }
    }
    const MmckAnalysis m = analyze_mmck(mmck(3.0, 0.5, 2, 5));
    CHECK(mmck_wait_quantile_s(m, 0.0) == 0.0);
    CHECK(std::isinf(mmck_wait_quantile_s(m, 1.0)));
    CHECK(std::isnan(mmck_response_quantile_s(m, std::nan(""))));
}

TEST_CASE("mmck: large c and K against 50-digit arithmetic", "[mmck]") {
    // c = 10^5, K = c + 10^5. Oracle: p_n by the ratio recursion p_n/p_{n−1} = a/min(n, c) in
    // cpp_bin_float_50 (its ~±2^31 binary exponent range plays the role of log space here:
    // a^c/c! ≈ e^(10^5) does not overflow), summed directly. ρ = 0.9999 (p_K ≈ e^-10·p_c),
    // exactly 1, and 1.0005. Measured agreement ~5e-16 (with the recursion Erlang B).
    using Mp = boost::multiprecision::cpp_bin_float_50;
    const std::int64_t c = 100'000;
    const std::int64_t k = c + 100'000;
    for (const double a : {99'990.0, 100'000.0, 100'050.0}) {
        const Mp am(a);
        Mp w = 1;
        Mp z = 1;
        Mp queue = 0; // Σ_{n>c} (n − c)·w_n
        Mp open = 0;  // Σ_{n=c}^{K−1} w_n
        for (std::int64_t n = 1; n <= k; ++n) {
            w = w * am / Mp(std::min(n, c));
            z += w;
            if (n > c) {
                queue += Mp(n - c) * w;
            }
            if (n >= c && n < k) {
                open += w;
            }
        }
        const double p_k = static_cast<double>(w / z);
        const double p_wait = static_cast<double>(open / (z - w));
        const double lq = static_cast<double>(queue / z);
        const MmckAnalysis m = analyze_mmck(mmck(a, 1.0, c, k));
        INFO("a=" << a);
        CHECK_THAT(m.metrics.blocking_prob, WithinRel(p_k, 1e-12));
        CHECK_THAT(m.metrics.p_wait, WithinRel(p_wait, 1e-12));
        CHECK_THAT(m.metrics.mean_queue_length, WithinRel(lq, 1e-12));
        const double q99 = mmck_response_quantile_s(m, 0.99);
        CHECK(std::isfinite(q99));
        CHECK_THAT(mmck_response_exceed(m, q99), WithinRel(0.01, 1e-10));
    }
}

TEST_CASE("mmck: edges", "[mmck]") {
    const MmckAnalysis idle = analyze_mmck(mmck(0.0, 1.0, 2, 5));
    CHECK(idle.metrics.utilization == 0.0);
    CHECK(idle.metrics.mean_response_s == 1.0);
    CHECK(mmck_wait_exceed(idle, 1.0) == 0.0);
    CHECK_THAT(mmck_response_exceed(idle, 1.0), WithinRel(std::exp(-1.0), 1e-15));
    // Heavy overload: ρ = 1000 with a long queue stays finite, blocking → 1 − 1/ρ.
    const MmckAnalysis over = analyze_mmck(mmck(1000.0, 1.0, 1, 100'000));
    CHECK_THAT(over.metrics.blocking_prob, WithinRel(0.999, 1e-12));
    CHECK_THAT(over.metrics.throughput_per_s, WithinRel(1.0, 1e-12));
    CHECK(std::isfinite(mmck_wait_quantile_s(over, 0.99)));
    // Tiny load on many servers: Erlang B underflows; nothing waits or is blocked.
    const MmckAnalysis light = analyze_mmck(mmck(1.0, 1.0, 2000, 4000));
    CHECK(light.metrics.blocking_prob == 0.0);
    CHECK(light.metrics.p_wait == 0.0);
    CHECK_THAT(light.metrics.mean_in_system, WithinRel(1.0, 1e-15));
    // A vanishing load: B(1, a) = a/(1 + a) (Erlang B at c = 1), no NaN anywhere.
    CHECK_THAT(analyze_mmck(mmck(1e-300, 1.0, 1, 1)).metrics.blocking_prob,
               WithinRel(1e-300, 1e-12));
    const MmckAnalysis tiny = analyze_mmck(mmck(1e-310, 1.0, 1, 3));
    CHECK(tiny.metrics.blocking_prob == 0.0);
    CHECK(std::isfinite(tiny.metrics.mean_wait_s));
    CHECK(std::isfinite(mmck_response_quantile_s(tiny, 0.99)));
}
