// Tests for queueing/availability.hpp: k-of-n availability (docs/models.md#availability).
#include "queueing/availability.hpp"

#include <catch2/catch.hpp>

#include <Eigen/Dense>
#include <boost/math/distributions/binomial.hpp>
#include <boost/multiprecision/cpp_bin_float.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <vector>

using capplan::queueing::Availability;
using capplan::queueing::k_of_n_independent;
using capplan::queueing::k_of_n_repairable;
using capplan::queueing::unit_availability;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

namespace {

using Mp = boost::multiprecision::cpp_bin_float_50;

// Oracle: the product-form law summed in 50 significant digits (no log space needed: the
// binary exponent range of cpp_bin_float_50 is ~±2^31). Returns {P(≥ needed up), P(< needed up)}.
std::pair<Mp, Mp> mp_k_of_n(std::int64_t total, std::int64_t needed, std::int64_t crews,
                            double mtbf_s, double mttr_s) {
    const Mp odds = Mp(mttr_s) / Mp(mtbf_s);
    Mp w = 1;
    Mp up = 0;
    Mp down = 0;
    for (std::int64_t j = 0; j <= total; ++j) {
        if (j > 0) {
            w = w * Mp(total - j + 1) * odds / Mp(std::min(j, crews));
        }
        (total - j >= needed ? up : down) += w;
    }
    const Mp sum = up + down;
    return {up / sum, down / sum};
}

// Cross-check: π from a dense solve of the generator, πQ = 0 with Σπ = 1 (one balance equation
// replaced by the normalisation), by Eigen's full-pivoting LU.
Availability dense_k_of_n(int total, int needed, int crews, double mtbf_s, double mttr_s) {
    const int n = total + 1;
    Eigen::MatrixXd q = Eigen::MatrixXd::Zero(n, n);
    for (int j = 0; j < n; ++j) {
        if (j < total) {
            q(j, j + 1) = (total - j) / mtbf_s;
        }
        if (j > 0) {
            q(j, j - 1) = std::min(j, crews) / mttr_s;
        }
        q(j, j) = -q.row(j).sum();
    }
    Eigen::MatrixXd a = q.transpose();
    a.row(n - 1).setOnes();
    Eigen::VectorXd b = Eigen::VectorXd::Zero(n);
    b(n - 1) = 1.0;
    const Eigen::VectorXd pi = a.fullPivLu().solve(b);
    Availability out{0.0, 0.0};
    for (int j = 0; j < n; ++j) {
        (total - j >= needed ? out.available : out.unavailable) += pi(j);
    }
    return out;
}

} // namespace

TEST_CASE("availability: hand-derived 2 servers, 1 crew", "[availability]") {
    // Derived by hand from the balance equations, odds r = MTTR/MTBF = 10 h / 1000 h = 0.01:
    // π1 = (2/MTBF)/(1/MTTR)·π0 = 2r·π0, π2 = (1/MTBF)/(1/MTTR)·π1 = 2r²·π0,
    // so π0 = 1/(1 + 2r + 2r²) = 1/1.0202. Needing 1 up, only state 2 is down:
    // U = 2r²/(1 + 2r + 2r²) = 0.0002/1.0202. Needing 2 up: A = π0 = 1/1.0202.
    const double mtbf = 1000.0 * 3600.0;
    const double mttr = 10.0 * 3600.0;
    const Availability one = k_of_n_repairable(2, 1, 1, mtbf, mttr);
    CHECK_THAT(one.unavailable, WithinRel(0.0002 / 1.0202, 1e-14));
    CHECK_THAT(one.available, WithinRel(1.02 / 1.0202, 1e-15));
    const Availability two = k_of_n_repairable(2, 2, 1, mtbf, mttr);
    CHECK_THAT(two.available, WithinRel(1.0 / 1.0202, 1e-15));
    CHECK_THAT(two.unavailable, WithinRel(0.0202 / 1.0202, 1e-14));
    // Two crews: independent repairs, U = (1 − a)² with a = 1000/1010 (binomial).
    const Availability ind = k_of_n_repairable(2, 1, 2, mtbf, mttr);
    CHECK_THAT(ind.unavailable, WithinRel((10.0 / 1010.0) * (10.0 / 1010.0), 1e-14));
}

TEST_CASE("availability: sites, 2 of 3 up (binomial by hand)", "[availability]") {
    // P(at least 2 of 3 up), a = 0.999, q = 0.001: U = q³ + 3q²a = 1e-9 + 2.997e-6 = 2.998e-6.
    const Availability s = k_of_n_independent(3, 2, Availability{0.999, 0.001});
    CHECK_THAT(s.unavailable, WithinRel(2.998e-6, 1e-13));
    CHECK_THAT(s.available, WithinRel(1.0 - 2.998e-6, 1e-15));
    // The double overload gives the same (1 − 0.999 is 0.001 to ~1e-13 relative).
    CHECK_THAT(k_of_n_independent(3, 2, 0.999).unavailable, WithinRel(2.998e-6, 1e-12));
}

TEST_CASE("availability: unit availability complements are direct", "[availability]") {
    // a = MTBF/(MTBF + MTTR); with MTBF = 1e15 s, MTTR = 1 s, 1 − a = 1/(1e15 + 1).
    const Availability u = unit_availability(1e15, 1.0);
    CHECK_THAT(u.unavailable, WithinRel(1.0 / (1e15 + 1.0), 1e-15));
    CHECK_THAT(u.available, WithinRel(1e15 / (1e15 + 1.0), 1e-15));
    CHECK_THAT(unit_availability(3.0, 1.0).available, WithinRel(0.75, 1e-15));
}

TEST_CASE("availability: independent repairs equal the binomial closed form", "[availability]") {
    // With r ≥ N the chain's law is Binomial(N, q), q = MTTR/(MTBF + MTTR) (Barlow & Proschan,
    // ch. 5): P(down) = P(X ≥ N − n + 1), evaluated by Boost.Math's binomial (incomplete beta).
    const double mtbf = 2000.0;
    const double mttr = 30.0;
    const double q = mttr / (mtbf + mttr);
    for (const std::int64_t total : {1, 2, 5, 17, 40, 120}) {
        const boost::math::binomial_distribution<double> failed(static_cast<double>(total), q);
        for (std::int64_t needed = 1; needed <= total;
             needed += std::max<std::int64_t>(1, total / 7)) {
            const double m = static_cast<double>(total - needed + 1);
            const double down = cdf(complement(failed, m - 1.0));
            const double up = cdf(failed, m - 1.0);
            const Availability r = k_of_n_repairable(total, needed, total, mtbf, mttr);
            const Availability more = k_of_n_repairable(total, needed, total + 5, mtbf, mttr);
            const Availability ind =
                k_of_n_independent(total, needed, unit_availability(mtbf, mttr));
            INFO("N=" << total << " n=" << needed);
            CHECK_THAT(r.unavailable, WithinRel(down, 1e-12));
            CHECK_THAT(r.available, WithinRel(up, 1e-12));
            CHECK(more.unavailable == r.unavailable);
            CHECK_THAT(ind.unavailable, WithinRel(r.unavailable, 1e-13));
        }
    }
}

TEST_CASE("availability: small chains match a dense generator solve", "[availability]") {
    // Eigen FullPivLU on Q^T π = 0, Σπ = 1 (the CTMC definition, no product form used).
    // Moderate odds keep every π_j well above the dense solve's ~1e-16 absolute error.
    for (int total = 1; total <= 10; ++total) {
        for (int crews = 1; crews <= total; ++crews) {
            for (const double mttr : {0.05, 0.5, 2.0}) {
                for (int needed = 1; needed <= total; ++needed) {
                    const Availability d = dense_k_of_n(total, needed, crews, 1.0, mttr);
                    const Availability c = k_of_n_repairable(total, needed, crews, 1.0, mttr);
                    INFO("N=" << total << " r=" << crews << " n=" << needed << " mttr=" << mttr);
                    CHECK_THAT(c.available, WithinAbs(d.available, 1e-13));
                    CHECK_THAT(c.unavailable, WithinAbs(d.unavailable, 1e-13));
                }
            }
        }
    }
}

TEST_CASE("availability: tiny probabilities against 50-digit arithmetic", "[availability]") {
    struct Case {
        std::int64_t total, needed, crews;
        double mtbf_s, mttr_s;
    };
    // Unavailabilities from ~6e-24 down to ~1e-160, and one tiny availability (needed = all
    // with repairs much slower than failures). Oracle: mp_k_of_n above (cpp_bin_float_50).
    const std::vector<Case> cases{
        {3, 1, 1, 1e8, 1.0},       // U ≈ 3!·(1e-8)³ = 6e-24
        {10, 2, 2, 3.6e7, 3600.0}, // U ≈ 10!/(2·2^7)·(1e-4)^9
        {12, 1, 12, 1e9, 60.0},    // independent: U = q^12 ≈ 2e-86
        {40, 8, 3, 1e7, 5.0},      // many down states, a few crews
        {20, 1, 1, 1e6, 1e-3},     // U ≈ 20!·1e-180
        {4, 4, 1, 1.0, 1e3},       // A = π0 ≈ 1/(4!·1e12)
        {6, 3, 2, 1.0, 1e6},       // A tiny: most servers down
    };
    for (const Case& c : cases) {
        const auto [up, down] = mp_k_of_n(c.total, c.needed, c.crews, c.mtbf_s, c.mttr_s);
        const Availability r = k_of_n_repairable(c.total, c.needed, c.crews, c.mtbf_s, c.mttr_s);
        INFO("N=" << c.total << " n=" << c.needed << " r=" << c.crews);
        CHECK_THAT(r.unavailable, WithinRel(down.convert_to<double>(), 1e-13));
        CHECK_THAT(r.available, WithinRel(up.convert_to<double>(), 1e-13));
    }
}

TEST_CASE("availability: more servers or crews never lower availability", "[availability]") {
    // Metamorphic: adding a spare server or a repair crew cannot hurt (coupling argument).
    std::mt19937_64 rng(20240611);
    std::uniform_int_distribution<std::int64_t> pick_n(1, 60);
    std::uniform_real_distribution<double> log_odds(-8.0, 1.0);
    for (int trial = 0; trial < 400; ++trial) {
        const std::int64_t total = pick_n(rng);
        const std::int64_t needed = std::uniform_int_distribution<std::int64_t>(1, total)(rng);
        const std::int64_t crews = std::uniform_int_distribution<std::int64_t>(1, total)(rng);
        const double mttr = std::pow(10.0, log_odds(rng));
        const Availability base = k_of_n_repairable(total, needed, crews, 1.0, mttr);
        const Availability spare = k_of_n_repairable(total + 1, needed, crews, 1.0, mttr);
        const Availability crew = k_of_n_repairable(total, needed, crews + 1, 1.0, mttr);
        const Availability stricter = k_of_n_repairable(total, needed + 1, crews, 1.0, mttr);
        INFO("N=" << total << " n=" << needed << " r=" << crews << " mttr=" << mttr);
        CHECK(spare.unavailable <= base.unavailable * (1.0 + 1e-12));
        CHECK(crew.unavailable <= base.unavailable * (1.0 + 1e-12));
        CHECK(stricter.unavailable >= base.unavailable * (1.0 - 1e-12));
        CHECK(spare.available >= base.available * (1.0 - 1e-12));
        CHECK_THAT(base.available + base.unavailable, WithinAbs(1.0, 1e-15));
    }
}

TEST_CASE("availability: a million servers is fast and finite", "[availability]") {
    // Independent repairs, N = 10^6: against Boost.Math's binomial complement (incomplete beta).
    const std::int64_t total = 1'000'000;
    const double mtbf = 1e5;
    const double mttr = 100.0; // q ≈ 1e-3, about 1000 servers down on average
    const double q = mttr / (mtbf + mttr);
    const boost::math::binomial_distribution<double> failed(static_cast<double>(total), q);
    for (const std::int64_t down_allowed : {900, 1000, 1100, 1200}) {
        const Availability r = k_of_n_repairable(total, total - down_allowed, total, mtbf, mttr);
        const double down = cdf(complement(failed, static_cast<double>(down_allowed)));
        INFO("down_allowed=" << down_allowed);
        CHECK_THAT(r.unavailable, WithinRel(down, 1e-9));
        CHECK_THAT(r.available + r.unavailable, WithinAbs(1.0, 1e-15));
    }
    // Few crews on a huge tier: every repair queue is long, yet the answer stays in [0, 1].
    const Availability few = k_of_n_repairable(total, 990'000, 1500, mtbf, mttr);
    CHECK(std::isfinite(few.available));
    CHECK(std::isfinite(few.unavailable));
    CHECK_THAT(few.available + few.unavailable, WithinAbs(1.0, 1e-15));
    const Availability big = k_of_n_repairable(1'000'000'000, 999'000'000, 2'000'000, 1e6, 10.0);
    CHECK(big.unavailable >= 0.0);
    CHECK_THAT(big.available + big.unavailable, WithinAbs(1.0, 1e-15));
}

TEST_CASE("availability: edge behaviour", "[availability]") {
    CHECK(k_of_n_repairable(5, 0, 1, 10.0, 1.0).available == 1.0);
    CHECK(k_of_n_repairable(5, 0, 1, 10.0, 1.0).unavailable == 0.0);
    CHECK(k_of_n_repairable(5, 6, 1, 10.0, 1.0).available == 0.0);
    CHECK(k_of_n_repairable(0, 1, 1, 10.0, 1.0).unavailable == 1.0);
    CHECK(k_of_n_repairable(5, 3, 0, 10.0, 1.0).unavailable == 1.0); // no repair: all fail
    CHECK(k_of_n_repairable(5, 3, 2, 10.0, 0.0).available == 1.0);   // instant repair
    CHECK(k_of_n_repairable(5, 3, 2, 0.0, 1.0).available == 0.0);    // never up
    const double inf = std::numeric_limits<double>::infinity();
    CHECK(k_of_n_repairable(5, 3, 2, inf, 1.0).unavailable == 0.0);
    CHECK(std::isnan(k_of_n_repairable(5, 3, 2, std::nan(""), 1.0).available));
    CHECK(k_of_n_independent(4, 2, 1.0).available == 1.0);
    CHECK(k_of_n_independent(4, 2, 0.0).unavailable == 1.0);
    CHECK(std::isnan(k_of_n_independent(4, 2, std::nan("")).unavailable));
    // Extreme odds stay finite: the down states are below any double, or certain.
    const Availability up = k_of_n_repairable(8, 1, 1, 1e300, 1e-300);
    CHECK(up.available == 1.0);
    CHECK(up.unavailable == 0.0);
    const Availability dn = k_of_n_repairable(8, 8, 1, 1e-300, 1e300);
    CHECK(dn.unavailable == 1.0);
}
