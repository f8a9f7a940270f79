#pragma once
// Sums of probabilities in log space: the log of a Poisson probability, accurate for large
// means, and the sum of a log-concave sequence by walking out from its maximum. Used by the
// M/M/c/K waiting and response laws, which are Poisson-weighted mixtures.

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

namespace capplan::queueing {

// log P(N = i) for N ~ Poisson(mean), i ≥ 0, mean ≥ 0 (−inf where the probability is 0).
// Accurate to a few ulps of the result's size for any mean up to ~1e300: Stirling form with
// log1pmx for i ≥ 30, so no large terms cancel.
[[nodiscard]] double log_poisson_pmf(std::int64_t i, double mean) noexcept;

// log Σ_{i=lo}^{hi} exp(f(i)) for a concave f on [lo, hi] (log-concave terms), lo ≤ hi.
// Finds the maximum by bisection on the sign of f(i) − f(i − 1), then walks out both ways and
// stops once the rest — bounded by a geometric series, as the ratios only shrink away from the
// maximum — is below 1e-17 of the sum. −inf when every term is 0 or the sum is below ~e^-760.
// Cost: O(log(hi − lo)) evaluations plus the terms that carry the sum.
template <class F>
[[nodiscard]] double log_sum_concave(std::int64_t lo, std::int64_t hi, F&& f) {
    constexpr double neg_inf = -std::numeric_limits<double>::infinity();
    constexpr double rel_negligible = 1e-17;
    std::int64_t a = lo;
    std::int64_t b = hi;
    while (a < b) { // the last i with f(i) ≥ f(i − 1)
        const std::int64_t mid = a + (b - a + 1) / 2;
        if (f(mid) >= f(mid - 1)) {
            a = mid;
        } else {
            b = mid - 1;
        }
    }
    const std::int64_t mode = a;
    const double f_max = f(mode);
    const double log_count = std::log(static_cast<double>(hi - lo) + 1.0);
    if (!(f_max + log_count > -760.0)) {
        return neg_inf; // below every double probability (or NaN-free −inf terms)
    }
    double sum = 1.0; // Σ exp(f(i) − f_max)
    // The rest of a walk, from the current term on, is at most term/(1 − ratio).
    const auto negligible = [&](double term, double log_ratio) {
        return log_ratio < 0.0 && term < rel_negligible * sum * -std::expm1(log_ratio);
    };
    double prev = f_max;
    for (std::int64_t i = mode + 1; i <= hi; ++i) {
        const double cur = f(i);
        const double term = std::exp(cur - f_max);
        if (negligible(term, cur - prev)) {
            break;
        }
        sum += term;
        prev = cur;
    }
    prev = f_max;
    for (std::int64_t i = mode - 1; i >= lo; --i) {
        const double cur = f(i);
        const double term = std::exp(cur - f_max);
        if (negligible(term, cur - prev)) {
            break;
        }
        sum += term;
        prev = cur;
    }
    return f_max + std::log(sum);
}

} // namespace capplan::queueing
