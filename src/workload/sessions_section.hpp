#pragma once
// The [sessions] section (capplan-workload(5) KEYS).
// Part of the validated workload (workload.hpp); read by tiers/ and never modified after loading.

#include <string>

namespace capplan::workload {

struct Sessions {
    std::string instance = "cache.t4g.small";

    bool operator==(const Sessions&) const = default;
};

} // namespace capplan::workload
