#pragma once
// A whole plan (what capplan(1) JSON prints): the planned user points, the breakpoints of integer
// metrics and the stage changes between points, and every warning with the user count it arose at.
// Produced by sweep.hpp; rendered by report/.

#include <optional>
#include <string>
#include <vector>

#include "planner/point_plan.hpp"

namespace capplan::planner {

// An integer metric reaching `to` from `from` at `at_users` (3 significant figures).
struct Breakpoint {
    std::string metric; // a metric path, "web.servers"
    std::int64_t from = 0;
    std::int64_t to = 0;
    double at_users = 0;
};

// A component added or dropped between two points, or a short adoption episode (transient).
struct StageChange {
    double at_users = 0;
    std::string component;             // "cache", "read_replicas", ...
    std::string change;                // "added", "dropped", "transient"
    std::string reason;                // the constraint broken or the saving, with numbers
    std::optional<double> until_users; // transient: where the episode ends
};

struct WarningAt {
    std::string code;
    std::string message;
    double at_users = 0;
};

struct Plan {
    std::string workload_name;
    std::string workload_file; // empty: the built-in default (JSON null)
    std::string currency = "USD";
    std::vector<PointPlan> points;
    std::vector<Breakpoint> breakpoints;
    std::vector<StageChange> stage_changes;
    std::vector<WarningAt> warnings;
};

} // namespace capplan::planner
