// Closed networks: exact MVA against published values (PDQ, Octave queueing, Jain 1991, Bolch et
// al. 2006), identities, bounds, and an independent exact oracle (the convolution algorithm in
// multiprecision arithmetic).

#include <boost/multiprecision/cpp_bin_float.hpp>
#include <boost/multiprecision/cpp_int.hpp>
#include <catch2/catch.hpp>

#include <cstdint>
#include <fmt/format.h>
#include <random>
#include <string>
#include <vector>

#include "queueing/mva.hpp"
#include "queueing/network.hpp"

using capplan::queueing::MvaStation;
using capplan::queueing::NetworkKind;
using capplan::queueing::NetworkResult;
using capplan::queueing::NetworkSpec;
using capplan::queueing::NetworkStation;
using capplan::queueing::solve_mva;
using capplan::queueing::solve_network;
using capplan::queueing::VisitForm;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

namespace {

constexpr std::int64_t k_delay = -1; // `servers` marker for an infinite-server station below

// A closed network in visit form; servers k_delay makes a delay station.
NetworkSpec closed(std::int64_t population, double think_s, const std::vector<double>& service_s,
                   const std::vector<double>& visits, const std::vector<std::int64_t>& servers) {
    NetworkSpec spec;
    spec.kind = NetworkKind::closed;
    spec.form = VisitForm::visits;
    spec.population = population;
    spec.think_time_s = think_s;
    for (std::size_t i = 0; i < service_s.size(); ++i) {
        NetworkStation s;
        s.name = fmt::format("s{}", i + 1);
        s.service_time_s = service_s[i];
        s.visits = visits[i];
        s.is_delay = servers[i] == k_delay;
        s.servers = s.is_delay ? 1 : servers[i];
        spec.stations.push_back(s);
    }
    return spec;
}

// The convolution algorithm (Buzen 1973; Bolch et al. 2006 §8.1) for the same model, in an
// exact or high-precision number type T: G(n) = Σ over states of Π_i f_i(n_i), with
// f_i(j) = D_i^j / β_i(j), β_i(j) = Π_{k≤j} min(k, m_i) (m_i = ∞ for delay and think).
// X(N) = G(N−1)/G(N); Q_i(N) = Σ_j j·f_i(j)·G_{−i}(N−j)/G(N). Everything is a sum of positive
// terms, so it is exact (cpp_rational) or accurate to the type's precision.
template <typename T>
struct Oracle {
    std::vector<std::vector<T>> factors; // f_i(0..N) per station, the think stage last
    std::vector<T> g_all;                // G(0..N) of the whole network

    Oracle(const std::vector<T>& demands, const std::vector<std::int64_t>& servers, const T& think,
           std::int64_t population) {
        const auto n = static_cast<std::size_t>(population);
        for (std::size_t i = 0; i <= demands.size(); ++i) {
            const bool is_think = i == demands.size();
            const T d = is_think ? think : demands[i];
            const std::int64_t m = is_think ? k_delay : servers[i];
            std::vector<T> f(n + 1);
            f[0] = 1;
            for (std::size_t j = 1; j <= n; ++j) {
                const auto jj = static_cast<std::int64_t>(j);
                const std::int64_t alpha = (m == k_delay || jj < m) ? jj : m;
                f[j] = f[j - 1] * d / T(alpha);
            }
            factors.push_back(f);
        }
        g_all = constants(factors.size());
    }

    // The normalising constants G(0..N) of all stations but `skip` (skip = size: none).
    std::vector<T> constants(std::size_t skip) const {
        std::vector<T> g;
        for (std::size_t i = 0; i < factors.size(); ++i) {
            if (i == skip) {
                continue;
            }
            if (g.empty()) {
                g = factors[i];
                continue;
            }
            std::vector<T> next(g.size(), T(0));
            for (std::size_t a = 0; a < g.size(); ++a) {
                for (std::size_t b = 0; a + b < g.size(); ++b) {
                    next[a + b] += g[a] * factors[i][b];
                }
            }
            g = next;
        }
        return g;
    }

    T throughput() const { return g_all[g_all.size() - 2] / g_all.back(); }

    T mean_in_station(std::size_t i) const {
        const auto g_without = constants(i);
        const std::size_t n = g_all.size() - 1;
        T q = 0;
        for (std::size_t j = 1; j <= n; ++j) {
            q += T(static_cast<std::int64_t>(j)) * factors[i][j] * g_without[n - j];
        }
        return q / g_all.back();
    }
};

double total_in_network(const NetworkResult& r) {
    double sum = r.system.mean_thinking;
    for (const auto& s : r.stations) {
        sum += s.mean_in_station;
    }
    return sum;
}

} // namespace

TEST_CASE("closed: PDQ closed1, M/M/1//N time-share", "[network][closed]") {
    // PDQ examples/Book PPA 1998/Chap2/closed1.out (4 decimals).
    const NetworkResult r = solve_network(closed(100, 300.0, {0.63}, {1.0}, {1}));
    CHECK_THAT(r.system.throughput_per_s, WithinAbs(0.3325, 5e-5));
    CHECK_THAT(r.system.response_s, WithinAbs(0.7943, 5e-5));
    CHECK_THAT(r.stations[0].utilization, WithinAbs(0.209445, 5e-7));
    CHECK_THAT(r.stations[0].mean_in_station, WithinAbs(0.2641, 5e-5));
    CHECK_THAT(r.system.mean_in_system, WithinAbs(0.2641, 5e-5));
}

TEST_CASE("closed: PDQ AWS Tomcat, 300 threads, N = 400, Z = 0", "[network][closed]") {
    // PDQ README (AWS Tomcat) (4 decimals). X = m/S exactly, R = N·S/m.
    const NetworkResult r = solve_network(closed(400, 0.0, {0.444}, {1.0}, {300}));
    CHECK_THAT(r.system.throughput_per_s, WithinAbs(675.6757, 5e-5));
    CHECK_THAT(r.system.response_s, WithinAbs(0.5920, 5e-5));
    CHECK_THAT(r.stations[0].utilization, WithinAbs(1.0, 1e-12));
    CHECK_THAT(r.stations[0].mean_in_station, WithinAbs(400.0, 1e-9));
    // Waiting time R − S = 0.1480 s.
    CHECK_THAT(r.stations[0].response_per_visit_s - 0.444, WithinAbs(0.1480, 5e-5));
}

TEST_CASE("closed: Jain central-server model", "[network][closed]") {
    // Octave qncsmva.m test (Jain 1991, Example 34.2), tol 1e-3.
    const NetworkResult r =
        solve_network(closed(20, 4.0, {0.125, 0.3, 0.2}, {16.0, 10.0, 5.0}, {1, 1, 1}));
    const std::vector<double> response = {0.373, 4.854, 0.300};
    const std::vector<double> queue = {1.991, 16.177, 0.500};
    for (std::size_t i = 0; i < 3; ++i) {
        CHECK_THAT(r.stations[i].response_per_visit_s, WithinAbs(response[i], 1e-3));
        CHECK_THAT(r.stations[i].mean_in_station, WithinAbs(queue[i], 1e-3));
    }
}

TEST_CASE("closed: Bolch example 8.3", "[network][closed]") {
    // Bolch et al. 2006 p. 331 via Octave qncsmva.m, 3 decimals (tol 1e-3).
    const NetworkResult r =
        solve_network(closed(6, 0.0, {0.02, 0.2, 0.4, 0.6}, {1.0, 0.4, 0.2, 0.1}, {1, 1, 1, 1}));
    const std::vector<double> util = {0.198, 0.794, 0.794, 0.595};
    const std::vector<double> response = {0.025, 0.570, 1.140, 1.244};
    const std::vector<double> queue = {0.244, 2.261, 2.261, 1.234};
    const std::vector<double> throughput = {9.920, 3.968, 1.984, 0.992};
    for (std::size_t i = 0; i < 4; ++i) {
        CHECK_THAT(r.stations[i].utilization, WithinAbs(util[i], 1e-3));
        CHECK_THAT(r.stations[i].response_per_visit_s, WithinAbs(response[i], 1e-3));
        CHECK_THAT(r.stations[i].mean_in_station, WithinAbs(queue[i], 1e-3));
        CHECK_THAT(r.stations[i].throughput_per_s, WithinAbs(throughput[i], 1e-3));
    }

    SECTION("the same network with visits derived from routing") {
        // Station 1 sends 40% / 20% / 10% to stations 2-4 and 30% back to itself; 2-4 return.
        NetworkSpec spec = closed(6, 0.0, {0.02, 0.2, 0.4, 0.6}, {0, 0, 0, 0}, {1, 1, 1, 1});
        spec.form = VisitForm::routing;
        spec.routing = {{0.3, 0.4, 0.2, 0.1}, {1, 0, 0, 0}, {1, 0, 0, 0}, {1, 0, 0, 0}};
        const NetworkResult routed = solve_network(spec);
        for (std::size_t i = 0; i < 4; ++i) {
            CHECK_THAT(routed.stations[i].visits, WithinRel(r.stations[i].visits, 1e-14));
            CHECK_THAT(routed.stations[i].mean_in_station,
                       WithinRel(r.stations[i].mean_in_station, 1e-12));
        }
    }
}

TEST_CASE("closed: Bolch example 8.4, multi-server and delay stations", "[network][closed]") {
    // Bolch et al. 2006 p. 333 via Octave qncsmva.m, 3 decimals (tol 1e-3).
    const NetworkResult r = solve_network(
        closed(3, 0.0, {0.5, 0.6, 0.8, 1.0}, {1.0, 0.5, 0.5, 1.0}, {2, 1, 1, k_delay}));
    const std::vector<double> queue = {0.624, 0.473, 0.686, 1.217};
    const std::vector<double> throughput = {1.218, 0.609, 0.609, 1.218};
    for (std::size_t i = 0; i < 4; ++i) {
        CHECK_THAT(r.stations[i].mean_in_station, WithinAbs(queue[i], 1e-3));
        CHECK_THAT(r.stations[i].throughput_per_s, WithinAbs(throughput[i], 1e-3));
    }
    CHECK(r.stations[3].utilization == 0.0); // documented: delay stations report 0
    CHECK_THAT(total_in_network(r), WithinAbs(3.0, 1e-12));
}

TEST_CASE("closed: Little's law and asymptotic bounds on random networks", "[network][closed]") {
    // Identities (Lazowska et al. 1984 ch. 5): Q_i = X_i·R_i, Σ Q + X·Z = N, and
    // N/(Z + N·ΣD) ≤ X ≤ min(N/(Z + ΣD), min_i m_i/D_i).
    std::mt19937_64 rng(20240611);
    std::uniform_real_distribution<double> service(0.001, 0.5);
    std::uniform_real_distribution<double> visit(0.1, 5.0);
    std::uniform_int_distribution<std::int64_t> servers(1, 6);
    std::uniform_int_distribution<std::int64_t> population(1, 120);
    for (int trial = 0; trial < 50; ++trial) {
        std::vector<double> s(4);
        std::vector<double> v(4);
        std::vector<std::int64_t> m(4);
        for (std::size_t i = 0; i < 4; ++i) {
            s[i] = service(rng);
            v[i] = visit(rng);
            m[i] = servers(rng);
        }
        const std::int64_t n = population(rng);
        const double z = trial % 2 == 0 ? 0.0 : service(rng) * 10.0;
        const NetworkResult r = solve_network(closed(n, z, s, v, m));
        double demand = 0.0;
        double capacity = 1e300;
        for (std::size_t i = 0; i < 4; ++i) {
            demand += s[i] * v[i];
            capacity = std::min(capacity, static_cast<double>(m[i]) / (s[i] * v[i]));
            const auto& st = r.stations[i];
            CHECK_THAT(st.mean_in_station,
                       WithinRel(st.throughput_per_s * st.response_per_visit_s, 1e-12));
            CHECK(st.utilization <= 1.0 + 1e-12);
        }
        const double nn = static_cast<double>(n);
        CHECK_THAT(total_in_network(r), WithinRel(nn, 1e-12));
        CHECK(r.system.throughput_per_s <= std::min(nn / (z + demand), capacity) * (1 + 1e-12));
        CHECK(r.system.throughput_per_s >= nn / (z + nn * demand) * (1 - 1e-12));
        CHECK_THAT(r.system.response_s, WithinRel(nn / r.system.throughput_per_s - z, 1e-9));
    }
}

TEST_CASE("closed: m ≥ N servers behave as a delay station", "[network][closed]") {
    // With at most N jobs nobody waits at an N-server station (exact identity).
    const NetworkResult a = solve_network(closed(8, 1.0, {0.3, 0.1}, {1.0, 2.0}, {8, 1}));
    const NetworkResult b = solve_network(closed(8, 1.0, {0.3, 0.1}, {1.0, 2.0}, {k_delay, 1}));
    CHECK_THAT(a.system.throughput_per_s, WithinRel(b.system.throughput_per_s, 1e-15));
    CHECK_THAT(a.stations[0].residence_s, WithinRel(0.3, 1e-15));
    // One server fewer queues, against the exact oracle below.
    const NetworkResult c = solve_network(closed(8, 1.0, {0.3, 0.1}, {1.0, 2.0}, {7, 1}));
    using Rational = boost::multiprecision::cpp_rational;
    const Oracle<Rational> exact({Rational(3, 10), Rational(2, 10)}, {7, 1}, Rational(1), 8);
    CHECK_THAT(c.system.throughput_per_s,
               WithinRel(static_cast<double>(exact.throughput()), 1e-14));
}

TEST_CASE("closed: multi-server MVA equals exact rational convolution", "[network][closed]") {
    // Oracle: convolution algorithm in exact rational arithmetic (boost cpp_rational), N = 60,
    // a 16-server station near its knee, two single servers and a delay; also cross-checked
    // against Octave qncsmvald, which agrees to ~1e-15 at this size.
    using Rational = boost::multiprecision::cpp_rational;
    const NetworkResult r = solve_network(
        closed(60, 2.0, {0.4, 0.01, 0.02, 0.5}, {1.0, 1.0, 1.0, 1.0}, {16, 1, 1, k_delay}));
    const Oracle<Rational> exact(
        {Rational(4, 10), Rational(1, 100), Rational(2, 100), Rational(5, 10)}, {16, 1, 1, k_delay},
        Rational(2), 60);
    CHECK_THAT(r.system.throughput_per_s,
               WithinRel(static_cast<double>(exact.throughput()), 1e-13));
    for (std::size_t i = 0; i < 4; ++i) {
        CHECK_THAT(r.stations[i].mean_in_station,
                   WithinRel(static_cast<double>(exact.mean_in_station(i)), 1e-12));
    }
}

TEST_CASE("closed: two multi-server stations (sub-network recursion)", "[network][closed]") {
    // Oracle: rational convolution; both 8- and 4-server stations queue (1 < m < N).
    using Rational = boost::multiprecision::cpp_rational;
    const NetworkResult r =
        solve_network(closed(40, 1.0, {0.5, 0.2, 0.05}, {1.0, 1.0, 1.0}, {8, 4, 1}));
    const Oracle<Rational> exact({Rational(1, 2), Rational(1, 5), Rational(1, 20)}, {8, 4, 1},
                                 Rational(1), 40);
    CHECK_THAT(r.system.throughput_per_s,
               WithinRel(static_cast<double>(exact.throughput()), 1e-13));
    for (std::size_t i = 0; i < 3; ++i) {
        CHECK_THAT(r.stations[i].mean_in_station,
                   WithinRel(static_cast<double>(exact.mean_in_station(i)), 1e-12));
    }
}

TEST_CASE("closed: stable at saturation, N = 1000 with a 64-server station", "[network][closed]") {
    // Oracle: convolution algorithm in 50-digit binary floating point (cpp_bin_float_50); the
    // MVA agrees to ~1 ulp. The textbook load-dependent MVA drifts here because p(0|n) is
    // obtained as 1 − Σ p(j|n) (see src/queueing/mva.cpp): Octave 7.3 (queueing package) qncsmvald
    // on this network returns X = −20.68 at Z = 5 and X = 20.52 at Z = 14.6 (exact: 64 and 62.75),
    // while its Σ Q + X·Z is still N — so that identity alone cannot detect the drift.
    using Float = boost::multiprecision::cpp_bin_float_50;
    const double think = GENERATE(5.0, 14.6); // deep saturation, the knee
    const NetworkResult r =
        solve_network(closed(1000, think, {1.0, 0.01, 0.002}, {1.0, 1.0, 1.0}, {64, 1, 1}));
    CAPTURE(think);
    CHECK_THAT(total_in_network(r), WithinAbs(1000.0, 1e-9 * 1000.0));
    const Oracle<Float> oracle({Float(1), Float("0.01"), Float("0.002")}, {64, 1, 1}, Float(think),
                               1000);
    CHECK_THAT(r.system.throughput_per_s,
               WithinRel(static_cast<double>(oracle.throughput()), 1e-12));
    CHECK_THAT(r.stations[0].mean_in_station,
               WithinRel(static_cast<double>(oracle.mean_in_station(0)), 1e-11));
    CHECK(r.stations[0].utilization <= 1.0);
}
