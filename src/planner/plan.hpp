#pragma once
// A whole plan (what capplan(1) JSON prints): the planned user points, the breakpoints and the
// stage changes between them, and every warning with the user count it arose at. Produced by
// sweep.hpp; rendered by report/.

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "planner/point_plan.hpp"

namespace capplan::planner {

// A value of a breakpoint metric: a count, or a text (db.instance).
using StepValue = std::variant<std::int64_t, std::string>;

// A breakpoint metric reaching `to` from `from` (docs/models.md#breakpoints): `below_users` is
// the last probed user count at `from`, `at_users` the first at `to`, at most
// max(1, 0.1 % of users) apart; both unrounded.
struct Breakpoint {
    std::string metric; // a metric path, "web.servers"
    StepValue from;
    StepValue to;
    double at_users = 0;
    double below_users = 0;
};

// A component added or dropped between two points, or a short adoption episode (transient,
// --choice point only). `below_users` is the last probed user count without the change.
struct StageChange {
    double at_users = 0;
    double below_users = 0;
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

// How the architecture is chosen (docs/models.md#growth-path): the growth path, or the cheapest
// set at each point on its own.
enum class Choice { path, point };

struct Plan {
    Choice choice = Choice::path;
    std::string workload_name;
    std::string workload_file; // empty: the built-in default (JSON null)
    std::string currency = "USD";
    std::vector<PointPlan> points;
    std::vector<Breakpoint> breakpoints;
    std::vector<StageChange> stage_changes;
    std::vector<WarningAt> warnings;
};

} // namespace capplan::planner
