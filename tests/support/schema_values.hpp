#pragma once
// Writing workload values from the key table (workload_schema.hpp) as `--set` arguments, for
// tests that walk every key: which kinds are numeric, a number in base units as the key's
// syntax, and the neighbours a value needs to satisfy the cross-key rules.

#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <vector>

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

// Settings a key's value needs from its neighbours to be valid on its own (the cross-key rules
// of capplan-workload(5), VALIDATION).
inline std::vector<std::string> companions(const std::string& path, double x) {
    if (path == "web.min_servers") {
        return {fmt::format("web.max_servers={:.0f}", std::max(x, 10000.0))};
    }
    if (path == "web.max_servers") {
        return {"web.min_servers=1"};
    }
    if (path == "failover.survive") {
        return {fmt::format("failover.max_datacenters={:.0f}", x + 1.0)};
    }
    if (path == "failover.max_datacenters") {
        return {"failover.survive=0"};
    }
    if (path == "traffic.peak_to_average" && x == 1.0) {
        return {"traffic.trough_to_average=1"};
    }
    return {};
}

} // namespace capplan::test
