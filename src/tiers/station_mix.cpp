// Mixtures of work classes on one station. See station_mix.hpp.

#include "tiers/station_mix.hpp"

#include <algorithm>

namespace capplan::tiers {

queueing::Station mixed_station(std::initializer_list<WorkClass> classes, std::int64_t servers) {
    double rate = 0.0;
    for (const WorkClass& c : classes) {
        rate += c.rate_per_s;
    }
    queueing::Station s;
    s.servers = std::max<std::int64_t>(1, servers);
    if (!(rate > 0.0)) {
        const WorkClass& first = *classes.begin();
        s.arrival_rate_per_s = 0.0;
        s.service_time_s = first.service_s;
        s.service_scv = first.service_scv;
        s.arrival_scv = first.arrival_scv;
        return s;
    }
    double m1 = 0.0;
    double m2 = 0.0;
    double ca2 = 0.0;
    for (const WorkClass& c : classes) {
        const double w = c.rate_per_s / rate;
        m1 += w * c.service_s;
        m2 += w * c.service_s * c.service_s * (1.0 + c.service_scv);
        ca2 += w * c.arrival_scv;
    }
    s.arrival_rate_per_s = rate;
    s.service_time_s = m1;
    // Work that takes no time (a free apply with every read cached) has no variability either.
    s.service_scv = m1 > 0.0 ? std::max(0.0, m2 / (m1 * m1) - 1.0) : 0.0;
    s.arrival_scv = ca2;
    return s;
}

double split_arrival_scv(workload::Balancing mode, double scv, std::int64_t n) noexcept {
    const double nn = static_cast<double>(std::max<std::int64_t>(1, n));
    switch (mode) {
    case workload::Balancing::round_robin:
        return scv / nn;
    case workload::Balancing::random:
        return 1.0 + (scv - 1.0) / nn;
    case workload::Balancing::least_connections:
        break;
    }
    return scv;
}

} // namespace capplan::tiers
