// The rules between two workload keys (cross_key_rules.hpp), in the order capplan-workload(5)
// lists them under VALIDATION.

#include "workload/cross_key_rules.hpp"

#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "units/human.hpp"
#include "workload/workload.hpp"

namespace capplan::workload {
namespace {

std::string flat_day_trough(const Workload& w) {
    if (w.traffic.peak_to_average == 1.0 && w.traffic.trough_to_average != 1.0) {
        return "traffic.trough_to_average must be 1 when peak_to_average is 1 (a flat day has "
               "no trough)";
    }
    return {};
}

std::string servers_in_order(const Workload& w) {
    if (w.web.min_servers > w.web.max_servers) {
        return fmt::format("web.min_servers ({}) is above web.max_servers ({})", w.web.min_servers,
                           w.web.max_servers);
    }
    return {};
}

std::string survivable_losses(const Workload& w) {
    if (w.failover.survive >= w.failover.max_datacenters) {
        return fmt::format("failover.survive ({}) must be less than failover.max_datacenters "
                           "({}): with D centres at most D - 1 losses can be survived",
                           w.failover.survive, w.failover.max_datacenters);
    }
    return {};
}

std::string one_working_set(const Workload& w) {
    if (w.db.working_set > 0.0 && w.db.working_set_per_user_bytes > 0.0) {
        return "db.working_set and db.working_set_per_user are both set; keep one (0 leaves a "
               "key out)";
    }
    return {};
}

std::string working_set_within_data(const Workload& w) {
    if (w.db.working_set_per_user_bytes > w.traffic.db_bytes_per_user) {
        return fmt::format(
            "db.working_set_per_user ({}) is above traffic.db_bytes_per_user ({}): the working "
            "set is part of the data",
            units::human_size(w.db.working_set_per_user_bytes, units::SizeSystem::si),
            units::human_size(w.traffic.db_bytes_per_user, units::SizeSystem::si));
    }
    return {};
}

const std::array<CrossKeyRule, 5> k_rules{{
    {.lead = "traffic.peak_to_average",
     .follower = "traffic.trough_to_average",
     .blame_follower = true,
     .problem = flat_day_trough,
     .follower_for = [](double x) { return x == 1.0 ? std::optional(1.0) : std::nullopt; },
     .lead_for_any_follower = std::nullopt,
     .broken_lead = 1.0,
     .broken_follower = 0.5},
    // The follower's 10,000 is web.max_servers' default.
    {.lead = "web.min_servers",
     .follower = "web.max_servers",
     .blame_follower = true,
     .problem = servers_in_order,
     .follower_for = [](double x) { return std::optional(std::max(x, 10000.0)); },
     .lead_for_any_follower = 1.0,
     .broken_lead = 5.0,
     .broken_follower = 4.0},
    {.lead = "failover.survive",
     .follower = "failover.max_datacenters",
     .blame_follower = false,
     .problem = survivable_losses,
     .follower_for = [](double x) { return std::optional(x + 1.0); },
     .lead_for_any_follower = 0.0,
     .broken_lead = 1.0,
     .broken_follower = 1.0},
    {.lead = "db.working_set",
     .follower = "db.working_set_per_user",
     .blame_follower = true,
     .problem = one_working_set,
     .follower_for = [](double) { return std::optional(0.0); },
     .lead_for_any_follower = 0.0,
     .broken_lead = 0.2,
     .broken_follower = 1e3},
    // The lead's largest value keeps any follower in its range.
    {.lead = "traffic.db_bytes_per_user",
     .follower = "db.working_set_per_user",
     .blame_follower = true,
     .problem = working_set_within_data,
     .follower_for = [](double) { return std::optional(0.0); },
     .lead_for_any_follower = 1e18,
     .broken_lead = 1e3,
     .broken_follower = 2e3},
}};

} // namespace

std::span<const CrossKeyRule> cross_key_rules() {
    return k_rules;
}

} // namespace capplan::workload
