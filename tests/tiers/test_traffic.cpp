// Traffic and the daily profile (docs/models.md#traffic).

#include <catch2/catch.hpp>

#include <algorithm>
#include <numeric>

#include "tiers/traffic.hpp"

using namespace capplan;
using namespace capplan::tiers;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

TEST_CASE("traffic at 1M users with the documented defaults", "[tiers][traffic]") {
    // Hand derivation: DAU = 1e6·0.30 = 300,000; R = 300,000·200 = 60e6/day;
    // λ̄ = 60e6/86,400 = 694.44/s; λ = 3·λ̄ = 2,083.33/s; λ_w = 5 % = 104.167/s,
    // λ_r = 1,979.17/s; static = 2,083.33·0.25·10 = 5,208.33/s; page views = 15e6/day;
    // jobs = 300,000·0.5/86,400·3 = 5.2083/s.
    const TrafficLoad t = compute_traffic(workload::Traffic{}, 1e6);
    CHECK_THAT(t.daily_active, WithinRel(300e3, 1e-15));
    CHECK_THAT(t.requests_per_day, WithinRel(60e6, 1e-15));
    CHECK_THAT(t.mean_rps, WithinRel(60e6 / 86400.0, 1e-15));
    CHECK_THAT(t.peak_rps, WithinRel(2083.3333333333333, 1e-14));
    CHECK_THAT(t.write_rps, WithinRel(104.16666666666667, 1e-14));
    CHECK_THAT(t.read_rps, WithinRel(1979.1666666666667, 1e-14));
    CHECK_THAT(t.static_rps, WithinRel(5208.333333333333, 1e-14));
    CHECK_THAT(t.page_views_per_day, WithinRel(15e6, 1e-15));
    CHECK_THAT(t.jobs_per_s, WithinRel(5.208333333333333, 1e-14));
    CHECK(t.arrival_scv == 1.0);
}

TEST_CASE("the daily profile has mean 1, maximum p at 20:00 and minimum t at 08:00",
          "[tiers][traffic]") {
    for (const auto& [p, t] : {std::pair{3.0, 0.3}, std::pair{2.0, 0.5}, std::pair{1.5, 0.1},
                               std::pair{6.0, 0.05}, std::pair{1.2, 0.9}}) {
        const DailyProfile prof = solve_daily_profile(p, t);
        INFO("p = " << p << ", t = " << t);
        REQUIRE(prof.exact);
        const double mean = std::accumulate(prof.factor.begin(), prof.factor.end(), 0.0) / 24.0;
        CHECK_THAT(mean, WithinAbs(1.0, 1e-12));
        CHECK(prof.factor[20] == p);
        CHECK(prof.factor[8] == t);
        CHECK(*std::max_element(prof.factor.begin(), prof.factor.end()) == p);
        CHECK(*std::min_element(prof.factor.begin(), prof.factor.end()) == t);
    }
}

TEST_CASE("a flat day is the constant profile; impossible shapes are flagged", "[tiers][traffic]") {
    const DailyProfile flat = solve_daily_profile(1.0, 1.0);
    CHECK(flat.exact);
    for (const double f : flat.factor) {
        CHECK(f == 1.0);
    }
    // (1 − t)/(p − t) = 0.7/29.7 = 0.0236 < 1/24: even g → ∞ keeps the mean above 1.
    const DailyProfile spiky = solve_daily_profile(30.0, 0.3);
    CHECK_FALSE(spiky.exact);
    CHECK_THAT(spiky.problem, Catch::Matchers::Contains("averages 1"));
    CHECK(spiky.factor[20] == 30.0);
    // A trough above the mean, and p = t ≠ 1, cannot average 1 either.
    CHECK_FALSE(solve_daily_profile(3.0, 1.2).exact);
    CHECK_FALSE(solve_daily_profile(2.0, 2.0).exact);
}

TEST_CASE("an hour's rates are the peak's times f(h)/peak_to_average", "[tiers][traffic]") {
    // docs/models.md#traffic: hour h runs at λ̄·f(h) = λ·f(h)/p, so the peak hour (20:00, f = p)
    // scales by 1 and the trough (08:00, f = t) by t/p, here 0.3/3 with the defaults of
    // capplan-workload(5); without a profile (p ≤ 0) every hour is the peak.
    const TrafficLoad t = compute_traffic(workload::Traffic{}, 1e5);
    CHECK(hour_scale(t.profile.factor[20], 3.0) == 1.0);
    CHECK_THAT(hour_scale(t.profile.factor[8], 3.0), WithinRel(0.3 / 3.0, 1e-12));
    CHECK(hour_scale(0.3, 0.0) == 1.0);
    CHECK(hour_scale(0.3, -1.0) == 1.0);
}
