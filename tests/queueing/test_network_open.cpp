// Open (Jackson) networks against published values (PDQ, Octave queueing, Lazowska et al. 1984,
// Ríos Insua 2004) and identities; structural errors of the traffic equations and of closed
// routing.

#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <fmt/format.h>
#include <random>
#include <string>
#include <vector>

#include "queueing/network.hpp"

using capplan::queueing::closed_visit_ratios;
using capplan::queueing::NetworkKind;
using capplan::queueing::NetworkResult;
using capplan::queueing::NetworkSpec;
using capplan::queueing::NetworkStation;
using capplan::queueing::SingularNetwork;
using capplan::queueing::solve_network;
using capplan::queueing::VisitForm;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

namespace {

NetworkStation station(std::string name, double service_s, std::int64_t servers = 1) {
    NetworkStation s;
    s.name = std::move(name);
    s.service_time_s = service_s;
    s.servers = servers;
    return s;
}

// Visit form: `rate` jobs/s enter; station i is visited visits[i] times per job.
NetworkSpec open_visits(double rate, const std::vector<double>& service_s,
                        const std::vector<double>& visits) {
    NetworkSpec spec;
    spec.kind = NetworkKind::open;
    spec.form = VisitForm::visits;
    spec.arrival_rate_per_s = rate;
    for (std::size_t i = 0; i < service_s.size(); ++i) {
        spec.stations.push_back(station(fmt::format("s{}", i + 1), service_s[i]));
        spec.stations.back().visits = visits[i];
    }
    return spec;
}

// Routing form: external arrivals per station and a routing matrix.
NetworkSpec open_routing(const std::vector<double>& external, const std::vector<double>& service_s,
                         std::vector<std::vector<double>> routing) {
    NetworkSpec spec;
    spec.kind = NetworkKind::open;
    spec.form = VisitForm::routing;
    for (std::size_t i = 0; i < service_s.size(); ++i) {
        spec.stations.push_back(station(fmt::format("s{}", i + 1), service_s[i]));
        spec.stations.back().arrival_rate_per_s = external[i];
    }
    spec.routing = std::move(routing);
    return spec;
}

} // namespace

TEST_CASE("open: Octave qnos example, visit form", "[network][open]") {
    // Octave qnos.m / qnopen.m (Jain 1991 Ex. 34.1); R printed to 3 figures.
    const NetworkResult r = solve_network(open_visits(3.0, {0.01, 0.02, 0.03}, {16, 7, 8}));
    const std::vector<double> response = {0.0192, 0.0345, 0.107};
    const std::vector<double> util = {0.48, 0.42, 0.72};
    for (std::size_t i = 0; i < 3; ++i) {
        CHECK_THAT(r.stations[i].response_per_visit_s, WithinRel(response[i], 2e-3));
        CHECK_THAT(r.stations[i].utilization, WithinRel(util[i], 1e-12));
        CHECK_FALSE(r.stations[i].saturated);
    }
}

TEST_CASE("open: Lazowska et al. p. 113", "[network][open]") {
    // Octave qnos.m (Lazowska et al. 1984 p. 113), 3 figures.
    const NetworkResult r = solve_network(open_visits(0.3, {0.005, 0.03, 0.027}, {121, 70, 50}));
    CHECK_THAT(r.stations[0].utilization, WithinAbs(0.182, 5e-4));
    CHECK_THAT(r.stations[0].throughput_per_s, WithinAbs(36.3, 5e-2));
    CHECK_THAT(r.stations[0].mean_in_station, WithinAbs(0.222, 5e-4));
}

TEST_CASE("open: Jackson network with routing (Rios Insua Ex. 11.11)", "[network][open]") {
    // Ríos Insua 2004 Ex. 11.11 inputs (R queueing OJN docs); derived, 6 decimals.
    const NetworkResult r = solve_network(
        open_routing({8, 0, 6, 0}, {1.0 / 14, 1.0 / 9, 1.0 / 17, 1.0 / 7},
                     {{0, 0.2, 0.56, 0.24}, {1, 0, 0, 0}, {0, 0, 0, 0}, {0, 0, 0, 0}}));
    const std::vector<double> lambda = {10, 2, 11.6, 2.4};
    const std::vector<double> in_station = {2.5, 0.285714, 2.148148, 0.521739};
    for (std::size_t i = 0; i < 4; ++i) {
        CHECK_THAT(r.stations[i].throughput_per_s, WithinRel(lambda[i], 1e-12));
        CHECK_THAT(r.stations[i].mean_in_station, WithinAbs(in_station[i], 5e-7));
        CHECK_THAT(r.stations[i].visits, WithinRel(lambda[i] / 14.0, 1e-12));
    }
    CHECK_THAT(r.system.throughput_per_s, WithinRel(14.0, 1e-15));
    CHECK_THAT(r.system.mean_in_system, WithinAbs(5.455602, 5e-7));
    CHECK_THAT(r.system.response_s, WithinAbs(0.389686, 5e-7));
}

TEST_CASE("open: M/M/1 tandem and Little's law", "[network][open]") {
    // Jackson (1963): two M/M/1 in series at λ = 2/s, S = 0.1 s and 0.3 s:
    // L = ρ/(1 − ρ) = 0.25 and 1.5, R = S/(1 − ρ) = 0.125 s and 0.75 s.
    const NetworkResult r = solve_network(open_routing({2, 0}, {0.1, 0.3}, {{0, 1}, {0, 0}}));
    CHECK_THAT(r.stations[0].mean_in_station, WithinRel(0.25, 1e-14));
    CHECK_THAT(r.stations[1].mean_in_station, WithinRel(1.5, 1e-14));
    CHECK_THAT(r.system.response_s, WithinRel(0.875, 1e-14));
    CHECK_THAT(r.system.mean_in_system,
               WithinRel(r.system.throughput_per_s * r.system.response_s, 1e-14));
    for (const auto& s : r.stations) {
        CHECK_THAT(s.mean_in_station,
                   WithinRel(s.throughput_per_s * s.response_per_visit_s, 1e-14));
    }
}

TEST_CASE("open: a self-loop multiplies visits", "[network][open]") {
    // Feedback queue: half the jobs come back, so λ = λ0/(1 − 0.5) and V = 2.
    const NetworkResult r = solve_network(open_routing({1}, {0.2}, {{0.5}}));
    CHECK_THAT(r.stations[0].visits, WithinRel(2.0, 1e-14));
    CHECK_THAT(r.stations[0].utilization, WithinRel(0.4, 1e-14));
    CHECK_THAT(r.system.response_s, WithinRel(2.0 * 0.2 / 0.6, 1e-14));
}

TEST_CASE("open: M/M/c stations", "[network][open]") {
    SECTION("PDQ call centre, M/M/4") {
        // PDQ README (call centre), 4 decimals: λ = 0.35/min, S = 10 min, 4 agents.
        NetworkSpec spec = open_visits(0.35, {10.0}, {1.0});
        spec.stations[0].servers = 4;
        const NetworkResult r = solve_network(spec);
        CHECK_THAT(r.stations[0].mean_in_station, WithinAbs(8.6650, 5e-5));
        CHECK_THAT(r.stations[0].response_per_visit_s, WithinAbs(24.7572, 5e-5));
        CHECK_THAT(r.stations[0].utilization, WithinRel(0.875, 1e-14));
    }
    SECTION("derived M/M/3") {
        // Derived by hand (PDQ demo mmm.R inputs): λ = 2, S = 1, m = 3: L = 2.888889, R = 1.444444.
        NetworkSpec spec = open_visits(2.0, {1.0}, {1.0});
        spec.stations[0].servers = 3;
        const NetworkResult r = solve_network(spec);
        CHECK_THAT(r.stations[0].mean_in_station, WithinAbs(2.888889, 5e-7));
        CHECK_THAT(r.stations[0].response_per_visit_s, WithinAbs(1.444444, 5e-7));
    }
    SECTION("c = 1 equals M/M/1") {
        // Identity: M/M/c at c = 1 is M/M/1, L = ρ/(1 − ρ), R = S/(1 − ρ).
        std::mt19937_64 rng(7);
        std::uniform_real_distribution<double> rho(0.01, 0.99);
        for (int trial = 0; trial < 20; ++trial) {
            const double u = rho(rng);
            const NetworkResult r = solve_network(open_visits(u / 0.25, {0.25}, {1.0}));
            CHECK_THAT(r.stations[0].mean_in_station, WithinRel(u / (1 - u), 1e-12));
            CHECK_THAT(r.stations[0].response_per_visit_s, WithinRel(0.25 / (1 - u), 1e-12));
        }
    }
}

TEST_CASE("open: delay stations", "[network][open]") {
    // M/M/∞: L = λ·S, R = S, no queue; utilization is reported as 0 (documented).
    NetworkSpec spec = open_visits(4.0, {0.5, 0.1}, {2.0, 1.0});
    spec.stations[0].is_delay = true;
    const NetworkResult r = solve_network(spec);
    CHECK_THAT(r.stations[0].mean_in_station, WithinRel(4.0, 1e-15));
    CHECK_THAT(r.stations[0].response_per_visit_s, WithinRel(0.5, 1e-15));
    CHECK_THAT(r.stations[0].residence_s, WithinRel(1.0, 1e-15));
    CHECK(r.stations[0].utilization == 0.0);
}

TEST_CASE("open: a saturated station is a result", "[network][open]") {
    // ρ = 1.2 at s2: no steady state; the other station is still solved.
    const NetworkResult r = solve_network(open_visits(4.0, {0.1, 0.3}, {1.0, 1.0}));
    CHECK_FALSE(r.stations[0].saturated);
    CHECK_THAT(r.stations[0].mean_in_station, WithinRel(0.4 / 0.6, 1e-14));
    CHECK(r.stations[1].saturated);
    CHECK(r.stations[1].utilization == 1.0);
    CHECK_THAT(r.stations[1].throughput_per_s, WithinRel(1.0 / 0.3, 1e-15));
    CHECK(std::isinf(r.stations[1].mean_in_station));
    CHECK(std::isinf(r.stations[1].residence_s));
    CHECK(r.system.saturated);
    CHECK(std::isinf(r.system.response_s));
    CHECK(std::isinf(r.system.mean_in_system));
    CHECK_FALSE(std::isnan(r.system.throughput_per_s));
    // Exactly ρ = 1 is saturated too.
    const NetworkResult edge = solve_network(open_visits(2.0, {0.5}, {1.0}));
    CHECK(edge.stations[0].saturated);
}

TEST_CASE("open: stations with no exit make the traffic equations singular", "[network][open]") {
    // s2 and s3 pass every job to each other; s1 exits. λ would be unbounded.
    const NetworkSpec spec =
        open_routing({1, 0, 0}, {0.1, 0.1, 0.1}, {{0, 0.5, 0}, {0, 0, 1}, {0, 1, 0}});
    try {
        (void)solve_network(spec);
        FAIL("expected SingularNetwork");
    } catch (const SingularNetwork& e) {
        CHECK(std::string(e.what()) ==
              "network has no exit from stations s2, s3: the traffic equations are singular");
        CHECK(e.stations() == std::vector<std::size_t>{1, 2});
    }
    // A row summing to 1 within the 1e-9 tolerance has no exit either.
    const NetworkSpec almost = open_routing({1}, {0.1}, {{1.0 - 1e-12}});
    CHECK_THROWS_AS(solve_network(almost), SingularNetwork);
}

TEST_CASE("closed routing that is not one chain is rejected", "[network][closed]") {
    NetworkSpec spec = open_routing({0, 0, 0, 0}, {0.1, 0.1, 0.1, 0.1},
                                    {{0, 1, 0, 0}, {1, 0, 0, 0}, {0, 0, 0, 1}, {0, 0, 1, 0}});
    spec.kind = NetworkKind::closed;
    spec.population = 3;
    try {
        (void)closed_visit_ratios(spec);
        FAIL("expected SingularNetwork");
    } catch (const SingularNetwork& e) {
        CHECK(std::string(e.what()) ==
              "stations s3, s4 are not on a cycle through 's1': the visit ratios are undefined");
    }
    // A chain through s1 with a transient entry station s2: s2 is never visited again.
    spec.routing = {{1, 0}, {1, 0}};
    spec.stations.resize(2);
    CHECK_THROWS_AS(closed_visit_ratios(spec), SingularNetwork);
}
