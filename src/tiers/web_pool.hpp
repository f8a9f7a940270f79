#pragma once
// The web tier and its load balancer inside an architecture (docs/models.md#web-pool):
// the web servers sized at the peak (the limits are judged there), hour by hour for the cost of
// an autoscaled pool, each hour with the failover rule applied; the proxies at the peak.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "tiers/bill.hpp"
#include "tiers/common.hpp"
#include "tiers/failover.hpp"
#include "tiers/lb.hpp"
#include "tiers/traffic.hpp"
#include "tiers/web.hpp"
#include "tiers/web_hint.hpp"
#include "workload/catalogue.hpp"
#include "workload/workload_fwd.hpp"

namespace capplan::tiers {

struct WebPoolInputs {
    const TrafficLoad* traffic = nullptr;
    OtherLegs legs;            // cache and database legs of a read and a write request
    bool pool = false;         // behind a load balancer
    bool static_on_web = true; // no CDN: static requests reach the proxies and web servers
    bool jobs_on_web = true;   // no message queue: async jobs run on the web servers
    FailoverRule failover;     // how a pooled tier plans from what it needs
    double max_utilization = 0.7;
    double latency_slo_s = 0.3;
    bool hourly_cost = true;    // size every hour for the cost of an autoscaled pool
    bool report_metrics = true; // see SizingContext
    // A lower bound only (architecture.hpp bound_architecture): servers by utilization alone,
    // no p99, only the limits that the full sizing would break too.
    bool relaxed = false;
    WebHint hint; // tiers/web_hint.hpp
    // The fewest web servers needed at the peak that the growth path holds (WebRules::held).
    std::int64_t held_servers = 0;
};

struct WebPoolResult {
    WebMetrics web;
    LbMetrics lb;
    std::int64_t web_needed = 0;          // at the peak, before failover
    double web_needed_monthly_cost = 0.0; // the needed counts over the day
    std::int64_t lb_needed = 0;           // proxies the load needs (0 without a pool)
    double lb_needed_monthly_cost = 0.0;
    Findings findings; // the web tier's limits and warnings
    TierBill bill;     // the planned web servers and proxies (tiers/bill.hpp)
};

// Sizes the web servers (and the proxies when pooled) with their limits and warnings. Throws
// std::invalid_argument when web.instance or lb.instance is not in the catalogue.
[[nodiscard]] WebPoolResult size_web_pool(const workload::Workload& w,
                                          const workload::Catalogue& cat, const WebPoolInputs& in);

// "84 % busy, p99 412 ms" or "saturated (2125 %)".
[[nodiscard]] std::string state_text(double utilization, double p99);

// Utilization and p99 limits of a station that serves requests end to end (a non-finite p99 is
// a warning, the utilization limit then breaks). `where` names the station, only asked for
// when a limit breaks.
void request_limits(Findings& f, double utilization, double p99, double max_u, double slo,
                    const std::function<std::string()>& where);

} // namespace capplan::tiers
