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
#include "workload/cross_key_rules.hpp"
#include "workload/set_override.hpp"
#include "workload/toml_read.hpp"
#include "workload/workload.hpp"
#include "workload/workload_schema.hpp"
#include "workload/workload_values.hpp"

namespace capplan::workload {
namespace {

class Loader {
public:
    Loader(std::string_view text, const std::string& display_name,
           const std::vector<std::string>& overrides, const LoadOptions& options)
        : m_reader(display_name), m_values(m_reader), m_root(m_reader.parse(text)),
          m_options(options) {
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
            // A key of another section, spelt right, says where it belongs before any
            // near-miss of this section is offered.
            const auto home =
                std::find_if(workload_keys().begin(), workload_keys().end(), [&](const KeySpec& k) {
                    return k.key == name && k.section != section && !k.section.empty();
                });
            if (home != workload_keys().end()) {
                message += fmt::format("; '{}' belongs in [{}]", name, home->section);
            } else if (const auto suggestion = closest_match(name, allowed)) {
                message += fmt::format("; did you mean '{}'?", *suggestion);
            } else if (name == "budgets") {
                message += "; did you mean [[budget]]?";
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

    // The position of each element of a list, as "PATH[i]" (a diagnostic after loading names
    // the element).
    void record_elements(const std::string& path, const toml::node& node) {
        if (const toml::array* list = node.as_array(); list != nullptr) {
            for (std::size_t i = 0; i < list->size(); ++i) {
                const std::string element = fmt::format("{}[{}]", path, i);
                if (m_set.count(path) != 0) {
                    m_w.positions[element] = SourcePos{0, 0, true};
                } else {
                    record(element, *list->get(i));
                }
            }
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

    void read_key(const KeySpec& spec, const toml::node& node) {
        const std::string path = spec.path();
        guarded(path, [&] {
            std::visit(
                [&](auto ref) {
                    auto& target = ref(m_w);
                    using T = std::decay_t<decltype(target)>;
                    if constexpr (std::is_same_v<T, double>) {
                        target = m_values.read_number(spec, node, path);
                    } else if constexpr (std::is_same_v<T, std::int64_t>) {
                        target = static_cast<std::int64_t>(m_values.read_number(spec, node, path));
                    } else if constexpr (std::is_same_v<T, std::string>) {
                        target = m_values.read_text(spec, node, path);
                    } else if constexpr (std::is_same_v<T, bool>) {
                        target = m_reader.boolean(node, path);
                    } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
                        target = m_values.read_names(spec, node, path);
                        record_elements(path, node);
                    } else if constexpr (std::is_same_v<T, Stepped<double>>) {
                        target = m_values.read_stepped(spec, node, path);
                    } else if constexpr (std::is_same_v<T, std::optional<double>>) {
                        const auto* s = node.as_string();
                        if (s != nullptr && s->get() == "auto") {
                            target = std::nullopt;
                        } else {
                            target = m_values.read_number(spec, node, path);
                        }
                    } else {
                        target = static_cast<T>(m_values.read_choice(spec, node, path));
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
                const units::UserSpec spec = m_values.read_users(*users, path);
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

    // Of two keys that conflict, the one to blame: the one --set gave (the command line
    // changed what the file had), else `preferred` when the file has it, else `other`.
    [[nodiscard]] std::string blame(const std::string& preferred, const std::string& other) const {
        if (m_set.count(preferred) != 0 || m_set.count(other) != 0) {
            return m_set.count(preferred) != 0 ? preferred : other;
        }
        return m_w.positions.count(preferred) != 0 ? preferred : other;
    }

    void check_across_keys() const {
        for (const CrossKeyRule& rule : cross_key_rules()) {
            const std::string problem = rule.problem(m_w);
            if (!problem.empty()) {
                const std::string lead(rule.lead);
                const std::string follower(rule.follower);
                fail_key(rule.blame_follower ? blame(follower, lead) : blame(lead, follower),
                         problem);
            }
        }
    }

    TomlReader m_reader;
    ValueReader m_values;
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
