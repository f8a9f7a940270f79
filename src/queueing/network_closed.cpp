// Closed single-class networks: N jobs cycle through the stations and a think stage Z (the
// terminals of a time-sharing system, the clients of a load test; Z = 0 is a batch workload).
//
// Model: BCMP product form, one class; stations are single-server or m-server queues with
// exponential service (FCFS) or delay (infinite-server) nodes; visit ratios V_i per cycle given
// directly or derived from routing (network.cpp). Solved by exact MVA (mva.cpp). Per station:
// throughput X·V_i, utilization X·V_i·S_i/m_i, residence R_i per cycle; system response time
// N/X − Z (= Σ R_i). Reference: Lazowska et al., Quantitative System Performance (1984), ch. 6;
// Bolch et al., Queueing Networks and Markov Chains, 2nd ed. (2006), §8.2.

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "queueing/mva.hpp"
#include "queueing/network.hpp"

namespace capplan::queueing {
namespace {

bool queues_as_multi_server(const NetworkStation& s, std::int64_t population) {
    return !s.is_delay && s.servers > 1 && s.servers < population;
}

} // namespace

double closed_mva_operations(const NetworkSpec& spec) {
    const std::int64_t n = std::max<std::int64_t>(spec.population, 1);
    int multi = 0;
    double per_step = static_cast<double>(spec.stations.size());
    for (const NetworkStation& s : spec.stations) {
        if (queues_as_multi_server(s, n)) {
            ++multi;
            per_step += static_cast<double>(s.servers);
        }
    }
    return std::ldexp(static_cast<double>(n) * per_step, multi);
}

NetworkResult solve_closed_network(const NetworkSpec& spec) {
    if (spec.kind != NetworkKind::closed || spec.stations.empty() || spec.population < 1 ||
        !std::isfinite(spec.think_time_s) || spec.think_time_s < 0.0) {
        throw std::invalid_argument("solve_closed_network: invalid network");
    }
    std::vector<double> visits;
    if (spec.form == VisitForm::routing) {
        visits = closed_visit_ratios(spec);
    } else {
        for (const NetworkStation& s : spec.stations) {
            visits.push_back(s.visits);
        }
    }
    std::vector<MvaStation> mva_stations;
    for (std::size_t i = 0; i < spec.stations.size(); ++i) {
        const NetworkStation& s = spec.stations[i];
        mva_stations.push_back({visits[i] * s.service_time_s, s.servers, s.is_delay});
    }
    const MvaResult mva = solve_mva(mva_stations, spec.population, spec.think_time_s);
    const double x = mva.throughput_per_s;

    NetworkResult result;
    result.kind = NetworkKind::closed;
    result.population = spec.population;
    result.think_time_s = spec.think_time_s;
    for (std::size_t i = 0; i < spec.stations.size(); ++i) {
        const NetworkStation& s = spec.stations[i];
        NetworkStationResult r;
        r.name = s.name;
        r.servers = s.servers;
        r.is_delay = s.is_delay;
        r.service_time_s = s.service_time_s;
        r.visits = visits[i];
        r.throughput_per_s = x * visits[i];
        r.utilization =
            s.is_delay ? 0.0 : x * mva_stations[i].demand_s / static_cast<double>(s.servers);
        r.mean_in_station = mva.mean_in_station[i];
        r.residence_s = mva.residence_s[i];
        // A station that is never visited would serve a visiting job at once.
        r.response_per_visit_s =
            visits[i] > 0.0 ? mva.residence_s[i] / visits[i] : s.service_time_s;
        result.stations.push_back(r);
        // Positive sums: N − X·Z and N/X − Z would cancel when the think time dominates.
        result.system.mean_in_system += r.mean_in_station;
        result.system.response_s += r.residence_s;
    }
    result.system.throughput_per_s = x;
    result.system.mean_thinking = x * spec.think_time_s;
    return result;
}

} // namespace capplan::queueing
