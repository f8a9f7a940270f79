#pragma once
// The [lb] section (capplan-workload(5) KEYS).
// Part of the validated workload (workload.hpp); read by tiers/ and never modified after loading.

#include <string>

namespace capplan::workload {

struct Lb {
    std::string instance = "c7i.large";
    double capacity_per_vcpu_per_s = 5000.0;

    bool operator==(const Lb&) const = default;
};

} // namespace capplan::workload
