#pragma once
// The single server (docs/models.md#single-server): one `single.instance` runs the web server, the
// database, the cache and the jobs. It is one G/G/v station (v vCPUs slowed to the effective core
// speed, docs/models.md#conventions) offered four classes: read requests (cpu_time +
// db_reads_per_request reads), write requests (the same + db_writes_per_write_request writes),
// static requests while there is no CDN and async jobs while there is no message queue. A request's
// own service is its whole demand on the server (n calls add n × mean and n × variance,
// docs/models.md#latency); its latency is the station's wait (exact law) plus that demand, with no
// network round trip. Checked for max_utilization and the end-to-end latency SLO (db.latency_p99 is
// not checked: there is no separate database call to measure).

#include <optional>

#include "workload/catalogue.hpp"
#include "workload/workload_fwd.hpp"

namespace capplan::tiers {

struct SingleDemand {
    double read_rps = 0.0, write_rps = 0.0; // dynamic requests
    double static_rps = 0.0;                // 0 once a CDN serves static assets
    double jobs_per_s = 0.0;                // 0 once a message queue takes the jobs
    double arrival_scv = 1.0;
    double db_read_miss_fraction = 1.0; // 1 − cache hit ratio (no cache: 1)
};

struct SingleSizing {
    double utilization = 0.0;   // the whole server
    double web_share = 0.0;     // web CPU, static requests and jobs
    double db_share = 0.0;      // database reads and writes
    double latency_p99_s = 0.0; // NaN when saturated
    bool saturated = false;
};

// Analyses the one server of `inst` under the workload's service times. With `slo_s`, a p99
// that meets it is not computed (a root find): latency_p99_s is then slo_s itself, the limit
// at its bound (the architecture choice only needs to know that it holds).
[[nodiscard]] SingleSizing size_single(const workload::Workload& w, const workload::Instance& inst,
                                       const SingleDemand& d,
                                       std::optional<double> slo_s = std::nullopt);

} // namespace capplan::tiers
