#include "tiers/point.hpp"

#include <array>
#include <bit>

namespace capplan::tiers {

const char* component_name(Component c) noexcept {
    static constexpr std::array<const char*, k_component_count> names = {
        "separate_db", "load_balancer", "session_store",    "log_aggregation", "read_replicas",
        "cache",       "cdn",           "multi_datacenter", "message_queue",   "sharding"};
    return names[static_cast<std::size_t>(c)];
}

int Architecture::size() const noexcept {
    return std::popcount(bits);
}

std::vector<std::string> Architecture::names() const {
    if (bits == 0) {
        return {"single_server"};
    }
    std::vector<std::string> out;
    for (int i = 0; i < k_component_count; ++i) {
        const auto c = static_cast<Component>(i);
        if (has(c)) {
            out.emplace_back(component_name(c));
        }
    }
    return out;
}

} // namespace capplan::tiers
