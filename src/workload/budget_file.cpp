// `[[budget]]` tables (budget_read.hpp) and budget files (workload_file.hpp).

#include <utility>

#include <fmt/format.h>

#include "common/edit_distance.hpp"
#include "common/errors.hpp"
#include "units/quantity.hpp"
#include "units/size.hpp"
#include "units/users.hpp"
#include "workload/budget_read.hpp"
#include "workload/workload_file.hpp"

namespace capplan::workload {
namespace {

SourcePos position_of(const toml::node& node) {
    return SourcePos{node.source().begin.line, node.source().begin.column};
}

// A limit: a number (base units), or a unit string read as a percentage (it ends in %), a
// size, a duration, a rate or a count (in that order; a count is a plain number).
BudgetLimit limit_value(const TomlReader& reader, const toml::node& node, const std::string& what) {
    BudgetLimit limit;
    limit.pos = position_of(node);
    const auto* s = node.as_string();
    if (s == nullptr) {
        if (!node.is_number()) {
            reader.fail_at(node, fmt::format("{} must be a number or a unit string such as "
                                             "\"512GiB\", not {}",
                                             what, describe_type(node)));
        }
        limit.value = reader.number(node, what);
        return limit;
    }
    const std::string& text = s->get();
    if (!text.empty() && text.back() == '%') {
        try {
            limit.value = units::parse_ratio(text);
            limit.unit = LimitUnit::ratio;
            return limit;
        } catch (const units::UnitError& e) {
            reader.fail_at(node, fmt::format("{}: {}", what, e.what()));
        }
    }
    using Parser = double (*)(const std::string&);
    const std::pair<LimitUnit, Parser> parsers[] = {
        {LimitUnit::size, +[](const std::string& t) { return units::parse_size_bytes(t); }},
        {LimitUnit::duration, +[](const std::string& t) { return units::parse_duration_s(t); }},
        {LimitUnit::rate, +[](const std::string& t) { return units::parse_rate_per_s(t); }},
        {LimitUnit::number, +[](const std::string& t) { return units::parse_count(t); }}};
    for (const auto& [unit, parse] : parsers) {
        try {
            limit.value = parse(text);
            limit.unit = unit;
            return limit;
        } catch (const units::UnitError&) {
            continue;
        }
    }
    reader.fail_at(node, fmt::format("{}: '{}' is not a number or a size, duration, rate, "
                                     "percentage or count (e.g. \"512GiB\", \"150ms\", "
                                     "\"900/s\", \"90%\", \"250k\")",
                                     what, text));
}

Budget read_budget(const TomlReader& reader, const toml::table& t, std::size_t index) {
    const std::string what = fmt::format("budget {}", index + 1);
    reader.check_keys(t,
                      {"id", "metric", "max", "min", "max_increase", "max_increase_pct", "at_users",
                       "level", "message"},
                      fmt::format("[[budget]] {}", index + 1));
    Budget b;
    b.file = reader.display_name();
    b.pos = SourcePos{t.source().begin.line, t.source().begin.column};
    const toml::node* metric = t.get("metric");
    if (metric == nullptr) {
        reader.fail(t.source(), fmt::format("{} needs 'metric' (e.g. metric = "
                                            "\"total.monthly_cost\")",
                                            what));
    }
    b.metric = reader.string(*metric, what + " metric");
    b.metric_pos = position_of(*metric);
    if (b.metric.empty()) {
        reader.fail_at(*metric, what + " metric must not be empty");
    }
    b.id = b.metric;
    if (const toml::node* n = t.get("id")) {
        b.id = reader.string(*n, what + " id");
        if (b.id.empty()) {
            reader.fail_at(*n, what + " id must not be empty");
        }
    }
    if (const toml::node* n = t.get("max")) {
        b.max = limit_value(reader, *n, what + " max");
    }
    if (const toml::node* n = t.get("min")) {
        b.min = limit_value(reader, *n, what + " min");
    }
    if (const toml::node* n = t.get("max_increase")) {
        b.max_increase = limit_value(reader, *n, what + " max_increase");
    }
    if (const toml::node* n = t.get("max_increase_pct")) {
        b.max_increase_pct = BudgetLimit{reader.number(*n, what + " max_increase_pct"),
                                         LimitUnit::number, position_of(*n)};
    }
    if (!b.max && !b.min && !b.max_increase && !b.max_increase_pct) {
        reader.fail(t.source(), fmt::format("{} needs a limit: max, min, max_increase or "
                                            "max_increase_pct",
                                            what));
    }
    // Limits written in different units are compared after conversion (report/budget_check).
    if (b.max && b.min && b.min->unit == b.max->unit && b.min->value > b.max->value) {
        reader.fail_at(*t.get("min"), fmt::format("{} min is above its max", what));
    }
    if (const toml::node* n = t.get("at_users")) {
        double users = 0.0;
        if (const auto* s = n->as_string()) {
            try {
                users = units::parse_user_count(s->get());
            } catch (const units::UnitError& e) {
                reader.fail_at(*n, fmt::format("{} at_users: {}", what, e.what()));
            }
        } else {
            users = reader.number(*n, what + " at_users");
            if (users < units::k_min_users || users > units::k_max_users) {
                reader.fail_at(*n, what + " at_users must be between 1 and 10^12");
            }
        }
        b.at_users = users;
    }
    if (const toml::node* n = t.get("level")) {
        const std::string level = reader.string(*n, what + " level");
        if (level == "error") {
            b.level = BudgetLevel::error;
        } else if (level == "warn") {
            b.level = BudgetLevel::warn;
        } else {
            std::string message =
                fmt::format("{} level '{}' is not \"error\" or \"warn\"", what, level);
            if (const auto s = closest_match(level, {"error", "warn"})) {
                message += fmt::format("; did you mean '{}'?", *s);
            }
            reader.fail_at(*n, message);
        }
    }
    if (const toml::node* n = t.get("message")) {
        b.message = reader.string(*n, what + " message");
    }
    return b;
}

} // namespace

std::vector<Budget> read_budgets(const TomlReader& reader, const toml::node& node) {
    const toml::array* array = node.as_array();
    if (array == nullptr) {
        reader.fail_at(node, fmt::format("'budget' must be an array of tables ([[budget]]), "
                                         "not {}",
                                         describe_type(node)));
    }
    std::vector<Budget> out;
    for (std::size_t i = 0; i < array->size(); ++i) {
        const toml::node& entry = *array->get(i);
        const toml::table* t = entry.as_table();
        if (t == nullptr) {
            reader.fail_at(entry, fmt::format("budget {} must be a table, not {}", i + 1,
                                              describe_type(entry)));
        }
        out.push_back(read_budget(reader, *t, i));
    }
    return out;
}

std::vector<Budget> load_budget_file(std::string_view text, const std::string& display_name) {
    const TomlReader reader(display_name);
    const toml::table root = reader.parse(text);
    reader.check_keys(root, {"budget"}, "a budget file");
    const toml::node* budgets = root.get("budget");
    if (budgets == nullptr) {
        throw InputError(display_name, 0, 0, "a budget file needs at least one [[budget]]");
    }
    return read_budgets(reader, *budgets);
}

} // namespace capplan::workload
