// Erlang B and C without factorials (SPEC §5.2).
//
// B(c, a) = P(N = c) / P(N ≤ c) for N ~ Poisson(a) (Kleinrock 1975, §3.6). Three regimes:
//  - small c: the classic recursion 1/B(k) = 1 + (k/a)·1/B(k−1) from B(0) = 1; every term
//    is positive, so each step adds at most two roundings (relative error ≤ 2c·eps).
//  - c well below a (c < a − 5√a): 1/B = Σ_{j=0}^{c} Π_{i<j} (c − i)/a. Every ratio is below
//    1 − 5/√a, so the terms fall geometrically and then like a Gaussian: at most ~9√a terms
//    before they drop under eps, all positive (no cancellation); the Poisson CDF would
//    underflow here for large a, which is why this regime needs its own method.
//  - otherwise: the Poisson ratio with Boost.Math's regularised incomplete gamma,
//    P(N = c) = gamma_p_derivative(c + 1, a), P(N ≤ c) = gamma_q(c + 1, a); Boost evaluates
//    both with Temme's uniform expansion at large arguments, O(1) in c, and the CDF is
//    at least Φ(−5) here so the quotient is well conditioned.
// Tests compare with a 50-digit oracle: relative error ≤ 1e-12 for c, a up to 10^7.

#include "queueing/erlang.hpp"

#include <cmath>

#include <boost/math/special_functions/gamma.hpp>

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

double erlang_b_poisson_ratio(std::int64_t servers, double a) noexcept {
    using boost::math::gamma_p_derivative;
    using boost::math::gamma_q;
    const double k = static_cast<double>(servers) + 1.0;
    const double pmf = gamma_p_derivative(k, a, MathPolicy());
    const double cdf = gamma_q(k, a, MathPolicy());
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
    const double c = static_cast<double>(servers);
    if (c < a - 5.0 * std::sqrt(a)) {
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

double erlang_b_next(std::int64_t servers, double offered_erlangs,
                     double erlang_b_value) noexcept {
    const double ab = offered_erlangs * erlang_b_value;
    return ab / (static_cast<double>(servers + 1) + ab);
}

} // namespace capplan::queueing
