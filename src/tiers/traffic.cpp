// Traffic and the daily profile (docs/models.md#traffic). See traffic.hpp.
//
// The profile's mean m(g) = t + (p − t)·(1/24)·Σ_h b_h^g with b_h = (1 + cos(2π(h − 20)/24))/2
// ∈ [0, 1] falls strictly from t + (p − t)·23/24 (g → 0: every b_h > 0 counts 1, b_8 = 0) to
// t + (p − t)/24 (g → ∞: only b_20 = 1 survives), so m(g) = 1 has one root when
// (1 − t)/(p − t) lies strictly between 1/24 and 23/24; it is found on log g by TOMS 748.

#include "tiers/traffic.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <numbers>

#include <boost/math/tools/roots.hpp>
#include <fmt/format.h>

#include "queueing/math_policy.hpp"
#include "tiers/common.hpp"
#include "units/human.hpp"

namespace capplan::tiers {
namespace {

constexpr double k_g_min = 1e-4;
constexpr double k_g_max = 1e4;

std::array<double, 24> base_shape() {
    std::array<double, 24> b{};
    for (std::size_t h = 0; h < 24; ++h) {
        const double angle = 2.0 * std::numbers::pi * (static_cast<double>(h) - 20.0) / 24.0;
        b[h] = std::max(0.0, (1.0 + std::cos(angle)) / 2.0);
    }
    b[8] = 0.0; // cos(−π) = −1 exactly; rounding must not leave 1e-17 here
    return b;
}

// (1/24)·Σ b_h^g − target, with 0^g = 0 for g > 0.
double shape_mean(const std::array<double, 24>& b, double g) {
    double sum = 0.0;
    for (const double x : b) {
        sum += (x > 0.0) ? std::pow(x, g) : 0.0;
    }
    return sum / 24.0;
}

DailyProfile make_profile(const std::array<double, 24>& b, double p, double t, double g) {
    DailyProfile prof;
    prof.exponent = g;
    for (std::size_t h = 0; h < 24; ++h) {
        // b = 1 (20:00) is the peak exactly: t + (p − t) could round one ulp away from p.
        prof.factor[h] = b[h] >= 1.0 ? p : t + (p - t) * ((b[h] > 0.0) ? std::pow(b[h], g) : 0.0);
        prof.busiest_first[h] = h;
    }
    std::stable_sort(prof.busiest_first.begin(), prof.busiest_first.end(),
                     [&](std::size_t x, std::size_t y) { return prof.factor[x] > prof.factor[y]; });
    return prof;
}

} // namespace

DailyProfile solve_daily_profile(double p, double t) {
    const auto b = base_shape();
    if (p == t) {
        // A flat day: any g; the mean is 1 only when p = t = 1.
        DailyProfile prof = make_profile(b, p, t, 1.0);
        if (p != 1.0) {
            prof.exact = false;
            prof.problem = fmt::format("peak_to_average = trough_to_average = {} cannot "
                                       "average 1 over the day",
                                       units::exact_number(p));
        }
        return prof;
    }
    const double target = (1.0 - t) / (p - t); // required (1/24)·Σ b^g
    auto f = [&](double log_g) { return shape_mean(b, std::exp(log_g)) - target; };
    const double lo = std::log(k_g_min);
    const double hi = std::log(k_g_max);
    const double f_lo = f(lo); // the largest mean shape (≈ 23/24)
    const double f_hi = f(hi); // the smallest (≈ 1/24)
    if (!(f_lo >= 0.0) || !(f_hi <= 0.0)) {
        const double g = (f_lo < 0.0 || std::isnan(f_lo)) ? k_g_min : k_g_max;
        DailyProfile prof = make_profile(b, p, t, g);
        prof.exact = false;
        double mean = 0.0;
        for (const double x : prof.factor) {
            mean += x / 24.0;
        }
        prof.problem = fmt::format(
            "no daily profile peaks at {}, bottoms at {} and averages 1 (needs "
            "trough < 1 < peak with (1 - trough)/(peak - trough) between 1/24 and 23/24); "
            "using g = {}, whose mean is {}",
            units::exact_number(p), units::exact_number(t), units::human_significant(g, 6),
            units::human_significant(mean, 4));
        return prof;
    }
    std::uintmax_t iterations = 100;
    const auto root = boost::math::tools::toms748_solve(
        f, lo, hi, f_lo, f_hi, boost::math::tools::eps_tolerance<double>(50), iterations,
        queueing::MathPolicy());
    return make_profile(b, p, t, std::exp(0.5 * (root.first + root.second)));
}

TrafficLoad compute_traffic(const workload::Traffic& t, double users) {
    TrafficLoad l;
    l.users = users;
    l.daily_active = users * t.daily_active;
    l.requests_per_day = l.daily_active * t.requests_per_active_user;
    l.mean_rps = l.requests_per_day / k_seconds_per_day;
    l.peak_rps = l.mean_rps * t.peak_to_average;
    l.write_rps = l.peak_rps * t.write_fraction;
    l.read_rps = l.peak_rps - l.write_rps;
    l.static_rps = l.peak_rps * t.page_view_fraction * t.static_requests_per_page_view;
    l.page_views_per_day = l.requests_per_day * t.page_view_fraction;
    l.jobs_per_s =
        l.daily_active * t.async_jobs_per_active_user / k_seconds_per_day * t.peak_to_average;
    l.arrival_scv = t.arrival_cv * t.arrival_cv;
    // The profile depends on the workload only; a sweep plans thousands of points with it.
    thread_local double cached_p = -1.0;
    thread_local double cached_t = -1.0;
    thread_local DailyProfile cached;
    if (t.peak_to_average != cached_p || t.trough_to_average != cached_t) {
        cached = solve_daily_profile(t.peak_to_average, t.trough_to_average);
        cached_p = t.peak_to_average;
        cached_t = t.trough_to_average;
    }
    l.profile = cached;
    return l;
}

std::span<const MetricRow<TrafficMetrics>> traffic_metric_rows() noexcept {
    static constexpr std::array<MetricRow<TrafficMetrics>, 9> rows{{
        {"peak_rps", RowType::real, "1/s", "dynamic requests per second at the busiest hour",
         [](const TrafficMetrics& m) -> RowValue { return m.peak_rps; }},
        {"mean_rps", RowType::real, "1/s", "dynamic requests per second over the day",
         [](const TrafficMetrics& m) -> RowValue { return m.mean_rps; }},
        {"read_rps", RowType::real, "1/s", "peak dynamic requests that only read",
         [](const TrafficMetrics& m) -> RowValue { return m.read_rps; }},
        {"write_rps", RowType::real, "1/s", "peak dynamic requests that write",
         [](const TrafficMetrics& m) -> RowValue { return m.write_rps; }},
        {"static_rps", RowType::real, "1/s", "peak static asset requests",
         [](const TrafficMetrics& m) -> RowValue { return m.static_rps; }},
        {"db_read_rps", RowType::real, "1/s", "peak database reads after the cache",
         [](const TrafficMetrics& m) -> RowValue { return m.db_read_rps; }},
        {"db_write_rps", RowType::real, "1/s", "peak database writes",
         [](const TrafficMetrics& m) -> RowValue { return m.db_write_rps; }},
        {"page_views_per_day", RowType::real, "1/day", "page views per day",
         [](const TrafficMetrics& m) -> RowValue { return m.page_views_per_day; }},
        {"jobs_per_s", RowType::real, "1/s", "peak asynchronous jobs per second",
         [](const TrafficMetrics& m) -> RowValue { return m.jobs_per_s; }},
    }};
    return rows;
}

} // namespace capplan::tiers
