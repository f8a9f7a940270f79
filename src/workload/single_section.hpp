#pragma once
// The [single] section (capplan-workload(5) KEYS).
// Part of the validated workload (workload.hpp); read by tiers/ and never modified after loading.

#include <string>

namespace capplan::workload {

struct Single {
    std::string instance = "m7i.xlarge";
    double db_memory_share = 0.5; // of the box's memory, what its database's working set may use

    bool operator==(const Single&) const = default;
};

} // namespace capplan::workload
