#pragma once
// Reading `[[budget]]` tables (capplan-workload(5) BUDGETS), in a workload or a budget file.
// Internal to workload/.
//
//   id = "cost"                    optional string; default: the metric path
//   metric = "total.monthly_cost"  required: a metric path (checked by the report registry)
//   max = 25000 | min = ...        a number in the metric's base unit, or a unit string
//                                  ("512GiB", "150ms", "900/s", "250k")
//   max_increase = 500             against --compare-to, in base units or a unit string
//   max_increase_pct = 10          against --compare-to, percent
//   at_users = 1000000             optional count in [1, 10^12] ("1M")
//   level = "error" | "warn"       default "error"
//   message = "..."                optional
// At least one of max, min, max_increase, max_increase_pct; min ≤ max when both are given.

#include <string>
#include <vector>

#include <toml++/toml.h>

#include "workload/budget_section.hpp"
#include "workload/toml_read.hpp"

namespace capplan::workload {

// The budgets of `node` (the value of the `budget` key: an array of tables). Each Budget
// records `file` and the position of its table. Throws InputError at the bad key or value.
[[nodiscard]] std::vector<Budget> read_budgets(const TomlReader& reader, const toml::node& node);

} // namespace capplan::workload
