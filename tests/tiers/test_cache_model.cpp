// Che's LRU approximation over Zipf popularity (docs/models.md#cache-model).

#include <catch2/catch.hpp>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "tiers/cache_model.hpp"
#include "tiers/common.hpp"

using namespace capplan::tiers;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

namespace {

// The Che sums term by term (the definition, docs/models.md#cache-model): the oracle for the fast
// method.
struct ExactZipf {
    std::vector<double> q; // smallest first

    ExactZipf(std::size_t n, double alpha) : q(n) {
        double h = 0.0;
        for (std::size_t k = 0; k < n; ++k) {
            q[k] = std::pow(static_cast<double>(n - k), -alpha);
            h += q[k];
        }
        for (double& x : q) {
            x /= h;
        }
    }
    [[nodiscard]] double hit(double t) const {
        double s = 0.0;
        for (const double x : q) {
            s -= x * std::expm1(-x * t);
        }
        return s;
    }
    [[nodiscard]] double capacity(double t) const {
        double s = 0.0;
        for (const double x : q) {
            s -= std::expm1(-x * t);
        }
        return s;
    }
};

} // namespace

TEST_CASE("zipf normaliser", "[tiers][cache]") {
    // H_{n,0} = n; H_{1,α} = 1; H_{100,1} = 5.187377517639621 (harmonic number, OEIS A001008/
    // A002805); H_{1e12,1} = ln(1e12) + γ + 1/(2·1e12) (Euler–Maclaurin).
    CHECK_THAT(zipf_normaliser(1e9, 0.0), WithinRel(1e9, 1e-15));
    CHECK_THAT(zipf_normaliser(1.0, 0.8), WithinRel(1.0, 1e-15));
    CHECK_THAT(zipf_normaliser(100.0, 1.0), WithinRel(5.187377517639621, 1e-14));
    CHECK_THAT(zipf_normaliser(1e12, 1.0),
               WithinRel(std::log(1e12) + 0.5772156649015329 + 0.5e-12, 1e-13));
}

TEST_CASE("E1: Che, LRU, truncated Zipf(0.8) over 100 items, cache of 40", "[tiers][cache]") {
    // icarus-sim/icarus (icarus/tools/tests/test_cacheperf.py): hit ratio in
    // [0.63, 0.66], Che characteristic time in [72.1, 72.3]; the standard Che fixed point gives
    // T = 72.2109, h = 0.645412.
    const double h = che_hit_ratio_for_capacity(100.0, 0.8, 40.0);
    CHECK(h >= 0.63);
    CHECK(h <= 0.66);
    CHECK_THAT(h, WithinAbs(0.645412, 1e-5));

    const auto sol = che_for_hit_ratio(100.0, 0.8, h);
    CHECK_FALSE(sol.cache_all);
    CHECK_THAT(sol.characteristic_time, WithinRel(72.2109, 1e-5));
    CHECK(sol.characteristic_time >= 72.1);
    CHECK(sol.characteristic_time <= 72.3);
    CHECK_THAT(sol.capacity_objects, WithinRel(40.0, 1e-9));
    CHECK_THAT(sol.hit_ratio, WithinAbs(h, 1e-12));

    const auto sums = che_sums(100.0, 0.8, 72.2109);
    CHECK_THAT(sums.capacity_objects, WithinAbs(40.0, 1e-4));
    CHECK_THAT(sums.hit_ratio, WithinAbs(0.645412, 1e-5));
}

TEST_CASE("E2: uniform popularity, a 10 % cache hits 10 %", "[tiers][cache]") {
    // icarus (same file): LRU with cache = 10 % of n → 0.1 ± 0.01. Under Che with α = 0,
    // h = 1 − e^(−T/N) = C/N exactly.
    for (const double n : {10.0, 1000.0, 123457.0, 1e9, 1e12}) {
        INFO("n = " << n);
        CHECK_THAT(che_hit_ratio_for_capacity(n, 0.0, 0.1 * n), WithinAbs(0.1, 1e-9));
        const auto sol = che_for_hit_ratio(n, 0.0, 0.1);
        CHECK_THAT(sol.capacity_objects, WithinRel(0.1 * n, 1e-9));
        // T = −N·ln(0.9).
        CHECK_THAT(sol.characteristic_time, WithinRel(-n * std::log(0.9), 1e-9));
    }
}

TEST_CASE("Che: the fast sums equal the term-by-term sums to 1e-4 in h", "[tiers][cache]") {
    // The loose bound a planner needs: |Δh| ≤ 1e-4 against the exact sum (the method reaches
    // 1e-10, docs/models.md#cache-model); the capacity is checked too (relative 1e-6).
    for (const double alpha : {0.0, 0.6, 0.8, 1.0, 1.2, 2.0}) {
        for (const std::size_t n :
             {std::size_t{65}, std::size_t{200}, std::size_t{1025}, std::size_t{4099},
              std::size_t{100'000}, std::size_t{1'000'000}}) {
            const ExactZipf exact(n, alpha);
            const double nd = static_cast<double>(n);
            for (const double target : {0.01, 0.1, 0.3, 0.5, 0.7, 0.9, 0.99, 0.9999}) {
                INFO("alpha = " << alpha << ", n = " << n << ", target = " << target);
                const auto sol = che_for_hit_ratio(nd, alpha, target);
                REQUIRE_FALSE(sol.cache_all);
                // The exact hit ratio at the fast T meets the target.
                CHECK_THAT(exact.hit(sol.characteristic_time), WithinAbs(target, 1e-4));
                CHECK_THAT(exact.hit(sol.characteristic_time), WithinAbs(target, 1e-10));
                CHECK_THAT(sol.capacity_objects,
                           WithinRel(exact.capacity(sol.characteristic_time), 1e-6));
                // And the inverse direction at the exact capacity.
                const double c = exact.capacity(sol.characteristic_time);
                CHECK_THAT(che_hit_ratio_for_capacity(nd, alpha, c),
                           WithinAbs(exact.hit(sol.characteristic_time), 1e-4));
            }
        }
    }
}

TEST_CASE("Che: small n is exact", "[tiers][cache]") {
    // N = 1: q₁ = 1, h = C = 1 − e^(−T).
    const auto one = che_for_hit_ratio(1.0, 0.8, 0.3);
    CHECK_THAT(one.capacity_objects, WithinRel(0.3, 1e-12));
    CHECK_THAT(one.characteristic_time, WithinRel(-std::log(0.7), 1e-10));
    CHECK_THAT(che_hit_ratio_for_capacity(1.0, 1.0, 0.25), WithinRel(0.25, 1e-12));
    // α = 1, N = 7 against the definition.
    const ExactZipf exact(7, 1.0);
    const auto sol = che_for_hit_ratio(7.0, 1.0, 0.6);
    CHECK_THAT(exact.hit(sol.characteristic_time), WithinAbs(0.6, 1e-12));
    CHECK_THAT(sol.capacity_objects, WithinRel(exact.capacity(sol.characteristic_time), 1e-12));
}

TEST_CASE("Che: edges give finite, documented answers", "[tiers][cache]") {
    for (const double n : {1.0, 100.0, 1e9, 1e12}) {
        for (const double alpha : {0.0, 0.5, 1.0, 1.5, 10.0}) {
            INFO("n = " << n << ", alpha = " << alpha);
            const auto zero = che_for_hit_ratio(n, alpha, 0.0);
            CHECK(zero.capacity_objects == 0.0);
            CHECK(zero.characteristic_time == 0.0);
            CHECK(zero.hit_ratio == 0.0);
            CHECK(che_for_hit_ratio(n, alpha, std::nan("")).capacity_objects == 0.0);
            for (const double full : {1.0, 1.5}) {
                const auto all = che_for_hit_ratio(n, alpha, full);
                CHECK(all.cache_all);
                CHECK(all.capacity_objects == n);
                CHECK(all.hit_ratio == 1.0);
                CHECK(std::isfinite(all.characteristic_time));
            }
            CHECK(che_hit_ratio_for_capacity(n, alpha, 0.0) == 0.0);
            CHECK(che_hit_ratio_for_capacity(n, alpha, n) == 1.0);
            CHECK(che_hit_ratio_for_capacity(n, alpha, 2.0 * n) == 1.0);
            for (const double target : {1e-9, 0.5, 0.999999, 1.0 - 1e-12}) {
                const auto sol = che_for_hit_ratio(n, alpha, target);
                CHECK(std::isfinite(sol.characteristic_time));
                CHECK(std::isfinite(sol.capacity_objects));
                CHECK(sol.capacity_objects >= 0.0);
                CHECK(sol.capacity_objects <= n);
                CHECK(std::isfinite(sol.hit_ratio));
                if (!sol.cache_all) {
                    CHECK_THAT(sol.hit_ratio, WithinAbs(target, 1e-9));
                }
            }
        }
    }
}

TEST_CASE("Che at 10^9 and 10^12 objects", "[tiers][cache]") {
    for (const double n : {1e9, 1e12}) {
        for (const double alpha : {0.6, 0.8, 1.0, 1.2}) {
            INFO("n = " << n << ", alpha = " << alpha);
            const auto sol = che_for_hit_ratio(n, alpha, 0.8);
            CHECK_FALSE(sol.cache_all);
            CHECK_THAT(sol.hit_ratio, WithinAbs(0.8, 1e-9));
            CHECK(sol.capacity_objects > 0.0);
            CHECK(sol.capacity_objects < n);
            // The two directions agree.
            CHECK_THAT(che_hit_ratio_for_capacity(n, alpha, sol.capacity_objects),
                       WithinAbs(0.8, 1e-9));
        }
    }
    // α = 1, N = 10^9: 80 % hits need far less than the whole set (Zipf(1)'s top fraction).
    CHECK(che_for_hit_ratio(1e9, 1.0, 0.8).capacity_objects < 0.1 * 1e9);
}

TEST_CASE("Che: monotone in the target and in the object count", "[tiers][cache]") {
    for (const double alpha : {0.0, 0.6, 0.8, 1.0, 1.2}) {
        double previous = 0.0;
        for (int k = 1; k < 100; ++k) {
            const double target = 0.01 * k;
            const double c = che_for_hit_ratio(1e7, alpha, target).capacity_objects;
            INFO("alpha = " << alpha << ", target = " << target);
            CHECK(c >= previous);
            previous = c;
        }
        for (const double target : {0.2, 0.5, 0.9}) {
            double fewer = 0.0;
            for (double n = 1.0; n <= 1e12; n *= 3.1) {
                const double c = che_for_hit_ratio(std::round(n), alpha, target).capacity_objects;
                INFO("alpha = " << alpha << ", target = " << target << ", n = " << n);
                CHECK(c >= fewer);
                fewer = c;
            }
        }
    }
}
