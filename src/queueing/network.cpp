// Visit ratios of single-class networks from their routing matrix, and the solver entry point.
//
// Open: the traffic equations λ_j = λ0_j + Σ_i λ_i·P_ij, i.e. (I − Pᵀ)λ = λ0, have a unique
// non-negative solution iff from every station some path leads to an exit (P substochastic and
// transient). Closed: V = V·P with V_0 = 1 has a unique solution iff every station lies on a
// cycle through station 0 (one irreducible chain). Both conditions are checked on the routing
// graph first, so the error can name the stations at fault, and then again by the rank of a
// full-pivoting LU (Eigen::FullPivLU). Reference: Bolch et al., Queueing Networks and Markov
// Chains, 2nd ed. (2006), §7.1 (Jackson) and §7.3 (visit ratios).

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <utility>

#include "queueing/network.hpp"

namespace capplan::queueing {
namespace {

using Routing = std::vector<std::vector<double>>;

void check_shape(const NetworkSpec& spec, VisitForm form) {
    const std::size_t n = spec.stations.size();
    bool ok = spec.form == form && n > 0 && spec.routing.size() == n;
    for (const auto& row : spec.routing) {
        ok = ok && row.size() == n;
    }
    if (!ok) {
        throw std::invalid_argument("network: routing matrix does not match the stations");
    }
}

// Marks every station from which some station in `marked` can be reached (edges i → j with
// P_ij > 0), by iterating to a fixed point (n ≤ a few hundred stations).
std::vector<bool> can_reach(const Routing& p, std::vector<bool> marked) {
    bool changed = true;
    while (changed) {
        changed = false;
        for (std::size_t i = 0; i < p.size(); ++i) {
            for (std::size_t j = 0; j < p.size() && !marked[i]; ++j) {
                if (p[i][j] > 0.0 && marked[j]) {
                    marked[i] = true;
                    changed = true;
                }
            }
        }
    }
    return marked;
}

// The transpose graph's reachability: stations reachable from `from`.
std::vector<bool> reachable_from(const Routing& p, std::size_t from) {
    Routing transposed(p.size(), std::vector<double>(p.size(), 0.0));
    for (std::size_t i = 0; i < p.size(); ++i) {
        for (std::size_t j = 0; j < p.size(); ++j) {
            transposed[j][i] = p[i][j];
        }
    }
    std::vector<bool> start(p.size(), false);
    start[from] = true;
    return can_reach(transposed, std::move(start));
}

// "station a" or "stations a, b".
std::string names_of(const NetworkSpec& spec, const std::vector<std::size_t>& indices) {
    std::string out = indices.size() == 1 ? "station " : "stations ";
    for (const std::size_t i : indices) {
        out += (i == indices.front() ? "" : ", ") + spec.stations[i].name;
    }
    return out;
}

std::vector<std::size_t> all_stations(std::size_t n) {
    std::vector<std::size_t> out(n);
    for (std::size_t i = 0; i < n; ++i) {
        out[i] = i;
    }
    return out;
}

double row_sum(const std::vector<double>& row) {
    double sum = 0.0;
    for (const double v : row) {
        sum += v;
    }
    return sum;
}

} // namespace

SingularNetwork::SingularNetwork(const std::string& message, std::vector<std::size_t> stations)
    : std::runtime_error(message), m_stations(std::move(stations)) {}

std::vector<double> open_station_arrival_rates(const NetworkSpec& spec) {
    check_shape(spec, VisitForm::routing);
    const std::size_t n = spec.stations.size();
    std::vector<bool> exits(n);
    for (std::size_t i = 0; i < n; ++i) {
        exits[i] = row_sum(spec.routing[i]) < 1.0 - k_routing_tolerance;
    }
    const std::vector<bool> ok = can_reach(spec.routing, exits);
    std::vector<std::size_t> stuck;
    for (std::size_t i = 0; i < n; ++i) {
        if (!ok[i]) {
            stuck.push_back(i);
        }
    }
    if (!stuck.empty()) {
        throw SingularNetwork("network has no exit from " + names_of(spec, stuck) +
                                  ": the traffic equations are singular",
                              stuck);
    }
    const auto size = static_cast<Eigen::Index>(n);
    Eigen::MatrixXd a = Eigen::MatrixXd::Identity(size, size);
    Eigen::VectorXd b(size);
    for (Eigen::Index i = 0; i < size; ++i) {
        const auto& row = spec.routing[static_cast<std::size_t>(i)];
        // A row summing to 1 + tolerance is read as exactly 1.
        const double scale = std::max(1.0, row_sum(row));
        for (Eigen::Index j = 0; j < size; ++j) {
            a(j, i) -= row[static_cast<std::size_t>(j)] / scale;
        }
        b(i) = spec.stations[static_cast<std::size_t>(i)].arrival_rate_per_s;
    }
    const Eigen::FullPivLU<Eigen::MatrixXd> lu(a);
    if (lu.rank() < size) {
        throw SingularNetwork("network has no exit from " + names_of(spec, all_stations(n)) +
                                  ": the traffic equations are singular",
                              all_stations(n));
    }
    const Eigen::VectorXd lambda = lu.solve(b);
    std::vector<double> out(n);
    for (std::size_t i = 0; i < n; ++i) {
        // The exact solution is ≥ 0; clear round-off below zero.
        out[i] = std::max(0.0, lambda(static_cast<Eigen::Index>(i)));
    }
    return out;
}

std::vector<double> closed_visit_ratios(const NetworkSpec& spec) {
    check_shape(spec, VisitForm::routing);
    const std::size_t n = spec.stations.size();
    for (const auto& row : spec.routing) {
        if (std::abs(row_sum(row) - 1.0) > k_routing_tolerance) {
            throw std::invalid_argument("network: closed routing rows must sum to 1");
        }
    }
    const std::vector<bool> from_first = reachable_from(spec.routing, 0);
    std::vector<bool> first(n, false);
    first[0] = true;
    const std::vector<bool> to_first = can_reach(spec.routing, first);
    std::vector<std::size_t> off_cycle;
    for (std::size_t i = 0; i < n; ++i) {
        if (!from_first[i] || !to_first[i]) {
            off_cycle.push_back(i);
        }
    }
    const std::string reference = spec.stations[0].name;
    const auto fail = [&](const std::vector<std::size_t>& at) {
        return SingularNetwork(names_of(spec, at) + (at.size() == 1 ? " is" : " are") +
                                   " not on a cycle through '" + reference +
                                   "': the visit ratios are undefined",
                               at);
    };
    if (!off_cycle.empty()) {
        throw fail(off_cycle);
    }
    // V·(I − P) = 0 transposed, with the balance equation of station 0 (implied by the
    // others because the rows of P sum to 1) replaced by V_0 = 1.
    const auto size = static_cast<Eigen::Index>(n);
    Eigen::MatrixXd a = Eigen::MatrixXd::Identity(size, size);
    for (Eigen::Index i = 0; i < size; ++i) {
        const auto& row = spec.routing[static_cast<std::size_t>(i)];
        const double sum = row_sum(row);
        for (Eigen::Index j = 0; j < size; ++j) {
            a(j, i) -= row[static_cast<std::size_t>(j)] / sum;
        }
    }
    a.row(0).setZero();
    a(0, 0) = 1.0;
    Eigen::VectorXd b = Eigen::VectorXd::Zero(size);
    b(0) = 1.0;
    const Eigen::FullPivLU<Eigen::MatrixXd> lu(a);
    if (lu.rank() < size) {
        throw fail(all_stations(n));
    }
    const Eigen::VectorXd v = lu.solve(b);
    std::vector<double> out(n);
    for (std::size_t i = 0; i < n; ++i) {
        out[i] = std::max(0.0, v(static_cast<Eigen::Index>(i)));
    }
    return out;
}

NetworkResult solve_network(const NetworkSpec& spec) {
    return spec.kind == NetworkKind::open ? solve_open_network(spec) : solve_closed_network(spec);
}

} // namespace capplan::queueing
