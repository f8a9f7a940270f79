#pragma once
// Traffic of one user point (docs/models.md#traffic): daily actives, dynamic requests, the
// peak-hour rates of reads, writes, static requests and async jobs, and the daily profile f(h) that
// spreads the mean rate over 24 hours (mean 1, maximum peak_to_average, minimum trough_to_average).
// Everything else is sized at the peak; autoscaled stateless tiers are sized per hour (cost).

#include <array>
#include <cstddef>
#include <string>

#include "tiers/traffic_metrics.hpp"
#include "workload/traffic_section.hpp"

namespace capplan::tiers {

// The hourly profile f(h) = t + (p − t)·((1 + cos(2π(h − 20)/24))/2)^g, h = 0…23, its peak at
// 20:00 and trough at 08:00, with g solved so that the mean is 1.
struct DailyProfile {
    std::array<double, 24> factor{}; // f(h); λ̄·f(h) is the rate in hour h
    // The hours from the busiest down, equal factors in hour order (the autoscaled tiers size
    // the hours in this order).
    std::array<std::size_t, 24> busiest_first{};
    double exponent = 1.0; // g
    bool exact = true;     // false: no g gives mean 1 (see `problem`)
    std::string problem;   // why, with numbers, when !exact
};

// Solves g for peak p and trough t (both > 0 finite). Constant profile when p = t = 1. When no
// g ∈ [1e-4, 1e4] gives mean 1 (t > 1, p < 1, or (1 − t)/(p − t) outside what the shape
// reaches: (1/24, 23/24)), returns the closest g at the search bound with exact = false; the
// profile still peaks at p and bottoms at t, only its mean is not 1.
[[nodiscard]] DailyProfile solve_daily_profile(double peak_to_average, double trough_to_average);

// The rates of one user point. Rates are per second at the peak unless named mean_.
struct TrafficLoad {
    double users = 0.0;
    double daily_active = 0.0;       // DAU
    double requests_per_day = 0.0;   // R (dynamic)
    double mean_rps = 0.0;           // λ̄ = R / 86,400
    double peak_rps = 0.0;           // λ = λ̄·peak_to_average
    double read_rps = 0.0;           // λ_r = λ − λ_w
    double write_rps = 0.0;          // λ_w = λ·write_fraction
    double static_rps = 0.0;         // λ·page_view_fraction·static_requests_per_page_view
    double page_views_per_day = 0.0; // R·page_view_fraction
    double jobs_per_s = 0.0;         // DAU·async_jobs/86,400·peak_to_average
    double arrival_scv = 1.0;        // c_a² of every stream (arrival_cv²)
    DailyProfile profile;
};

// Traffic at `users` (≥ 0, finite) for the workload's [traffic] keys.
[[nodiscard]] TrafficLoad compute_traffic(const workload::Traffic& t, double users);

// What takes a peak rate to the rate of an hour whose profile factor is `hour_factor`:
// f(h)/peak_to_average (docs/models.md#traffic), 1 at the peak. 1 when peak_to_average ≤ 0.
[[nodiscard]] inline double hour_scale(double hour_factor, double peak_to_average) noexcept {
    return peak_to_average > 0.0 ? hour_factor / peak_to_average : 1.0;
}

} // namespace capplan::tiers
