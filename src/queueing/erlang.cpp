// Erlang B and C without factorials (docs/models.md#erlang).
//
// B(c, a) = P(N = c) / P(N ≤ c) for N ~ Poisson(a) (Kleinrock 1975, ch. 3). Three regimes:
//  - c ≤ 64: the classic recursion 1/B(k) = 1 + (k/a)·1/B(k−1) from B(0) = 1; every term
//    is positive, so each step adds at most two roundings (relative error ≤ 2c·eps).
//  - c > 64 and c < a: 1/B = Σ_{j=0}^{c} Π_{i<j} (c − i)/a. Every ratio is below 1, so the terms
//    fall, at the latest like the Gaussian e^{−j²/2a}: at most ~9√a terms before they drop
//    under eps, all positive (no cancellation). Term j carries at most 2j roundings, so the
//    relative error is at most 2·E[j]·eps ≲ 1.6√a·eps (≈ 6e-13 at a = 10^7). The Poisson
//    CDF in the ratio below is tiny here, and Boost's left tail loses digits (2.9e-12 at
//    c = 990,000, a = 10^6), which is why this regime has its own method.
//  - c > 64 and c ≥ a: the Poisson ratio P(N = c)/P(N ≤ c). The CDF is gamma_q(c + 1, a) from
//    Boost.Math (Temme's uniform expansion at large arguments, O(1) in c); it is at least
//    about 1/2 here, so it is accurate and the quotient well conditioned. The point mass is
//    written with Stirling's series so that its only large quantity is one exponent:
//    P(N = c) = exp(c·(ln(1 + δ) − δ) − s(c)) / √(2πc), δ = (a − c)/c, s(c) = lnΓ(c) −
//    ((c − ½)ln c − c + ½ln 2π) = 1/(12c) − 1/(360c³) + …, with ln(1 + δ) − δ from Boost's
//    log1pmx. Its relative error is about eps times the exponent (≤ ~700 above 1e-300),
//    where Boost's gamma_p_derivative lost 3e-12 in the far right tail.
// Tests compare with a 50-digit oracle: relative error ≤ 1e-12 for c, a up to 10^7.

#include "queueing/erlang.hpp"

#include <cmath>

#include <boost/math/special_functions/gamma.hpp>
#include <boost/math/special_functions/log1p.hpp>

#include "queueing/math_policy.hpp"

namespace capplan::queueing {
namespace {

constexpr std::int64_t k_recursion_limit = 64;

double erlang_b_recursion(std::int64_t servers, double a) noexcept {
    double inverse = 1.0; // 1/B(0)
    for (std::int64_t k = 1; k <= servers; ++k) {
        inverse = 1.0 + inverse * (static_cast<double>(k) / a);
    }
    return 1.0 / inverse;
}

double erlang_b_descending_series(std::int64_t servers, double a) noexcept {
    double sum = 1.0;
    double term = 1.0;
    for (std::int64_t i = 0; i < servers; ++i) {
        term *= static_cast<double>(servers - i) / a;
        sum += term;
        if (term < sum * 1e-18) {
            break;
        }
    }
    return 1.0 / sum;
}

// ln of Stirling's remainder s(c) = lnΓ(c) − ((c − ½)ln c − c + ½ln 2π) for c > 64, where
// four terms leave an error below 1e-19 (Abramowitz & Stegun 6.1.41).
double stirling_remainder(double c) noexcept {
    const double inv = 1.0 / c;
    const double inv2 = inv * inv;
    return inv * (1.0 / 12.0 - inv2 * (1.0 / 360.0 - inv2 * (1.0 / 1260.0 - inv2 / 1680.0)));
}

// P(N = c) for N ~ Poisson(a), c > 64 (see the file comment).
double poisson_pmf_stirling(double c, double a) noexcept {
    constexpr double two_pi = 6.283185307179586476925286766559;
    const double delta = (a - c) / c;
    const double exponent = c * boost::math::log1pmx(delta, MathPolicy()) - stirling_remainder(c);
    return std::exp(exponent) / std::sqrt(two_pi * c);
}

double erlang_b_poisson_ratio(std::int64_t servers, double a) noexcept {
    const double c = static_cast<double>(servers);
    const double pmf = poisson_pmf_stirling(c, a);
    const double cdf = boost::math::gamma_q(c + 1.0, a, MathPolicy());
    if (!(pmf > 0.0) || !(cdf > 0.0) || !std::isfinite(pmf)) {
        return 0.0; // below the smallest double: B < 1e-308
    }
    return pmf / cdf;
}

} // namespace

double erlang_b(std::int64_t servers, double offered_erlangs) noexcept {
    if (servers <= 0) {
        return 1.0;
    }
    if (!(offered_erlangs > 0.0)) {
        return 0.0;
    }
    const double a = offered_erlangs;
    if (servers <= k_recursion_limit) {
        return erlang_b_recursion(servers, a);
    }
    if (static_cast<double>(servers) < a) {
        return erlang_b_descending_series(servers, a);
    }
    return erlang_b_poisson_ratio(servers, a);
}

double erlang_c_from_b(std::int64_t servers, double offered_erlangs,
                       double erlang_b_value) noexcept {
    const double c = static_cast<double>(servers);
    const double a = offered_erlangs;
    if (servers <= 0 || a >= c) {
        return 1.0;
    }
    if (!(a > 0.0)) {
        return 0.0;
    }
    if (servers == 1) {
        return a; // M/M/1: P(wait) = ρ exactly
    }
    // C = c·B / (c − a + a·B): both parts of the denominator are positive, so no cancellation.
    return c * erlang_b_value / ((c - a) + a * erlang_b_value);
}

double erlang_c(std::int64_t servers, double offered_erlangs) noexcept {
    return erlang_c_from_b(servers, offered_erlangs, erlang_b(servers, offered_erlangs));
}

double erlang_b_next(std::int64_t servers, double offered_erlangs, double erlang_b_value) noexcept {
    const double ab = offered_erlangs * erlang_b_value;
    return ab / (static_cast<double>(servers + 1) + ab);
}

} // namespace capplan::queueing
