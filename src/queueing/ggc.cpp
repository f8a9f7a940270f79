// G/G/c, Allen–Cunneen (Allen 1990, eq. 6.98). See ggc.hpp.

#include "queueing/ggc.hpp"

#include "queueing/mmc.hpp"

namespace capplan::queueing {

StationLaws analyze_ggc(const Station& s) noexcept {
    StationLaws r = analyze_mmc(s.arrival_rate_per_s, s.service_time_s, s.servers);
    r.service = GammaLaw{s.service_time_s, s.service_scv};
    StationMetrics& m = r.metrics;
    if (m.saturated) {
        return r;
    }
    const double variability = (s.arrival_scv + s.service_scv) / 2.0;
    if (!(variability > 0.0) || !(m.p_wait > 0.0)) {
        // D/D/c below saturation: arrivals never find all servers busy.
        m.p_wait = 0.0;
        m.mean_wait_s = 0.0;
        r.wait = WaitLaw{0.0, 0.0};
    } else {
        m.mean_wait_s *= variability;
        r.wait.theta_per_s /= variability; // keeps θ = P(wait)/Wq
    }
    m.mean_queue_length = s.arrival_rate_per_s * m.mean_wait_s;
    m.mean_in_system = m.mean_queue_length + m.offered_erlangs;
    m.mean_response_s = m.mean_wait_s + s.service_time_s;
    return r;
}

} // namespace capplan::queueing
