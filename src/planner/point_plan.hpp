#pragma once
// The plan of one user point: one group per tier, each the tier's own metrics struct, one field
// per metric named exactly as the metric path (`web.servers` is PointPlan::web.servers). Base
// units: seconds, bytes, per second, fractions, currency per month. A tier not in use reports 0
// and bound_by "none"; a value with no finite answer is NaN here and becomes null (with a
// warning) in every output. The metric registry (report/metrics.hpp) lists these fields.
// It includes each tier's result struct (tiers/X_metrics.hpp) and none of the sizing APIs.

#include <cstdint>
#include <vector>

#include "planner/components.hpp"
#include "tiers/availability_metrics.hpp"
#include "tiers/bill.hpp"
#include "tiers/blob_cdn_metrics.hpp"
#include "tiers/cache_metrics.hpp"
#include "tiers/cost_metrics.hpp"
#include "tiers/db_metrics.hpp"
#include "tiers/failover_metrics.hpp"
#include "tiers/lb_metrics.hpp"
#include "tiers/logs_metrics.hpp"
#include "tiers/plan_warning.hpp"
#include "tiers/queue_metrics.hpp"
#include "tiers/sessions_metrics.hpp"
#include "tiers/traffic_metrics.hpp"
#include "tiers/web_metrics.hpp"

namespace capplan::tiers {
struct TrafficLoad; // tiers/traffic.hpp
} // namespace capplan::tiers

namespace capplan::planner {

using tiers::PlanWarning;

struct PointPlan {
    double users = 0;
    Architecture stage;
    bool feasible = true; // every limit holds here
    tiers::TrafficMetrics traffic;
    tiers::LbMetrics lb;
    tiers::WebMetrics web;
    tiers::DbMetrics db;
    tiers::CacheMetrics cache;
    tiers::BlobMetrics blob;
    tiers::CdnMetrics cdn;
    tiers::QueueMetrics queue;
    tiers::SessionMetrics sessions;
    tiers::LogsMetrics logs;
    tiers::FailoverMetrics failover;
    tiers::AvailabilityMetrics availability;
    tiers::TotalMetrics total;
    tiers::Bill bill; // every charge as a line (tiers/bill.hpp), as its tiers added them
    std::vector<PlanWarning> warnings;
};

// The one place the point's costs are summed (docs/models.md#cost): every GROUP.monthly_cost
// becomes the sum of its lines in p.bill, and total.* is set: servers = every billed VM at the
// peak (`servers`), monthly_cost = the whole bill (Bill::total: internet egress and
// cross-centre transfer, group `network`, included), per user and per million dynamic
// requests. With no users or no requests those two have no finite value: NaN (null in the
// outputs; the caller warns).
void settle_costs(PointPlan& p, std::int64_t servers, const tiers::TrafficLoad& t) noexcept;

// The GROUP.monthly_cost metric of `g` in `p`; null for `network` (no metric group).
[[nodiscard]] double* group_monthly_cost(PointPlan& p, tiers::BillGroup g) noexcept;

} // namespace capplan::planner
