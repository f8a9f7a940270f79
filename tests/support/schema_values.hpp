#pragma once
// Writing workload values from the key table (workload_schema.hpp) as `--set` arguments, for
// tests that walk every key: which kinds are numeric, a number in base units as the key's
// syntax, and the neighbours a value needs to satisfy the cross-key rules.

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "workload/cross_key_rules.hpp"
#include "workload/workload_schema.hpp"

namespace capplan::test {

using workload::KeySpec;
using workload::ValueKind;

// Whether the key takes a number (in some unit) rather than a name, a choice or a boolean.
inline bool numeric(ValueKind kind) {
    switch (kind) {
    case ValueKind::integer:
    case ValueKind::integer_or_unlimited:
    case ValueKind::count:
    case ValueKind::number:
    case ValueKind::money:
    case ValueKind::ratio:
    case ValueKind::ratio_or_auto:
    case ValueKind::duration:
    case ValueKind::size:
    case ValueKind::rate:
        return true;
    default:
        return false;
    }
}

// x (in base units) as a --set value of the key's kind.
inline std::string value_text(const KeySpec& spec, double x) {
    switch (spec.kind) {
    case ValueKind::integer:
    case ValueKind::integer_or_unlimited:
        return fmt::format("{:.0f}", x);
    case ValueKind::duration:
        return fmt::format("\"{}s\"", x);
    case ValueKind::rate:
        return fmt::format("\"{}/s\"", x);
    default:
        return fmt::format("{}", x);
    }
}

// Settings a key's value needs from its neighbours to be valid on its own: the cross-key rules
// (workload/cross_key_rules.hpp), a lead's follower set from the lead's value, a follower's lead
// set to a value that keeps the rule for any follower.
inline std::vector<std::string> companions(const std::string& path, double x) {
    std::vector<std::string> out;
    const auto setting = [&](std::string_view key, double value) {
        const KeySpec* spec = workload::find_key(key);
        out.push_back(fmt::format("{}={}", key, value_text(*spec, value)));
    };
    for (const workload::CrossKeyRule& rule : workload::cross_key_rules()) {
        if (path == rule.lead) {
            if (const std::optional<double> follower = rule.follower_for(x)) {
                setting(rule.follower, *follower);
            }
        } else if (path == rule.follower && rule.lead_for_any_follower) {
            setting(rule.lead, *rule.lead_for_any_follower);
        }
    }
    return out;
}

// Whether tests that draw keys at random leave the key to follow another (a cross-key rule's
// follower is set from its lead by companions, never drawn).
inline bool follows_another(std::string_view path) {
    const auto rules = workload::cross_key_rules();
    return std::any_of(rules.begin(), rules.end(),
                       [&](const workload::CrossKeyRule& rule) { return rule.follower == path; });
}

} // namespace capplan::test
