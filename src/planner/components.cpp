// The component table and the candidate sets (docs/models.md#stage). See components.hpp.

#include "planner/components.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <deque>
#include <mutex>
#include <utility>

#include <fmt/format.h>

#include "common/edit_distance.hpp"
#include "common/errors.hpp"
#include "workload/workload.hpp"

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
    if (!has(Component::separate_db)) {
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

Architecture without(Architecture a, Component c) noexcept {
    a.remove(c);
    for (bool changed = true; changed;) {
        changed = false;
        for (const ComponentInfo& info : component_table()) {
            if (a.has(info.component) && !a.contains(info.needs)) {
                a.remove(info.component);
                changed = true;
            }
        }
    }
    if (!a.has(Component::load_balancer)) {
        a.remove(Component::session_store);
    }
    return a;
}

std::string short_stage(Architecture a) {
    std::string out = a.has(Component::separate_db) ? "" : "single";
    for (const ComponentInfo& c : component_table()) {
        if (a.has(c.component)) {
            out += out.empty() ? "" : "+";
            out += c.abbreviation;
        }
    }
    return out;
}

std::string stage_legend(bool one_line) {
    std::vector<std::string> items = {"single single_server"};
    for (const ComponentInfo& c : component_table()) {
        items.push_back(c.abbreviation == c.name ? std::string(c.name)
                                                 : fmt::format("{} {}", c.abbreviation, c.name));
    }
    std::string out = "stage:";
    std::size_t column = out.size();
    for (std::size_t i = 0; i < items.size(); ++i) {
        const std::string item = items[i] + (i + 1 < items.size() ? "," : "");
        if (!one_line && column + 1 + item.size() > 100) {
            out += "\n      ";
            column = 6;
        }
        out += " " + item;
        column += 1 + item.size();
    }
    return out;
}

namespace {

// Reads one list of [stage] names into bits, failing at the name's position.
class RuleReader {
public:
    explicit RuleReader(const workload::Workload& w) : m_w(w) {}

    [[noreturn]] void fail(const std::string& path, std::size_t i,
                           const std::string& message) const {
        auto it = m_w.positions.find(fmt::format("{}[{}]", path, i));
        if (it == m_w.positions.end()) {
            it = m_w.positions.find(path);
        }
        const workload::SourcePos pos =
            it == m_w.positions.end() ? workload::SourcePos{} : it->second;
        if (pos.from_set) {
            throw UsageError("--set", message);
        }
        throw InputError(m_w.file.empty() ? "<built-in workload>" : m_w.file, pos.line, pos.column,
                         message);
    }

    Architecture read(const std::string& path, const std::vector<std::string>& names) const {
        Architecture out;
        for (std::size_t i = 0; i < names.size(); ++i) {
            const ComponentInfo* c = find_component(names[i]);
            if (c == nullptr) {
                std::string message = fmt::format("{}: unknown component '{}'", path, names[i]);
                std::vector<std::string> known;
                for (const ComponentInfo& k : component_table()) {
                    known.emplace_back(k.name);
                }
                if (names[i] == "single_server") {
                    message += " (the path starts on the single server: it is no component)";
                } else if (const auto guess = closest_match(names[i], known)) {
                    message += fmt::format("; did you mean '{}'?", *guess);
                } else {
                    message += fmt::format(" (the components: {})", fmt::join(known, ", "));
                }
                fail(path, i, message);
            }
            out.add(c->component);
        }
        return out;
    }

    // The position of `c` in the list at `path` (for a diagnostic about it).
    std::size_t index_of(const std::vector<std::string>& names, Component c) const {
        for (std::size_t i = 0; i < names.size(); ++i) {
            if (names[i] == component_name(c)) {
                return i;
            }
        }
        return 0;
    }

private:
    const workload::Workload& m_w;
};

} // namespace

StageRules stage_rules(const workload::Workload& w) {
    StageRules rules;
    const std::vector<std::string>& req = w.stage.require;
    const std::vector<std::string>& forb = w.stage.forbid;
    if (req.empty() && forb.empty()) {
        return rules;
    }
    const RuleReader reader(w);
    const Architecture asked = reader.read("stage.require", req);
    rules.forbid = reader.read("stage.forbid", forb);
    for (const ComponentInfo& c : component_table()) {
        if (asked.has(c.component) && rules.forbid.has(c.component)) {
            reader.fail("stage.forbid", reader.index_of(forb, c.component),
                        fmt::format("stage.forbid: {} is also in stage.require", c.name));
        }
    }
    for (const ComponentInfo& c : component_table()) {
        if (!asked.has(c.component)) {
            continue;
        }
        const std::size_t at = reader.index_of(req, c.component);
        for (const ComponentInfo& need : component_table()) {
            if (c.needs.has(need.component) && rules.forbid.has(need.component)) {
                reader.fail("stage.require", at,
                            fmt::format("stage.require: {} needs {}, which stage.forbid "
                                        "excludes",
                                        c.name, need.name));
            }
        }
        if (c.component == Component::multi_datacenter && w.failover.max_datacenters < 2) {
            reader.fail("stage.require", at,
                        fmt::format("stage.require: multi_datacenter needs "
                                    "failover.max_datacenters of 2 or more (it is {})",
                                    w.failover.max_datacenters));
        }
        if (c.component == Component::session_store && w.web.sticky_sessions) {
            reader.fail("stage.require", at,
                        "stage.require: session_store: web.sticky_sessions = true keeps the "
                        "sessions on the web servers");
        }
        rules.require.bits |= with_prerequisites(c.component).bits;
    }
    if (rules.forbid.has(Component::session_store) && !w.web.sticky_sessions) {
        reader.fail("stage.forbid", reader.index_of(forb, Component::session_store),
                    "stage.forbid: session_store comes with every load balancer unless "
                    "web.sticky_sessions = true; forbid load_balancer instead, or make the "
                    "sessions sticky");
    }
    // A pool of web servers keeps its sessions in a store unless they are sticky.
    if (rules.require.has(Component::load_balancer) && !w.web.sticky_sessions) {
        rules.require.add(Component::session_store);
    }
    return rules;
}

const std::vector<Architecture>& candidate_architectures(const workload::Workload& w) {
    // They depend on two switches only; built once (every choice asks for them).
    static const std::array<std::vector<Architecture>, 4> table = {
        build_candidates(false, false), build_candidates(false, true),
        build_candidates(true, false), build_candidates(true, true)};
    const bool several = w.failover.max_datacenters >= 2;
    const std::vector<Architecture>& all =
        table[(several ? 2U : 0U) + (w.web.sticky_sessions ? 1U : 0U)];
    if (w.stage.require.empty() && w.stage.forbid.empty()) {
        return all;
    }
    // With rules: the sets that hold them, kept per rule for the life of the program (a
    // workload has one pair of rules; a test may try a few).
    StageRules rules = stage_rules(w);
    rules.require.remove(Component::log_aggregation); // follows the servers (sizing.cpp)
    rules.forbid.remove(Component::log_aggregation);
    static std::mutex guard;
    static std::deque<std::pair<std::array<unsigned, 3>, std::vector<Architecture>>> kept;
    const std::array<unsigned, 3> key = {rules.require.bits, rules.forbid.bits,
                                         (several ? 2U : 0U) + (w.web.sticky_sessions ? 1U : 0U)};
    const std::lock_guard<std::mutex> lock(guard);
    for (const auto& [k, sets] : kept) {
        if (k == key) {
            return sets;
        }
    }
    std::vector<Architecture> sets;
    for (const Architecture a : all) {
        if (a.contains(rules.require) && (a.bits & rules.forbid.bits) == 0) {
            sets.push_back(a);
        }
    }
    kept.emplace_back(key, std::move(sets));
    return kept.back().second;
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
