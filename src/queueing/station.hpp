#pragma once
// The inputs and steady-state results of one queueing station (docs/models.md#station).

#include <cstdint>
#include <optional>

#include "queueing/distributions.hpp"

namespace capplan::queueing {

// One station: `servers` identical servers, Poisson-or-general arrivals at arrival_rate_per_s,
// mean service service_time_s, squared coefficients of variation of inter-arrival and
// service times (1 = Poisson / exponential), and an optional system capacity K ≥ servers
// (M/M/c/K: arrivals that find K present are blocked).
struct Station {
    double arrival_rate_per_s = 0.0;
    double service_time_s = 0.0;
    std::int64_t servers = 1;
    double arrival_scv = 1.0;
    double service_scv = 1.0;
    std::optional<std::int64_t> capacity;
};

// Steady-state results. Means are over admitted customers. When `saturated` (ρ ≥ 1 without a
// capacity), utilization is 1, throughput is the service capacity c/S, p_wait is 1, and the
// means and quantiles have no finite value (they are reported as null with a warning).
struct StationMetrics {
    std::int64_t servers = 0;
    double offered_erlangs = 0.0;   // a = λ·S
    double utilization = 0.0;       // carried load per server
    double p_wait = 0.0;            // P(an admitted arrival waits)
    double blocking_prob = 0.0;     // P(an arrival is blocked); 0 without a capacity
    double throughput_per_s = 0.0;  // admitted (= served) rate
    double mean_queue_length = 0.0; // Lq
    double mean_in_system = 0.0;    // L
    double mean_wait_s = 0.0;       // Wq
    double mean_response_s = 0.0;   // W = Wq + S
    bool saturated = false;
};

// A station's metrics with its waiting law (atom + exponential tail) and service law, from
// which the wait and response quantiles follow (distributions.hpp).
struct StationLaws {
    StationMetrics metrics;
    WaitLaw wait;
    GammaLaw service;
};

} // namespace capplan::queueing
