#pragma once
// The web tier (docs/models.md#web). A server with v vCPUs is a G/G/v station whose service times
// are slowed by v/c_eff. Its service mix: dynamic requests (cpu_time), static requests while there
// is no CDN (static_cpu_time) and async jobs while there is no message queue (job_time, FCFS on
// the same cores: a 4 s job holding a core makes requests queue behind it). Balancing:
// round_robin gives each server a stream of SCV c_a²/N, random 1 + (c_a² − 1)/N,
// least_connections the pooled G/G/(N·v) (an optimistic bound). N = the fewest servers with
// utilization ≤ max_utilization and end-to-end p99 (docs/models.md#latency) ≤ the SLO, at least
// min_servers (and what the growth path holds of a fixed pool), at most max_servers. Without a
// load balancer there is exactly one web server.

#include <cstdint>
#include <optional>
#include <string>

#include "tiers/failover.hpp"
#include "tiers/latency.hpp"
#include "tiers/web_metrics.hpp"
#include "workload/catalogue.hpp"
#include "workload/web_section.hpp"

namespace capplan::tiers {

// What the web servers are offered at one moment (per second; the peak or one hour).
struct WebDemand {
    double dynamic_rps = 0.0;
    double static_rps = 0.0; // 0 once a CDN serves static assets
    double jobs_per_s = 0.0; // 0 once a message queue takes the jobs
    double arrival_scv = 1.0;
};

// The request legs other than the web station (cache and database calls, docs/models.md#latency),
// for a read request and a write request.
struct OtherLegs {
    Moments read;
    Moments write;
};

// The rules the tier is sized by. `pool`: behind a load balancer (N free, failover applies);
// without it N = 1.
struct WebRules {
    const workload::Instance* instance = nullptr;
    double cpu_time_s = 0.0, cpu_time_scv = 1.0;
    double static_cpu_time_s = 0.0;
    double job_time_s = 0.0, job_time_scv = 1.0;
    workload::Balancing balancing = workload::Balancing::round_robin;
    double max_utilization = 0.7;
    double latency_p99_s = 0.3;
    double write_fraction = 0.0;
    std::int64_t min_servers = 1, max_servers = 10'000;
    // The fewest servers the growth path holds (a fixed pool kept through a step,
    // docs/models.md#growth-path); 0: none. Pool only; size_web_by_utilization ignores it.
    std::int64_t held = 0;
    bool pool = false;
    FailoverRule failover; // planned from needed (pool only): one centre or several
};

// The station of one web server (or of the pool under least_connections) at N servers.
struct WebPoint {
    double utilization = 0.0;
    double latency_p99_s = 0.0; // NaN when the station is saturated
    bool saturated = false;
    bool meets = false; // utilization and p99 within their limits
};

struct WebSizing {
    std::int64_t needed = 1;       // N before failover
    std::int64_t planned = 1;      // after the failover rule (pool only)
    std::string bound_by = "none"; // utilization, latency, min_servers, max_servers, failover,
                                   // latency_unreachable, held
    WebPoint at_needed;            // the limits are judged here
    WebPoint at_planned;           // what the servers run at (reported)
    bool capped = false;           // max_servers (or the single server) stopped the search
    bool unreachable = false;      // no N meets the latency SLO
    bool needed_meets = false;     // the search saw `needed` meet both limits
};

// The utilization of each web server at N servers (evaluate_web's, without the p99).
[[nodiscard]] double web_utilization(const WebRules& r, const WebDemand& d, std::int64_t n);

// The utilization and (with_p99) the p99 of a request at N web servers. N ≥ 1.
[[nodiscard]] WebPoint evaluate_web(const WebRules& r, const WebDemand& d, const OtherLegs& legs,
                                    std::int64_t n, bool with_p99);

// Sizes the tier. `with_metrics` = false skips the final p99 quantiles (hourly cost sizing).
// `hint`, when given, is a nearby answer (at a higher rate, or a nearby user count): when it
// meets the limits the search walks down from it, otherwise it gallops up from it, instead of
// galloping up from the utilization answer. The result is the same either way: the fewest
// servers that meet the limits. `hint_meets` = true says the hint is known to meet them (a
// busier hour's answer: the p99 only falls with the load), so it is not evaluated again.
[[nodiscard]] WebSizing size_web(const WebRules& r, const WebDemand& d, const OtherLegs& legs,
                                 bool with_metrics = true,
                                 std::optional<std::int64_t> hint = std::nullopt,
                                 bool hint_meets = false);

// A lower bound of size_web for the pruned stage choice: the fewest servers by utilization
// alone (at least min_servers, at most the cap), planned by the failover rule. `capped` when
// even the cap breaks the utilization limit. No p99 is computed (latency_p99_s = 0).
[[nodiscard]] WebSizing size_web_by_utilization(const WebRules& r, const WebDemand& d);

} // namespace capplan::tiers
