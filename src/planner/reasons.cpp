// The words of a plan. See reasons.hpp.

#include "planner/reasons.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "planner/components.hpp"
#include "units/human.hpp"

namespace capplan::planner {
namespace {

// The reason of the first level a sizing misses, else its worst limit.
std::string first_miss(const SizedArchitecture& s) {
    const int level = s.levels.met();
    if (level < k_levels && !s.levels.reason[static_cast<std::size_t>(level)].empty()) {
        return s.levels.reason[static_cast<std::size_t>(level)];
    }
    return s.worst_limit;
}

// Every limit `s` breaks, the worst first ("a; b; c"), or its first miss when it kept none.
std::string every_miss(const SizedArchitecture& s) {
    if (s.broken.empty()) {
        return first_miss(s);
    }
    std::string out;
    for (const std::string& reason : s.broken) {
        out += out.empty() ? reason : "; " + reason;
    }
    return out;
}

std::string change_reason(const workload::Stage& rule, double at, const SizedArchitecture& before,
                          const SizedArchitecture& after, const SizedArchitecture& ahead,
                          const std::string& currency) {
    if (!before.feasible) {
        return first_miss(before);
    }
    const double old_cost = before.plan.total.monthly_cost;
    const double saving = old_cost - after.plan.total.monthly_cost;
    const double threshold = std::max(rule.min_saving, rule.min_saving_fraction * old_cost);
    if (saving >= threshold) {
        return fmt::format("saves {}", units::human_monthly_cost(saving, currency));
    }
    if (!ahead.feasible) {
        return fmt::format("{} at {}, within stage.min_span", first_miss(ahead),
                           units::users_text(at * (1.0 + rule.min_span)));
    }
    // Only the per-point choice changes for less (a set of the same size that is cheaper).
    return fmt::format("the cheapest set at this size ({} against {})",
                       units::human_monthly_cost(after.plan.total.monthly_cost, currency),
                       units::human_monthly_cost(old_cost, currency));
}

// Components that follow others have a reason of their own: log_aggregation follows the
// billed servers, session_store comes with the load balancer (components.hpp).
std::string component_reason(Component c, bool added, const PointPlan& now,
                             const std::string& reason) {
    if (c == Component::log_aggregation) {
        return added ? fmt::format("{} billed: logs and metrics move to a central store",
                                   now.total.servers == 1
                                       ? std::string("1 server is")
                                       : fmt::format("{} servers are", now.total.servers))
                     : std::string("one server is billed");
    }
    if (c == Component::session_store) {
        return added ? fmt::format("comes with load_balancer: sessions leave the web servers "
                                   "({})",
                                   units::human_bytes(now.sessions.memory_bytes))
                     : std::string("goes with load_balancer");
    }
    return reason;
}

// Why component `c` of the first point's set `arch` is there, from that set without it.
std::string start_reason(const workload::Stage& rule, Architecture required, double at,
                         Architecture arch, Component c, const SizeSetFn& size_set,
                         std::optional<SizedArchitecture>& whole, const std::string& currency) {
    const Architecture rest = without(arch, c);
    if (!rest.contains(required)) {
        return "[stage] require asks for it";
    }
    const SizedArchitecture less = size_set(at, rest);
    if (!less.feasible) {
        return fmt::format("without it, {}", first_miss(less));
    }
    if (!whole) {
        whole = size_set(at, arch);
    }
    const double saving = less.plan.total.monthly_cost - whole->plan.total.monthly_cost;
    if (saving > 0.0) {
        return fmt::format("saves {} against the set without it",
                           units::human_monthly_cost(saving, currency));
    }
    const double later = at * (1.0 + rule.min_span);
    const SizedArchitecture ahead = size_set(later, rest);
    if (!ahead.feasible) {
        return fmt::format("without it, {} at {}, within stage.min_span", first_miss(ahead),
                           units::users_text(later));
    }
    return fmt::format("the set without it meets every limit here for {} more",
                       units::human_monthly_cost(-saving, currency));
}

} // namespace

void append_stage_changes(const workload::Stage& rule, double below, double at,
                          const SizedArchitecture& before, const SizedArchitecture& after,
                          const SizedArchitecture& ahead, Plan& out) {
    const Architecture from = before.plan.stage;
    const Architecture to = after.plan.stage;
    if (from == to) {
        return;
    }
    const std::string reason = change_reason(rule, at, before, after, ahead, out.currency);
    for (const ComponentInfo& info : component_table()) {
        const Component c = info.component;
        if (from.has(c) != to.has(c)) {
            out.stage_changes.push_back(
                {at, below, std::string(info.name), to.has(c) ? "added" : "dropped",
                 component_reason(c, to.has(c), after.plan, reason), std::nullopt});
        }
    }
}

void append_start_reasons(const workload::Stage& rule, Architecture required, double at,
                          const PointPlan& first, const SizeSetFn& size_set,
                          const ArrivalFn& arrived, Plan& out) {
    Architecture arch = first.stage;
    arch.remove(Component::log_aggregation); // the sizing adds it by the billed servers
    std::optional<SizedArchitecture> whole;  // `arch` sized free, once needed
    for (const ComponentInfo& info : component_table()) {
        const Component c = info.component;
        if (!first.stage.has(c)) {
            continue;
        }
        std::string reason;
        if (c == Component::log_aggregation || c == Component::session_store) {
            reason = component_reason(c, true, first, "");
        } else if (const std::optional<StageChange> change = arrived(c)) {
            reason = fmt::format("in use since {}: {}", units::users_text(change->at_users),
                                 change->reason);
        } else {
            reason = start_reason(rule, required, at, arch, c, size_set, whole, out.currency);
        }
        out.stage_changes.push_back(
            {at, at, std::string(info.name), "present", std::move(reason), std::nullopt});
    }
}

std::string path_miss_text(const SizedArchitecture& path_point, const SizedArchitecture& feasible) {
    return fmt::format("the growth path misses a limit here ({}); {} would meet every limit "
                       "(see --choice point)",
                       every_miss(path_point), short_stage(feasible.plan.stage));
}

std::string out_of_reach_text(const SizedArchitecture& point, const StageChoice& all,
                              double availability_target) {
    int level = 0;
    while (level < k_levels && all.closest.meets(level)) {
        ++level;
    }
    if (level >= k_levels - 1) {
        return fmt::format(
            "{} availability is out of reach here: the best any architecture "
            "that meets the other limits reaches is {} (this plan: {})",
            units::human_percent_against(availability_target, all.best_availability),
            units::human_percent_against(all.best_availability, availability_target),
            point.levels.met() >= k_levels - 1
                ? units::human_percent_against(point.plan.availability.total, availability_target)
                : fmt::format("{}, and it breaks {}",
                              units::human_percent_against(point.plan.availability.total,
                                                           availability_target),
                              every_miss(point)));
    }
    static const char* const names[] = {"every station below 100 % busy", "the utilization limits",
                                        "the latency limits"};
    const std::string closest = all.closest.reason[static_cast<std::size_t>(level)];
    return fmt::format("{} {} out of reach here; the closest any architecture comes: {} "
                       "(this plan: {})",
                       names[level], level == 0 ? "is" : "are",
                       closest.empty() ? std::string("-") : closest, every_miss(point));
}

} // namespace capplan::planner
