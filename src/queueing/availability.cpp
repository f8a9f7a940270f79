// k-of-n availability: machine-repairman chain and binomial sites (see availability.hpp).
#include "queueing/availability.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

namespace capplan::queueing {
namespace {

constexpr double k_neg_inf = -std::numeric_limits<double>::infinity();
constexpr double k_nan = std::numeric_limits<double>::quiet_NaN();

// A remainder whose total is below e^-850 (≈ 1e-369) cannot change any double result: every
// result is a set's sum divided by a total ≥ 1, and the smallest subnormal is ≈ e^-744.
constexpr double k_log_invisible = -850.0;
// Stop a walk once the rest of a set is below e^-40 ≈ 4e-18 of what it already holds.
constexpr double k_log_rel_negligible = -40.0;

// Streaming log-sum-exp: log Σ exp(l_i) over the added terms, without overflow or underflow.
class LogSum {
public:
    void add(double log_term) noexcept {
        if (log_term > m_max) {
            m_scaled = m_scaled * std::exp(m_max - log_term) + 1.0;
            m_max = log_term;
        } else {
            m_scaled += std::exp(log_term - m_max);
        }
    }
    // −inf when empty.
    [[nodiscard]] double log_value() const noexcept {
        return m_scaled > 0.0 ? m_max + std::log(m_scaled) : k_neg_inf;
    }

private:
    double m_max = k_neg_inf;
    double m_scaled = 0.0;
};

[[nodiscard]] double log_add(double x, double y) noexcept {
    const double hi = std::max(x, y);
    const double lo = std::min(x, y);
    if (lo == k_neg_inf) {
        return hi;
    }
    return hi + std::log1p(std::exp(lo - hi));
}

// The birth–death chain on the number j of failed units, 0 ≤ j ≤ total:
// π_j / π_{j−1} = (total − j + 1)·odds / min(j, crews), odds = MTTR/MTBF = (1 − a)/a.
struct Chain {
    std::int64_t total = 0;
    std::int64_t crews = 1; // 1 ≤ crews ≤ total
    double odds = 0.0;      // > 0 and finite
    double log_odds = 0.0;
};

// log(π_j / π_{j−1}) for 1 ≤ j ≤ total; non-increasing in j.
[[nodiscard]] double log_ratio(const Chain& ch, std::int64_t j) noexcept {
    const double up = static_cast<double>(ch.total - j + 1);
    const double busy = static_cast<double>(std::min(j, ch.crews));
    // One log of a product rounded once is more accurate than a sum of three logs; fall back
    // to the sum when the product leaves the normal range.
    const double x = up * ch.odds / busy;
    if (x >= std::numeric_limits<double>::min() && x <= std::numeric_limits<double>::max()) {
        return std::log(x);
    }
    return std::log(up / busy) + ch.log_odds;
}

// The largest j with π_j ≥ π_{j−1} (0 if none): a mode of the unimodal law.
[[nodiscard]] std::int64_t find_mode(const Chain& ch) noexcept {
    std::int64_t lo = 0;
    std::int64_t hi = ch.total;
    while (lo < hi) {
        const std::int64_t mid = lo + (hi - lo + 1) / 2;
        if (log_ratio(ch, mid) >= 0.0) {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    return lo;
}

// Upper bound (log) on the sum of all terms beyond the current one, log l, when every further
// step multiplies by at most exp(g) < 1: exp(l)·r/(1 − r) with r = exp(g).
[[nodiscard]] double log_rest_bound(double l, double g) noexcept {
    return l + g - std::log(-std::expm1(g)); // +inf when g = 0 (no bound yet)
}

// P(j < first_down) and P(j ≥ first_down), each summed directly in log space. The walk starts
// at the mode (weight 1, so the total is ≥ 1) and goes out in both directions: terms decrease
// geometrically with a ratio that only shrinks, which gives a rigorous stopping rule, and the
// partial logs stay small near the states that matter, so each term is accurate to about
// (steps from the mode) × eps.
[[nodiscard]] Availability solve(const Chain& ch, std::int64_t first_down) noexcept {
    LogSum up_set;   // j < first_down: enough servers up
    LogSum down_set; // j ≥ first_down
    const auto set_for = [&](std::int64_t j) -> LogSum& {
        return j < first_down ? up_set : down_set;
    };
    const std::int64_t mode = find_mode(ch);
    set_for(mode).add(0.0);

    // Upward: further terms j + 1, … all fall in down_set once j + 1 ≥ first_down.
    double l = 0.0;
    double g = mode < ch.total ? log_ratio(ch, mode + 1) : 0.0;
    for (std::int64_t j = mode + 1; j <= ch.total; ++j) {
        l += g;
        set_for(j).add(l);
        if (j == ch.total) {
            break;
        }
        g = log_ratio(ch, j + 1);
        const double rest = log_rest_bound(l, g);
        if (rest < k_log_invisible ||
            (j + 1 >= first_down && rest < down_set.log_value() + k_log_rel_negligible)) {
            break;
        }
    }
    // Downward: π_{j−1} = π_j·exp(−g(j)); further terms all fall in up_set once j − 1 < first_down.
    l = 0.0;
    g = mode > 0 ? log_ratio(ch, mode) : 0.0;
    for (std::int64_t j = mode - 1; j >= 0; --j) {
        l -= g;
        set_for(j).add(l);
        if (j == 0) {
            break;
        }
        g = log_ratio(ch, j);
        const double rest = log_rest_bound(l, -g);
        if (rest < k_log_invisible ||
            (j - 1 < first_down && rest < up_set.log_value() + k_log_rel_negligible)) {
            break;
        }
    }
    const double log_up = up_set.log_value();
    const double log_down = down_set.log_value();
    const double log_total = log_add(log_up, log_down);
    return {std::exp(log_up - log_total), std::exp(log_down - log_total)};
}

// The answer when it does not depend on the chain (needed ≤ 0 or needed > total).
[[nodiscard]] std::optional<Availability> trivial(std::int64_t total,
                                                  std::int64_t needed) noexcept {
    if (needed <= 0) {
        return Availability{1.0, 0.0};
    }
    if (needed > total) {
        return Availability{0.0, 1.0};
    }
    return std::nullopt;
}

} // namespace

Availability unit_availability(double mtbf_s, double mttr_s) noexcept {
    if (std::isnan(mtbf_s) || std::isnan(mttr_s)) {
        return {k_nan, k_nan};
    }
    if (mttr_s <= 0.0 || std::isinf(mtbf_s)) {
        return {1.0, 0.0};
    }
    if (mtbf_s <= 0.0 || std::isinf(mttr_s)) {
        return {0.0, 1.0};
    }
    // Through the odds r = MTTR/MTBF: no overflow of MTBF + MTTR, each result rounded ~3 times.
    const double odds = mttr_s / mtbf_s;
    return {1.0 / (1.0 + odds), odds / (1.0 + odds)};
}

Availability k_of_n_repairable(std::int64_t total, std::int64_t needed, std::int64_t repair_crews,
                               double mtbf_s, double mttr_s) noexcept {
    const Availability unit = unit_availability(mtbf_s, mttr_s);
    if (std::isnan(unit.available)) {
        return unit;
    }
    if (const auto out = trivial(total, needed)) {
        return *out;
    }
    if (unit.unavailable == 0.0) {
        return {1.0, 0.0};
    }
    if (unit.available == 0.0 || repair_crews <= 0) {
        return {0.0, 1.0};
    }
    const double odds = mttr_s / mtbf_s;
    if (!(odds > 0.0)) {
        return {1.0, 0.0}; // MTTR/MTBF underflowed: down states below any double
    }
    if (std::isinf(odds)) {
        return {0.0, 1.0};
    }
    const Chain ch{total, std::min(repair_crews, total), odds, std::log(odds)};
    return solve(ch, total - needed + 1);
}

Availability k_of_n_independent(std::int64_t total, std::int64_t needed,
                                const Availability& unit) noexcept {
    if (std::isnan(unit.available) || std::isnan(unit.unavailable)) {
        return {k_nan, k_nan};
    }
    if (const auto out = trivial(total, needed)) {
        return *out;
    }
    if (!(unit.unavailable > 0.0)) {
        return {1.0, 0.0};
    }
    if (!(unit.available > 0.0)) {
        return {0.0, 1.0};
    }
    const double odds = unit.unavailable / unit.available;
    if (!(odds > 0.0)) {
        return {1.0, 0.0};
    }
    if (std::isinf(odds)) {
        return {0.0, 1.0};
    }
    // Independent units are the chain with a crew per unit: π_j = C(N, j)(1 − a)^j a^(N − j).
    const Chain ch{total, total, odds, std::log(odds)};
    return solve(ch, total - needed + 1);
}

Availability k_of_n_independent(std::int64_t total, std::int64_t needed,
                                double unit_availability) noexcept {
    if (std::isnan(unit_availability)) {
        return {k_nan, k_nan};
    }
    const double a = std::clamp(unit_availability, 0.0, 1.0);
    return k_of_n_independent(total, needed, Availability{a, 1.0 - a});
}

} // namespace capplan::queueing
