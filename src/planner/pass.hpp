#pragma once
// What sizing.cpp and bounds.cpp share: the layout of one sizing pass (which tiers exist, the
// failover rule, the standbys) and the pass itself. Internal to the planner.

#include <cstdint>

#include "planner/sizing.hpp"
#include "tiers/failover.hpp"

namespace capplan::planner {

// What one sizing pass knows about the architecture.
struct Layout {
    bool separate = false, pool = false, replicas = false, sharding = false, cache = false;
    bool cdn = false, queue = false, store = false, multi = false;
    tiers::FailoverRule rule;      // D, k and the one-centre spares
    std::int64_t min_replicas = 0; // per shard: standbys and a replica in every other centre
    bool relaxed = false;          // a lower bound only (bound_architecture)

    Layout(const workload::Workload& w, Architecture a, std::int64_t datacenters,
           std::int64_t standbys);
};

// The sites' unavailability over the allowed downtime: the availability limit of a set in which
// every tier were perfect (the tiers can only lower the availability).
[[nodiscard]] double sites_ratio(const workload::Workload& w, double users, const Layout& l);

// One pass over the tiers for `arch` laid out as `l` (see sizing.hpp for the order).
[[nodiscard]] SizedArchitecture size_pass(const workload::Workload& w,
                                          const workload::Catalogue& cat, double users,
                                          Architecture arch, const SizingContext& ctx,
                                          PointMemo& memo, const Layout& l);

} // namespace capplan::planner
