// Tests for queueing/log_sums.hpp.
#include "queueing/log_sums.hpp"

#include <catch2/catch.hpp>

#include <boost/math/special_functions/gamma.hpp>
#include <boost/multiprecision/cpp_bin_float.hpp>

#include <cmath>
#include <cstdint>

using capplan::queueing::log_poisson_pmf;
using capplan::queueing::log_sum_concave;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

TEST_CASE("log_poisson_pmf: against 50-digit arithmetic", "[log_sums]") {
    // Oracle: −m + i·log m − lgamma(i + 1) in cpp_bin_float_50, where the large terms cancel
    // harmlessly; compared on the probability itself (exp of the log).
    using Mp = boost::multiprecision::cpp_bin_float_50;
    for (const double mean : {0.3, 7.0, 29.5, 1000.0, 123456.7, 3.0e7}) {
        for (const double rel : {0.0, 0.5, 0.9, 1.0, 1.1, 1.5, 3.0}) {
            const auto i = static_cast<std::int64_t>(std::floor(mean * rel));
            const Mp m(mean);
            const Mp exact = -m + Mp(i) * log(m) - boost::multiprecision::lgamma(Mp(i) + 1);
            const double got = log_poisson_pmf(i, mean);
            INFO("mean=" << mean << " i=" << i);
            // Absolute error in the log = relative error of the probability.
            CHECK_THAT(got,
                       WithinAbs(exact.convert_to<double>(), 1e-14 * std::max(1.0, std::abs(got))));
        }
    }
    CHECK(log_poisson_pmf(0, 0.0) == 0.0);
    CHECK(std::isinf(log_poisson_pmf(3, 0.0)));
    CHECK(std::isinf(log_poisson_pmf(-1, 2.0)));
}

TEST_CASE("log_sum_concave: a Poisson law sums to 1", "[log_sums]") {
    // Σ_i π_i(m) = 1 (definition); over a window, the regularized incomplete gamma (Boost.Math):
    // P(a ≤ N ≤ b) = Q(b + 1, m) − Q(a, m).
    for (const double mean : {0.01, 2.5, 40.0, 1e4, 1e8}) {
        const double full = log_sum_concave(
            0, 1'000'000'000'000, [&](std::int64_t i) { return log_poisson_pmf(i, mean); });
        CHECK_THAT(full, WithinAbs(0.0, 1e-13));
    }
    const double window =
        log_sum_concave(30, 60, [](std::int64_t i) { return log_poisson_pmf(i, 40.0); });
    const double expected = boost::math::gamma_q(61.0, 40.0) - boost::math::gamma_q(30.0, 40.0);
    CHECK_THAT(std::exp(window), WithinRel(expected, 1e-13));
    // Geometric terms: log Σ_{i=0}^{9} 2^i = log 1023.
    const double geo = log_sum_concave(
        0, 9, [](std::int64_t i) { return static_cast<double>(i) * std::log(2.0); });
    CHECK_THAT(geo, WithinRel(std::log(1023.0), 1e-15));
}
