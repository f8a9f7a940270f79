#pragma once
// M/G/1 by the Pollaczek–Khinchine formula (Kleinrock 1975, eq. 5.72):
// Wq = ρ·S·(1 + c_s²) / (2(1 − ρ)), exact for Poisson arrivals and any service law with that
// mean and SCV. P(wait) = ρ; the waiting law used for quantiles is the atom-plus-exponential
// law of docs/models.md#waiting-time with θ = ρ/Wq (exact for exponential service only).

#include "queueing/station.hpp"

namespace capplan::queueing {

// λ ≥ 0 (1/s), S > 0 (s), service SCV ≥ 0. ρ ≥ 1 gives a saturated result, never NaN.
[[nodiscard]] StationLaws analyze_mg1(double arrival_rate_per_s, double service_time_s,
                                      double service_scv) noexcept;

} // namespace capplan::queueing
