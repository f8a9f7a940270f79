// What every plan must satisfy (support/plan_checks.hpp).
#include "support/plan_checks.hpp"

#include <cctype>
#include <cmath>
#include <string>
#include <utility>
#include <variant>

#include <nlohmann/json.hpp>

#include "report/metrics.hpp"
#include "report/plan_report.hpp"
#include "tiers/bound_by.hpp"

namespace capplan::test {

// The metrics, breakpoints, stage changes and the JSON rendering of `plan`.
std::string plan_problem(const planner::Plan& plan) {
    for (const planner::PointPlan& p : plan.points) {
        bool null_warned = false;
        for (const auto& w : p.warnings) {
            null_warned = null_warned || w.code == "no_finite_value";
        }
        if (!std::isfinite(p.users)) {
            return "a point at a non-finite user count";
        }
        for (const report::MetricDef& m : report::metric_registry()) {
            const report::Value v = m.read(p);
            const std::string where = std::string(m.path) + " at " + std::to_string(p.users);
            if (const double* x = std::get_if<double>(&v); x != nullptr && !std::isfinite(*x)) {
                return where + " is not finite";
            }
            if (std::holds_alternative<std::monostate>(v) && !null_warned) {
                return where + " is null without a no_finite_value warning";
            }
            if (m.name() == "bound_by") {
                const auto* word = std::get_if<std::string>(&v);
                if (word == nullptr || !tiers::is_bound_by_word(*word)) {
                    return where + " is no word of tiers::k_bound_by_words (capplan(1) METRICS)";
                }
            }
        }
    }
    for (const auto& b : plan.breakpoints) {
        if (!std::isfinite(b.at_users)) {
            return "breakpoint of " + b.metric + " at a non-finite user count";
        }
    }
    for (const auto& c : plan.stage_changes) {
        if (!std::isfinite(c.at_users) || (c.until_users && !std::isfinite(*c.until_users))) {
            return "stage change of " + c.component + " at a non-finite user count";
        }
    }
    const std::string json = report::render_plan_json(plan, "0.0.0");
    if (!nlohmann::json::accept(json)) {
        return "the JSON output does not parse";
    }
    const auto parsed = nlohmann::json::parse(json);
    if (parsed.at("points").size() != plan.points.size()) {
        return "the JSON output has the wrong number of points";
    }
    return bill_problem(plan);
}

namespace {

bool near(double a, double b) {
    return std::abs(a - b) <= 1e-9 * std::max(std::abs(a), std::abs(b));
}

} // namespace

std::string bill_problem(const planner::Plan& plan) {
    // The groups whose GROUP.monthly_cost the registry marks as adding to the total.
    std::map<std::string, double> groups;
    for (const report::MetricDef& m : report::metric_registry()) {
        if ((m.role & report::k_adds_to_total) != 0U) {
            if (m.name() != "monthly_cost") {
                return std::string(m.path) + " adds to the total but is no group's monthly_cost";
            }
            groups[std::string(m.group())] = 0.0;
        }
    }
    const auto parsed = nlohmann::json::parse(report::render_plan_json(plan, "0.0.0"));
    for (const auto& point : parsed.at("points")) {
        const std::string at = " at " + point.at("users").dump();
        std::map<std::string, double> sums = groups;
        double all = 0.0;
        for (const auto& line : point.at("lines")) {
            const std::string group = line.at("group").get<std::string>();
            const std::string what =
                group + " " + line.at("kind").get<std::string>() + " line" + at;
            if (!line.at("quantity").is_number() || !line.at("unit_price").is_number() ||
                !line.at("monthly_cost").is_number()) {
                return what + " has a value that is not finite";
            }
            const double quantity = line.at("quantity").get<double>();
            const double cost = line.at("monthly_cost").get<double>();
            if (quantity < 0.0) {
                return what + " has a negative quantity";
            }
            if (!near(quantity * line.at("unit_price").get<double>(), cost)) {
                return what + ": quantity × unit price is not its cost";
            }
            if (group != "network" && groups.count(group) == 0) {
                return what + ": no metric group adds it to the total";
            }
            sums[group] += cost;
            all += cost;
        }
        for (const auto& [group, sum] : sums) {
            if (group == "network") {
                continue; // no metric group yet
            }
            const auto& metric = point.at(group).at("monthly_cost");
            if (!metric.is_number() || !near(sum, metric.get<double>())) {
                return group + ".monthly_cost" + at + " is not the sum of its lines";
            }
        }
        const auto& total = point.at("total").at("monthly_cost");
        if (!total.is_number() || !near(all, total.get<double>())) {
            return "total.monthly_cost" + at + " is not the sum of the lines";
        }
    }
    return {};
}

// True when text has the word nan, inf or infinity (any case) between non-letters.
bool has_non_finite_word(const std::string& text) {
    std::string word;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        const char c = i < text.size() ? text[i] : ' ';
        if (std::isalpha(static_cast<unsigned char>(c)) != 0 || c == '_') {
            word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            continue;
        }
        if (word == "nan" || word == "inf" || word == "infinity") {
            return true;
        }
        word.clear();
    }
    return false;
}

// The text around a number in exponent form ("1e+05", "4.63e-05"), or empty.
std::string exponent_line(const std::string& text) {
    const auto digit = [&](std::size_t i) {
        return i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])) != 0;
    };
    for (std::size_t i = 1; i + 1 < text.size(); ++i) {
        if ((text[i] == 'e' || text[i] == 'E') && digit(i - 1) &&
            (digit(i + 1) || ((text[i + 1] == '+' || text[i + 1] == '-') && digit(i + 2)))) {
            const std::size_t from = i < 60 ? 0 : i - 60;
            return text.substr(from, 80);
        }
    }
    return {};
}

// text without its first line (the workload's name, which the user wrote).
std::string after_title(const std::string& text) {
    const std::size_t end = text.find('\n');
    return end == std::string::npos ? std::string() : text.substr(end + 1);
}

// The table, markdown, CSV and TSV renderings: none prints a non-finite number; the table and
// markdown (cells and messages) print no exponent; the breakdown of the largest point prints
// a missed availability apart from its target. (Not for workloads whose name or instances
// could themselves be called "nan".)
std::string text_output_problem(const planner::Plan& plan) {
    planner::Plan last = plan;
    if (!plan.points.empty()) {
        last.points = {plan.points.back()};
        last.breakpoints.clear();
        last.stage_changes.clear();
    }
    const std::string breakdown = report::render_plan_table(last, {});
    const std::pair<const char*, std::string> outputs[] = {
        {"table", report::render_plan_table(plan, {})},
        {"markdown", report::render_plan_markdown(plan, {})},
        {"csv", report::render_plan_csv(plan, {})},
        {"tsv", report::render_plan_tsv(plan, {})},
        {"breakdown", breakdown},
    };
    for (const auto& [format, text] : outputs) {
        if (has_non_finite_word(text)) {
            return std::string("the ") + format + " output prints a non-finite number";
        }
        const std::string name = format;
        if (name == "table" || name == "markdown" || name == "breakdown") {
            if (const std::string line = exponent_line(after_title(text)); !line.empty()) {
                return "the " + name + " output prints a number with an exponent: " + line;
            }
        }
    }
    if (!plan.points.empty()) {
        const planner::PointPlan& p = plan.points.back();
        // "availability  99.9899 %  target 99.99 %, downtime ..."
        const std::size_t row = breakdown.find("\navailability ");
        const std::size_t target = breakdown.find("target ", row);
        if (row == std::string::npos || target == std::string::npos) {
            return "the breakdown has no availability row";
        }
        const auto percent_at = [&](std::size_t from) {
            std::size_t begin = breakdown.find_first_not_of(' ', from);
            const std::size_t end = breakdown.find(" %", begin);
            return breakdown.substr(begin, end - begin);
        };
        const std::string value = percent_at(row + 13);
        const std::string goal = percent_at(target + 7);
        if (p.availability.total < p.availability.target && value == goal) {
            return "the breakdown prints the missed availability " + value + " % as its target";
        }
    }
    return {};
}

} // namespace capplan::test
