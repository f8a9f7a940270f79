// Open single-class networks (Jackson networks).
//
// Model: Poisson external arrivals, exponential service, Markov routing, FCFS m-server stations
// or infinite-server (delay) stations. Jackson's theorem makes the joint distribution a product
// of the stations' M/M/m (or M/M/∞) marginals at the arrival rates λ_i of the traffic
// equations, so each station is solved alone: a = λ_i·S_i, ρ = a/m,
//     L_i = a + C(m, a)·ρ/(1 − ρ),   R_i = S_i + C(m, a)·S_i/(m − a)   (C = Erlang C),
// and a delay station has L_i = a, R_i = S_i. A station with ρ ≥ 1 has no steady state: it is
// reported saturated, with utilization 1, throughput m/S_i and infinite means. The system
// response time is Σ V_i·R_i = L/Λ (Little), Λ the external arrival rate.
// Reference: Jackson, "Jobshop-like queueing systems", Mgmt. Sci. 10 (1963); Bolch et al.,
// Queueing Networks and Markov Chains, 2nd ed. (2006), §7.1.

#include <cmath>
#include <limits>
#include <stdexcept>

#include "queueing/erlang.hpp"
#include "queueing/network.hpp"

namespace capplan::queueing {
namespace {

constexpr double k_infinity = std::numeric_limits<double>::infinity();

// One station at arrival rate `lambda`; visits scales its residence time.
NetworkStationResult solve_station(const NetworkStation& s, double lambda, double visits) {
    NetworkStationResult r;
    r.name = s.name;
    r.servers = s.servers;
    r.is_delay = s.is_delay;
    r.service_time_s = s.service_time_s;
    r.visits = visits;
    const double a = lambda * s.service_time_s;
    if (s.is_delay) {
        r.throughput_per_s = lambda;
        r.mean_in_station = a;
        r.response_per_visit_s = s.service_time_s;
        r.residence_s = visits * s.service_time_s;
        return r;
    }
    const auto m = static_cast<double>(s.servers);
    if (a >= m) {
        r.saturated = true;
        r.utilization = 1.0;
        r.throughput_per_s = m / s.service_time_s;
        r.mean_in_station = k_infinity;
        r.response_per_visit_s = k_infinity;
        r.residence_s = k_infinity;
        return r;
    }
    const double c = erlang_c(s.servers, a);
    r.throughput_per_s = lambda;
    r.utilization = a / m;
    r.mean_in_station = a + c * a / (m - a);
    r.response_per_visit_s = s.service_time_s + c * s.service_time_s / (m - a);
    r.residence_s = visits * r.response_per_visit_s;
    return r;
}

} // namespace

NetworkResult solve_open_network(const NetworkSpec& spec) {
    if (spec.kind != NetworkKind::open || spec.stations.empty()) {
        throw std::invalid_argument("solve_open_network: invalid network");
    }
    const std::size_t n = spec.stations.size();
    std::vector<double> lambda(n);
    std::vector<double> visits(n);
    double total = 0.0;
    if (spec.form == VisitForm::routing) {
        lambda = open_station_arrival_rates(spec);
        for (const NetworkStation& s : spec.stations) {
            total += s.arrival_rate_per_s;
        }
        if (!(total > 0.0) || !std::isfinite(total)) {
            throw std::invalid_argument("solve_open_network: no external arrivals");
        }
        for (std::size_t i = 0; i < n; ++i) {
            visits[i] = lambda[i] / total;
        }
    } else {
        total = spec.arrival_rate_per_s;
        if (!(total > 0.0) || !std::isfinite(total)) {
            throw std::invalid_argument("solve_open_network: no external arrivals");
        }
        for (std::size_t i = 0; i < n; ++i) {
            visits[i] = spec.stations[i].visits;
            lambda[i] = total * visits[i];
        }
    }

    NetworkResult result;
    result.kind = NetworkKind::open;
    result.arrival_rate_per_s = total;
    result.system.throughput_per_s = total;
    for (std::size_t i = 0; i < n; ++i) {
        const NetworkStationResult r = solve_station(spec.stations[i], lambda[i], visits[i]);
        result.system.saturated = result.system.saturated || r.saturated;
        result.system.mean_in_system += r.mean_in_station;
        result.system.response_s += r.residence_s;
        result.stations.push_back(r);
    }
    if (result.system.saturated) {
        result.system.mean_in_system = k_infinity;
        result.system.response_s = k_infinity;
    }
    return result;
}

} // namespace capplan::queueing
