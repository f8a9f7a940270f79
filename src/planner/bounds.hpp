#pragma once
// Bounds for the pruned stage choice (docs/models.md#stage): a floor that costs next to nothing
// and a relaxed sizing, each at most what size_architecture gives a set.

#include "planner/sizing.hpp"

namespace capplan::planner {

// A cheap bound for the pruned stage choice (choice.cpp): `monthly_cost` is at most the total
// cost size_architecture gives `arch` at `users`, and `infeasible` = true only when its sizing
// certainly breaks a limit. It relaxes what is expensive: web servers by utilization alone (no
// p99 limit), the cache at one primary with every read hitting (the database's cost only falls
// as the hit ratio rises), no standby, the least cost over the data-centre counts, and of the
// availability only the sites' (the tiers can only lower it). The other tiers are sized as in
// the full pass. `memo` as for size_architecture. Same exceptions as size_architecture.
struct ArchitectureBound {
    double monthly_cost = 0.0;
    bool infeasible = false;
};
[[nodiscard]] ArchitectureBound bound_architecture(const workload::Workload& w,
                                                   const workload::Catalogue& cat, double users,
                                                   Architecture arch, const SizingContext& ctx,
                                                   PointMemo& memo);

// A floor under that total that costs next to nothing, for the sets with a separate database:
// the blob storage, CDN and egress bills exactly, plus each tier's least possible bill (one web
// server all day, one database instance of the cheapest size holding one copy of the data, one
// proxy with a load balancer, one cache primary and its replicas with a cache); 0 for the other
// sets. At most bound_architecture's cost; the choice tries it first.
[[nodiscard]] double cost_floor(const workload::Workload& w, const workload::Catalogue& cat,
                                double users, Architecture arch, PointMemo& memo);

} // namespace capplan::planner
