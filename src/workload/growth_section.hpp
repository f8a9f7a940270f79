#pragma once
// The [growth] section: the user points to plan (capplan-workload(5) KEYS).
// Part of the validated workload (workload.hpp); read by tiers/ and never modified after loading.

#include <optional>
#include <vector>

namespace capplan::workload {

// The user points to plan (docs/models.md#users): explicit points, or a log range with a grid.
struct Growth {
    std::vector<double> users = {};   // explicit points (list or single value), ascending
    std::optional<double> range_from; // log range lo..hi
    std::optional<double> range_to;
    int per_decade = 1;

    bool operator==(const Growth&) const = default;
};

} // namespace capplan::workload
