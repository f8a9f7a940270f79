// log Poisson probabilities (see log_sums.hpp).
#include "queueing/log_sums.hpp"

#include <boost/math/policies/policy.hpp>
#include <boost/math/special_functions/log1p.hpp>

#include <numbers>

namespace capplan::queueing {
namespace {

using NoThrow = boost::math::policies::policy<
    boost::math::policies::domain_error<boost::math::policies::ignore_error>,
    boost::math::policies::overflow_error<boost::math::policies::ignore_error>,
    boost::math::policies::evaluation_error<boost::math::policies::ignore_error>>;

// δ(n) = log n! − [(n + ½)·log n − n + ½·log 2π], the Stirling series; for n ≥ 30 the first
// omitted term, 1/(1188 n⁹), is below 5e-17.
[[nodiscard]] double stirling_correction(double n) noexcept {
    const double r = 1.0 / n;
    const double r2 = r * r;
    return r * (1.0 / 12.0 - r2 * (1.0 / 360.0 - r2 * (1.0 / 1260.0 - r2 * (1.0 / 1680.0))));
}

} // namespace

double log_poisson_pmf(std::int64_t i, double mean) noexcept {
    constexpr double neg_inf = -std::numeric_limits<double>::infinity();
    if (i < 0 || !(mean >= 0.0)) {
        return neg_inf;
    }
    if (mean == 0.0) {
        return i == 0 ? 0.0 : neg_inf;
    }
    const double n = static_cast<double>(i);
    if (i < 30) {
        return -mean + n * std::log(mean) - std::lgamma(n + 1.0);
    }
    // log(e^-m m^n / n!) = n·(log(m/n) − (m/n − 1)) − ½·log(2πn) − δ(n) = n·log1pmx(m/n − 1) − …
    // m/n − 1 = (m − n)/n is exact-ish near the mode, where the terms that matter are.
    const double u = (mean - n) / n;
    const double core = u > -1.0 ? boost::math::log1pmx(u, NoThrow()) : neg_inf;
    return n * core - 0.5 * std::log(2.0 * std::numbers::pi * n) - stirling_correction(n);
}

} // namespace capplan::queueing
