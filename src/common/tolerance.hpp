#pragma once
// The relative tolerances of the models (docs/models.md#conventions). Each one keeps the last
// bits of a double from deciding a count or a verdict: a load that sits exactly on a limit, a
// count that is an integer up to rounding noise, or two sums of the same terms in another order.

namespace capplan {

// The tolerant ceiling ⌈x − k_ceil_tolerance·max(1, |x|)⌉ (tiers::ceil_count): a count whose
// real value is an integer up to rounding noise is not rounded up to the next one.
inline constexpr double k_ceil_tolerance = 1e-9;

// A value meets a limit when value ≤ limit·(1 + k_limit_tolerance): every limit check
// (utilization, p99 SLOs, write rates per primary, shard sizes, downtime) so that a load exactly
// on a limit (70 % at --max-util 70%) is not pushed to one more server.
inline constexpr double k_limit_tolerance = 1e-9;

// Two values that are equal up to rounding compare equal when |a − b| ≤ k_compare_tolerance·
// max(|a|, |b|): a user count typed as "316" and the grid's 10^2.5, a cost summed in another
// order.
inline constexpr double k_compare_tolerance = 1e-9;

// limit·(1 + k_limit_tolerance): the largest value that still meets a limit ≥ 0.
[[nodiscard]] constexpr double tolerant_limit(double limit) noexcept {
    return limit * (1.0 + k_limit_tolerance);
}

} // namespace capplan
