// `capplan diff` for people: table and markdown (diff_report.hpp).

#include <limits>

#include <fmt/format.h>

#include "report/diff_report.hpp"
#include "report/escape.hpp"
#include "report/grid.hpp"
#include "report/human_value.hpp"
#include "units/human.hpp"

namespace capplan::report {
namespace {

constexpr double k_nan = std::numeric_limits<double>::quiet_NaN();

std::string side(const std::optional<Value>& v, const MetricDef& m, const std::string& currency) {
    return v ? human_value(m, *v, currency) : std::string("n/a");
}

Grid changes_grid(const PointDiff& p, const std::string& currency) {
    Grid g;
    g.headers = {"metric", "old", "new", "change", "relative"};
    g.aligns = {Align::left, Align::right, Align::right, Align::right, Align::right};
    for (const auto& d : p.metrics) {
        if (d.status == DiffStatus::unchanged) {
            continue;
        }
        const MetricDef& m = *d.metric;
        g.rows.push_back(
            {std::string(m.path), side(d.old_value, m, currency), side(d.new_value, m, currency),
             d.change ? human_change(m, *d.change, currency) : "",
             d.change ? human_relative(d.relative ? 100.0 * *d.relative : k_nan) : ""});
    }
    return g;
}

std::string render(const PlanDiff& diff, bool markdown) {
    const auto text = [markdown](const std::string& s) {
        return markdown ? markdown_text(s) : terminal_text(s);
    };
    const std::string names = diff.base_name == diff.new_name
                                  ? text(diff.new_name)
                                  : fmt::format("{} {} {}", text(diff.base_name),
                                                markdown ? "\u2192" : "->", text(diff.new_name));
    std::string out =
        fmt::format("{}capplan diff: {} {} {} ({})\n", markdown ? "## " : "", text(diff.base_label),
                    markdown ? "\u2192" : "->", text(diff.new_label), names);
    std::vector<double> all_users;
    for (const auto& p : diff.points) {
        all_users.push_back(p.users);
    }
    const int digits = units::users_digits(all_users);
    std::vector<double> unchanged;
    for (const auto& p : diff.points) {
        const Grid g = changes_grid(p, diff.currency);
        if (g.rows.empty()) {
            unchanged.push_back(p.users);
            continue;
        }
        const std::string users = units::users_text(p.users, digits);
        out += markdown ? fmt::format("\n### {}\n\n{}", users, g.markdown())
                        : fmt::format("\nat {}:\n{}", users, g.text());
    }
    if (!unchanged.empty()) {
        std::string list;
        for (const double u : unchanged) {
            list += list.empty() ? "" : ", ";
            list += units::human_users(u, digits);
        }
        out += unchanged.size() == diff.points.size()
                   ? fmt::format("\nno changes at any point ({} {})\n", list,
                                 list == "1" ? "user" : "users")
                   : fmt::format("\nno changes at {} {}\n", list, list == "1" ? "user" : "users");
    }
    out += markdown ? "\nUnchanged metrics are not shown; `-f json` and `-f csv` list every "
                      "metric.\n"
                    : "\nunchanged metrics are not shown; -f json and -f csv list every metric\n";
    return out;
}

} // namespace

std::string render_diff_table(const PlanDiff& diff) {
    return render(diff, false);
}

std::string render_diff_markdown(const PlanDiff& diff) {
    return render(diff, true);
}

} // namespace capplan::report
