#pragma once
// M/M/c/K: Poisson arrivals at rate λ, c exponential servers of mean S, room for K ≥ c
// customers in the system (K − c waiting places); an arrival that finds K present is blocked
// and lost. K = c is the Erlang loss system (Erlang B). FCFS; ρ = a/c with a = λS may be ≥ 1.
//
// Stationary law (birth–death): p_n ∝ a^n/n! for n ≤ c, p_n = p_c·ρ^(n − c) for c ≤ n ≤ K.
// The states below c are summed through Erlang B, Σ_{n≤c} p_n = p_c/B(c, a), and those above as
// a geometric series, both in log space: no factorials, no overflow for c and K − c up to 10^6
// and beyond. An admitted arrival sees the time-stationary law restricted to n < K (PASTA);
// finding n ≥ c present it waits Erlang(n − c + 1, c/S). Its response adds its own Exp(S).
// Reference: Gross & Harris, Fundamentals of Queueing Theory, ch. 2 (the finite-capacity
// M/M/c/K queue and its waiting-time law); Kleinrock, Queueing Systems I (1975), ch. 3.

#include <cstdint>
#include <limits>

#include "queueing/station.hpp"

namespace capplan::queueing {

// Everything needed for the metrics and the wait/response laws of one M/M/c/K station.
// An admitted arrival finds c + k present (k = 0 … queue_slots − 1) with probability
// f_k = exp(log_found_c + k·log_rho) = exp(log_found_top − (queue_slots − 1 − k)·log_rho);
// both ends are kept so that every term is formed from the nearer end of its decay (ρ^k for
// ρ ≤ 1, ρ^−(K−1−c−k) for ρ > 1) without cancelling large logs. With 1 − p_wait it finds
// fewer than c present and does not wait.
struct MmckAnalysis {
    StationMetrics metrics;
    std::int64_t queue_slots = 0;                                    // K − c
    double log_rho = 0.0;                                            // log(a/c)
    double log_p_c = -std::numeric_limits<double>::infinity();       // log P(exactly c present)
    double log_p_k = -std::numeric_limits<double>::infinity();       // log P(exactly K present)
    double log_found_c = -std::numeric_limits<double>::infinity();   // log f_0
    double log_found_top = -std::numeric_limits<double>::infinity(); // log f_(K−c−1)
    double service_time_s = 0.0;
};

// Analyses the station as M/M/c/K with c = s.servers and K = s.capacity (the SCVs are ignored:
// exponential only). Requires s.capacity ≥ s.servers ≥ 1, λ ≥ 0 and S ≥ 0 finite; a servers
// count below 1 is taken as 1 and a missing or smaller capacity as K = c. Never saturated.
[[nodiscard]] MmckAnalysis analyze_mmck(const Station& s) noexcept;

// P(exactly n present) in the time-stationary law, 0 ≤ n ≤ K (0 outside). Relative accuracy
// ~1e-13 for n ≥ c; below c it goes through lgamma, so ~1e-16·log(c!) (fine for c ≲ 10^4).
[[nodiscard]] double mmck_state_prob(const MmckAnalysis& m, std::int64_t n) noexcept;

// P(W > t) for the wait W of an admitted customer, t in seconds: p_wait at t ≤ 0, 0 at +inf.
// Accurate to ~1e-13 relative; cost O(√(c·t/S)) terms, at most O(K − c).
[[nodiscard]] double mmck_wait_exceed(const MmckAnalysis& m, double t_s) noexcept;

// The q-quantile of W in seconds, 0 < q < 1: 0 when q ≤ 1 − p_wait, else the root of
// P(W > t) = 1 − q to ~1e-12 relative. q ≤ 0 gives 0, q ≥ 1 gives +inf, NaN gives NaN.
[[nodiscard]] double mmck_wait_quantile_s(const MmckAnalysis& m, double q) noexcept;

// P(R > t) for the response R = W + own service (Exp, mean S) of an admitted customer:
// 1 at t ≤ 0, 0 at +inf. Exact closed form per mixture component (see mmck.cpp).
[[nodiscard]] double mmck_response_exceed(const MmckAnalysis& m, double t_s) noexcept;

// The q-quantile of R in seconds (0 < q < 1), to ~1e-12 relative; edges as the wait quantile.
[[nodiscard]] double mmck_response_quantile_s(const MmckAnalysis& m, double q) noexcept;

} // namespace capplan::queueing
