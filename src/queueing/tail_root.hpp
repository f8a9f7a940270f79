#pragma once
// The q-quantile of a law known through its exceedance function, by a bracketing root find on
// log P(X > t) − log(1 − q): the log keeps the function well scaled deep in the tail. Shared by
// the response law of one station and the request-time mixture of the planner.

#include <algorithm>
#include <cmath>
#include <cstdint>

#include <boost/math/tools/toms748_solve.hpp>

#include "queueing/math_policy.hpp"

namespace capplan::queueing {

// The t in [lo, hi] with exceed(t) = 1 − q, for a non-increasing `exceed` whose value at lo is
// at least 1 − q and at hi at most 1 − q (otherwise the nearer end). `bits` is the relative
// precision of t (44 bits ≈ 6e-14).
template <class Exceed>
[[nodiscard]] double tail_quantile_s(Exceed exceed, double q, double lo, double hi, unsigned bits) {
    if (!(hi > lo)) {
        return lo;
    }
    const double log_tail = std::log(1.0 - q);
    auto f = [&](double t) {
        const double e = exceed(t);
        return (e > 0.0 ? std::log(e) : -745.0) - log_tail;
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
        f, lo, hi, f_lo, f_hi, boost::math::tools::eps_tolerance<double>(bits), iterations,
        MathPolicy());
    return 0.5 * (root.first + root.second);
}

} // namespace capplan::queueing
