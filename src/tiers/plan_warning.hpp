#pragma once
// PlanWarning: what a tier or the planner warns of at one point (the `warnings` of every output).

#include <string>

namespace capplan::tiers {

// A warning raised while planning a point (the `warnings` of every output).
struct PlanWarning {
    std::string code; // slo_unmet, slo_unreachable, cold_cache_overload, celebrity_key, ...
    std::string message;
};

} // namespace capplan::tiers
