// Bounds for the pruned stage choice (docs/models.md#stage). See bounds.hpp.

#include "planner/bounds.hpp"

#include <algorithm>
#include <optional>

#include "planner/memo.hpp"
#include "planner/pass.hpp"
#include "tiers/common.hpp"
#include "tiers/cost.hpp"
#include "tiers/db.hpp"
#include "tiers/static_costs.hpp"
#include "tiers/traffic.hpp"
#include "workload/workload.hpp"

namespace capplan::planner {

using namespace capplan::tiers;

ArchitectureBound bound_architecture(const workload::Workload& w, const workload::Catalogue& cat,
                                     double users, Architecture arch, const SizingContext& ctx,
                                     PointMemo& memo) {
    SizingContext relaxed = ctx;
    relaxed.report_metrics = false;
    // When the sites alone break the availability target, no sizing of the tiers helps: the
    // layout is certainly infeasible, known before any tier is sized. (Its cost bound is then
    // not needed: a set that is certainly infeasible is only sized when no set is feasible,
    // and a set pruned by cost never is either, since pruning needs a feasible champion.)
    // nullopt: the sites of that layout break the target.
    const auto bound_of = [&](std::int64_t datacenters) -> std::optional<ArchitectureBound> {
        Layout l(w, arch, datacenters, 0);
        l.relaxed = true;
        if (is_broken(sites_ratio(w, users, l))) {
            return std::nullopt;
        }
        const SizedArchitecture s = size_pass(w, cat, users, arch, relaxed, memo, l);
        return ArchitectureBound{s.plan.total.monthly_cost, !s.feasible};
    };
    const ArchitectureBound certainly_infeasible{0.0, true};
    if (!arch.has(Component::multi_datacenter)) {
        return bound_of(1).value_or(certainly_infeasible);
    }
    // The full sizing keeps the first D of 2..max_datacenters that meets the availability
    // target, else the last: a feasible result has a D whose sites meet it, so the least bound
    // over those D bounds it; with none, the set is certainly infeasible.
    std::optional<ArchitectureBound> out;
    const std::int64_t most = std::max<std::int64_t>(2, w.failover.max_datacenters);
    for (std::int64_t d = 2; d <= most; ++d) {
        const std::optional<ArchitectureBound> b = bound_of(d);
        if (!b) {
            continue;
        }
        if (!out) {
            out = b;
        } else {
            out->monthly_cost = std::min(out->monthly_cost, b->monthly_cost);
            out->infeasible = out->infeasible && b->infeasible;
        }
    }
    return out.value_or(certainly_infeasible);
}

double cost_floor(const workload::Workload& w, const workload::Catalogue& cat, double users,
                  Architecture arch, PointMemo& memo) {
    if (!arch.has(Component::separate_db)) {
        return 0.0;
    }
    if (!memo.floors) {
        if (!memo.db_sizes) {
            memo.db_sizes = db_sizes(w, cat);
        }
        double db_hourly = memo.db_sizes->front()->hourly;
        for (const auto* inst : *memo.db_sizes) {
            db_hourly = std::min(db_hourly, inst->hourly);
        }
        PointMemo::Floors f;
        f.web = find_instance(cat, w.web.instance, "web.instance").hourly * k_hours_per_month;
        f.db_hourly = db_hourly;
        f.lb = find_instance(cat, w.lb.instance, "lb.instance").hourly * k_hours_per_month;
        f.cache = peak_monthly_cost(1 + std::max<std::int64_t>(0, w.cache.replicas),
                                    find_instance(cat, w.cache.instance, "cache.instance").hourly);
        memo.floors = f;
    }
    const PointMemo::Floors& f = *memo.floors;
    const Layout l(w, arch, 1, 0);
    const TrafficLoad& t =
        memo.traffic ? *memo.traffic : memo.traffic.emplace(compute_traffic(w.traffic, users));
    const double max_u = w.slo.max_utilization.at(users);
    const StaticCosts& st =
        PointMemo::recall(memo.statics, std::tuple{l.cdn, l.separate, l.pool}, [&] {
            return static_costs(w, cat, t, StaticLayout{l.cdn, l.separate, l.pool}, max_u);
        });
    // One primary of the cheapest size and its storage (the database's own bill).
    double floor = st.blob.monthly_cost + st.cdn.monthly_cost + st.egress_monthly_cost + f.web +
                   db_bill(w, f.db_hourly, t.users, 1, 1.0).monthly_cost();
    if (l.pool) {
        floor += f.lb;
    }
    if (l.cache) {
        floor += f.cache;
    }
    // The full sizing sums the same bills in another order, and the web tier's by the hour.
    return floor * (1.0 - k_compare_tolerance);
}

} // namespace capplan::planner
