// M/G/1, Pollaczek–Khinchine (Kleinrock 1975, eq. 5.72). See mg1.hpp.

#include "queueing/mg1.hpp"

#include <limits>

namespace capplan::queueing {

StationLaws analyze_mg1(double arrival_rate_per_s, double service_time_s,
                        double service_scv) noexcept {
    constexpr double inf = std::numeric_limits<double>::infinity();
    const double lambda = arrival_rate_per_s;
    const double s = service_time_s;
    const double rho = lambda * s;

    StationLaws r;
    r.service = GammaLaw{s, service_scv};
    StationMetrics& m = r.metrics;
    m.servers = 1;
    m.offered_erlangs = rho;
    if (rho >= 1.0) {
        m.saturated = true;
        m.utilization = 1.0;
        m.p_wait = 1.0;
        m.throughput_per_s = 1.0 / s;
        m.mean_queue_length = m.mean_in_system = m.mean_wait_s = m.mean_response_s = inf;
        r.wait = WaitLaw{1.0, 0.0};
        return r;
    }
    m.utilization = rho;
    m.p_wait = rho;
    m.throughput_per_s = lambda;
    m.mean_wait_s = rho * s * (1.0 + service_scv) / (2.0 * (1.0 - rho));
    m.mean_queue_length = lambda * m.mean_wait_s;
    m.mean_in_system = m.mean_queue_length + rho;
    m.mean_response_s = m.mean_wait_s + s;
    r.wait = rho > 0.0 ? WaitLaw{rho, rho / m.mean_wait_s} : WaitLaw{0.0, 0.0};
    return r;
}

} // namespace capplan::queueing
