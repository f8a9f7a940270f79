// `--set KEY=VALUE` (set_override.hpp).

#include "workload/set_override.hpp"

#include <algorithm>
#include <optional>

#include <fmt/format.h>

#include "common/edit_distance.hpp"
#include "common/errors.hpp"
#include "common/utf8.hpp"
#include "units/number_text.hpp"
#include "workload/workload_schema.hpp"

namespace capplan::workload {
namespace {

[[noreturn]] void fail(const std::string& message) {
    throw UsageError("--set", message);
}

// VALUE as a TOML value, or nullopt when `x = VALUE` is not a document of exactly that key.
std::optional<toml::table> parse_value(std::string_view value) {
    if (value.empty() || value.find_first_of("\r\n") != std::string_view::npos) {
        return std::nullopt;
    }
    try {
        toml::table t = toml::parse(fmt::format("x = {}", value), std::string_view("--set"));
        if (t.size() != 1 || t.get("x") == nullptr) {
            return std::nullopt;
        }
        return t;
    } catch (const toml::parse_error&) {
        return std::nullopt;
    }
}

// The table of `section` in root, created when absent.
toml::table& section_table(toml::table& root, const std::string& section, const std::string& key) {
    if (toml::node* node = root.get(section)) {
        if (toml::table* t = node->as_table()) {
            return *t;
        }
        fail(fmt::format("cannot set {}.{}: '{}' in the workload is not a table", section, key,
                         section));
    }
    return *root.insert_or_assign(section, toml::table{}).first->second.as_table();
}

// The canonical path of a users key: where the file keeps its users.
std::string users_path(const toml::table& root, const std::string& path) {
    if (root.get("users") != nullptr) {
        return "users";
    }
    if (const toml::table* growth = root.get_as<toml::table>("growth")) {
        if (growth->get("users") != nullptr) {
            return "growth.users";
        }
    }
    return path == "growth.users" ? path : "users";
}

void unknown_key(const std::string& path) {
    const std::vector<std::string> paths = workload_paths();
    const auto& sections = workload_sections();
    if (std::find(sections.begin(), sections.end(), path) != sections.end()) {
        for (const std::string& p : paths) {
            if (p.rfind(path + ".", 0) == 0) {
                fail(fmt::format("'{}' is a table: name one of its keys, e.g. {}", path, p));
            }
        }
    }
    std::string message = fmt::format("unknown key '{}'", path);
    if (const auto suggestion = closest_match(path, paths)) {
        message += fmt::format("; did you mean '{}'?", *suggestion);
    }
    fail(message);
}

} // namespace

std::map<std::string, std::string> apply_set_overrides(toml::table& root,
                                                       const std::vector<std::string>& overrides) {
    std::map<std::string, std::string> applied;
    for (const std::string& argument : overrides) {
        if (!is_valid_utf8(argument)) {
            // Text values reach the JSON output, which must be UTF-8.
            fail(fmt::format("'{}' is not valid UTF-8", argument));
        }
        const std::size_t eq = argument.find('=');
        const std::string path(units::detail::trim(std::string_view(argument).substr(0, eq)));
        if (eq == std::string::npos || path.empty()) {
            fail(fmt::format("'{}' is not KEY=VALUE (e.g. --set web.instance=c7i.2xlarge)",
                             argument));
        }
        const std::string_view raw = units::detail::trim(std::string_view(argument).substr(eq + 1));
        if (raw.size() > k_max_set_value) {
            fail(
                fmt::format("the value of {} is longer than {} characters", path, k_max_set_value));
        }
        const bool users = path == "users" || path == "growth.users";
        const KeySpec* spec = find_key(path);
        if (!users && spec == nullptr && path != "growth.per_decade") {
            unknown_key(path);
        }
        std::optional<toml::table> parsed = parse_value(raw);
        const bool as_text =
            spec != nullptr && spec->string_only() && (!parsed || !parsed->get("x")->is_string());
        const bool takes_string = users || (spec != nullptr && spec->accepts_string());
        if (!parsed && !(takes_string || as_text)) {
            fail(fmt::format("{}: '{}' is not a TOML value (quote strings: {}=\"...\")", path, raw,
                             path));
        }
        const std::string canonical = users ? users_path(root, path) : path;
        const std::size_t dot = canonical.find('.');
        toml::table& target =
            dot == std::string::npos
                ? root
                : section_table(root, canonical.substr(0, dot), canonical.substr(dot + 1));
        const std::string key = dot == std::string::npos ? canonical : canonical.substr(dot + 1);
        if (as_text || !parsed) {
            target.insert_or_assign(key, std::string(raw));
        } else {
            parsed->get("x")->visit(
                [&](const auto& value) { target.insert_or_assign(key, value); });
        }
        applied[canonical] = argument;
    }
    return applied;
}

} // namespace capplan::workload
