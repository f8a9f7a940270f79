// The component table and the candidate sets (docs/models.md#stage). See components.hpp.

#include "planner/components.hpp"

#include <algorithm>
#include <array>
#include <bit>

namespace capplan::planner {
namespace {

Architecture set_of(std::initializer_list<Component> parts) {
    Architecture a;
    for (const Component c : parts) {
        a.add(c);
    }
    return a;
}

std::vector<ComponentInfo> build_table() {
    using C = Component;
    return {
        {C::separate_db, "separate_db", "db", {}, Arrival::chosen},
        {C::load_balancer, "load_balancer", "lb", set_of({C::separate_db}), Arrival::chosen},
        {C::session_store, "session_store", "ss", set_of({C::separate_db, C::load_balancer}),
         Arrival::with_pool},
        {C::log_aggregation, "log_aggregation", "logs", {}, Arrival::with_servers},
        {C::read_replicas, "read_replicas", "rr", set_of({C::separate_db}), Arrival::chosen},
        {C::cache, "cache", "cache", set_of({C::separate_db}), Arrival::chosen},
        {C::cdn, "cdn", "cdn", {}, Arrival::chosen},
        {C::multi_datacenter, "multi_datacenter", "dc",
         set_of({C::separate_db, C::load_balancer, C::read_replicas}), Arrival::chosen},
        {C::message_queue, "message_queue", "mq", {}, Arrival::chosen},
        {C::sharding, "sharding", "shard", set_of({C::separate_db}), Arrival::chosen},
    };
}

std::vector<Architecture> build_candidates(bool several_centres, bool sticky_sessions) {
    std::vector<Architecture> sets;
    for (unsigned bits = 0; bits < (1U << k_component_count); ++bits) {
        const Architecture a{bits};
        bool closed = true;
        for (const ComponentInfo& c : component_table()) {
            if (!a.has(c.component)) {
                continue;
            }
            closed = closed && a.contains(c.needs) && c.arrival != Arrival::with_servers &&
                     (several_centres || c.component != Component::multi_datacenter);
        }
        // A session store comes with the load balancer unless sessions are sticky; it is
        // never a choice of its own.
        const bool wants_store = a.has(Component::load_balancer) && !sticky_sessions;
        if (closed && a.has(Component::session_store) == wants_store) {
            sets.push_back(a);
        }
    }
    std::stable_sort(sets.begin(), sets.end(), comes_before);
    return sets;
}

} // namespace

int Architecture::size() const noexcept {
    return std::popcount(bits);
}

std::vector<std::string> Architecture::names() const {
    std::vector<std::string> out;
    if (bits == 0) {
        out.emplace_back("single_server");
    }
    for (const ComponentInfo& c : component_table()) {
        if (has(c.component)) {
            out.emplace_back(c.name);
        }
    }
    return out;
}

const std::vector<ComponentInfo>& component_table() {
    static const std::vector<ComponentInfo> table = build_table();
    return table;
}

const ComponentInfo& component_info(Component c) noexcept {
    return component_table()[static_cast<std::size_t>(c)];
}

const char* component_name(Component c) noexcept {
    return component_info(c).name.data();
}

const ComponentInfo* find_component(std::string_view name) noexcept {
    for (const ComponentInfo& c : component_table()) {
        if (c.name == name) {
            return &c;
        }
    }
    return nullptr;
}

Architecture with_prerequisites(Component c) noexcept {
    Architecture a = component_info(c).needs;
    a.add(c);
    return a;
}

std::string short_stage(Architecture a) {
    std::string out = a.bits == 0 ? "single" : "";
    for (const ComponentInfo& c : component_table()) {
        if (a.has(c.component)) {
            out += out.empty() ? "" : "+";
            out += c.abbreviation;
        }
    }
    return out;
}

std::string stage_legend() {
    std::string out = "stage:";
    for (const ComponentInfo& c : component_table()) {
        out += out.size() > 6 ? ", " : " ";
        out += c.abbreviation;
        if (c.abbreviation != c.name) {
            out += " ";
            out += c.name;
        }
    }
    return out;
}

const std::vector<Architecture>& candidate_architectures(const workload::Workload& w) {
    // They depend on two switches only; built once (every choice asks for them).
    static const std::array<std::vector<Architecture>, 4> table = {
        build_candidates(false, false), build_candidates(false, true),
        build_candidates(true, false), build_candidates(true, true)};
    const bool several = w.failover.max_datacenters >= 2;
    return table[(several ? 2U : 0U) + (w.web.sticky_sessions ? 1U : 0U)];
}

bool comes_before(Architecture x, Architecture y) noexcept {
    if (x.size() != y.size()) {
        return x.size() < y.size();
    }
    const unsigned diff = x.bits ^ y.bits;
    const unsigned lowest = diff & (~diff + 1U);
    return (x.bits & lowest) != 0;
}

} // namespace capplan::planner
