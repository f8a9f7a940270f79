#pragma once
// MetricRow: one metric of capplan(1) METRICS as the tier that computes it declares it, over its
// own result struct (tiers/X_metrics.hpp): its name within the group, type, unit, one-line
// description, how to read it, and whether it is a breakpoint metric or a cost that
// total.monthly_cost adds up. report/metrics.cpp adapts every tier's rows into the registry,
// so the dependency stays report → tiers and adding a metric is one row beside its code.

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

namespace capplan::tiers {

enum class RowType { integer, real, boolean, text };

// A row's value as the struct holds it.
using RowValue = std::variant<std::int64_t, double, bool, std::string>;

template <class M>
struct MetricRow {
    std::string_view name; // within its group: "servers"
    RowType type;
    std::string_view unit;        // base unit for people: "s", "bytes", "1/s", ""
    std::string_view description; // one line
    RowValue (*read)(const M&);
    bool step = false;          // a breakpoint metric (its steps are located)
    bool adds_to_total = false; // a cost that total.monthly_cost adds up
};

} // namespace capplan::tiers
