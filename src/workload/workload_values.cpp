// Reading one workload value by its kind (workload_values.hpp).

#include "workload/workload_values.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include <fmt/format.h>

#include "common/edit_distance.hpp"
#include "units/human.hpp"
#include "units/quantity.hpp"
#include "units/size.hpp"

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
        return units::exact_number(x * 100.0) + "%";
    case ValueKind::duration:
        return units::human_duration(x);
    case ValueKind::size:
        return units::human_size(x, units::SizeSystem::si);
    case ValueKind::rate:
        return units::human_rate(x);
    default:
        return units::exact_number(x);
    }
}
} // namespace

void ValueReader::check_bounds(const KeySpec& spec, const toml::node& node, double x,
                               const std::string& what) const {
    const Bounds& b = spec.bounds;
    if (x < b.lo || (b.lo_open && x == b.lo)) {
        m_reader.fail_at(node, fmt::format("{} must be {} {}", what,
                                           b.lo_open ? "greater than" : "at least",
                                           bound_text(spec.kind, b.lo)));
    }
    if (x > b.hi || (b.hi_open && x == b.hi)) {
        m_reader.fail_at(node,
                         fmt::format("{} must be {} {}", what, b.hi_open ? "less than" : "at most",
                                     bound_text(spec.kind, b.hi)));
    }
}

double ValueReader::read_number(const KeySpec& spec, const toml::node& node,
                                const std::string& what) const {
    double x = 0.0;
    const auto* s = node.as_string();
    const bool unlimited_allowed = spec.kind == ValueKind::integer_or_unlimited;
    if (unlimited_allowed && s != nullptr && s->get() == "unlimited") {
        return 0.0; // no limit (capplan-workload(5)): stored as 0
    }
    const bool whole = spec.kind == ValueKind::integer || unlimited_allowed;
    switch (spec.kind) {
    case ValueKind::count:
    case ValueKind::integer:
    case ValueKind::integer_or_unlimited:
        if (s != nullptr) {
            try {
                x = units::parse_count(s->get());
            } catch (const units::UnitError& e) {
                m_reader.fail_at(node, fmt::format("{}: {}{}", what, e.what(),
                                                   unlimited_allowed ? ", or \"unlimited\"" : ""));
            }
        } else if (whole) {
            x = static_cast<double>(m_reader.integer(node, what));
        } else if (node.is_number()) {
            x = m_reader.number(node, what);
        } else {
            m_reader.fail_at(node, fmt::format("{} must be a count (a number or a string "
                                               "such as \"250k\"), not {}",
                                               what, describe_type(node)));
        }
        if (whole && x != std::floor(x)) {
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
            m_reader.fail_at(
                node,
                spec.kind == ValueKind::duration
                    ? fmt::format("{} needs a unit: write \"{}s\" or "
                                  "\"{}ms\"",
                                  what, units::exact_number(n), units::exact_number(n))
                    : fmt::format("{} needs a unit: write \"{}/s\"", what, units::exact_number(n)));
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

std::string ValueReader::read_text(const KeySpec& spec, const toml::node& node,
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

std::vector<std::string> ValueReader::read_names(const KeySpec& spec, const toml::node& node,
                                                 const std::string& what) const {
    if (node.is_string()) {
        return {read_text(spec, node, what)};
    }
    const toml::array* list = node.as_array();
    if (list == nullptr) {
        m_reader.fail_at(node, fmt::format("{} must be a name or a list of names (\"cache\" or "
                                           "[\"cache\", \"cdn\"])",
                                           what));
    }
    constexpr std::size_t k_max_names = 32;
    if (list->size() > k_max_names) {
        m_reader.fail_at(node, fmt::format("{} lists more than {} names", what, k_max_names));
    }
    std::vector<std::string> names;
    for (std::size_t i = 0; i < list->size(); ++i) {
        names.push_back(read_text(spec, *list->get(i), fmt::format("{}[{}]", what, i)));
    }
    return names;
}

std::size_t ValueReader::read_choice(const KeySpec& spec, const toml::node& node,
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

Stepped<double> ValueReader::read_stepped(const KeySpec& spec, const toml::node& node,
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
                                      what, name, name, value->as_table()->begin()->first.str()));
        }
        if (const auto it = seen.find(users); it != seen.end()) {
            m_reader.fail(key->source(),
                          fmt::format("{}: step key '{}' repeats '{}'", what, name, it->second));
        }
        seen[users] = name;
        steps.emplace_back(users, read_number(spec, *value, fmt::format("{}.{}", what, name)));
    }
    std::sort(steps.begin(), steps.end());
    return Stepped<double>(std::move(steps));
}

units::UserSpec ValueReader::read_users(const toml::node& node, const std::string& what) const {
    try {
        if (const auto* s = node.as_string()) {
            return units::parse_users(s->get());
        }
        units::UserSpec spec;
        // One count; a bad list entry is reported at the entry, not at the list.
        const auto one = [&](const toml::node& n) {
            try {
                if (const auto* text = n.as_string()) {
                    return units::parse_user_count(text->get());
                }
                const double x = m_reader.number(n, what);
                return units::parse_user_count(fmt::format("{}", x));
            } catch (const units::UnitError& e) {
                m_reader.fail_at(n, fmt::format("{}: {}", what, e.what()));
            }
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

} // namespace capplan::workload
