// The single server (docs/models.md#single-server). See single.hpp.

#include "tiers/single.hpp"

#include <algorithm>
#include <cmath>
#include <optional>

#include "queueing/ggc.hpp"
#include "tiers/common.hpp"
#include "tiers/latency.hpp"
#include "tiers/station_mix.hpp"
#include "workload/workload.hpp"

namespace capplan::tiers {

SingleSizing size_single(const workload::Workload& w, const workload::Instance& inst,
                         const SingleDemand& d, std::optional<double> slo_s) {
    const double k = slowdown(inst);
    const auto v = std::max<std::int64_t>(1, inst.vcpus);
    auto scv = [](double cv) { return cv * cv; };
    const double reads_per_request = w.web.db_reads_per_request * d.db_read_miss_fraction;
    const Moments cpu =
        moments_of(queueing::GammaLaw{w.web.cpu_time_s * k, scv(w.web.cpu_time_cv)});
    const Moments read =
        repeat(moments_of(queueing::GammaLaw{w.db.read_time_s * k, scv(w.db.read_time_cv)}),
               reads_per_request);
    const Moments write =
        repeat(moments_of(queueing::GammaLaw{w.db.write_time_s * k, scv(w.db.write_time_cv)}),
               w.web.db_writes_per_write_request);
    const queueing::GammaLaw read_req = fit_gamma(cpu + read);
    const queueing::GammaLaw write_req = fit_gamma(cpu + read + write);

    const auto s = mixed_station(
        {{d.read_rps, read_req.mean_s, read_req.scv, d.arrival_scv},
         {d.write_rps, write_req.mean_s, write_req.scv, d.arrival_scv},
         {d.static_rps, w.web.static_cpu_time_s * k, 1.0, d.arrival_scv},
         {d.jobs_per_s, w.queue.job_time_s * k, scv(w.queue.job_time_cv), d.arrival_scv}},
        v);
    SingleSizing out;
    const double c = static_cast<double>(v);
    out.utilization = s.arrival_rate_per_s * s.service_time_s / c;
    const double dynamic_rps = d.read_rps + d.write_rps;
    out.web_share = (dynamic_rps * cpu.mean_s + d.static_rps * w.web.static_cpu_time_s * k +
                     d.jobs_per_s * w.queue.job_time_s * k) /
                    c;
    out.db_share = (dynamic_rps * read.mean_s + d.write_rps * write.mean_s) / c;
    const auto laws = queueing::analyze_ggc(s);
    out.saturated = laws.metrics.saturated;
    if (out.saturated) {
        out.latency_p99_s = std::nan("");
        return out;
    }
    const double wf = dynamic_rps > 0.0 ? d.write_rps / dynamic_rps : w.traffic.write_fraction;
    const RequestLaw law{laws.wait, read_req, write_req, wf};
    // p99 ≤ SLO ⇔ P(T > SLO) ≤ 1 % (the mixture is continuous): one evaluation, no root find.
    if (slo_s && request_exceed(law, tolerant_limit(*slo_s)) <= 1.0 - k_p99) {
        out.latency_p99_s = *slo_s;
        return out;
    }
    out.latency_p99_s = request_quantile_s(law, k_p99);
    return out;
}

} // namespace capplan::tiers
