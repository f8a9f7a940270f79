// Waiting, service and response-time laws (docs/models.md#waiting-time, docs/models.md#response).
//
// W has an atom 1 − p at 0 and P(W > t) = p·e^{−θt}; G ~ Gamma(shape k = 1/c_s²,
// rate β = k/S). For independent W and G,
//   P(W + G > t) = Q_G(t) + p·I(t),   I(t) = ∫_0^t f_G(u)·e^{−θ(t−u)} du,
// because the atom contributes (1 − p)·Q_G(t) and the exponential part Q_G(t) + I(t).
// I(t) has three forms (δ = β − θ, x = δt):
//   θ < β, x > 1:  I = e^{−θt}·(β/δ)^k·P(k, x)                 (P the regularised lower gamma)
//   |x| ≤ 1:       I = e^{−βt}(βt)^k/Γ(k+1)·Σ_{n≥0} x^n/((k+1)…(k+n))
//   θ > β, x < −1: I = e^{−βt}(βt)^k/Γ(k)·J(k, y), y = −x, J(k, y) = ∫_0^1 (1−w)^{k−1}e^{−yw}dw
// The series form removes the singularity at θ = β (where I = e^{−βt}(βt)^k/Γ(k+1)).
// J is a sum of positive terms, e^{−y}·Σ_n yⁿ/(n!(k+n)), for y ≤ 50, and for larger y the
// asymptotic series Σ_n Π_{j≤n}(j − k)/y^{n+1} (Watson's lemma; it ends after k terms for an
// integer k and is otherwise cut at its smallest term, far below 1e-16 for y > 50). With
// exponential service (k = 1) every form reduces to I = β(e^{−βt} − e^{−θt})/(θ − β).
// Reference: Allen, Probability, Statistics and Queueing Theory (1990), §5.2 and §6.2;
// Olver, Asymptotics and Special Functions (1974), ch. 3 §3 (Watson's lemma).
//
// Above a shape of 1e6 (a sum of a million legs, or a leg whose spread is 0.1 % of its mean)
// the regularised incomplete gamma functions come from the Wilson–Hilferty cube-root normal
// law, (X/k)^(1/3) ~ N(1 − 1/(9k), 1/(9k)) for X ~ Gamma(k, 1): Boost's series for P and Q
// take 20–45 ms a call there (k ≥ 1e7, x within a few standard deviations of k), which made
// one plan take minutes. Against Boost at k = 1e6 the approximation is within 5.1e-9 in
// probability and 3.7e-10 relative in the quantiles of 0.5–0.9999, and within 1.8 % relative
// as far out as P = 1e-300 (the exponent error is k·ε⁴/108 for x = k(1 + ε)); all of it
// shrinks as 1/k (docs/models.md#response). Reference: Wilson and Hilferty, "The distribution
// of chi-square", PNAS 17 (1931) 684–688; Johnson, Kotz and Balakrishnan, Continuous
// Univariate Distributions vol. 1 (2nd ed., 1994), §18.8.

#include "queueing/distributions.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include <boost/math/special_functions/erf.hpp>
#include <boost/math/special_functions/gamma.hpp>

#include "queueing/math_policy.hpp"
#include "queueing/tail_root.hpp"

namespace capplan::queueing {
namespace {

constexpr double k_inf = std::numeric_limits<double>::infinity();

// Shapes above this use the Wilson–Hilferty law (see the file comment).
constexpr double k_wilson_hilferty_shape = 1e6;

// z of x under Wilson–Hilferty for Gamma(k, 1).
double wilson_hilferty_z(double k, double x) noexcept {
    const double var = 1.0 / (9.0 * k);
    return (std::cbrt(x / k) - (1.0 - var)) / std::sqrt(var);
}

// P(k, x) and Q(k, x), the regularised lower and upper incomplete gamma functions.
double lower_gamma(double k, double x) noexcept {
    if (k > k_wilson_hilferty_shape) {
        return 0.5 * std::erfc(-wilson_hilferty_z(k, x) / std::sqrt(2.0));
    }
    return boost::math::gamma_p(k, x, MathPolicy());
}

double upper_gamma(double k, double x) noexcept {
    if (k > k_wilson_hilferty_shape) {
        return 0.5 * std::erfc(wilson_hilferty_z(k, x) / std::sqrt(2.0));
    }
    return boost::math::gamma_q(k, x, MathPolicy());
}

// The x with P(k, x) = p.
// NOLINTNEXTLINE(bugprone-exception-escape): Boost.Math under MathPolicy never throws.
double lower_gamma_inverse(double k, double p) noexcept {
    if (k > k_wilson_hilferty_shape) {
        const double var = 1.0 / (9.0 * k);
        const double z = -std::sqrt(2.0) * boost::math::erfc_inv(2.0 * p, MathPolicy());
        const double root = 1.0 - var + z * std::sqrt(var);
        return k * root * root * root;
    }
    return boost::math::gamma_p_inv(k, p, MathPolicy());
}

bool is_deterministic(const GammaLaw& g) noexcept {
    return g.scv <= 0.0;
}

double gamma_shape(const GammaLaw& g) noexcept {
    return 1.0 / g.scv;
}

double gamma_rate(const GammaLaw& g) noexcept {
    return 1.0 / (g.mean_s * g.scv);
}

// I(t) for θ < β or |δt| ≤ 1, by the closed form or the series (see the file comment).
double convolution_closed_form(double theta, double k, double beta, double t) noexcept {
    const double x = (beta - theta) * t;
    if (std::abs(x) <= 1.0) {
        double sum = 1.0;
        double term = 1.0;
        for (int n = 1; n < 200; ++n) {
            term *= x / (k + n);
            sum += term;
            if (std::abs(term) < 1e-17 * std::abs(sum)) {
                break;
            }
        }
        return boost::math::gamma_p_derivative(k + 1.0, beta * t, MathPolicy()) * sum;
    }
    const double p = lower_gamma(k, x);
    if (!(p > 0.0)) {
        return 0.0;
    }
    return std::exp(-theta * t + k * std::log(beta / (beta - theta)) + std::log(p));
}

// J(k, y) = ∫_0^1 (1 − w)^{k−1} e^{−yw} dw for y > 1 (see the file comment).
double integral_j(double k, double y) noexcept {
    if (y <= 50.0) {
        double term = 1.0 / k; // n = 0: yⁿ/(n!(k + n))
        double power = 1.0;    // yⁿ/n!
        double sum = term;
        for (int n = 1; n < 400; ++n) {
            power *= y / n;
            term = power / (k + n);
            sum += term;
            if (term < 1e-17 * sum && n > y) {
                break;
            }
        }
        return std::exp(-y) * sum;
    }
    double term = 1.0 / y;
    double sum = term;
    for (int n = 1; n < 200; ++n) {
        const double next = term * (n - k) / y;
        if (next == 0.0 || std::abs(next) >= std::abs(term)) {
            break; // ended (integer k) or past the smallest term
        }
        term = next;
        sum += term;
        if (std::abs(term) < 1e-17 * std::abs(sum)) {
            break;
        }
    }
    return sum;
}

// I(t) for θ > β with (θ − β)t > 1.
double convolution_fast_wait(double theta, double k, double beta, double t) noexcept {
    const double y = (theta - beta) * t;
    const double prefix =
        beta * t *
        boost::math::gamma_p_derivative(k, beta * t, MathPolicy()); // (βt)^k e^{−βt}/Γ(k)
    return prefix * integral_j(k, y);
}

// I(t) for exponential service (k = 1), any θ ≠ β with |θ − β|t > 1: no cancellation there.
double convolution_exponential(double theta, double beta, double t) noexcept {
    return beta * (std::exp(-beta * t) - std::exp(-theta * t)) / (theta - beta);
}

} // namespace

double wait_mean_s(const WaitLaw& w) noexcept {
    return w.p_wait > 0.0 ? w.p_wait / w.theta_per_s : 0.0;
}

double wait_variance_s2(const WaitLaw& w) noexcept {
    if (!(w.p_wait > 0.0)) {
        return 0.0;
    }
    const double m = w.p_wait / w.theta_per_s;
    return 2.0 * w.p_wait / (w.theta_per_s * w.theta_per_s) - m * m;
}

double wait_exceed(const WaitLaw& w, double t_s) noexcept {
    if (t_s < 0.0) {
        return 1.0;
    }
    if (!(w.p_wait > 0.0)) {
        return 0.0;
    }
    return w.p_wait * std::exp(-w.theta_per_s * t_s);
}

double wait_quantile_s(const WaitLaw& w, double q) noexcept {
    if (q <= 1.0 - w.p_wait) {
        return 0.0;
    }
    if (!(w.theta_per_s > 0.0)) {
        return k_inf;
    }
    return std::log(w.p_wait / (1.0 - q)) / w.theta_per_s;
}

double gamma_exceed(const GammaLaw& g, double t_s) noexcept {
    if (t_s < 0.0) {
        return 1.0;
    }
    if (is_deterministic(g)) {
        return t_s < g.mean_s ? 1.0 : 0.0;
    }
    if (g.scv == 1.0) {
        return std::exp(-t_s / g.mean_s); // exponential
    }
    return upper_gamma(gamma_shape(g), t_s * gamma_rate(g));
}

// NOLINTNEXTLINE(bugprone-exception-escape): Boost.Math under MathPolicy never throws.
double gamma_quantile_s(const GammaLaw& g, double q) noexcept {
    if (is_deterministic(g)) {
        return g.mean_s;
    }
    if (g.scv == 1.0) {
        return -std::log1p(-q) * g.mean_s; // exponential
    }
    return lower_gamma_inverse(gamma_shape(g), q) / gamma_rate(g);
}

double sum_exceed(const WaitLaw& w, const GammaLaw& g, double t_s) noexcept {
    if (t_s <= 0.0) {
        return 1.0;
    }
    if (!(w.p_wait > 0.0)) {
        return gamma_exceed(g, t_s);
    }
    if (is_deterministic(g)) {
        return t_s < g.mean_s ? 1.0 : wait_exceed(w, t_s - g.mean_s);
    }
    const double k = gamma_shape(g);
    const double beta = gamma_rate(g);
    const double theta = w.theta_per_s;
    const double x = (beta - theta) * t_s;
    double convolution = 0.0;
    if (k == 1.0 && std::abs(x) > 1.0) {
        convolution = convolution_exponential(theta, beta, t_s);
    } else if (x >= -1.0) { // |x| ≤ 1 (the series) or x > 1 (the closed form)
        convolution = convolution_closed_form(theta, k, beta, t_s);
    } else {
        convolution = convolution_fast_wait(theta, k, beta, t_s);
    }
    return std::min(1.0, gamma_exceed(g, t_s) + w.p_wait * convolution);
}

// NOLINTNEXTLINE(bugprone-exception-escape): Boost.Math under MathPolicy never throws.
double sum_quantile_s(const WaitLaw& w, const GammaLaw& g, double q) noexcept {
    if (!(w.p_wait > 0.0)) {
        return gamma_quantile_s(g, q);
    }
    if (is_deterministic(g)) {
        return g.mean_s + wait_quantile_s(w, q);
    }
    // P(W + G > t) ≥ max(P(W > t), P(G > t)) gives the lower end of the bracket; the union
    // bound P(W + G > a + b) ≤ P(W > a) + P(G > b) with each tail (1 − q)/2 the upper end.
    const double tail = 1.0 - q;
    const double lo = std::max(wait_quantile_s(w, q), gamma_quantile_s(g, q));
    const double hi = wait_quantile_s(w, 1.0 - tail / 2.0) + gamma_quantile_s(g, 1.0 - tail / 2.0);
    return tail_quantile_s([&](double t) { return sum_exceed(w, g, t); }, q, lo, hi, 44);
}

} // namespace capplan::queueing
