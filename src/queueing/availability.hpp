#pragma once
// Steady-state availability of k-of-n systems (docs/models.md#availability).
//
// Model: a tier of N identical servers that needs n of them up. Each up server fails after an
// exponential time of mean MTBF; r repair crews each repair one failed server at a time in an
// exponential time of mean MTTR (the "machine-repairman" model, M/M/r//N in Kendall notation).
// The number of failed servers j is a birth–death chain with birth rate (N − j)/MTBF and death
// rate min(j, r)/MTTR, whose stationary law has the product form
// π_j ∝ Π_{i=1..j} (N − i + 1)·(MTTR/MTBF) / min(i, r).
// With r ≥ N repairs are independent and π is binomial with a = MTBF/(MTBF + MTTR).
// Sites are independent units: P(at least n of D up) is binomial.
// Assumptions: exponential lifetimes and repairs, no common-mode failures, a failed server is
// down until repaired. Reference: Barlow & Proschan, Mathematical Theory of Reliability (1965),
// ch. 5; Gross & Harris, Fundamentals of Queueing Theory, ch. 2 (finite-source queues).
//
// Both probabilities are computed directly, each as its own sum in log space, so a tiny
// unavailability (1e-30) keeps ~1e-13 relative accuracy instead of vanishing in 1 − A.

#include <cstdint>

namespace capplan::queueing {

// A probability and its complement, each computed directly (available + unavailable = 1 to
// rounding). Values below ~1e-300 may underflow to 0.
struct Availability {
    double available = 1.0;
    double unavailable = 0.0;
};

// One unit that fails with mean time mtbf_s and is repaired in mean time mttr_s:
// a = MTBF/(MTBF + MTTR) and 1 − a = MTTR/(MTBF + MTTR), both direct. mtbf_s > 0 and
// mttr_s ≥ 0; mttr_s = 0 (or mtbf_s = +inf) is always up, mtbf_s = 0 never up; NaN gives NaN.
[[nodiscard]] Availability unit_availability(double mtbf_s, double mttr_s) noexcept;

// P(at least `needed` of `total` servers up) with `repair_crews` crews (machine-repairman
// chain). needed ≤ 0 → {1, 0}; needed > total → {0, 1}; repair_crews ≥ total is independent
// repair; repair_crews ≤ 0 means no repair, so in the long run every server is down.
// Times in seconds, as unit_availability. Cost O(number of states that carry probability above
// ~1e-340): fast and finite for total up to 10^9.
[[nodiscard]] Availability k_of_n_repairable(std::int64_t total, std::int64_t needed,
                                             std::int64_t repair_crews, double mtbf_s,
                                             double mttr_s) noexcept;

// P(at least `needed` of `total` independent units up), each up with probability
// unit.available (binomial). Pass a unit from unit_availability so that a unit unavailability
// like 1e-12 keeps its precision. Same edge behaviour as k_of_n_repairable.
[[nodiscard]] Availability k_of_n_independent(std::int64_t total, std::int64_t needed,
                                              const Availability& unit) noexcept;

// As above for a unit availability a in [0, 1] (the complement is taken as 1 − a, so a value
// of a within ~1e-10 of 1 has lost digits already; prefer the Availability overload).
[[nodiscard]] Availability k_of_n_independent(std::int64_t total, std::int64_t needed,
                                              double unit_availability) noexcept;

} // namespace capplan::queueing
