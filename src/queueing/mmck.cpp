// M/M/c/K metrics, waiting and response laws (see mmck.hpp).
#include "queueing/mmck.hpp"

#include <boost/math/policies/policy.hpp>
#include <boost/math/tools/roots.hpp>

#include <algorithm>
#include <cmath>

#include "queueing/erlang.hpp"
#include "queueing/log_sums.hpp"

namespace capplan::queueing {
namespace {

constexpr double k_inf = std::numeric_limits<double>::infinity();
constexpr double k_nan = std::numeric_limits<double>::quiet_NaN();

// log(e^x + e^y), without NaN from inf − inf at the edges (x or y infinite).
[[nodiscard]] double log_add(double x, double y) noexcept {
    const double hi = std::max(x, y);
    const double lo = std::min(x, y);
    if (lo == -k_inf || hi == k_inf) {
        return hi;
    }
    return hi + std::log1p(std::exp(lo - hi));
}

// log Σ_{k=0}^{m−1} e^{k·lr} (−inf for m ≤ 0), stable for every lr including lr → 0:
// (1 − ρ^m)/(1 − ρ) through expm1, and for ρ > 1 scaled by ρ^(m−1) so nothing overflows.
[[nodiscard]] double log_geometric_sum(std::int64_t m, double lr) noexcept {
    if (m <= 0) {
        return -k_inf;
    }
    const double md = static_cast<double>(m);
    if (lr == 0.0) {
        return std::log(md);
    }
    if (lr < 0.0) {
        return std::log(-std::expm1(md * lr)) - std::log(-std::expm1(lr));
    }
    return (md - 1.0) * lr + std::log(-std::expm1(-md * lr)) - std::log(-std::expm1(-lr));
}

// φ(x) = 1/(e^x − 1) − 1/x, smooth through φ(0) = −1/2. Bernoulli series for |x| < 1/2 (the
// next term is below 1e-19), the direct form (cancellation ≤ 4×) beyond.
[[nodiscard]] double phi(double x) noexcept {
    if (std::abs(x) < 0.5) {
        const double x2 = x * x;
        const double odd =
            1.0 / 12.0 +
            x2 * (-1.0 / 720.0 +
                  x2 * (1.0 / 30240.0 +
                        x2 * (-1.0 / 1209600.0 +
                              x2 * (1.0 / 47900160.0 +
                                    x2 * (-691.0 / 1307674368000.0 +
                                          x2 * (1.0 / 74724249600.0 +
                                                x2 * (-3617.0 / 10670622842880000.0)))))));
        return -0.5 + x * odd;
    }
    return 1.0 / std::expm1(x) - 1.0 / x;
}

// Mean of k under weights ρ^k, k = 0 … m − 1 (a truncated geometric law), with h = −log ρ:
// 1/(e^h − 1) − m/(e^{mh} − 1) = φ(h) − m·φ(mh), which has no cancellation (M/2 at ρ = 1).
[[nodiscard]] double truncated_geometric_mean(std::int64_t m, double lr) noexcept {
    const double md = static_cast<double>(m);
    return phi(-lr) - md * phi(-md * lr);
}

// log T_i, T_i = Σ_{k=i}^{K−c−1} f_k (0 ≤ i < K − c): the probability that an admitted arrival
// finds at least c + i present, formed from the end its terms decay from.
[[nodiscard]] double log_found_at_least(const MmckAnalysis& m, std::int64_t i) noexcept {
    const double lr = m.log_rho;
    const std::int64_t rest = m.queue_slots - i;
    if (lr > 0.0) {
        return m.log_found_top + log_geometric_sum(rest, -lr);
    }
    return m.log_found_c + static_cast<double>(i) * lr + log_geometric_sum(rest, lr);
}

// log V_i, V_i = Σ_{n=1}^{j} f_{n−1}·β^(n − i), j = min(i, K − c), i ≥ 1 (see the response law),
// relative to its largest term: n = j when ρβ ≥ 1, n = 1 otherwise.
[[nodiscard]] double log_response_weight(const MmckAnalysis& m, std::int64_t i,
                                         double log_beta) noexcept {
    const double lr = m.log_rho;
    const std::int64_t j = std::min(i, m.queue_slots);
    const double id = static_cast<double>(i);
    const double jd = static_cast<double>(j);
    const double lrb = lr + log_beta;
    if (lr > 0.0) {
        return m.log_found_top - static_cast<double>(m.queue_slots - j) * lr +
               (jd - id) * log_beta + log_geometric_sum(j, -lrb);
    }
    if (lrb > 0.0) {
        return m.log_found_c + (jd - 1.0) * lr + (jd - id) * log_beta + log_geometric_sum(j, -lrb);
    }
    return m.log_found_c + (1.0 - id) * log_beta + log_geometric_sum(j, lrb);
}

using NoThrow = boost::math::policies::policy<
    boost::math::policies::domain_error<boost::math::policies::ignore_error>,
    boost::math::policies::overflow_error<boost::math::policies::ignore_error>,
    boost::math::policies::evaluation_error<boost::math::policies::ignore_error>>;

// The t > 0 with exceed(t) = target for a decreasing exceed with exceed(0) > target: double a
// guess until it brackets, then TOMS 748 to a relative width of 2^-41 ≈ 4.5e-13.
template <class Exceed>
[[nodiscard]] double solve_decreasing(Exceed exceed, double target, double guess) noexcept {
    double lo = 0.0;
    double hi = guess > 0.0 && std::isfinite(guess) ? guess : 1.0;
    double f_hi = exceed(hi) - target;
    for (int i = 0; i < 2100 && f_hi > 0.0; ++i) {
        lo = hi;
        hi *= 2.0;
        if (std::isinf(hi)) {
            return k_inf;
        }
        f_hi = exceed(hi) - target;
    }
    if (f_hi == 0.0) {
        return hi;
    }
    const double f_lo = exceed(lo) - target;
    const auto f = [&](double t) { return exceed(t) - target; };
    std::uintmax_t max_iter = 200;
    const auto [a, b] = boost::math::tools::toms748_solve(
        f, lo, hi, f_lo, f_hi, boost::math::tools::eps_tolerance<double>(42), max_iter, NoThrow());
    return 0.5 * (a + b);
}

} // namespace

MmckAnalysis analyze_mmck(const Station& s) noexcept {
    const std::int64_t c = std::max<std::int64_t>(1, s.servers);
    const std::int64_t k = std::max(c, s.capacity.value_or(c));
    const double lambda = s.arrival_rate_per_s;
    const double service = s.service_time_s;
    const double cd = static_cast<double>(c);
    const double a = lambda * service;

    MmckAnalysis out;
    out.queue_slots = k - c;
    out.service_time_s = service;
    StationMetrics& m = out.metrics;
    m.servers = c;
    m.offered_erlangs = a;
    m.saturated = false;
    if (!(a > 0.0)) { // no load: nobody waits or is blocked
        m.throughput_per_s = lambda;
        m.mean_response_s = service;
        return out;
    }
    // log ρ from (a − c)/c, exact when a is near c, so ρ = 1 ± tiny keeps its digits. Floored
    // at e^-700: below that every ρ^k (k ≥ 1) is already 0 in double, and −inf would give NaN.
    const double lr = std::max(std::log1p((a - cd) / cd), -700.0);
    out.log_rho = lr;
    const std::int64_t slots = k - c;

    // Weights relative to a reference state: c when ρ ≤ 1 (the queue states decay from it), K
    // when ρ > 1 (they grow towards it). Below c, Σ_{n<c} p_n/p_c = 1/B − 1 (Erlang B link).
    const double b = erlang_b(c, a);
    const double log_below_c = std::log1p(-b) - std::log(b); // +inf when B underflows to 0
    const double md = static_cast<double>(slots);
    const bool top = lr > 0.0;
    // Σ_{n<c}, Σ_{n=c}^{K} and Σ_{n=c}^{K−1} of p_n/p_ref, in logs.
    const double log_below = top ? log_below_c - md * lr : log_below_c;
    const double log_queue =
        top ? log_geometric_sum(slots + 1, -lr) : log_geometric_sum(slots + 1, lr);
    const double log_open =
        top ? -lr + log_geometric_sum(slots, -lr) : log_geometric_sum(slots, lr);
    double log_ref = -k_inf; // log p_ref
    double log_admit = 0.0;  // log(1 − p_K), summed directly
    if (log_below < k_inf) { // else p_c/Σ underflowed: nothing reaches c
        const double log_z = log_add(log_below, log_queue);
        log_ref = -log_z;
        log_admit = log_add(log_below, log_open) - log_z;
    }
    out.log_p_c = top ? log_ref - md * lr : log_ref;
    out.log_p_k = top ? log_ref : log_ref + md * lr;
    out.log_found_c = out.log_p_c - log_admit;
    out.log_found_top = top ? log_ref - lr - log_admit : out.log_found_c + (md - 1.0) * lr;
    const double admit = std::exp(log_admit);
    m.blocking_prob = std::exp(out.log_p_k);
    m.throughput_per_s = lambda * admit;
    m.utilization = a * admit / cd;
    m.p_wait = slots > 0 ? std::exp(log_ref + log_open - log_admit) : 0.0;
    // Lq = Σ_{k=0}^{K−c} k·p_{c+k} = P(n ≥ c)·(mean of the truncated geometric).
    const double p_queue = std::exp(log_ref + log_queue);
    m.mean_queue_length = slots > 0 ? p_queue * truncated_geometric_mean(slots + 1, lr) : 0.0;
    m.mean_in_system = m.mean_queue_length + a * admit;
    m.mean_wait_s = m.throughput_per_s > 0.0 ? m.mean_queue_length / m.throughput_per_s : 0.0;
    m.mean_response_s = m.mean_wait_s + service;
    return out;
}

double mmck_state_prob(const MmckAnalysis& m, std::int64_t n) noexcept {
    const std::int64_t c = m.metrics.servers;
    if (n < 0 || n > c + m.queue_slots) {
        return 0.0;
    }
    if (n >= c) {
        return m.log_rho > 0.0
                   ? std::exp(m.log_p_k - static_cast<double>(c + m.queue_slots - n) * m.log_rho)
                   : std::exp(m.log_p_c + static_cast<double>(n - c) * m.log_rho);
    }
    const double a = m.metrics.offered_erlangs;
    if (!(a > 0.0)) {
        return n == 0 ? 1.0 : 0.0;
    }
    // p_n = p_c·c!/(n!·a^(c−n)).
    const double cd = static_cast<double>(c);
    const double nd = static_cast<double>(n);
    return std::exp(m.log_p_c + std::lgamma(cd + 1.0) - std::lgamma(nd + 1.0) -
                    (cd - nd) * std::log(a));
}

// Swapping the sums of the Erlang mixture: with y = (c/S)·t and f_k the probability of finding
// c + k, P(W > t) = Σ_k f_k·P(Poisson(y) ≤ k) = Σ_{i=0}^{K−c−1} π_i(y)·T_i, T_i = Σ_{k≥i} f_k =
// f_0·ρ^i·(1 − ρ^(K−c−i))/(1 − ρ). Every term is positive (no cancellation) and the sequence is
// log-concave, so log_sum_concave sums only the terms near its peak, each evaluated directly.
double mmck_wait_exceed(const MmckAnalysis& m, double t_s) noexcept {
    if (std::isnan(t_s)) {
        return k_nan;
    }
    const double p_wait = m.metrics.p_wait;
    if (t_s <= 0.0 || p_wait == 0.0) {
        return p_wait;
    }
    if (std::isinf(t_s) || !(m.service_time_s > 0.0)) {
        return 0.0;
    }
    const double y = static_cast<double>(m.metrics.servers) / m.service_time_s * t_s;
    if (!std::isfinite(y)) {
        return 0.0;
    }
    const double log_sum = log_sum_concave(0, m.queue_slots - 1, [&](std::int64_t i) {
        return log_poisson_pmf(i, y) + log_found_at_least(m, i);
    });
    return std::clamp(std::exp(log_sum), 0.0, p_wait);
}

// R = W + X, X ~ Exp(μ), μ = 1/S, θ = cμ. For a component Erlang(n, θ) of W,
// P(E_n + X > t) = P(E_n > t) + e^{−μt}·(θ/(θ − μ))^n·P(E_n(θ − μ) ≤ t), and
// e^{−μt}·β^n·π_i((θ − μ)t) = π_i(θt)·β^(n − i) with β = c/(c − 1). Summing over the mixture:
//   P(R > t) = (1 − p_wait)·e^{−μt} + P(W > t) + Σ_{i≥1} π_i(θt)·V_i,
//   V_i = Σ_{n=1}^{min(i, K−c)} f_{n−1}·β^(n − i) = f_0·β^(1−i)·Σ_{k<min(i,K−c)} (ρβ)^k,
// again positive, log-concave terms (β^(n − i) ≤ 1, so V_i ≤ p_wait). At c = 1 (θ = μ, the
// removable singularity) E_n + X is Erlang(n + 1, μ) and P(R > t) = π_0(μt) + Σ_{i=1}^{K−1}
// π_i·T_{i−1}. A closed form rather than quadrature: exact, and as cheap as the wait law.
double mmck_response_exceed(const MmckAnalysis& m, double t_s) noexcept {
    if (std::isnan(t_s)) {
        return k_nan;
    }
    if (t_s <= 0.0) {
        return 1.0;
    }
    if (std::isinf(t_s) || !(m.service_time_s > 0.0)) {
        return 0.0;
    }
    const double mu_t = t_s / m.service_time_s;
    const std::int64_t c = m.metrics.servers;
    const std::int64_t slots = m.queue_slots;
    const double y = static_cast<double>(c) * mu_t;
    if (!std::isfinite(y)) {
        return 0.0;
    }
    if (slots == 0 || m.metrics.p_wait == 0.0) {
        return std::exp(-mu_t);
    }
    if (c == 1) {
        const double log_sum = log_sum_concave(1, slots, [&](std::int64_t i) {
            return log_poisson_pmf(i, y) + log_found_at_least(m, i - 1);
        });
        return std::clamp(std::exp(-mu_t) + std::exp(log_sum), 0.0, 1.0);
    }
    const double log_beta = -std::log1p(-1.0 / static_cast<double>(c));
    // Terms past i ≈ y + 60√y carry < e^-700 of Poisson(y) mass; cap the range there.
    const double reach = std::min(y + 60.0 * std::sqrt(y) + 1000.0, 0x1p52);
    const auto extra = static_cast<std::int64_t>(reach);
    const std::int64_t hi =
        slots < std::numeric_limits<std::int64_t>::max() - extra ? slots + extra : slots;
    const double log_tail = log_sum_concave(1, hi, [&](std::int64_t i) {
        return log_poisson_pmf(i, y) + log_response_weight(m, i, log_beta);
    });
    const double value =
        (1.0 - m.metrics.p_wait) * std::exp(-mu_t) + mmck_wait_exceed(m, t_s) + std::exp(log_tail);
    return std::clamp(value, 0.0, 1.0);
}

double mmck_wait_quantile_s(const MmckAnalysis& m, double q) noexcept {
    if (std::isnan(q)) {
        return k_nan;
    }
    if (q >= 1.0) {
        return k_inf;
    }
    const double target = 1.0 - q;
    if (q <= 0.0 || target >= m.metrics.p_wait) {
        return 0.0;
    }
    return solve_decreasing([&](double t) { return mmck_wait_exceed(m, t); }, target,
                            m.metrics.mean_wait_s);
}

double mmck_response_quantile_s(const MmckAnalysis& m, double q) noexcept {
    if (std::isnan(q)) {
        return k_nan;
    }
    if (q >= 1.0) {
        return k_inf;
    }
    if (q <= 0.0 || !(m.service_time_s > 0.0)) {
        return 0.0;
    }
    return solve_decreasing([&](double t) { return mmck_response_exceed(m, t); }, 1.0 - q,
                            m.metrics.mean_response_s);
}

} // namespace capplan::queueing
