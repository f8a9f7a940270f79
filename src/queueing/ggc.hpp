#pragma once
// G/G/c by the Allen–Cunneen approximation (Allen, Probability, Statistics and Queueing
// Theory, 2nd ed. 1990, eq. 6.98): Wq ≈ Wq(M/M/c)·(c_a² + c_s²)/2, with P(wait) the M/M/c
// Erlang C of the same load (docs/models.md#ggc). Exact for M/M/c (c_a² = c_s² = 1) and, at c = 1
// with Poisson arrivals, equal to Pollaczek–Khinchine (mg1.hpp). Waiting law: atom 1 − P(wait) at 0
// and an exponential tail of rate θ = P(wait)/Wq; D/D/c (both SCVs 0) with ρ < 1 never waits.

#include "queueing/station.hpp"

namespace capplan::queueing {

// Analyses s (its capacity is ignored: see mmck.hpp for finite capacity). Requires
// service_time_s > 0, servers ≥ 1, arrival rate and SCVs ≥ 0 and finite.
[[nodiscard]] StationLaws analyze_ggc(const Station& s) noexcept;

} // namespace capplan::queueing
