#pragma once
// Valid workloads the planner (src/tiers) cannot plan yet. Each is reported to the planner's
// owner with a reproducer, and reproduced by a hidden test ("[.planner_bug]", run it with
// `capplan_tests "[planner_bug]"`); the other tests and the fuzz targets skip these workloads
// so that the sanitizer tree stays green. Remove an entry when its bug is fixed.

#include <string>

#include "workload/workload.hpp"

namespace capplan::test {

// A description of the planner bug `w` runs into, or "".
inline std::string known_planner_bug(const workload::Workload& w) {
    // tiers/db.cpp size_database: max_apply_rps_per_replica divides by db.apply_time, and a
    // free replication apply (apply_time = 0, which the workload allows) is a division by zero:
    // inf in a release build, an abort under UBSan (float-divide-by-zero).
    if (w.db.apply_time_s == 0.0) {
        return "db.apply_time = 0 divides by zero in tiers/db.cpp size_database";
    }
    // tiers/static_costs.cpp static_costs: a web server's static capacity divides by
    // web.static_cpu_time, and free static requests (0, which the workload allows) are a
    // division by zero before the std::isfinite check that follows it.
    if (w.web.static_cpu_time_s == 0.0) {
        return "web.static_cpu_time = 0 divides by zero in tiers/static_costs.cpp static_costs";
    }
    return {};
}

} // namespace capplan::test
