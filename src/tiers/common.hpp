#pragma once
// Shared constants and small helpers of the tier models (docs/models.md#conventions): the month,
// the integer ceiling with tolerance, the effective-core speed rule (docs/models.md#conventions),
// instance look-up, and the record of one checked limit (actual/limit with a human reason) that
// size_architecture folds into `feasible` and `worst_violation`.

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "common/tolerance.hpp"
#include "tiers/plan_warning.hpp"
#include "workload/catalogue.hpp"

namespace capplan::tiers {

inline constexpr double k_hours_per_month = 730.0;
inline constexpr double k_days_per_month = 730.0 / 24.0;
inline constexpr double k_seconds_per_day = 86'400.0;
inline constexpr double k_seconds_per_month = 730.0 * 3600.0;
inline constexpr double k_bytes_per_gb = 1073741824.0; // GB = 2^30 B (docs/models.md#conventions)
inline constexpr double k_rtt_in_dc_s = 0.5e-3;        // network round trip inside one centre
inline constexpr double k_p99 = 0.99;
// Counts are clamped to this before any conversion to an integer (DESIGN "Known traps").
inline constexpr std::int64_t k_max_count = 1'000'000'000'000;

// ⌈x − k_ceil_tolerance·max(1, |x|)⌉ clamped to [lo, hi]; NaN gives hi. Exact for
// integer-valued x.
[[nodiscard]] std::int64_t ceil_count(double x, std::int64_t lo = 0,
                                      std::int64_t hi = k_max_count) noexcept;

// Service-time multiplier of an instance (docs/models.md#conventions): an instance with v vCPUs is
// a station of c = v servers, each slowed to the effective core speed: times × v / c_eff. 1 when
// the catalogue entry has no cores (defensive).
[[nodiscard]] double slowdown(const workload::Instance& inst) noexcept;

// The catalogue entry called `name`; throws std::invalid_argument naming the workload key
// (`what`) when it is missing (the workload loader is expected to have checked already).
[[nodiscard]] const workload::Instance& find_instance(const workload::Catalogue& cat,
                                                      const std::string& name, const char* what);

// True when a limit ratio (actual/limit) breaks its limit.
[[nodiscard]] inline bool is_broken(double ratio) noexcept {
    return !(ratio <= tolerant_limit(1.0));
}

// What a limit protects, in the order a plan that cannot meet every limit keeps them
// (docs/models.md#stage): the capacity limits (utilization, replication apply, a database
// above max_shard_size without sharding), then the latency limits (p99s, the queue's mean
// wait), then the availability target.
enum class LimitLevel : std::uint8_t { capacity, latency, availability };

// One limit checked while sizing: ratio = actual/limit (≤ 1 when met, finite, ≥ 0), a short
// reason with numbers ("primary at 84 % > 70 % with reads on db.r7g.4xlarge"), its level and,
// for a utilization limit, the station's utilization itself (busy ≥ 1: saturated).
struct LimitCheck {
    double ratio = 0.0;
    std::string reason; // empty when the limit holds (see Findings::limit)
    LimitLevel level = LimitLevel::capacity;
    double busy = 0.0;
};

// The limits of one architecture and the warnings raised while sizing it.
struct Findings {
    std::vector<LimitCheck> limits;
    std::vector<PlanWarning> warnings;

    // Records a limit; a non-finite ratio is stored as 1e300 (a limit broken beyond measure).
    // `describe` returns the reason for the broken case ("primary at 84 % > 70 % ...") and is
    // called only when the limit is broken: most limits of most sized sets hold, and
    // formatting their reasons dominated the planner's time. `busy`: the utilization of the
    // station a capacity limit is about (0 for the others).
    template <class Describe>
    void limit(LimitLevel level, double ratio, Describe&& describe, double busy = 0.0) {
        if (!std::isfinite(ratio)) {
            ratio = 1e300;
        }
        if (!std::isfinite(busy)) {
            busy = 1e300;
        }
        limits.push_back(LimitCheck{std::max(0.0, ratio),
                                    is_broken(ratio) ? describe() : std::string(), level,
                                    std::max(0.0, busy)});
    }
    void warn(std::string code, std::string message);
};

// A percentage for reasons: 0.8437 → "84 %"; one decimal below 10 %.
[[nodiscard]] std::string percent_text(double fraction, int extra_digits = 0);
// A duration for reasons: "180 ms", "4.2 s", "35 us".
[[nodiscard]] std::string duration_text(double seconds, int extra_digits = 0);
// "84 % > 70 %", "301 ms > 300 ms": a broken limit, with extra digits where the rounded
// values would read the same ("300.4 ms > 300 ms", not "300 ms > 300 ms").
[[nodiscard]] std::string percent_exceeds(double actual, double limit);
// "8.01 GiB > 8 GiB", with the digits it takes to tell them apart.
[[nodiscard]] std::string bytes_exceeds(double actual, double limit);
[[nodiscard]] std::string duration_exceeds(double actual, double limit);

} // namespace capplan::tiers
