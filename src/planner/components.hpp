#pragma once
// The architecture components of the scaling path and the sets the planner chooses from
// (docs/models.md#stage). One table holds each component's name, its abbreviation in the
// growth table and its prerequisites; the stage names, the table's legend, the candidate sets
// and `[stage] require/forbid` all read it.

#include <string>
#include <string_view>
#include <vector>

#include "workload/workload_fwd.hpp"

namespace capplan::planner {

// Architecture components, in path order (the order of the table below).
enum class Component {
    separate_db,
    load_balancer,
    session_store,
    log_aggregation,
    read_replicas,
    cache,
    cdn,
    multi_datacenter,
    message_queue,
    sharding,
};
inline constexpr int k_component_count = 10;

// A set of components (bit i = Component i).
struct Architecture {
    unsigned bits = 0;
    [[nodiscard]] bool has(Component c) const noexcept {
        return (bits >> static_cast<unsigned>(c)) & 1U;
    }
    void add(Component c) noexcept { bits |= 1U << static_cast<unsigned>(c); }
    void remove(Component c) noexcept { bits &= ~(1U << static_cast<unsigned>(c)); }
    [[nodiscard]] int size() const noexcept;
    // Every component of `other` is in this set.
    [[nodiscard]] bool contains(Architecture other) const noexcept {
        return (other.bits & ~bits) == 0;
    }
    // The stage names: "single_server" while the application and its database share one box
    // (no separate_db), then the components in path order.
    [[nodiscard]] std::vector<std::string> names() const;
    friend bool operator==(Architecture, Architecture) = default;
};

// How a component enters a set.
enum class Arrival {
    chosen,       // the planner chooses it
    with_pool,    // comes with load_balancer unless web.sticky_sessions (session_store)
    with_servers, // follows the billed servers: in whenever more than one is billed (logs)
};

struct ComponentInfo {
    Component component;
    std::string_view name;         // "separate_db", as in `stage` and `[stage] require`
    std::string_view abbreviation; // "db", in the growth table
    Architecture needs;            // prerequisites
    Arrival arrival;
};

// The table, in path order.
[[nodiscard]] const std::vector<ComponentInfo>& component_table();
[[nodiscard]] const ComponentInfo& component_info(Component c) noexcept;
[[nodiscard]] const char* component_name(Component c) noexcept;
// The component called `name`, or nullptr.
[[nodiscard]] const ComponentInfo* find_component(std::string_view name) noexcept;

// The set with `c` and every prerequisite of it.
[[nodiscard]] Architecture with_prerequisites(Component c) noexcept;

// `a` without `c` and without every component that needs it (a session store leaves with the
// load balancer).
[[nodiscard]] Architecture without(Architecture a, Component c) noexcept;

// The growth table's short stage: "single" or abbreviations joined by '+', "single" first while
// there is no separate database ("single+logs+mq").
[[nodiscard]] std::string short_stage(Architecture a);
// The legend under the growth table: "stage: single single_server, db separate_db, lb
// load_balancer, ...", on lines of at most 100 characters (one line for markdown).
[[nodiscard]] std::string stage_legend(bool one_line = false);

// What `[stage] require` and `forbid` ask of every set, as bits.
struct StageRules {
    Architecture require; // the required components with their prerequisites
    Architecture forbid;
};

// The rules of a workload (docs/models.md#stage). Throws InputError at the name's position in
// the workload (UsageError("--set") when --set gave it) for an unknown name (with a
// did-you-mean), a component in both lists, a required component whose prerequisite is
// forbidden, multi_datacenter required with failover.max_datacenters below 2, and session_store
// required with sticky sessions or forbidden without them.
[[nodiscard]] StageRules stage_rules(const workload::Workload& w);

// Every set the planner may choose at a point: closed under the prerequisites and the arrival
// rules (log_aggregation is never in it: a sizing pass adds it by the billed servers; a
// session store exactly when there is a load balancer and sessions are not sticky;
// multi_datacenter only when failover.max_datacenters ≥ 2), holding every required and no
// forbidden component of stage_rules(w); ordered by size, then path order. The first (without
// rules the empty set, single_server) is a subset of every other.
[[nodiscard]] const std::vector<Architecture>& candidate_architectures(const workload::Workload& w);

// Whether x comes before y in that order: by size, then the set whose smallest differing
// component comes first on the path.
[[nodiscard]] bool comes_before(Architecture x, Architecture y) noexcept;

} // namespace capplan::planner
