// Inverse sizing: published staffing answers, minimality, exact boundaries, infeasibility.

#include <catch2/catch.hpp>

#include <random>

#include "queueing/distributions.hpp"
#include "queueing/queue_model.hpp"
#include "queueing/sizing.hpp"

using namespace capplan::queueing;

namespace {

// True when c servers meet every limit (re-checked independently of the search, through the
// public quantile functions rather than the exceedance test the search uses).
bool meets(const Station& base, const SizingConstraints& l, std::int64_t c) {
    Station s = base;
    s.servers = c;
    if (s.arrival_rate_per_s * s.service_time_s >= static_cast<double>(c)) {
        return false;
    }
    const QueueAnalysis q(s);
    const auto& m = q.metrics();
    const double slack = 1 + 1e-9;
    if (l.max_utilization && m.utilization > *l.max_utilization * slack) {
        return false;
    }
    if (l.max_p_wait && m.p_wait > *l.max_p_wait * slack) {
        return false;
    }
    if (l.max_mean_wait_s && m.mean_wait_s > *l.max_mean_wait_s * slack) {
        return false;
    }
    if (l.max_mean_response_s && m.mean_response_s > *l.max_mean_response_s * slack) {
        return false;
    }
    for (const auto& w : l.max_wait_quantiles) {
        if (q.wait_quantile_s(w.q) > w.max_s * slack) {
            return false;
        }
    }
    for (const auto& r : l.max_response_quantiles) {
        if (q.response_quantile_s(r.q) > r.max_s * slack) {
            return false;
        }
    }
    return true;
}

} // namespace

TEST_CASE("Erlang C staffing with service level and occupancy cap", "[sizing]") {
    // pyworkforce tests/test_erlang.py and cran/ErlangC tests/testthat/test-erlang_c.R: 100 calls
    // per 30 min, AHT 3 min, 80 % answered within 20 s, max occupancy 85 % → 14 raw positions;
    // with max occupancy 70 % → 15.
    const Station calls{100.0 / 1800.0, 180.0, 1, 1.0, 1.0, {}};
    SizingConstraints l;
    l.max_utilization = 0.85;
    l.max_wait_quantiles.push_back({0.80, 20.0});
    const auto r = size_servers(calls, l);
    REQUIRE(r.status == SizingStatus::sized);
    CHECK(r.servers == 14);
    CHECK(r.bound_by == "wait_p80");
    l.max_utilization = 0.70;
    const auto r70 = size_servers(calls, l);
    CHECK(r70.servers == 15);
    CHECK(r70.bound_by == "utilization");
}

TEST_CASE("A limit met exactly is met", "[sizing]") {
    // 7/s × 0.1 s = 0.7 Erlangs (0.7000000000000001 in doubles): 70 % on one server holds.
    SizingConstraints l;
    l.max_utilization = 0.70;
    const auto r = size_servers(Station{7.0, 0.1, 1, 1.0, 1.0, {}}, l);
    CHECK(r.servers == 1);
    // 2 Erlangs at 100 %: ρ must stay below 1, so 3 servers (bound by stability).
    l.max_utilization = 1.0;
    const auto s = size_servers(Station{20.0, 0.1, 1, 1.0, 1.0, {}}, l);
    CHECK(s.servers == 3);
    CHECK(s.bound_by == "stability");
}

TEST_CASE("Sizing is minimal over random stations and limits", "[sizing]") {
    std::mt19937_64 rng(20261128);
    std::uniform_real_distribution<double> log_load(-2.0, 5.0);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    for (int i = 0; i < 300; ++i) {
        const double service = 0.001 + 0.2 * unit(rng);
        const double erlangs = std::pow(10.0, log_load(rng));
        Station s{erlangs / service, service, 1, 0.25 + 2 * unit(rng), 0.25 + 2 * unit(rng), {}};
        SizingConstraints l;
        if (unit(rng) < 0.5) {
            l.max_utilization = 0.5 + 0.5 * unit(rng);
        }
        if (unit(rng) < 0.4) {
            l.max_p_wait = 0.01 + 0.5 * unit(rng);
        }
        if (unit(rng) < 0.4) {
            l.max_mean_wait_s = service * unit(rng);
        }
        if (unit(rng) < 0.4) {
            l.max_wait_quantiles.push_back({0.9 + 0.099 * unit(rng), service * unit(rng)});
        }
        if (unit(rng) < 0.5) {
            // Above the service time's own p99, which no server count can beat.
            const double floor_s = gamma_quantile_s(GammaLaw{service, s.service_scv}, 0.99);
            l.max_response_quantiles.push_back({0.99, floor_s * (1.05 + unit(rng))});
        }
        const auto r = size_servers(s, l);
        INFO("i = " << i << ", a = " << erlangs << ", S = " << service);
        REQUIRE(r.status == SizingStatus::sized);
        CHECK(meets(s, l, r.servers));
        if (r.servers > 1) {
            CHECK_FALSE(meets(s, l, r.servers - 1));
        }
    }
}

TEST_CASE("Sizing at a million Erlangs", "[sizing]") {
    // Square-root staffing (Halfin & Whitt 1981): c ≈ a + β√a with β ≈ 2.3 for P(wait) ≈ 1 %.
    SizingConstraints l;
    l.max_p_wait = 0.01;
    const auto r = size_servers(Station{1e6, 1.0, 1, 1.0, 1.0, {}}, l);
    REQUIRE(r.status == SizingStatus::sized);
    CHECK(r.servers > 1'000'000 + 2000);
    CHECK(r.servers < 1'000'000 + 3000);
    CHECK(meets(Station{1e6, 1.0, 1, 1.0, 1.0, {}}, l, r.servers));
    CHECK_FALSE(meets(Station{1e6, 1.0, 1, 1.0, 1.0, {}}, l, r.servers - 1));
}

TEST_CASE("Unreachable limits are infeasible with a reason", "[sizing]") {
    const Station s{10.0, 0.05, 1, 1.0, 1.0, {}};
    SizingConstraints mean;
    mean.max_mean_response_s = 0.04;
    const auto r = size_servers(s, mean);
    CHECK(r.status == SizingStatus::infeasible);
    CHECK(r.reason == "mean response 40 ms is not above the mean service time 50 ms");
    SizingConstraints equal;
    equal.max_mean_response_s = 0.05;
    CHECK(size_servers(s, equal).status == SizingStatus::infeasible);
    SizingConstraints tail;
    tail.max_response_quantiles.push_back({0.99, 0.2}); // Exp(50 ms) has p99 = 230 ms
    const auto t = size_servers(s, tail);
    CHECK(t.status == SizingStatus::infeasible);
    SizingConstraints zero;
    zero.max_p_wait = 0.0;
    CHECK(size_servers(s, zero).status == SizingStatus::infeasible);
    // A wait quantile of 0 is reachable: it asks P(wait) ≤ 1 − q.
    SizingConstraints wait0;
    wait0.max_wait_quantiles.push_back({0.99, 0.0});
    CHECK(size_servers(s, wait0).status == SizingStatus::sized);
    // With no variability at all, zero wait is reachable (D/D/c).
    SizingConstraints dd;
    dd.max_mean_wait_s = 0.0;
    const auto d = size_servers(Station{10.0, 0.05, 1, 0.0, 0.0, {}}, dd);
    CHECK(d.status == SizingStatus::sized);
    CHECK(d.servers == 1);
}
