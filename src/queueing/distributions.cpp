// Waiting, service and response-time laws (SPEC §5.2, §5.3).
//
// W has an atom 1 − p at 0 and P(W > t) = p·e^{−θt}; G ~ Gamma(shape k = 1/c_s²,
// rate β = k/S). For independent W and G,
//   P(W + G > t) = Q_G(t) + p·I(t),   I(t) = ∫_0^t f_G(u)·e^{−θ(t−u)} du,
// because the atom contributes (1 − p)·Q_G(t) and the exponential part Q_G(t) + I(t).
// I(t) in closed form (δ = β − θ, x = δt):
//   I(t) = e^{−θt}·(β/δ)^k·P(k, x)                         (θ < β, P regularised lower gamma)
//        = e^{−βt}(βt)^k/Γ(k+1)·Σ_{n≥0} x^n/((k+1)…(k+n))   (any sign of x; used for |x| ≤ 1)
// The series form removes the singularity at θ = β (where I = e^{−βt}(βt)^k/Γ(k+1)).
// For θ > β with |x| > 1 the series alternates and cancels, so I is integrated numerically
// (tanh-sinh quadrature, which tolerates the u^{k−1} endpoint singularity when k < 1).
// Reference: Allen, Probability, Statistics and Queueing Theory (1990), §5.2 and §6.2.

#include "queueing/distributions.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include <boost/math/quadrature/tanh_sinh.hpp>
#include <boost/math/special_functions/gamma.hpp>
#include <boost/math/tools/toms748_solve.hpp>

#include "queueing/math_policy.hpp"

namespace capplan::queueing {
namespace {

constexpr double k_inf = std::numeric_limits<double>::infinity();

bool is_deterministic(const GammaLaw& g) noexcept { return g.scv <= 0.0; }

double gamma_shape(const GammaLaw& g) noexcept { return 1.0 / g.scv; }

double gamma_rate(const GammaLaw& g) noexcept { return 1.0 / (g.mean_s * g.scv); }

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
    const double p = boost::math::gamma_p(k, x, MathPolicy());
    if (!(p > 0.0)) {
        return 0.0;
    }
    return std::exp(-theta * t + k * std::log(beta / (beta - theta)) + std::log(p));
}

// I(t) for θ > β by quadrature of f_G(u)·e^{−θ(t−u)} over [0, t].
double convolution_quadrature(double theta, double k, double beta, double t) noexcept {
    auto integrand = [&](double u, double distance_to_end) {
        // tanh_sinh passes the distance to the nearer endpoint; use it near u = t so the
        // exponent is exact where the integrand is largest.
        const double to_end = (u > 0.5 * t) ? distance_to_end : t - u;
        return beta * boost::math::gamma_p_derivative(k, beta * u, MathPolicy()) *
               std::exp(-theta * to_end);
    };
    boost::math::quadrature::tanh_sinh<double> integrator;
    const double value = integrator.integrate(integrand, 0.0, t, 1e-13);
    return std::isfinite(value) ? std::max(0.0, value) : 0.0;
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
    return boost::math::gamma_q(gamma_shape(g), t_s * gamma_rate(g), MathPolicy());
}

double gamma_quantile_s(const GammaLaw& g, double q) noexcept {
    if (is_deterministic(g)) {
        return g.mean_s;
    }
    return boost::math::gamma_p_inv(gamma_shape(g), q, MathPolicy()) / gamma_rate(g);
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
    const double convolution = (x >= -1.0) ? convolution_closed_form(theta, k, beta, t_s)
                                           : convolution_quadrature(theta, k, beta, t_s);
    return std::min(1.0, gamma_exceed(g, t_s) + w.p_wait * convolution);
}

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
    double lo = std::max(wait_quantile_s(w, q), gamma_quantile_s(g, q));
    double hi = wait_quantile_s(w, 1.0 - tail / 2.0) + gamma_quantile_s(g, 1.0 - tail / 2.0);
    if (!(hi > lo)) {
        return lo;
    }
    // Root of log P(W + G > t) − log(1 − q): the log keeps the function well scaled in the tail.
    auto f = [&](double t) {
        const double e = sum_exceed(w, g, t);
        return (e > 0.0 ? std::log(e) : -745.0) - std::log(tail);
    };
    const double f_lo = f(lo);
    const double f_hi = f(hi);
    if (f_lo <= 0.0) {
        return lo;
    }
    if (f_hi >= 0.0) {
        return hi;
    }
    std::uintmax_t iterations = 200;
    const auto root = boost::math::tools::toms748_solve(
        f, lo, hi, f_lo, f_hi, boost::math::tools::eps_tolerance<double>(44), iterations,
        MathPolicy());
    return 0.5 * (root.first + root.second);
}

} // namespace capplan::queueing
