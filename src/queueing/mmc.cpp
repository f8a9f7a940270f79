// M/M/c, exact (Kleinrock 1975, §3.5). See mmc.hpp.

#include "queueing/mmc.hpp"

#include <limits>

#include "queueing/erlang.hpp"

namespace capplan::queueing {

StationLaws analyze_mmc(double arrival_rate_per_s, double service_time_s,
                        std::int64_t servers) noexcept {
    constexpr double inf = std::numeric_limits<double>::infinity();
    const double lambda = arrival_rate_per_s;
    const double s = service_time_s;
    const auto c = static_cast<double>(servers);
    const double a = lambda * s;

    StationLaws r;
    r.service = GammaLaw{s, 1.0};
    StationMetrics& m = r.metrics;
    m.servers = servers;
    m.offered_erlangs = a;
    if (!(s > 0.0)) {
        // Work that takes no time: nothing is busy and nothing waits.
        m.throughput_per_s = lambda;
        r.wait = WaitLaw{0.0, 0.0};
        return r;
    }
    if (a >= c) {
        // Unstable: every server always busy, the queue grows without bound.
        m.saturated = true;
        m.utilization = 1.0;
        m.p_wait = 1.0;
        m.throughput_per_s = c / s;
        m.mean_queue_length = m.mean_in_system = m.mean_wait_s = m.mean_response_s = inf;
        r.wait = WaitLaw{1.0, 0.0};
        return r;
    }
    const double theta = (c - a) / s; // cμ − λ
    const double pw = erlang_c(servers, a);
    m.utilization = a / c;
    m.p_wait = pw;
    m.throughput_per_s = lambda;
    m.mean_wait_s = pw / theta;
    m.mean_queue_length = lambda * m.mean_wait_s;
    m.mean_in_system = m.mean_queue_length + a;
    m.mean_response_s = m.mean_wait_s + s;
    r.wait = WaitLaw{pw, theta};
    return r;
}

} // namespace capplan::queueing
