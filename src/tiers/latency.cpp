// Request latency as an exact wait ⊕ a moment-fitted Gamma (docs/models.md#latency). See
// latency.hpp.
//
// Why not fit one Gamma to everything: the web wait has an atom at 0 (most requests do not
// wait) and an exponential tail; a moment fit over it would invent a tail where there is none
// at low load and miss it at high load. The other legs are sums of many small independent
// pieces, for which a two-moment Gamma is accurate enough.

#include "tiers/latency.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "queueing/tail_root.hpp"

namespace capplan::tiers {

using queueing::GammaLaw;
using queueing::WaitLaw;

Moments operator+(const Moments& a, const Moments& b) noexcept {
    return Moments{a.mean_s + b.mean_s, a.variance_s2 + b.variance_s2};
}

Moments repeat(const Moments& one, double n) noexcept {
    const double k = std::max(0.0, n);
    return Moments{k * one.mean_s, k * one.variance_s2};
}

Moments moments_of(const GammaLaw& g) noexcept {
    return Moments{g.mean_s, g.mean_s * g.mean_s * std::max(0.0, g.scv)};
}

Moments moments_of(const WaitLaw& w) noexcept {
    if (!(w.p_wait > 0.0) || !(w.theta_per_s > 0.0)) {
        return {};
    }
    return Moments{queueing::wait_mean_s(w), std::max(0.0, queueing::wait_variance_s2(w))};
}

Moments call_moments(double rtt_s, const WaitLaw& wait, const GammaLaw& service) noexcept {
    return Moments{rtt_s, 0.0} + moments_of(wait) + moments_of(service);
}

GammaLaw fit_gamma(const Moments& m) noexcept {
    if (!(m.mean_s > 0.0)) {
        return GammaLaw{0.0, 0.0};
    }
    return GammaLaw{m.mean_s, std::max(0.0, m.variance_s2) / (m.mean_s * m.mean_s)};
}

double request_exceed(const RequestLaw& law, double t_s) noexcept {
    const double wf = std::clamp(law.write_fraction, 0.0, 1.0);
    double e = 0.0;
    if (wf < 1.0) {
        e += (1.0 - wf) * queueing::sum_exceed(law.web_wait, law.read_rest, t_s);
    }
    if (wf > 0.0) {
        e += wf * queueing::sum_exceed(law.web_wait, law.write_rest, t_s);
    }
    return std::clamp(e, 0.0, 1.0);
}

double request_quantile_s(const RequestLaw& law, double q) noexcept {
    const double wf = std::clamp(law.write_fraction, 0.0, 1.0);
    if (wf <= 0.0) {
        return queueing::sum_quantile_s(law.web_wait, law.read_rest, q);
    }
    if (wf >= 1.0) {
        return queueing::sum_quantile_s(law.web_wait, law.write_rest, q);
    }
    // One root find on the mixture. Bracket: at t = 0 everything exceeds; at
    // t = w + max(g_read, g_write), with w and g the (1 − (1 − q)/2)-quantiles of the wait and
    // of each class's other legs, each class exceeds with at most (1 − q)/2 + (1 − q)/2 (union
    // bound), so the mixture does too.
    const double half = 1.0 - (1.0 - q) / 2.0;
    const double hi = queueing::wait_quantile_s(law.web_wait, half) +
                      std::max(queueing::gamma_quantile_s(law.read_rest, half),
                               queueing::gamma_quantile_s(law.write_rest, half));
    return queueing::tail_quantile_s([&](double t) { return request_exceed(law, t); }, q, 0.0, hi,
                                     40);
}

} // namespace capplan::tiers
