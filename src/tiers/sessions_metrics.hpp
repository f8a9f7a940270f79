#pragma once
// The sessions.* metrics (docs/models.md#sessions): the result struct that the point plan holds
// (planner/point_plan.hpp) and report/ reads. The sizing API is tiers/sessions.hpp.

namespace capplan::tiers {

// sessions.* (docs/models.md#sessions).
struct SessionMetrics {
    double concurrent = 0, stored = 0, memory_bytes = 0, monthly_cost = 0;
};

} // namespace capplan::tiers
