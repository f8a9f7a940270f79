// A plan's numbers by metric path (plan_values.hpp): from a Plan, or from saved JSON.

#include "report/plan_values.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "common/errors.hpp"
#include "common/tolerance.hpp"
#include "units/users.hpp"

namespace capplan::report {
namespace {

using Json = nlohmann::json;

// Reads one saved plan; every problem is an InputError naming the file and a JSON pointer.
class SavedPlanReader {
public:
    explicit SavedPlanReader(std::string display_name) : m_file(std::move(display_name)) {}

    [[nodiscard]] PlanValues read(std::string_view text) const {
        const auto first = text.find_first_not_of(" \t\r\n");
        if (first == std::string_view::npos || text[first] != '{') {
            fail("", "not a saved plan: expected the JSON object of `capplan plan -f json`");
        }
        const Json doc = parse(text);
        if (!doc.is_object() || !doc.contains("points")) {
            fail("", "not a saved plan of `capplan plan -f json` (no \"points\")");
        }
        // Version 2 added `feasible`, `total.path_premium` and the breakpoints' below_users;
        // a version-1 file reads without them.
        if (const auto v = doc.find("schema_version"); v != doc.end() && *v != 1 && *v != 2) {
            fail("/schema_version", fmt::format("schema_version {} is not supported (this "
                                                "capplan reads 1 and 2)",
                                                v->dump()));
        }
        PlanValues out;
        if (const auto w = doc.find("workload"); w != doc.end() && w->is_object()) {
            out.workload_name = text_or(*w, "name", "/workload/name", "");
            out.workload_file = text_or(*w, "file", "/workload/file", "");
        }
        out.currency = text_or(doc, "currency", "/currency", "USD");
        const Json& points = doc.at("points");
        if (!points.is_array() || points.empty()) {
            fail("/points", "must be a non-empty array of points");
        }
        if (points.size() > units::k_max_user_points) {
            fail("/points", fmt::format("more than {} points", units::k_max_user_points));
        }
        for (std::size_t i = 0; i < points.size(); ++i) {
            out.points.push_back(point(points[i], fmt::format("/points/{}", i)));
            if (i > 0 && !(out.points[i - 1].users < out.points[i].users)) {
                fail(fmt::format("/points/{}/users", i), "points must be in ascending users");
            }
        }
        if (const auto w = doc.find("warnings"); w != doc.end() && w->is_array()) {
            for (std::size_t i = 0; i < w->size(); ++i) {
                const Json& item = (*w)[i];
                const std::string where = fmt::format("/warnings/{}", i);
                if (!item.is_object()) {
                    fail(where, "must be an object");
                }
                out.warnings.push_back({text_or(item, "code", where + "/code", ""),
                                        text_or(item, "message", where + "/message", ""),
                                        number(item.value("at_users", Json()), where)});
            }
        }
        return out;
    }

private:
    [[noreturn]] void fail(const std::string& pointer, const std::string& message) const {
        throw InputError(m_file, 0, 0, pointer.empty() ? message : pointer + ": " + message);
    }

    [[nodiscard]] Json parse(std::string_view text) const {
        try {
            return Json::parse(text.begin(), text.end());
        } catch (const Json::parse_error& e) {
            // e.byte is the 1-based offset of the last byte read.
            const std::size_t end = std::min(static_cast<std::size_t>(e.byte), text.size());
            std::uint32_t line = 1;
            std::uint32_t column = 1;
            for (std::size_t i = 0; i + 1 < end; ++i) {
                if (text[i] == '\n') {
                    ++line;
                    column = 1;
                } else {
                    ++column;
                }
            }
            std::string what = e.what();
            if (const auto at = what.find("syntax error"); at != std::string::npos) {
                what = what.substr(at);
            }
            throw InputError(m_file, line, column, fmt::format("invalid JSON: {}", what));
        } catch (const Json::exception& e) {
            // A number out of range ("1e400"): no position is known.
            std::string what = e.what();
            if (const auto at = what.find("] "); at != std::string::npos) {
                what = what.substr(at + 2);
            }
            throw InputError(m_file, 0, 0, fmt::format("invalid JSON: {}", what));
        }
    }

    [[nodiscard]] std::string text_or(const Json& obj, const char* key, const std::string& where,
                                      const std::string& fallback) const {
        const auto it = obj.find(key);
        if (it == obj.end() || it->is_null()) {
            return fallback;
        }
        if (!it->is_string()) {
            fail(where, fmt::format("expected a string, not {}", it->type_name()));
        }
        return it->get<std::string>();
    }

    [[nodiscard]] double number(const Json& v, const std::string& where) const {
        if (!v.is_number()) {
            fail(where, fmt::format("expected a number, not {}", v.type_name()));
        }
        const double x = v.get<double>();
        if (!std::isfinite(x)) {
            fail(where, "expected a finite number");
        }
        return x;
    }

    // A metric's value typed by the registry.
    [[nodiscard]] Value value(const MetricDef& m, const Json& v, const std::string& where) const {
        if (v.is_null()) {
            return std::monostate{};
        }
        switch (m.type) {
        case MetricType::integer: {
            const double x = number(v, where);
            constexpr double k_limit = 9.2e18; // inside int64: clamp before converting
            if (std::floor(x) != x || std::abs(x) > k_limit) {
                fail(where, "expected an integer");
            }
            return static_cast<std::int64_t>(x);
        }
        case MetricType::real:
            return real_or_null(number(v, where));
        case MetricType::boolean:
            if (!v.is_boolean()) {
                fail(where, fmt::format("expected true or false, not {}", v.type_name()));
            }
            return v.get<bool>();
        case MetricType::text:
            if (!v.is_string()) {
                fail(where, fmt::format("expected a string, not {}", v.type_name()));
            }
            return v.get<std::string>();
        }
        return std::monostate{};
    }

    [[nodiscard]] PointValues point(const Json& p, const std::string& where) const {
        if (!p.is_object()) {
            fail(where, "a point must be an object");
        }
        PointValues out;
        if (!p.contains("users")) {
            fail(where, "a point needs \"users\"");
        }
        out.users = number(p.at("users"), where + "/users");
        if (out.users < units::k_min_users || out.users > units::k_max_users) {
            fail(where + "/users", "must be between 1 and 10^12");
        }
        const auto& registry = metric_registry();
        out.values.resize(registry.size());
        for (std::size_t i = 0; i < registry.size(); ++i) {
            const MetricDef& m = registry[i];
            if (m.path == "users") {
                out.values[i] = real_or_null(out.users);
            } else if (m.path == "stage") {
                out.values[i] = stage(p, where + "/stage");
            } else if (m.group().empty()) {
                if (const auto v = p.find(std::string(m.path)); v != p.end()) {
                    out.values[i] = value(m, *v, fmt::format("{}/{}", where, m.path));
                }
            } else {
                const std::string group(m.group());
                const std::string name(m.name());
                const auto g = p.find(group);
                if (g == p.end()) {
                    continue;
                }
                if (!g->is_object()) {
                    fail(fmt::format("{}/{}", where, group), "expected an object");
                }
                if (const auto v = g->find(name); v != g->end()) {
                    out.values[i] = value(m, *v, fmt::format("{}/{}/{}", where, group, name));
                }
            }
        }
        return out;
    }

    [[nodiscard]] std::optional<Value> stage(const Json& p, const std::string& where) const {
        const auto s = p.find("stage");
        if (s == p.end()) {
            return std::nullopt;
        }
        if (!s->is_array()) {
            fail(where, "expected an array of component names");
        }
        std::string joined;
        for (const Json& name : *s) {
            if (!name.is_string()) {
                fail(where, "expected an array of component names");
            }
            joined += joined.empty() ? "" : "+";
            joined += name.get<std::string>();
        }
        return Value{joined};
    }

    std::string m_file;
};

} // namespace

const std::optional<Value>& PointValues::at(const MetricDef& m) const {
    return values.at(metric_index(m));
}

const PointValues* PlanValues::find(double users) const {
    // The sweep, then the extra points: each ascending, so two binary searches.
    const auto extras = std::partition_point(points.begin(), points.end(),
                                             [](const PointValues& p) { return !p.extra; });
    for (const auto& [first, last] :
         {std::pair{points.begin(), extras}, std::pair{extras, points.end()}}) {
        auto it = std::lower_bound(first, last, users, [](const PointValues& p, double u) {
            return p.users < u && !same_users(p.users, u);
        });
        if (it != last && same_users(it->users, users)) {
            return &*it;
        }
    }
    return nullptr;
}

std::size_t metric_index(const MetricDef& m) {
    return static_cast<std::size_t>(&m - metric_registry().data());
}

bool same_users(double a, double b) noexcept {
    return std::abs(a - b) <= k_compare_tolerance * std::max(std::abs(a), std::abs(b));
}

PlanValues plan_values(const planner::Plan& plan, bool extra) {
    PlanValues out;
    out.workload_name = plan.workload_name;
    out.workload_file = plan.workload_file;
    out.currency = plan.currency;
    const auto& registry = metric_registry();
    for (const auto& p : plan.points) {
        PointValues point;
        point.users = p.users;
        point.extra = extra;
        point.values.reserve(registry.size());
        for (const auto& m : registry) {
            point.values.emplace_back(m.read(p));
        }
        out.points.push_back(std::move(point));
    }
    out.warnings = plan.warnings;
    return out;
}

void append_extra(PlanValues& values, const planner::Plan& more) {
    PlanValues extra = plan_values(more, true);
    for (auto& p : extra.points) {
        values.points.push_back(std::move(p));
    }
    const auto first_extra = std::partition_point(values.points.begin(), values.points.end(),
                                                  [](const PointValues& p) { return !p.extra; });
    std::stable_sort(first_extra, values.points.end(),
                     [](const PointValues& a, const PointValues& b) { return a.users < b.users; });
    for (auto& w : extra.warnings) {
        values.warnings.push_back(std::move(w));
    }
}

PlanValues read_saved_plan(std::string_view text, const std::string& display_name) {
    return SavedPlanReader(display_name).read(text);
}

} // namespace capplan::report
