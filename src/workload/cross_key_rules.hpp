#pragma once
// The rules between two workload keys (capplan-workload(5), VALIDATION), in one table that the
// loader checks, the tests' --set writers follow and the property tests read: a new rule is
// one row here and its line in the man page.

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "workload/workload_fwd.hpp"

namespace capplan::workload {

struct CrossKeyRule {
    // Tests that draw values at random draw the lead freely and set the follower from it.
    std::string_view lead;
    std::string_view follower;
    // When both keys, or neither, came from --set: blame the follower (else the lead) first.
    bool blame_follower = true;
    // What is wrong with the workload under this rule, or empty when it keeps it.
    std::string (*problem)(const Workload&) = nullptr;
    // A follower value (base units) that keeps the rule for the lead's value x, or nothing
    // when the follower's default keeps it.
    std::optional<double> (*follower_for)(double x) = nullptr;
    // A lead value that keeps the rule for any follower in its range, or nothing when the
    // lead's default does.
    std::optional<double> lead_for_any_follower;
    // Values of the lead and the follower that break the rule, for its direct test.
    double broken_lead = 0.0;
    double broken_follower = 0.0;
};

[[nodiscard]] std::span<const CrossKeyRule> cross_key_rules();

} // namespace capplan::workload
