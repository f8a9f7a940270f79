#pragma once
// Single-class queueing networks (docs/models.md#networks): the validated description of a network,
// its solution, and the structural checks the file loader needs.
//
// Open networks are Jackson networks (Poisson external arrivals, exponential service, Markov
// routing), solved station by station as M/M/m or M/M/∞ once the traffic equations give each
// station's arrival rate (network_open.cpp). Closed networks are product-form (BCMP) networks
// with N circulating jobs and a think (delay) stage Z, solved by exact Mean Value Analysis,
// load-dependent for multi-server stations (network_closed.cpp, mva.hpp).

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace capplan::queueing {

enum class NetworkKind { open, closed };

// How the visit ratios are given: directly per station, or derived from a routing matrix.
enum class VisitForm { visits, routing };

// One station. service_time_s > 0 finite is the mean service time per visit. servers ≥ 1 is
// ignored when is_delay (an infinite-server node: every job is served at once, no queue).
struct NetworkStation {
    std::string name;
    std::int64_t servers = 1;
    bool is_delay = false;
    double service_time_s = 0.0;
    // Open, routing form only: external (Poisson) arrivals into this station, ≥ 0, in 1/s.
    double arrival_rate_per_s = 0.0;
    // Visit form only: mean visits per job (per entry into an open network, per cycle of a
    // closed one), finite and ≥ 0.
    double visits = 0.0;
};

// A validated network, as produced by workload::parse_network.
struct NetworkSpec {
    NetworkKind kind = NetworkKind::open;
    VisitForm form = VisitForm::visits;
    std::vector<NetworkStation> stations;
    // Routing form: routing[i][j] = P(a job leaving station i goes to station j), an n × n
    // matrix with entries in [0, 1]. Open: 1 − row sum leaves the network (row sums ≤ 1).
    // Closed: row sums are 1. Empty in the visit form.
    std::vector<std::vector<double>> routing;
    // Open, visit form: the rate of jobs entering the network, > 0, in 1/s.
    double arrival_rate_per_s = 0.0;
    // Closed: the number of jobs N ≥ 1, and the mean think time Z ≥ 0 (s) each job spends
    // outside the stations between two cycles.
    std::int64_t population = 0;
    double think_time_s = 0.0;
};

// Per-station results. Means of a saturated open station are +infinity (no steady state);
// renderers print them as null / empty / "saturated".
struct NetworkStationResult {
    std::string name;
    std::int64_t servers = 1;
    bool is_delay = false;
    double service_time_s = 0.0;
    double visits = 0.0;               // per job (open) or per cycle (closed)
    double throughput_per_s = 0.0;     // completions per second (saturated: capacity m/S)
    double utilization = 0.0;          // busy fraction per server in [0, 1]; 0 for delay nodes
    double mean_in_station = 0.0;      // jobs waiting or in service (delay: mean number busy)
    double response_per_visit_s = 0.0; // wait + service, per visit
    double residence_s = 0.0;          // visits × response_per_visit_s, per job or cycle
    bool saturated = false;            // open only: utilization would be ≥ 1
};

// The whole network. Open: throughput is the external arrival rate offered to the network;
// mean_in_system and response_s (Little: L / X) are +infinity when a station is saturated.
// Closed: response_s = N / X − Z and mean_in_system = N − X·Z (jobs not thinking).
struct NetworkSystemResult {
    double throughput_per_s = 0.0;
    double mean_in_system = 0.0;
    double response_s = 0.0;
    double mean_thinking = 0.0; // closed only: X·Z
    bool saturated = false;     // some station is saturated
};

struct NetworkResult {
    NetworkKind kind = NetworkKind::open;
    std::int64_t population = 0;   // closed only
    double think_time_s = 0.0;     // closed only
    double arrival_rate_per_s = 0; // open only: the external arrival rate (sum over stations)
    std::vector<NetworkStationResult> stations;
    NetworkSystemResult system;
};

// The routing of a network makes the visit ratios undefined: an open network has a set of
// stations with no path to an exit, or a closed network is not one cycle-connected chain.
// stations() lists the offending station indices in ascending order.
class SingularNetwork : public std::runtime_error {
public:
    SingularNetwork(const std::string& message, std::vector<std::size_t> stations);
    [[nodiscard]] const std::vector<std::size_t>& stations() const noexcept { return m_stations; }

private:
    std::vector<std::size_t> m_stations;
};

// Routing-row sums within this tolerance of 1 count as 1 (no exit); above 1 + tolerance is
// invalid input.
inline constexpr double k_routing_tolerance = 1e-9;

// Solves the traffic equations λ = λ0 + Pᵀλ of an open network in routing form (rank-revealing
// LU). Returns each station's total arrival rate (1/s). Throws SingularNetwork naming the
// stations from which no exit can be reached.
[[nodiscard]] std::vector<double> open_station_arrival_rates(const NetworkSpec& spec);

// Visit ratios V = V·P of a closed network in routing form, normalised so the first station's
// visits are 1. Throws SingularNetwork naming the stations that are not on a cycle through the
// first station.
[[nodiscard]] std::vector<double> closed_visit_ratios(const NetworkSpec& spec);

// Exact MVA keeps one sub-network per subset of queueing multi-server stations (see mva.cpp),
// so their number is capped.
inline constexpr std::size_t k_max_multi_server_stations = 10;

// A rough count of inner-loop operations the closed solver needs, 2^M · N · (K + Σ m_i) over
// the M multi-server stations with 1 < m_i < N (K stations in all). The loader refuses networks
// above k_max_mva_operations so that every accepted file solves in about a second (measured: 2^10 ·
// 2800 · 650 ≈ 1.9e9 operations take 2 s at -O2).
[[nodiscard]] double closed_mva_operations(const NetworkSpec& spec);
inline constexpr double k_max_mva_operations = 1e9;

// Solves a validated network. Throws SingularNetwork for singular routing and
// std::invalid_argument for a spec that parse_network would have rejected.
[[nodiscard]] NetworkResult solve_network(const NetworkSpec& spec);

// Per-kind solvers behind solve_network.
[[nodiscard]] NetworkResult solve_open_network(const NetworkSpec& spec);
[[nodiscard]] NetworkResult solve_closed_network(const NetworkSpec& spec);

} // namespace capplan::queueing
