// The network file (format in network_file.hpp): TOML → validated queueing::NetworkSpec.

#include "workload/network_file.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <map>
#include <string>
#include <vector>

#include "common/edit_distance.hpp"
#include "common/errors.hpp"
#include "workload/toml_read.hpp"

namespace capplan::workload {
namespace {

using queueing::NetworkKind;
using queueing::NetworkSpec;
using queueing::NetworkStation;
using queueing::VisitForm;

std::string shortest(double x) {
    std::array<char, 32> buf{};
    const auto end = std::to_chars(buf.data(), buf.data() + buf.size(), x).ptr;
    return std::string(buf.data(), end);
}

// Two significant digits in scientific form ("3.1e+09"), for sizes in messages.
std::string rounded(double x) {
    std::array<char, 32> buf{};
    const auto end =
        std::to_chars(buf.data(), buf.data() + buf.size(), x, std::chars_format::scientific, 1).ptr;
    return std::string(buf.data(), end);
}

// Where each station's optional keys were found, for the cross-key checks.
struct StationNodes {
    const toml::table* table = nullptr;
    const toml::node* servers = nullptr;
    const toml::node* arrival_rate = nullptr;
    const toml::node* visits = nullptr;
};

class Loader {
public:
    Loader(std::string_view text, const std::string& display_name)
        : m_reader(display_name), m_root(m_reader.parse(text)) {}

    NetworkSpec load() {
        read_top();
        read_stations();
        read_routing();
        check_form();
        check_solvable();
        return m_spec;
    }

private:
    [[noreturn]] void fail_file(const std::string& message) const {
        throw InputError(m_reader.display_name(), 0, 0, message);
    }

    void check_range(const toml::node& node, const std::string& what, double x, bool zero_ok,
                     double max, const std::string& max_text) const {
        if (x < 0.0 || (!zero_ok && x == 0.0)) {
            m_reader.fail_at(
                node, what + (zero_ok ? " must not be negative" : " must be greater than 0"));
        }
        if (x > max) {
            m_reader.fail_at(node, what + " must be at most " + max_text);
        }
    }

    void read_top() {
        m_reader.check_keys(
            m_root, {"kind", "arrival_rate", "population", "think_time", "station", "routing"},
            "the top level");
        const toml::node* kind = m_root.get("kind");
        if (kind == nullptr) {
            fail_file("missing key 'kind' (\"open\" or \"closed\")");
        }
        const std::string k = m_reader.string(*kind, "kind");
        if (k != "open" && k != "closed") {
            m_reader.fail_at(*kind, "kind must be \"open\" or \"closed\", not \"" + k + "\"");
        }
        m_spec.kind = k == "open" ? NetworkKind::open : NetworkKind::closed;
        const toml::node* population = m_root.get("population");
        const toml::node* think = m_root.get("think_time");
        m_arrival_rate = m_root.get("arrival_rate");
        if (m_spec.kind == NetworkKind::open) {
            for (const toml::node* n : {population, think}) {
                if (n != nullptr) {
                    m_reader.fail_at(*n,
                                     std::string(n == population ? "population" : "think_time") +
                                         " is only for closed networks");
                }
            }
            return;
        }
        if (m_arrival_rate != nullptr) {
            m_reader.fail_at(*m_arrival_rate, "arrival_rate is only for open networks");
        }
        if (population == nullptr) {
            fail_file("closed network needs a population (the number of jobs)");
        }
        m_population_node = population;
        m_spec.population = m_reader.integer(*population, "population");
        if (m_spec.population < 1 || m_spec.population > k_max_population) {
            m_reader.fail_at(*population, "population must be between 1 and " +
                                              std::to_string(k_max_population));
        }
        if (think != nullptr) {
            m_spec.think_time_s = m_reader.duration_s(*think, "think_time");
            check_range(*think, "think_time", m_spec.think_time_s, true, k_max_time_s, "1e9 s");
        }
    }

    void read_stations() {
        const toml::node* node = m_root.get("station");
        if (node == nullptr) {
            fail_file("no stations: add a [[station]] table for each station");
        }
        const toml::array* array = node->as_array();
        if (array == nullptr || !array->is_array_of_tables()) {
            m_reader.fail_at(*node, "station must be an array of tables ([[station]]), not " +
                                        describe_type(*node));
        }
        if (array->empty()) {
            m_reader.fail_at(*node, "no stations: add a [[station]] table for each station");
        }
        for (const toml::node& element : *array) {
            if (m_spec.stations.size() == k_max_network_stations) {
                m_reader.fail_at(element, "too many stations (at most " +
                                              std::to_string(k_max_network_stations) + ")");
            }
            read_station(*element.as_table());
        }
    }

    void read_station(const toml::table& t) {
        m_reader.check_keys(t,
                            {"name", "servers", "delay", "service_time", "arrival_rate", "visits"},
                            "[[station]]");
        NetworkStation s;
        StationNodes nodes;
        nodes.table = &t;
        const toml::node* name = t.get("name");
        if (name == nullptr) {
            m_reader.fail_at(t, "station has no name");
        }
        s.name = m_reader.string(*name, "station name");
        const bool control = std::any_of(s.name.begin(), s.name.end(),
                                         [](char c) { return (c >= 0 && c < ' ') || c == '\x7f'; });
        if (s.name.empty() || s.name.size() > k_max_station_name || control) {
            m_reader.fail_at(*name, "station name must have 1 to " +
                                        std::to_string(k_max_station_name) +
                                        " characters and no control characters");
        }
        if (s.name == "system") {
            m_reader.fail_at(*name, "station name 'system' is reserved for the whole network");
        }
        if (const auto it = m_index.find(s.name); it != m_index.end()) {
            const auto first = m_nodes[it->second].table->source().begin.line;
            m_reader.fail_at(*name, "duplicate station name '" + s.name +
                                        "' (first defined on line " + std::to_string(first) + ")");
        }
        const std::string what = "station '" + s.name + "' ";
        nodes.servers = t.get("servers");
        if (const toml::node* delay = t.get("delay")) {
            s.is_delay = m_reader.boolean(*delay, what + "delay");
            if (s.is_delay && nodes.servers != nullptr) {
                m_reader.fail_at(*delay, what + "cannot have both delay = true and servers");
            }
        }
        if (nodes.servers != nullptr) {
            s.servers = m_reader.integer(*nodes.servers, what + "servers");
            if (s.servers < 1 || s.servers > k_max_network_servers) {
                m_reader.fail_at(*nodes.servers, what + "servers must be between 1 and " +
                                                     std::to_string(k_max_network_servers));
            }
        }
        const toml::node* service = t.get("service_time");
        if (service == nullptr) {
            m_reader.fail_at(t, what + "has no service_time");
        }
        s.service_time_s = m_reader.duration_s(*service, what + "service_time");
        check_range(*service, what + "service_time", s.service_time_s, false, k_max_time_s,
                    "1e9 s");
        nodes.arrival_rate = t.get("arrival_rate");
        if (nodes.arrival_rate != nullptr) {
            s.arrival_rate_per_s = m_reader.rate_per_s(*nodes.arrival_rate, what + "arrival_rate");
            check_range(*nodes.arrival_rate, what + "arrival_rate", s.arrival_rate_per_s, true,
                        k_max_rate_per_s, "1e12 per second");
        }
        nodes.visits = t.get("visits");
        if (nodes.visits != nullptr) {
            s.visits = m_reader.number(*nodes.visits, what + "visits");
            check_range(*nodes.visits, what + "visits", s.visits, true, k_max_visits, "1e9");
        }
        m_index.emplace(s.name, m_spec.stations.size());
        m_names.push_back(s.name);
        m_spec.stations.push_back(s);
        m_nodes.push_back(nodes);
    }

    std::size_t station_index(const toml::key& key, const std::string& context) const {
        const std::string name(key.str());
        if (const auto it = m_index.find(name); it != m_index.end()) {
            return it->second;
        }
        std::string message = "unknown station '" + name + "' in " + context;
        if (const auto suggestion = closest_match(name, m_names)) {
            message += "; did you mean '" + *suggestion + "'?";
        }
        m_reader.fail(key.source(), message);
    }

    void read_routing() {
        m_routing = m_root.get("routing");
        if (m_routing == nullptr) {
            m_spec.form = VisitForm::visits;
            return;
        }
        m_spec.form = VisitForm::routing;
        const toml::table* table = m_routing->as_table();
        if (table == nullptr) {
            m_reader.fail_at(*m_routing,
                             "routing must be a table, not " + describe_type(*m_routing));
        }
        const std::size_t n = m_spec.stations.size();
        m_spec.routing.assign(n, std::vector<double>(n, 0.0));
        std::vector<bool> has_row(n, false);
        for (const auto& [from_key, row_ptr] : in_source_order(*table)) {
            const toml::node& row_node = *row_ptr;
            const std::size_t from = station_index(*from_key, "[routing]");
            const std::string from_name = m_spec.stations[from].name;
            const toml::table* row = row_node.as_table();
            if (row == nullptr) {
                m_reader.fail_at(row_node, "routing row '" + from_name +
                                               "' must be a table such as { disk = 0.3 }, not " +
                                               describe_type(row_node));
            }
            has_row[from] = true;
            double sum = 0.0;
            for (const auto& [to_key, p] : in_source_order(*row)) {
                const std::size_t to = station_index(*to_key, "routing row '" + from_name + "'");
                const double x = m_reader.ratio(*p, "routing probability " + from_name + " -> " +
                                                        m_spec.stations[to].name);
                m_spec.routing[from][to] = x;
                sum += x;
            }
            if (sum > 1.0 + queueing::k_routing_tolerance) {
                m_reader.fail_at(row_node, "routing row '" + from_name + "' sums to " +
                                               shortest(sum) + ", more than 1");
            }
            if (m_spec.kind == NetworkKind::closed && sum < 1.0 - queueing::k_routing_tolerance) {
                m_reader.fail_at(row_node, "routing row '" + from_name + "' sums to " +
                                               shortest(sum) +
                                               "; in a closed network each row must sum to 1");
            }
        }
        for (std::size_t i = 0; i < n && m_spec.kind == NetworkKind::closed; ++i) {
            if (!has_row[i]) {
                m_reader.fail_at(*m_nodes[i].table,
                                 "station '" + m_spec.stations[i].name +
                                     "' has no routing row; in a closed network each station's "
                                     "row must sum to 1");
            }
        }
    }

    // The visit form or the routing form, each with its own keys (network_file.hpp).
    void check_form() {
        const bool open = m_spec.kind == NetworkKind::open;
        const bool routed = m_spec.form == VisitForm::routing;
        double external = 0.0;
        double demand = 0.0;
        for (std::size_t i = 0; i < m_spec.stations.size(); ++i) {
            const NetworkStation& s = m_spec.stations[i];
            const StationNodes& nodes = m_nodes[i];
            const std::string what = "station '" + s.name + "' ";
            if (nodes.arrival_rate != nullptr && !open) {
                m_reader.fail_at(*nodes.arrival_rate,
                                 what + "arrival_rate is only for open networks");
            }
            if (nodes.arrival_rate != nullptr && !routed) {
                m_reader.fail_at(*nodes.arrival_rate,
                                 what + "arrival_rate needs a [routing] table; without routing "
                                        "give the network's arrival_rate at the top level");
            }
            if (nodes.visits != nullptr && routed) {
                m_reader.fail_at(*nodes.visits, what + "visits cannot be combined with [routing] "
                                                       "(the visits are derived from it)");
            }
            if (nodes.visits == nullptr && !routed) {
                m_reader.fail_at(*nodes.table, what + "has no visits; give every station visits, "
                                                      "or add a [routing] table");
            }
            external += s.arrival_rate_per_s;
            demand += s.visits * s.service_time_s;
        }
        if (open && routed) {
            if (m_arrival_rate != nullptr) {
                m_reader.fail_at(*m_arrival_rate,
                                 "a top-level arrival_rate is for networks without [routing]; "
                                 "with [routing] give each station's external arrival_rate");
            }
            if (!(external > 0.0)) {
                m_reader.fail_at(*m_routing, "open network has no external arrivals: give at "
                                             "least one station an arrival_rate");
            }
        }
        if (open && !routed) {
            if (m_arrival_rate == nullptr) {
                fail_file("open network needs an arrival_rate (or a [routing] table and "
                          "per-station arrival rates)");
            }
            m_spec.arrival_rate_per_s = m_reader.rate_per_s(*m_arrival_rate, "arrival_rate");
            check_range(*m_arrival_rate, "arrival_rate", m_spec.arrival_rate_per_s, false,
                        k_max_rate_per_s, "1e12 per second");
        }
        if (!open && !routed && !(demand > 0.0)) {
            m_reader.fail_at(*m_nodes[0].visits,
                             "closed network has no station with visits greater than 0");
        }
    }

    // The routing must determine the visits, and exact MVA must stay affordable.
    void check_solvable() const {
        try {
            if (m_spec.form == VisitForm::routing) {
                if (m_spec.kind == NetworkKind::open) {
                    (void)queueing::open_station_arrival_rates(m_spec);
                } else {
                    (void)queueing::closed_visit_ratios(m_spec);
                }
            }
        } catch (const queueing::SingularNetwork& e) {
            m_reader.fail_at(*m_routing, e.what());
        }
        if (m_spec.kind == NetworkKind::open) {
            return;
        }
        std::size_t multi = 0;
        for (std::size_t i = 0; i < m_spec.stations.size(); ++i) {
            const NetworkStation& s = m_spec.stations[i];
            if (!s.is_delay && s.servers > 1 && s.servers < m_spec.population &&
                ++multi > queueing::k_max_multi_server_stations) {
                m_reader.fail_at(*m_nodes[i].servers,
                                 "station '" + s.name + "': exact MVA supports at most " +
                                     std::to_string(queueing::k_max_multi_server_stations) +
                                     " multi-server stations with 1 < servers < population");
            }
        }
        const double operations = queueing::closed_mva_operations(m_spec);
        if (operations > queueing::k_max_mva_operations) {
            m_reader.fail_at(*m_population_node, "closed network too large for exact MVA (about " +
                                                     rounded(operations) + " steps, limit " +
                                                     rounded(queueing::k_max_mva_operations) +
                                                     "): lower the population or the number of "
                                                     "multi-server stations");
        }
    }

    TomlReader m_reader;
    toml::table m_root;
    NetworkSpec m_spec;
    std::vector<StationNodes> m_nodes;
    std::vector<std::string> m_names;
    std::map<std::string, std::size_t> m_index;
    const toml::node* m_arrival_rate = nullptr;
    const toml::node* m_population_node = nullptr;
    const toml::node* m_routing = nullptr;
};

} // namespace

queueing::NetworkSpec parse_network(std::string_view text, const std::string& display_name) {
    return Loader(text, display_name).load();
}

} // namespace capplan::workload
