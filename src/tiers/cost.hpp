#pragma once
// Monthly cost (docs/models.md#cost). Autoscaled stateless tiers cost Σ_h
// servers(λ̄·f(h))·hourly·730/24 (the failover rule applied in each hour); every other tier is
// sized at the peak and billed for 730 h. Storage: every database copy (in db.monthly_cost) and
// blob storage (blob, CDN and egress bills: static_costs.hpp). Money per month in the workload's
// currency; GB = 2^30 bytes.

#include <array>
#include <cstdint>

#include "tiers/bill.hpp"
#include "tiers/cost_metrics.hpp"

namespace capplan::tiers {

// Σ_h servers[h]·hourly·730/24. For a constant count this equals servers·hourly·730.
[[nodiscard]] double autoscaled_monthly_cost(const std::array<std::int64_t, 24>& servers,
                                             double hourly) noexcept;
// servers·hourly·730.
[[nodiscard]] double peak_monthly_cost(std::int64_t servers, double hourly) noexcept;

// The same costs as one instance line of `group` (tiers/bill.hpp): its quantity in
// instance-hours a month, its unit price `hourly`.
[[nodiscard]] BillLine instance_line(BillGroup group, std::int64_t servers, double hourly) noexcept;
[[nodiscard]] BillLine autoscaled_line(BillGroup group, const std::array<std::int64_t, 24>& servers,
                                       double hourly) noexcept;

} // namespace capplan::tiers
