#pragma once
// Exact Mean Value Analysis of a closed single-class product-form network with load-independent
// (one server), multi-server (m servers, service rate min(j, m)·μ with j present) and delay
// (infinite-server) stations plus a think stage.
//
// Assumptions: BCMP product form (FCFS exponential or PS/IS stations), one job class. The
// multi-server marginals use a multiplicative, cancellation-free recursion (see mva.cpp).
// References: Reiser & Lavenberg, "Mean-value analysis of closed multichain queuing networks",
// JACM 27 (1980); Reiser, "Mean-value analysis and convolution method for queue-dependent
// servers in closed queueing networks", Performance Evaluation 1 (1981); Bolch et al., Queueing
// Networks and Markov Chains, 2nd ed. (2006), §8.2.

#include <cstdint>
#include <vector>

namespace capplan::queueing {

// One station of the MVA: its service demand per cycle (visits × service time, ≥ 0, in s) and
// its number of servers (≥ 1), or is_delay for an infinite-server station.
struct MvaStation {
    double demand_s = 0.0;
    std::int64_t servers = 1;
    bool is_delay = false;
};

// Results at population N: the cycle throughput X(N) (cycles per second), and per station the
// residence time per cycle (s) and the mean number of jobs present. X·Z + Σ mean_in_station = N.
struct MvaResult {
    double throughput_per_s = 0.0;
    std::vector<double> residence_s;
    std::vector<double> mean_in_station;
};

// Exact MVA for population ≥ 1 and think_time_s ≥ 0 with think_time_s + Σ demand_s > 0.
// Stations with m ≥ N servers never queue and are solved as delay stations; at most
// k_max_multi_server_stations (network.hpp) stations may have 1 < m < N. Throws
// std::invalid_argument outside that domain.
[[nodiscard]] MvaResult solve_mva(const std::vector<MvaStation>& stations, std::int64_t population,
                                  double think_time_s);

} // namespace capplan::queueing
