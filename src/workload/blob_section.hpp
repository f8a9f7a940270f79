#pragma once
// The [blob] section (capplan-workload(5) KEYS): prices in the workload's currency.
// Part of the validated workload (workload.hpp); read by tiers/ and never modified after loading.

namespace capplan::workload {

struct Blob {
    double storage_per_gb_month = 0.023;
    double put_per_1k = 0.005;
    double get_per_1k = 0.0004;

    bool operator==(const Blob&) const = default;
};

} // namespace capplan::workload
