#pragma once
// The [single] section (capplan-workload(5) KEYS).
// Part of the validated workload (workload.hpp); read by tiers/ and never modified after loading.

#include <string>

namespace capplan::workload {

struct Single {
    std::string instance = "m7i.xlarge";

    bool operator==(const Single&) const = default;
};

} // namespace capplan::workload
