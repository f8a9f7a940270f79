#pragma once
// The [stage] section (capplan-workload(5) KEYS): when the architecture changes.
// Part of the validated workload (workload.hpp); read by tiers/ and never modified after loading.

#include <string>
#include <vector>

namespace capplan::workload {

struct Stage {
    double min_saving = 50.0;
    double min_saving_fraction = 0.01;
    double min_span = 0.10;
    // Component names ([stage] require / forbid), checked by planner::stage_rules.
    std::vector<std::string> require;
    std::vector<std::string> forbid;

    bool operator==(const Stage&) const = default;
};

} // namespace capplan::workload
