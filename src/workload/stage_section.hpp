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
    // A dearer set that misses a target another misses too must close at least this share of
    // the other's gap to it (planner/choice.hpp replaces).
    double min_gap_closed = 0.5;
    // Not a key: the rule of min_gap_closed (off, as in 0.2.0: a capacity or latency miss
    // goes to the closest set, an availability miss to the cheapest).
    bool spend_only_where_it_helps = true;
    // Component names ([stage] require / forbid), checked by planner::stage_rules.
    std::vector<std::string> require;
    std::vector<std::string> forbid;

    bool operator==(const Stage&) const = default;
};

} // namespace capplan::workload
