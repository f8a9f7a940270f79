// Che's LRU approximation over Zipf popularity and cache node sizing (docs/models.md#cache-model).
// See cache_model.hpp for the model and its references.

#include "tiers/cache_model.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <vector>

#include <boost/math/quadrature/gauss.hpp>
#include <boost/math/tools/toms748_solve.hpp>

#include "tiers/shards.hpp"

namespace capplan::tiers {
namespace {

constexpr double k_max_objects = 1e15;
constexpr double k_max_alpha = 10.0;     // the workload's range of `zipf`
constexpr double k_exact_terms = 64.0;   // the head summed term by term
constexpr double k_max_log_time = 700.0; // e^700 is finite; no Che time gets near it
constexpr double k_panel_width = 2.0;    // quadrature panel width in α·ln x
constexpr int k_gauss_points = 10;
constexpr double k_cache_all_miss = 1e-15; // a miss ratio below this is "everything cached"

double clamp_objects(double n) noexcept {
    return std::isnan(n) ? 1.0 : std::clamp(std::round(n), 1.0, k_max_objects);
}

double clamp_alpha(double alpha) noexcept {
    return std::isnan(alpha) ? 0.0 : std::clamp(alpha, 0.0, k_max_alpha);
}

// The popularity law of one (N, α), tabulated once per call so that each evaluation of the
// Che sums at a new T costs one expm1 per term.
//
// Method. h(T), C(T) and the miss ratio m(T) = Σ qᵢe^(−qᵢT) are sums Σ f(i) of smooth functions
// of i. The first K = min(N, 64) terms are summed exactly (smallest first). The tail
// i = K+1..N is the midpoint Euler–Maclaurin form
//     Σ_{i=a..b} f(i) = ∫_{a−½}^{b+½} f(x) dx − [f'(b+½) − f'(a−½)]/24 + R,
// R ≈ (7/5760)·[f'''(b+½) − f'''(a−½)], with f''' ≈ f/x³ near x = K: ~5e-9·f(K); the integral
// is taken in t = ln x (dx = x dt) by 10-point Gauss–Legendre on panels of width 2/max(1, α) in
// t, over which every integrand (a power of x times a function of qT = e^(−αt)·T/H) is analytic and
// slowly varying. Checked against the term-by-term sums for 65 ≤ N ≤ 10^6 and α from 0 to 2
// (tests/tiers/test_cache_model.cpp): |Δh| < 1e-10 at every tested target; the few cases between
// 1e-11 and 1e-10 come from the head (K), not the panels (widths 0.5, 1 and 2 fail the same 44 of
// 1,440 checks at 1e-11). The cost is independent of N: 64 + ≤ 20·9·max(1, α) terms per
// evaluation (a head of 1,024 terms and panels of 0.5 were closer by ~1e-11 and 8 times slower).
// The table of the last (N, α) is kept per thread: the planner asks the same catalogue
// many times at one user point.
class ZipfTable {
public:
    ZipfTable(double n_objects, double alpha) : m_n(n_objects), m_alpha(alpha) {
        const double h = zipf_normaliser(m_n, m_alpha);
        m_log_h = std::log(h);
        const double head = std::min(m_n, k_exact_terms);
        m_head_q.reserve(static_cast<std::size_t>(head));
        for (double i = head; i >= 1.0; i -= 1.0) {
            m_head_q.push_back(std::pow(i, -m_alpha) / h);
        }
        if (m_n <= head) {
            return;
        }
        m_lo_x = head + 0.5;
        m_hi_x = m_n + 0.5;
        m_lo_q = std::pow(m_lo_x, -m_alpha) / h;
        m_hi_q = std::pow(m_hi_x, -m_alpha) / h;
        const double t0 = std::log(m_lo_x);
        const double span = std::log(m_hi_x) - t0;
        const double width = k_panel_width / std::max(1.0, m_alpha);
        const double panels = std::max(1.0, std::ceil(span / width));
        const double half = 0.5 * span / panels;
        using Gauss = boost::math::quadrature::gauss<double, k_gauss_points>;
        const auto& xs = Gauss::abscissa();
        const auto& ws = Gauss::weights();
        for (double p = 0.0; p < panels; p += 1.0) {
            const double mid = t0 + (2.0 * p + 1.0) * half;
            for (std::size_t j = 0; j < xs.size(); ++j) {
                for (const double sign : {-1.0, 1.0}) {
                    const double x = std::exp(mid + sign * xs[j] * half);
                    m_tail_q.push_back(std::pow(x, -m_alpha) / h);
                    m_tail_w.push_back(ws[j] * half * x);
                }
            }
        }
    }

    [[nodiscard]] double n() const noexcept { return m_n; }
    [[nodiscard]] double alpha() const noexcept { return m_alpha; }
    // ln q₁ and ln q_N (q₁ = 1/H is the largest popularity, q_N the smallest).
    [[nodiscard]] double log_q_first() const noexcept { return -m_log_h; }
    [[nodiscard]] double log_q_last() const noexcept { return -m_alpha * std::log(m_n) - m_log_h; }

    // h(T) (from the miss sum when above ½, where it is the more accurate), m(T) and C(T).
    // miss_slope = dm/dT = −Σqᵢ²e^(−qᵢT), without the endpoint correction (it only steers
    // the root finder).
    struct Sums {
        double hit = 0.0;
        double miss = 1.0;
        double capacity = 0.0;
        double miss_slope = 0.0;
    };
    [[nodiscard]] Sums evaluate(double t) const noexcept {
        double hit = 0.0;
        double miss = 0.0;
        double cap = 0.0;
        double slope = 0.0;
        for (const double q : m_head_q) {
            const double e = std::expm1(-q * t); // e^(−qT) − 1
            hit -= q * e;
            miss += q * (1.0 + e);
            cap -= e;
            slope -= q * q * (1.0 + e);
        }
        if (!m_tail_q.empty()) {
            for (std::size_t k = 0; k < m_tail_q.size(); ++k) {
                const double q = m_tail_q[k];
                const double w = m_tail_w[k];
                const double e = std::expm1(-q * t);
                hit -= w * q * e;
                miss += w * q * (1.0 + e);
                cap -= w * e;
                slope -= w * q * q * (1.0 + e);
            }
            // Euler–Maclaurin endpoint correction −[f'(b+½) − f'(a−½)]/24 with q' = −αq/x:
            // (q(1 − e^(−qT)))' = q'(1 − e^(−qT) + qT·e^(−qT)), (q·e^(−qT))' = q'e^(−qT)(1 − qT),
            // (1 − e^(−qT))' = q'·T·e^(−qT).
            auto corr = [&](double x, double q, double sign) {
                const double dq = -m_alpha * q / x;
                const double qt = q * t;
                const double e = std::exp(-qt);
                hit -= sign * dq * (-std::expm1(-qt) + qt * e) / 24.0;
                miss -= sign * dq * e * (1.0 - qt) / 24.0;
                cap -= sign * dq * t * e / 24.0;
            };
            corr(m_hi_x, m_hi_q, 1.0);
            corr(m_lo_x, m_lo_q, -1.0);
        }
        Sums s;
        s.miss_slope = std::min(slope, 0.0);
        s.miss = std::clamp(miss, 0.0, 1.0);
        s.hit = std::clamp(hit < 0.5 ? hit : 1.0 - miss, 0.0, 1.0);
        s.capacity = std::clamp(cap, 0.0, m_n);
        return s;
    }

private:
    double m_n;
    double m_alpha;
    double m_log_h = 0.0;
    std::vector<double> m_head_q;
    std::vector<double> m_tail_q; // popularity at each quadrature node
    std::vector<double> m_tail_w; // its weight, dx included
    double m_lo_x = 0.0, m_hi_x = 0.0, m_lo_q = 0.0, m_hi_q = 0.0;
};

const ZipfTable& zipf_table(double n, double alpha) {
    thread_local std::optional<ZipfTable> last;
    if (!last || last->n() != n || last->alpha() != alpha) {
        last.emplace(n, alpha);
    }
    return *last;
}

// The root of a function of u = ln T rising through 0 on [u_lo, u_hi]: widens the bracket (by
// e^5 a step, within ±k_max_log_time) until it brackets, then toms748 to 1e-12 in u. Returns
// NaN when even u = k_max_log_time stays below 0 (the caller caches everything).
template <class F>
double solve_log_time(F f, double u_lo, double u_hi) {
    u_lo = std::clamp(u_lo, -k_max_log_time, k_max_log_time);
    u_hi = std::clamp(u_hi, u_lo, k_max_log_time);
    double f_lo = f(u_lo);
    while (f_lo > 0.0 && u_lo > -k_max_log_time) {
        u_lo = std::max(-k_max_log_time, u_lo - 5.0);
        f_lo = f(u_lo);
    }
    if (f_lo >= 0.0) {
        return u_lo;
    }
    double f_hi = f(u_hi);
    while (f_hi < 0.0 && u_hi < k_max_log_time) {
        u_hi = std::min(k_max_log_time, u_hi + 5.0);
        f_hi = f(u_hi);
    }
    if (f_hi < 0.0) {
        return std::numeric_limits<double>::quiet_NaN();
    }
    if (f_hi == 0.0) {
        return u_hi;
    }
    auto tol = [](double a, double b) {
        return std::abs(a - b) <= 1e-12 * std::max(1.0, std::min(std::abs(a), std::abs(b)));
    };
    std::uintmax_t iterations = 100;
    const auto r = boost::math::tools::toms748_solve(f, u_lo, u_hi, f_lo, f_hi, tol, iterations);
    return 0.5 * (r.first + r.second);
}

// The hit ratio at capacity C* by Halley's method on g(u) = ln C(e^u) − ln C*, kept inside
// [u_lo, u_hi] (bisecting when a step would leave it). g is close to a straight line in u
// (its slope T·m(T)/C(T) is the elasticity of C, between 0 and 1, and m = dC/dT is the miss
// sum evaluate() returns anyway, m' = dm/dT one more product per term), so from u = ln C*
// (where C ≤ T puts g ≤ 0) it converges in 3 or 4 evaluations where toms748 on the wide
// bracket needs about 10. It stops when C is
// within 1e-12 of C* (relative), or a step is below 1e-12 in u (the toms748 tolerance).
// nullopt when it does not converge in 40 steps or meets C = 0; the caller then brackets and
// solves with toms748.
std::optional<double> newton_log_capacity(const ZipfTable& table, double capacity, double u_lo,
                                          double u_hi) {
    if (!(u_lo < u_hi)) {
        return std::nullopt;
    }
    const double target = std::log(capacity);
    double u = std::clamp(target, u_lo, u_hi);
    for (int i = 0; i < 40; ++i) {
        const double t = std::exp(u);
        const auto s = table.evaluate(t);
        if (!(s.capacity > 0.0)) {
            return std::nullopt;
        }
        const double g = std::log(s.capacity) - target;
        if (std::abs(g) <= 1e-12) {
            return s.hit; // C within 1e-12 of C*: h moves by less (dh/dC·C ≤ 1)
        }
        (g < 0.0 ? u_lo : u_hi) = u;
        // Halley's step (cubic convergence) with g' = T·m/C and g'' = g' + T²·m'/C − g'²,
        // else Newton's.
        const double slope = t * s.miss / s.capacity;
        const double curve = slope + t * t * s.miss_slope / s.capacity - slope * slope;
        const double halley = 2.0 * slope * slope - g * curve;
        double next = slope > 0.0 ? (halley > 0.0 ? u - 2.0 * g * slope / halley : u - g / slope)
                                  : std::nan("");
        if (!(next > u_lo && next < u_hi)) {
            next = 0.5 * (u_lo + u_hi);
        }
        const bool done = std::abs(next - u) <= 1e-12 * std::max(1.0, std::abs(u));
        u = next;
        if (done) {
            return table.evaluate(std::exp(u)).hit;
        }
    }
    return std::nullopt;
}

} // namespace

double zipf_normaliser(double n, double alpha) noexcept {
    return generalized_harmonic(clamp_objects(n), clamp_alpha(alpha));
}

CheSums che_sums(double n_objects, double alpha, double characteristic_time) {
    const double n = clamp_objects(n_objects);
    if (!(characteristic_time > 0.0)) {
        return {};
    }
    if (std::isinf(characteristic_time)) {
        return {1.0, n};
    }
    const ZipfTable& table = zipf_table(n, clamp_alpha(alpha));
    const auto s = table.evaluate(characteristic_time);
    return {s.hit, s.capacity};
}

CheSolution che_for_hit_ratio(double n_objects, double alpha, double target_hit) {
    if (!(target_hit > 0.0)) {
        return {};
    }
    const ZipfTable& table = zipf_table(clamp_objects(n_objects), clamp_alpha(alpha));
    // 1 − h(T) = Σ qᵢe^(−qᵢT) ≤ e^(−q_N·T): the time by which any miss ratio m is reached.
    auto log_time_for_miss = [&](double m) { return std::log(-std::log(m)) - table.log_q_last(); };
    CheSolution all;
    all.characteristic_time =
        std::exp(std::min(k_max_log_time, log_time_for_miss(k_cache_all_miss)));
    all.capacity_objects = table.n();
    all.hit_ratio = 1.0;
    all.cache_all = true;
    if (target_hit >= 1.0) {
        return all;
    }
    // h(T) ≤ T·Σqᵢ² ≤ T·q₁, so T = h*/(2q₁) lies below the root.
    const double u_lo = std::log(0.5 * target_hit) - table.log_q_first();
    const double u_hi = std::log(-std::log1p(-target_hit)) - table.log_q_last();
    const double u = solve_log_time(
        [&](double v) { return table.evaluate(std::exp(v)).hit - target_hit; }, u_lo, u_hi);
    if (std::isnan(u)) {
        return all;
    }
    const double t = std::exp(u);
    const auto s = table.evaluate(t);
    return {t, s.capacity, s.hit, false};
}

double che_hit_ratio_for_capacity(double n_objects, double alpha, double capacity_objects) {
    const double n = clamp_objects(n_objects);
    if (!(capacity_objects > 0.0)) {
        return 0.0;
    }
    if (capacity_objects >= n) {
        return 1.0;
    }
    const ZipfTable& table = zipf_table(n, clamp_alpha(alpha));
    // C(T) ≤ T·Σqᵢ = T; N − C(T) = Σe^(−qᵢT) ≤ N·e^(−q_N·T).
    const double u_lo = std::log(0.5 * capacity_objects);
    const double u_hi = std::log(-std::log1p(-capacity_objects / n)) - table.log_q_last();
    if (const auto hit = newton_log_capacity(table, capacity_objects, u_lo, u_hi)) {
        return *hit;
    }
    const double u = solve_log_time(
        [&](double v) { return table.evaluate(std::exp(v)).capacity - capacity_objects; }, u_lo,
        u_hi);
    if (std::isnan(u)) {
        return 1.0;
    }
    return table.evaluate(std::exp(u)).hit;
}

} // namespace capplan::tiers
