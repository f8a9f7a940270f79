// The workload file (workload_file.hpp): parse, apply --set, read every key of the schema with
// its checks, then the checks across keys.

#include "workload/workload_file.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include <fmt/format.h>

#include "common/edit_distance.hpp"
#include "common/errors.hpp"
#include "units/human.hpp"
#include "units/quantity.hpp"
#include "units/size.hpp"
#include "units/users.hpp"
#include "workload/budget_read.hpp"
#include "workload/catalogue_file.hpp"
#include "workload/set_override.hpp"
#include "workload/toml_read.hpp"
#include "workload/workload_schema.hpp"

namespace capplan::workload {
namespace {

constexpr std::size_t k_max_text = 200;
constexpr std::size_t k_max_steps = 100;

// A bound for messages, in the unit the key is written in.
std::string bound_text(ValueKind kind, double x) {
    if (x == 0.0) {
        return "0";
    }
    switch (kind) {
    case ValueKind::ratio:
    case ValueKind::ratio_or_auto:
        return fmt::format("{:g}%", x * 100.0);
    case ValueKind::duration:
        return units::human_duration(x);
    case ValueKind::size:
        return units::human_size(x, units::SizeSystem::si);
    case ValueKind::rate:
        return units::human_rate(x);
    default:
        return fmt::format("{:g}", x);
    }
}

class Loader {
public:
    Loader(std::string_view text, const std::string& display_name,
           const std::vector<std::string>& overrides, const LoadOptions& options)
        : m_reader(display_name), m_root(m_reader.parse(text)), m_options(options) {
        m_w.file = display_name;
        // The file's own keys are checked before --set adds any.
        check_top_level();
        check_users_once();
        m_set = apply_set_overrides(m_root, overrides);
    }

    Workload load() {
        check_top_level();
        for (const KeySpec& spec : workload_keys()) {
            if (spec.section.empty()) {
                if (const toml::node* node = m_root.get(spec.key)) {
                    read_key(spec, *node);
                }
            }
        }
        read_growth();
        for (const std::string& section : workload_sections()) {
            if (section != "growth") {
                read_section(section);
            }
        }
        if (const toml::node* node = m_root.get("budget")) {
            m_w.budgets = read_budgets(m_reader, *node);
        }
        if (const toml::node* node = m_root.get("models")) {
            read_catalogue(m_reader, table_of(*node, "models"), false, m_reader.display_name(),
                           m_w.models);
        }
        check_across_keys();
        return m_w;
    }

private:
    [[noreturn]] void fail_file(const std::string& message) const {
        throw InputError(m_reader.display_name(), 0, 0, message);
    }

    const toml::table& table_of(const toml::node& node, const std::string& name) const {
        const toml::table* t = node.as_table();
        if (t == nullptr) {
            m_reader.fail_at(node, fmt::format("'{}' must be a table ([{}]), not {}", name, name,
                                               describe_type(node)));
        }
        return *t;
    }

    // Refuses unknown keys of `table` (section "" = the top level), suggesting a close key of
    // the same table or the table that holds a key of that name.
    void check_keys(const toml::table& table, const std::string& section) const {
        std::vector<std::string> allowed;
        if (section.empty()) {
            allowed = {"schema_version", "name", "currency", "users", "budget", "models"};
            for (const std::string& s : workload_sections()) {
                allowed.push_back(s);
            }
        } else if (section == "growth") {
            allowed = {"users", "per_decade"};
        } else {
            for (const KeySpec& k : workload_keys()) {
                if (k.section == section) {
                    allowed.emplace_back(k.key);
                }
            }
        }
        const std::string context = section.empty() ? "the workload" : fmt::format("[{}]", section);
        for (const auto& [key, value] : in_source_order(table)) {
            const std::string name(key->str());
            if (std::find(allowed.begin(), allowed.end(), name) != allowed.end()) {
                continue;
            }
            std::string message = fmt::format("unknown key '{}' in {}", name, context);
            if (const auto suggestion = closest_match(name, allowed)) {
                message += fmt::format("; did you mean '{}'?", *suggestion);
            } else if (name == "budgets") {
                message += "; did you mean [[budget]]?";
            } else {
                for (const KeySpec& k : workload_keys()) {
                    if (k.key == name && k.section != section && !k.section.empty()) {
                        message += fmt::format("; '{}' belongs in [{}]", name, k.section);
                        break;
                    }
                }
            }
            m_reader.fail(key->source(), message);
        }
    }

    void check_top_level() const {
        check_keys(m_root, "");
        for (const std::string& section : workload_sections()) {
            if (const toml::node* node = m_root.get(section)) {
                check_keys(table_of(*node, section), section);
            }
        }
    }

    // Runs read() and, when --set gave `path`, turns its InputError into a --set error.
    template <class F>
    void guarded(const std::string& path, F&& read) {
        try {
            read();
        } catch (const InputError& e) {
            if (m_set.count(path) != 0) {
                throw UsageError("--set", e.message());
            }
            throw;
        }
    }

    void record(const std::string& path, const toml::node& node) {
        if (m_set.count(path) != 0) {
            m_w.positions[path] = SourcePos{0, 0, true};
        } else {
            m_w.positions[path] = SourcePos{node.source().begin.line, node.source().begin.column};
        }
    }

    // Fails at the value of `path` (or as a --set error when --set gave it).
    [[noreturn]] void fail_key(const std::string& path, const std::string& message) const {
        if (m_set.count(path) != 0) {
            throw UsageError("--set", message);
        }
        const auto it = m_w.positions.find(path);
        if (it == m_w.positions.end()) {
            fail_file(message);
        }
        throw InputError(m_reader.display_name(), it->second.line, it->second.column, message);
    }

    void check_bounds(const KeySpec& spec, const toml::node& node, double x,
                      const std::string& what) const {
        const Bounds& b = spec.bounds;
        if (x < b.lo || (b.lo_open && x == b.lo)) {
            m_reader.fail_at(node, fmt::format("{} must be {} {}", what,
                                               b.lo_open ? "greater than" : "at least",
                                               bound_text(spec.kind, b.lo)));
        }
        if (x > b.hi || (b.hi_open && x == b.hi)) {
            m_reader.fail_at(node, fmt::format("{} must be {} {}", what,
                                               b.hi_open ? "less than" : "at most",
                                               bound_text(spec.kind, b.hi)));
        }
    }

    double read_number(const KeySpec& spec, const toml::node& node, const std::string& what) const {
        double x = 0.0;
        const auto* s = node.as_string();
        switch (spec.kind) {
        case ValueKind::count:
        case ValueKind::integer:
            if (s != nullptr) {
                try {
                    x = units::parse_count(s->get());
                } catch (const units::UnitError& e) {
                    m_reader.fail_at(node, fmt::format("{}: {}", what, e.what()));
                }
            } else if (spec.kind == ValueKind::integer) {
                x = static_cast<double>(m_reader.integer(node, what));
            } else if (node.is_number()) {
                x = m_reader.number(node, what);
            } else {
                m_reader.fail_at(node, fmt::format("{} must be a count (a number or a string "
                                                   "such as \"250k\"), not {}",
                                                   what, describe_type(node)));
            }
            if (spec.kind == ValueKind::integer && x != std::floor(x)) {
                m_reader.fail_at(node, fmt::format("{} must be a whole number", what));
            }
            break;
        case ValueKind::number:
        case ValueKind::money:
            x = m_reader.number(node, what);
            break;
        case ValueKind::ratio:
        case ValueKind::ratio_or_auto:
            x = m_reader.ratio(node, what);
            break;
        case ValueKind::duration:
        case ValueKind::rate:
            if (node.is_number()) {
                const double n = m_reader.number(node, what);
                m_reader.fail_at(node,
                                 spec.kind == ValueKind::duration
                                     ? fmt::format("{} needs a unit: write \"{:g}s\" or "
                                                   "\"{:g}ms\"",
                                                   what, n, n)
                                     : fmt::format("{} needs a unit: write \"{:g}/s\"", what, n));
            }
            x = spec.kind == ValueKind::duration ? m_reader.duration_s(node, what)
                                                 : m_reader.rate_per_s(node, what);
            break;
        case ValueKind::size:
            x = m_reader.size_bytes(node, what, true);
            break;
        default:
            break;
        }
        check_bounds(spec, node, x, what);
        return x;
    }

    std::string read_text(const KeySpec& spec, const toml::node& node,
                          const std::string& what) const {
        std::string s = m_reader.string(node, what);
        if (s.empty()) {
            m_reader.fail_at(node, what + " must not be empty");
        }
        if (s.size() > k_max_text ||
            std::any_of(s.begin(), s.end(), [](char c) { return c >= 0 && c < ' '; })) {
            m_reader.fail_at(node, fmt::format("{} must be at most {} characters without control "
                                               "characters",
                                               what, k_max_text));
        }
        if (spec.kind == ValueKind::currency &&
            (s.size() != 3 ||
             !std::all_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; }))) {
            m_reader.fail_at(node, fmt::format("{} must be a three-letter ISO 4217 code such as "
                                               "\"USD\", not '{}'",
                                               what, s));
        }
        return s;
    }

    std::size_t read_choice(const KeySpec& spec, const toml::node& node,
                            const std::string& what) const {
        const std::string s = m_reader.string(node, what);
        for (std::size_t i = 0; i < spec.choices.size(); ++i) {
            if (spec.choices[i] == s) {
                return i;
            }
        }
        std::vector<std::string> names(spec.choices.begin(), spec.choices.end());
        std::string list;
        for (const std::string& n : names) {
            list += list.empty() ? n : fmt::format(", {}", n);
        }
        std::string message = fmt::format("{}: unknown value '{}'", what, s);
        if (const auto suggestion = closest_match(s, names)) {
            message += fmt::format("; did you mean '{}'?", *suggestion);
        }
        m_reader.fail_at(node, fmt::format("{} (one of {})", message, list));
    }

    Stepped<double> read_stepped(const KeySpec& spec, const toml::node& node,
                                 const std::string& what) const {
        const toml::table* t = node.as_table();
        if (t == nullptr) {
            return Stepped<double>(read_number(spec, node, what));
        }
        if (t->empty()) {
            m_reader.fail_at(node, what + " step table must not be empty");
        }
        if (t->size() > k_max_steps) {
            m_reader.fail_at(node, fmt::format("{} has more than {} steps", what, k_max_steps));
        }
        std::vector<std::pair<double, double>> steps;
        std::map<double, std::string> seen;
        for (const auto& [key, value] : in_source_order(*t)) {
            const std::string name(key->str());
            double users = 0.0;
            try {
                users = units::parse_count(name);
            } catch (const units::UnitError&) {
                m_reader.fail(key->source(),
                              fmt::format("{}: step key '{}' is not a user count (e.g. 1, 10k, "
                                          "\"1.5M\")",
                                          what, name));
            }
            if (users > units::k_max_users) {
                m_reader.fail(key->source(),
                              fmt::format("{}: step key '{}' is above 10^12", what, name));
            }
            if (value->is_table()) {
                m_reader.fail(key->source(),
                              fmt::format("{}: step key '{}' must be quoted when it has a dot "
                                          "(\"{}.{}\")",
                                          what, name, name,
                                          value->as_table()->begin()->first.str()));
            }
            if (const auto it = seen.find(users); it != seen.end()) {
                m_reader.fail(key->source(), fmt::format("{}: step key '{}' repeats '{}'", what,
                                                         name, it->second));
            }
            seen[users] = name;
            steps.emplace_back(users, read_number(spec, *value, fmt::format("{}.{}", what, name)));
        }
        std::sort(steps.begin(), steps.end());
        return Stepped<double>(std::move(steps));
    }

    void read_key(const KeySpec& spec, const toml::node& node) {
        const std::string path = spec.path();
        guarded(path, [&] {
            std::visit(
                [&](auto ref) {
                    auto& target = ref(m_w);
                    using T = std::decay_t<decltype(target)>;
                    if constexpr (std::is_same_v<T, double>) {
                        target = read_number(spec, node, path);
                    } else if constexpr (std::is_same_v<T, std::int64_t>) {
                        target = static_cast<std::int64_t>(read_number(spec, node, path));
                    } else if constexpr (std::is_same_v<T, std::string>) {
                        target = read_text(spec, node, path);
                    } else if constexpr (std::is_same_v<T, bool>) {
                        target = m_reader.boolean(node, path);
                    } else if constexpr (std::is_same_v<T, Stepped<double>>) {
                        target = read_stepped(spec, node, path);
                    } else if constexpr (std::is_same_v<T, std::optional<double>>) {
                        const auto* s = node.as_string();
                        if (s != nullptr && s->get() == "auto") {
                            target = std::nullopt;
                        } else {
                            target = read_number(spec, node, path);
                        }
                    } else {
                        target = static_cast<T>(read_choice(spec, node, path));
                    }
                },
                spec.field);
        });
        record(path, node);
    }

    void read_section(const std::string& section) {
        const toml::node* node = m_root.get(section);
        if (node == nullptr) {
            return;
        }
        const toml::table& table = table_of(*node, section);
        for (const KeySpec& spec : workload_keys()) {
            if (spec.section == section) {
                if (const toml::node* value = table.get(spec.key)) {
                    read_key(spec, *value);
                }
            }
        }
    }

    // Top-level `users` and `growth.users` may not both be given (checked on the file alone).
    void check_users_once() const {
        const toml::node* top = m_root.get("users");
        const toml::table* growth = m_root.get_as<toml::table>("growth");
        const toml::node* inner = growth != nullptr ? growth->get("users") : nullptr;
        if (top != nullptr && inner != nullptr) {
            const bool top_first = top->source().begin < inner->source().begin;
            const toml::node& later = top_first ? *inner : *top;
            const toml::node& earlier = top_first ? *top : *inner;
            m_reader.fail_at(later, fmt::format("users are given twice: at the top level and in "
                                                "[growth] (line {}); keep one",
                                                earlier.source().begin.line));
        }
    }

    units::UserSpec read_users(const toml::node& node, const std::string& what) const {
        try {
            if (const auto* s = node.as_string()) {
                return units::parse_users(s->get());
            }
            units::UserSpec spec;
            const auto one = [&](const toml::node& n) {
                if (const auto* text = n.as_string()) {
                    return units::parse_user_count(text->get());
                }
                const double x = m_reader.number(n, what);
                return units::parse_user_count(fmt::format("{}", x));
            };
            if (const toml::array* list = node.as_array()) {
                if (list->empty() || list->size() > units::k_max_user_points) {
                    m_reader.fail_at(node, fmt::format("{} must list 1 to {} user counts", what,
                                                       units::k_max_user_points));
                }
                for (const toml::node& n : *list) {
                    spec.points.push_back(one(n));
                }
                std::sort(spec.points.begin(), spec.points.end());
                spec.points.erase(std::unique(spec.points.begin(), spec.points.end()),
                                  spec.points.end());
                return spec;
            }
            if (!node.is_number()) {
                m_reader.fail_at(node, fmt::format("{} must be a count, a list or a range string "
                                                   "such as \"1..1M\", not {}",
                                                   what, describe_type(node)));
            }
            spec.points.push_back(one(node));
            return spec;
        } catch (const units::UnitError& e) {
            m_reader.fail_at(node, fmt::format("{}: {}", what, e.what()));
        }
    }

    void read_growth() {
        const toml::table* growth = nullptr;
        if (const toml::node* node = m_root.get("growth")) {
            growth = &table_of(*node, "growth");
        }
        const toml::node* users = m_root.get("users");
        std::string path = "users";
        if (users == nullptr && growth != nullptr) {
            users = growth->get("users");
            path = "growth.users";
        }
        if (users == nullptr) {
            if (!m_options.users_from_command_line) {
                fail_file("no users: set `users` (a count, a list or a range such as "
                          "users = \"1..1M\") or [growth] users");
            }
        } else {
            guarded(path, [&] {
                const units::UserSpec spec = read_users(*users, path);
                m_w.growth.users = spec.points;
                m_w.growth.range_from = spec.range_from;
                m_w.growth.range_to = spec.range_to;
            });
            record(path, *users);
        }
        if (growth != nullptr) {
            if (const toml::node* n = growth->get("per_decade")) {
                guarded("growth.per_decade", [&] {
                    const std::int64_t k = m_reader.integer(*n, "growth.per_decade");
                    if (k < 1 || k > units::k_max_per_decade) {
                        m_reader.fail_at(*n, fmt::format("growth.per_decade must be between 1 "
                                                         "and {}",
                                                         units::k_max_per_decade));
                    }
                    m_w.growth.per_decade = static_cast<int>(k);
                });
                record("growth.per_decade", *n);
            }
        }
    }

    void check_across_keys() const {
        const Traffic& t = m_w.traffic;
        if (t.peak_to_average == 1.0 && t.trough_to_average != 1.0) {
            fail_key("traffic.trough_to_average",
                     "traffic.trough_to_average must be 1 when peak_to_average is 1 (a flat "
                     "day has no trough)");
        }
        if (m_w.web.min_servers > m_w.web.max_servers) {
            fail_key(m_w.positions.count("web.max_servers") != 0 ? "web.max_servers"
                                                                 : "web.min_servers",
                     fmt::format("web.min_servers ({}) is above web.max_servers ({})",
                                 m_w.web.min_servers, m_w.web.max_servers));
        }
        if (m_w.failover.survive >= m_w.failover.max_datacenters) {
            fail_key(m_w.positions.count("failover.survive") != 0 ? "failover.survive"
                                                                  : "failover.max_datacenters",
                     fmt::format("failover.survive ({}) must be less than "
                                 "failover.max_datacenters ({}): with D centres at most D - 1 "
                                 "losses can be survived",
                                 m_w.failover.survive, m_w.failover.max_datacenters));
        }
    }

    TomlReader m_reader;
    toml::table m_root;
    LoadOptions m_options;
    std::map<std::string, std::string> m_set;
    Workload m_w;
};

} // namespace

Workload load_workload(std::string_view text, const std::string& display_name,
                       const std::vector<std::string>& set_overrides, const LoadOptions& options) {
    return Loader(text, display_name, set_overrides, options).load();
}

std::vector<double> workload_user_points(const Workload& w) {
    units::UserSpec spec;
    spec.points = w.growth.users;
    spec.range_from = w.growth.range_from;
    spec.range_to = w.growth.range_to;
    return units::user_points(spec, w.growth.per_decade);
}

} // namespace capplan::workload
