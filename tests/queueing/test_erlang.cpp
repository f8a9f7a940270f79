// Erlang B and C against published values and a 50-digit oracle.

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <random>

#include <boost/multiprecision/cpp_bin_float.hpp>

#include "queueing/erlang.hpp"

using capplan::queueing::erlang_b;
using capplan::queueing::erlang_b_next;
using capplan::queueing::erlang_c;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;
using Catch::Matchers::WithinULP;

namespace {

using Big = boost::multiprecision::cpp_bin_float_50;

// Independent 50-digit oracle for B(c, a), by a different route than the implementation
// where it matters:
//  - c ≤ a: 1/B = Σ_{j=0}^{c} Π_{i<j} (c − i)/a, summed in 50 digits until the terms are
//    below 1e-45 of the sum (they fall monotonically once the ratio is below 1).
//  - c > a: B = P(N = c) / (1 − P(N > c)) with P(N = c) = exp(c·ln a − a − lnΓ(c + 1)) in
//    50 digits and the upper tail summed term by term (ratios a/k < 1).
Big oracle_erlang_b(std::int64_t c, double a_double) {
    const Big a(a_double);
    const Big cc(static_cast<double>(c));
    if (cc <= a) {
        Big sum = 1;
        Big term = 1;
        for (std::int64_t i = 0; i < c; ++i) {
            term *= Big(static_cast<double>(c - i)) / a;
            sum += term;
            if (term < sum * Big("1e-45")) {
                break;
            }
        }
        return 1 / sum;
    }
    const Big log_pmf = cc * log(a) - a - boost::multiprecision::lgamma(cc + 1);
    const Big pmf = exp(log_pmf);
    Big tail_ratio = 0; // P(N > c) / P(N = c)
    Big term = 1;
    for (std::int64_t k = c + 1;; ++k) {
        term *= a / Big(static_cast<double>(k));
        tail_ratio += term;
        if (term < tail_ratio * Big("1e-45") || term < Big("1e-60")) {
            break;
        }
    }
    return pmf / (1 - pmf * tail_ratio);
}

double relative_error(double value, const Big& exact) {
    return static_cast<double>(abs((Big(value) - exact) / exact));
}

} // namespace

TEST_CASE("Erlang B exact small values", "[erlang]") {
    // pyworkforce pyworkforce/queuing/tests/test_erlang_b.py: B(1, 1) = 0.5, B(2, 1) = 0.2.
    CHECK_THAT(erlang_b(1, 1.0), WithinULP(0.5, 1));
    CHECK_THAT(erlang_b(2, 1.0), WithinULP(0.2, 2));
    // Hand derivation: B(3, 2) = (8/6) / (1 + 2 + 2 + 8/6) = 4/19.
    CHECK_THAT(erlang_b(3, 2.0), WithinRel(4.0 / 19.0, 1e-15));
}

TEST_CASE("Erlang B and C edges", "[erlang]") {
    CHECK(erlang_b(0, 5.0) == 1.0); // no server: everything is blocked
    CHECK(erlang_b(5, 0.0) == 0.0); // no load: nothing is blocked
    CHECK(erlang_c(5, 0.0) == 0.0);
    CHECK(erlang_c(4, 4.0) == 1.0); // a = c: unstable, every arrival waits
    CHECK(erlang_c(4, 9.5) == 1.0);
    // Tiny loads: B(c, a) ~ a^c/c! and C(1, a) = a (M/M/1: P(wait) = ρ).
    CHECK_THAT(erlang_b(2, 1e-9), WithinRel(0.5e-18, 1e-8));
    CHECK_THAT(erlang_c(1, 1e-9), WithinRel(1e-9, 1e-12));
    CHECK_THAT(erlang_c(1, 0.75), WithinRel(0.75, 1e-15));
    // Underflow is 0, never NaN: B(10^6, 1) = 1/10^6! ≪ 1e-308.
    CHECK(erlang_b(1'000'000, 1.0) == 0.0);
    CHECK(std::isfinite(erlang_c(10'000'000, 1e-300)));
}

TEST_CASE("Erlang C published values", "[erlang]") {
    // PDQ call centre (DrQz/pdq-qnm-pkg README): M/M/4, λ = 0.35/min, S = 10 min, a = 3.5.
    // Waiting line Lq = 5.1650 = C·ρ/(1 − ρ) with ρ = 0.875 → C = 5.1650·0.125/0.875.
    CHECK_THAT(erlang_c(4, 3.5), WithinRel(5.1650 * 0.125 / 0.875, 1e-4));
    // pyworkforce / R ErlangC (A3): 100 calls per 30 min, AHT 3 min → a = 10; with 14 agents
    // waiting_probability = 0.1741319335950498.
    CHECK_THAT(erlang_c(14, 10.0), WithinRel(0.1741319335950498, 1e-13));
    // PDQ demo mmm.R (A9, derived): a = 2, c = 3 → P(wait) = 4/9.
    CHECK_THAT(erlang_c(3, 2.0), WithinRel(4.0 / 9.0, 1e-15));
}

TEST_CASE("Erlang B against the 50-digit oracle", "[erlang]") {
    struct Case {
        std::int64_t c;
        double a;
    };
    // Every regime: the recursion (c ≤ 64), the descending series (c < a − 5√a), the Poisson
    // ratio near the centre and in the upper tail; c and a up to 10^7.
    const Case cases[] = {
        {1, 0.5},
        {10, 7.3},
        {64, 80.0},
        {65, 64.0},
        {100, 50.0},
        {100, 99.5},
        {100, 150.0},
        {200, 400.0},
        {1000, 950.0},
        {1000, 1000.0},
        {1000, 1100.0},
        {1000, 5000.0},
        {10000, 9900.0},
        {10000, 10250.0},
        {10000, 9000.0},
        {100000, 99000.0},
        {100000, 100000.5},
        {100000, 101600.0},
        {1000000, 999000.0},
        {1000000, 1001000.0},
        {1000000, 994000.0},
        {1000000, 2e6},
        {1000000, 1e7},
        {10000000, 1e7},
        {10000000, 9990000.0},
        {10000000, 10005000.0},
        {10000000, 9984000.0},
        {5000, 3000.0},
        {200, 30.0},
        {500, 480.0},
        // Left tail of the Poisson ratio, where Boost's incomplete gamma loses digits (found
        // by the M/M/c/K tests), and just below the load at 10^7.
        {1000000, 990000.0},
        {1000000, 985000.0},
        {10000000, 10000000.5},
        {9999999, 1e7},
        {9990000, 1e7},
        {9900000, 1e7},
    };
    for (const auto& k : cases) {
        const Big exact = oracle_erlang_b(k.c, k.a);
        if (exact < Big("1e-300")) {
            continue;
        }
        const double b = erlang_b(k.c, k.a);
        INFO("c = " << k.c << ", a = " << k.a << ", B = " << b << ", exact = " << exact);
        CHECK(relative_error(b, exact) <= 1e-12);
    }
}

TEST_CASE("Erlang B recursion step agrees with direct evaluation", "[erlang]") {
    // B(c + 1) from B(c) by the recursion (Kleinrock 1975 eq. 3.46) must match the direct
    // value; this is what the sizing search relies on when it steps c upwards.
    for (const double a : {3.0, 870.0, 123456.0}) {
        const auto c0 = static_cast<std::int64_t>(a);
        double b = erlang_b(c0, a);
        for (std::int64_t c = c0; c < c0 + 50; ++c) {
            b = erlang_b_next(c, a, b);
            CHECK_THAT(b, WithinRel(erlang_b(c + 1, a), 1e-12));
        }
    }
}

TEST_CASE("Erlang C is monotone in servers", "[erlang]") {
    // More servers never raise P(wait) (Kleinrock 1975, §3.5).
    const double a = 54321.0;
    double previous = 1.0;
    for (std::int64_t c = 54322; c < 56000; c += 7) {
        const double value = erlang_c(c, a);
        CHECK(value <= previous);
        previous = value;
    }
}

TEST_CASE("Erlang B against the oracle on random (c, a) around the load", "[erlang]") {
    // Seeded random cases: a log-uniform in [65, 10^7], c = a + z·√a with z uniform in
    // [−12, 40], the band where B is between ~1 and 1e-300 and every regime meets another.
    std::mt19937_64 rng(1974);
    std::uniform_real_distribution<double> log_a(std::log(65.0), std::log(1e7));
    std::uniform_real_distribution<double> z(-12.0, 40.0);
    double worst = 0.0;
    for (int i = 0; i < 60; ++i) {
        const double a = std::exp(log_a(rng));
        const double c_real = std::max(1.0, std::round(a + z(rng) * std::sqrt(a)));
        const auto c = static_cast<std::int64_t>(c_real);
        const Big exact = oracle_erlang_b(c, a);
        if (exact < Big("1e-300")) {
            continue;
        }
        const double err = relative_error(erlang_b(c, a), exact);
        worst = std::max(worst, err);
        INFO("c = " << c << ", a = " << a);
        CHECK(err <= 1e-12);
    }
    CHECK(worst > 0.0); // the comparison ran
}
