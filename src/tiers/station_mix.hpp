#pragma once
// Several classes of work on one station (docs/models.md#station-mix): the service law of the
// mixture (mean and SCV from the classes' first two moments) and the arrival SCV of the merged
// stream (Whitt's QNA superposition: the rate-weighted mean of the classes' SCVs; Whitt, "The
// Queueing Network Analyzer", BSTJ 62 (1983), eq. 42), and the split of a stream over N servers by
// the balancing mode (round_robin: c_a²/N, random: 1 + (c_a² − 1)/N).

#include <cstdint>
#include <initializer_list>

#include "queueing/station.hpp"
#include "workload/web_section.hpp"

namespace capplan::tiers {

// One class: Poisson-or-general arrivals at rate_per_s (≥ 0) with arrival SCV arrival_scv,
// mean service service_s (> 0, already slowed to the instance) and service SCV service_scv.
struct WorkClass {
    double rate_per_s = 0.0;
    double service_s = 0.0;
    double service_scv = 1.0;
    double arrival_scv = 1.0;
};

// The G/G/c station of `servers` servers offered the mixture of `classes`. With no traffic at
// all the station keeps the first class's service law (a zero-rate station, never waits).
// E[S] = Σ wᵢSᵢ, E[S²] = Σ wᵢSᵢ²(1 + c²ᵢ), c_s² = E[S²]/E[S]² − 1, wᵢ = λᵢ/Σλ.
[[nodiscard]] queueing::Station mixed_station(std::initializer_list<WorkClass> classes,
                                              std::int64_t servers);

// The arrival SCV of one of `n` (≥ 1) servers fed from a stream of SCV `scv`. least_connections
// pools the servers instead (the caller builds one G/G/(N·c) station) and returns `scv`.
[[nodiscard]] double split_arrival_scv(workload::Balancing mode, double scv,
                                       std::int64_t n) noexcept;

} // namespace capplan::tiers
