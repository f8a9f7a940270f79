// The web tier (docs/models.md#web).

#include <catch2/catch.hpp>

#include <cmath>
#include <random>

#include "support/spec_catalogue.hpp"
#include "tiers/web.hpp"

using namespace capplan;
using namespace capplan::tiers;
using Catch::Matchers::WithinRel;

namespace {

WebRules rules(const workload::Instance& inst, double slo_s) {
    WebRules r;
    r.instance = &inst;
    r.cpu_time_s = 0.015;
    r.cpu_time_scv = 1.0;
    r.static_cpu_time_s = 0.0002;
    r.job_time_s = 4.0;
    r.job_time_scv = 0.25;
    r.max_utilization = 0.7;
    r.latency_p99_s = slo_s;
    r.write_fraction = 0.05;
    r.min_servers = 1;
    r.max_servers = 10'000;
    r.pool = true;
    r.failover.spares = 1;
    return r;
}

} // namespace

TEST_CASE("web servers for a utilization-bound case by hand", "[tiers][web]") {
    const auto cat = test::spec_catalogue();
    // c7g.xlarge: 4 vCPUs, 4 cores × 1 thread: c_eff = 4, no slowdown. 1,000/s × 15 ms = 15
    // Erlangs; 4 × 0.7 = 2.8 per server → N = ⌈5.357⌉ = 6; planned max(2, 6 + 1) = 7, which run
    // at 15/28 = 53.6 %. The SLO of 10 s is far away.
    const WebRules r = rules(cat.instances.at("c7g.xlarge"), 10.0);
    const WebSizing s = size_web(r, WebDemand{1000.0, 0.0, 0.0, 1.0}, OtherLegs{});
    CHECK(s.needed == 6);
    CHECK(s.planned == 7);
    CHECK(s.bound_by == "utilization");
    CHECK_THAT(s.at_needed.utilization, WithinRel(15.0 / 24.0, 1e-14));
    CHECK_THAT(s.at_planned.utilization, WithinRel(15.0 / 28.0, 1e-14));
    // c7i.xlarge: 2 cores × 2 threads, c_eff = 2 · 1.25 = 2.5, service × 4/2.5 = 1.6:
    // 24 Erlangs → ⌈24/2.8⌉ = ⌈8.571⌉ = 9.
    const WebSizing i = size_web(rules(cat.instances.at("c7i.xlarge"), 10.0),
                                 WebDemand{1000.0, 0.0, 0.0, 1.0}, OtherLegs{});
    CHECK(i.needed == 9);
    // Static requests add 5,000/s × 0.2 ms = 1 Erlang: 16/2.8 = 5.71 → still 6 on c7g.xlarge.
    CHECK(size_web(r, WebDemand{1000.0, 5000.0, 0.0, 1.0}, OtherLegs{}).needed == 6);
}

TEST_CASE("a latency-bound size meets the SLO and one server fewer does not", "[tiers][web]") {
    const auto cat = test::spec_catalogue();
    // The floor (no web wait): 15 ms exponential CPU + 6 ms of reads, p99 ≈ 65 ms; 100 ms is
    // reachable, so each mode ends on "latency" or "utilization", never unreachable.
    WebRules r = rules(cat.instances.at("c7g.large"), 0.100);
    // Other legs: 3 database reads of ~2 ms each, a write request 5 more of ~5 ms.
    const OtherLegs legs{Moments{0.006, 1.2e-5}, Moments{0.031, 1.4e-4}};
    for (const auto mode : {workload::Balancing::round_robin, workload::Balancing::random,
                            workload::Balancing::least_connections}) {
        r.balancing = mode;
        const WebDemand d{400.0, 0.0, 0.0, 1.0};
        const WebSizing s = size_web(r, d, legs);
        INFO("mode " << static_cast<int>(mode) << " needed " << s.needed);
        CHECK(s.bound_by != "latency_unreachable");
        CHECK(s.at_needed.meets);
        CHECK(s.at_needed.latency_p99_s <= 0.100 * (1 + 1e-9));
        if (s.bound_by == "latency") {
            CHECK_FALSE(evaluate_web(r, d, legs, s.needed - 1, true).meets);
        }
    }
}

TEST_CASE("balancing: pooled least_connections ≤ round_robin ≤ random", "[tiers][web]") {
    const auto cat = test::spec_catalogue();
    WebRules r = rules(cat.instances.at("c7g.large"), 0.050);
    const WebDemand d{2000.0, 0.0, 0.0, 2.0}; // bursty: c_a² = 2
    r.balancing = workload::Balancing::least_connections;
    const auto lc = size_web(r, d, OtherLegs{}).needed;
    r.balancing = workload::Balancing::round_robin;
    const auto rr = size_web(r, d, OtherLegs{}).needed;
    r.balancing = workload::Balancing::random;
    const auto rnd = size_web(r, d, OtherLegs{}).needed;
    CHECK(lc <= rr);
    CHECK(rr <= rnd);
}

TEST_CASE("caps: no load balancer means one server; max_servers; unreachable SLO", "[tiers][web]") {
    const auto cat = test::spec_catalogue();
    WebRules r = rules(cat.instances.at("c7g.xlarge"), 10.0);
    r.pool = false;
    const WebSizing one = size_web(r, WebDemand{100.0, 0.0, 0.0, 1.0}, OtherLegs{});
    CHECK(one.needed == 1);
    CHECK(one.planned == 1);
    CHECK(one.bound_by == "min_servers");
    const WebSizing over = size_web(r, WebDemand{1000.0, 0.0, 0.0, 1.0}, OtherLegs{});
    CHECK(over.needed == 1);
    CHECK(over.capped);
    CHECK(over.bound_by == "max_servers");

    r.pool = true;
    r.max_servers = 4; // 15 Erlangs need 6
    const WebSizing capped = size_web(r, WebDemand{1000.0, 0.0, 0.0, 1.0}, OtherLegs{});
    CHECK(capped.needed == 4);
    CHECK(capped.capped);
    CHECK(capped.bound_by == "max_servers");

    // Legs of 1 s mean against a 300 ms SLO: no N helps; the utilization answer is reported.
    r = rules(cat.instances.at("c7g.xlarge"), 0.300);
    const WebSizing un = size_web(r, WebDemand{1000.0, 0.0, 0.0, 1.0},
                                  OtherLegs{Moments{1.0, 0.01}, Moments{1.0, 0.01}});
    CHECK(un.unreachable);
    CHECK(un.bound_by == "latency_unreachable");
    CHECK(un.needed == 6);
}

TEST_CASE("async jobs on the web cores break the p99 before the CPU is busy", "[tiers][web]") {
    const auto cat = test::spec_catalogue();
    const WebRules r = rules(cat.instances.at("c7g.xlarge"), 0.300);
    // 2 jobs/s × 4 s = 8 Erlangs more; by utilization (15 + 8)/2.8 → 9 servers, but a request
    // stuck behind a 4 s job needs far more servers before P(wait) drops under 1 %.
    const auto without = size_web(r, WebDemand{1000.0, 0.0, 0.0, 1.0}, OtherLegs{});
    const auto with = size_web(r, WebDemand{1000.0, 0.0, 2.0, 1.0}, OtherLegs{});
    CHECK(with.needed > 9);
    CHECK(with.bound_by == "latency");
    CHECK(with.needed > without.needed);
}

// While the SLO is reachable: past that point docs/models.md#web reports the utilization answer
// (latency_unreachable), which is smaller by design.
TEST_CASE("a stricter latency SLO never lowers the web server count", "[tiers][web]") {
    const auto cat = test::spec_catalogue();
    const OtherLegs legs{Moments{0.006, 1.2e-5}, Moments{0.031, 1.4e-4}};
    for (const char* name : {"c7g.large", "c7i.xlarge"}) {
        for (const double rate : {50.0, 700.0, 9000.0}) {
            std::int64_t previous = 0;
            for (const double slo : {1.0, 0.3, 0.15, 0.1, 0.08, 0.07, 0.065}) {
                const auto s = size_web(rules(cat.instances.at(name), slo),
                                        WebDemand{rate, 0.0, 0.0, 1.5}, legs);
                INFO(name << " rate " << rate << " slo " << slo);
                if (s.unreachable) {
                    CHECK(s.bound_by == "latency_unreachable");
                    break;
                }
                CHECK(s.needed >= previous);
                previous = s.needed;
            }
        }
    }
}

TEST_CASE("The quick p99 test agrees with the exact p99", "[tiers][web]") {
    // evaluate_web settles "p99 ≤ SLO" by the union bound P(W + S > t) ≤ P(W > t − s) +
    // P(S > s) when it can, else by P(T > SLO) ≤ 1 % exactly (web.cpp). Either way the answer
    // must be the one the p99 itself gives: seeded random rules, loads, legs and counts, the
    // verdict against the p99 quantile (a root find to ~1e-10, so within 1e-6 of the SLO the
    // two may differ and are not compared).
    const auto cat = test::spec_catalogue();
    std::mt19937_64 rng(9901);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    const auto log_uniform = [&](double lo, double hi) {
        return lo * std::pow(hi / lo, unit(rng));
    };
    int meeting = 0;
    int compared = 0;
    for (int trial = 0; trial < 400; ++trial) {
        WebRules r = rules(cat.instances.at(trial % 2 == 0 ? "c7g.xlarge" : "c7i.xlarge"),
                           log_uniform(0.03, 3.0));
        r.cpu_time_s = log_uniform(0.002, 0.05);
        r.cpu_time_scv = log_uniform(0.1, 4.0);
        r.job_time_s = log_uniform(0.01, 5.0);
        r.write_fraction = unit(rng) * 0.5;
        const WebDemand d{log_uniform(10.0, 5000.0), log_uniform(1.0, 5000.0),
                          unit(rng) < 0.5 ? 0.0 : log_uniform(0.01, 10.0), log_uniform(0.3, 3.0)};
        OtherLegs legs;
        legs.read = Moments{log_uniform(0.001, 0.1), std::pow(log_uniform(0.001, 0.1), 2)};
        legs.write = Moments{log_uniform(0.001, 0.2), std::pow(log_uniform(0.001, 0.2), 2)};
        const auto n = static_cast<std::int64_t>(log_uniform(1.0, 400.0));
        const WebPoint verdict = evaluate_web(r, d, legs, n, false);
        const WebPoint exact = evaluate_web(r, d, legs, n, true);
        if (verdict.saturated || verdict.utilization > r.max_utilization) {
            continue;
        }
        INFO("trial " << trial << ": p99 " << exact.latency_p99_s << " s, SLO " << r.latency_p99_s
                      << " s");
        if (std::abs(exact.latency_p99_s / r.latency_p99_s - 1.0) < 1e-6) {
            continue;
        }
        ++compared;
        meeting += verdict.meets ? 1 : 0;
        CHECK(verdict.meets == (exact.latency_p99_s <= r.latency_p99_s));
    }
    // Both verdicts occur often.
    CHECK(compared > 100);
    CHECK(meeting > 20);
    CHECK(compared - meeting > 20);
}
