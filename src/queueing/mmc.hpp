#pragma once
// M/M/c: Poisson arrivals, exponential service, c identical FCFS servers, infinite queue.
// Exact results (Kleinrock 1975, §3.5; Gross & Harris, Fundamentals of Queueing Theory §2.3):
// P(wait) = C(c, a), Wq = C/(cμ − λ), P(Wq > t) = C·e^{−(cμ−λ)t}.

#include <cstdint>

#include "queueing/station.hpp"

namespace capplan::queueing {

// Analyses M/M/c with arrival rate λ ≥ 0 (1/s), mean service S ≥ 0 (s) and c ≥ 1 servers.
// ρ = λS/c ≥ 1 gives a saturated result (infinite means), never NaN; S = 0 (work that takes no
// time, e.g. a free replication apply) gives an idle station where nothing waits.
[[nodiscard]] StationLaws analyze_mmc(double arrival_rate_per_s, double service_time_s,
                                      std::int64_t servers) noexcept;

} // namespace capplan::queueing
