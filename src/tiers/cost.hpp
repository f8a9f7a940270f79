#pragma once
// Monthly cost (SPEC §5.17). Autoscaled stateless tiers cost Σ_h servers(λ̄·f(h))·hourly·730/24
// (the failover rule applied in each hour); every other tier is sized at the peak and billed
// for 730 h. Storage: every database copy (in db.monthly_cost) and blob storage (blob, CDN and
// egress bills: static_costs.hpp). Money per month in the workload's currency; GB = 2^30 bytes.

#include <array>
#include <cstdint>

#include "tiers/point.hpp"
#include "tiers/traffic.hpp"
#include "workload/workload.hpp"

namespace capplan::tiers {

// Σ_h servers[h]·hourly·730/24. For a constant count this equals servers·hourly·730.
[[nodiscard]] double autoscaled_monthly_cost(const std::array<std::int64_t, 24>& servers,
                                             double hourly) noexcept;
// servers·hourly·730.
[[nodiscard]] double peak_monthly_cost(std::int64_t servers, double hourly) noexcept;

// total.*: servers = every billed VM at the peak (`servers`), monthly_cost = the tiers' costs
// in `p` plus `other_monthly_cost` (internet egress, cross-centre transfer), per user and
// per million dynamic requests. With no users or no requests those two have no finite value:
// NaN (null in the outputs; the caller warns).
[[nodiscard]] TotalMetrics total_metrics(const PointPlan& p, std::int64_t servers,
                                         double other_monthly_cost, const TrafficLoad& t) noexcept;

} // namespace capplan::tiers
