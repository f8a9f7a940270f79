#pragma once
// The [slo] section (capplan-workload(5) KEYS): each limit may step with the user count.
// Part of the validated workload (workload.hpp); read by tiers/ and never modified after loading.

#include <utility>
#include <vector>

#include "workload/stepped.hpp"

namespace capplan::workload {

struct Slo {
    Stepped<double> latency_p99_s{0.300};
    Stepped<double> availability{std::vector<std::pair<double, double>>{
        {1.0, 0.99}, {10e3, 0.999}, {100e3, 0.9995}, {300e3, 0.9999}}};
    Stepped<double> max_utilization{0.70};

    bool operator==(const Slo&) const = default;
};

} // namespace capplan::workload
