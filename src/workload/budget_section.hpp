#pragma once
// The [[budget]] tables (capplan-workload(5) BUDGETS), as read from the workload; report/
// checks them against the metric registry.

#include <optional>
#include <string>

#include "workload/source_pos.hpp"

namespace capplan::workload {

enum class BudgetLevel { error, warn };

// How a budget limit was written: a plain number (or a count such as "250k") is in the
// metric's base unit; a unit string carries its own unit, read into bytes, seconds, events
// per second or a share ("90%" is 0.9). report/budget_check.hpp checks the kind against the
// metric and converts.
enum class LimitUnit { number, size, duration, rate, ratio };

// One limit of a budget: its value as read, how it was written, and where.
struct BudgetLimit {
    double value = 0.0;
    LimitUnit unit = LimitUnit::number;
    SourcePos pos;

    bool operator==(const BudgetLimit&) const = default;
};

// One `[[budget]]` (capplan-workload(5) BUDGETS); checked by `capplan check`.
struct Budget {
    std::string id;     // defaults to the metric path
    std::string metric; // a numeric metric path
    std::optional<BudgetLimit> max;
    std::optional<BudgetLimit> min;
    std::optional<BudgetLimit> max_increase;
    std::optional<BudgetLimit> max_increase_pct; // percent; always LimitUnit::number
    std::optional<double> at_users;
    BudgetLevel level = BudgetLevel::error;
    std::string message;
    std::string file;     // the file it came from, as named in diagnostics
    SourcePos pos;        // its [[budget]] header
    SourcePos metric_pos; // its metric value

    bool operator==(const Budget&) const = default;
};

} // namespace capplan::workload
