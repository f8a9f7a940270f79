// `capplan check` for people: the table format.

#include <fmt/format.h>

#include "report/check_report.hpp"
#include "report/check_text.hpp"
#include "report/escape.hpp"
#include "report/grid.hpp"
#include "units/human.hpp"

namespace capplan::report {
namespace {

// Continuation lines of a multi-line text indented under its first line.
std::string indented(const std::string& text, const std::string& indent) {
    std::string out;
    for (const char c : text) {
        out += c;
        if (c == '\n') {
            out += indent;
        }
    }
    return out;
}

// A table cell: terminal_text on one line.
std::string one_line(const std::string& text) {
    std::string out = terminal_text(text);
    for (char& c : out) {
        if (c == '\n' || c == '\t') {
            c = ' ';
        }
    }
    return out;
}

} // namespace

std::string render_check_table(const CheckReport& report) {
    std::string out = fmt::format("capplan check: {}{}\n", terminal_text(report.workload_name),
                                  report.strict ? " (--strict: warnings fail)" : "");
    out += summary_line(report) + "\n";
    if (const std::string cost = cost_line(report, false); !cost.empty()) {
        out += terminal_text(cost) + "\n";
    }
    if (report.budgets.empty()) {
        out += "\nno budgets: add [[budget]] tables to the workload or pass --budget FILE\n";
    }
    if (!report.results.empty()) {
        Grid g;
        g.headers = {"id", "metric", "users", "expected", "actual", "margin", "status"};
        g.aligns = {Align::left,  Align::left,  Align::right, Align::right,
                    Align::right, Align::right, Align::left};
        for (const auto& r : report.results) {
            const auto& b = report.budgets.at(r.budget);
            g.rows.push_back({one_line(b.id), b.metric, units::human_users(r.users),
                              expected_text(report, r, false), actual_text(report, r, false),
                              margin_text(report, r), outcome_name(r.outcome)});
        }
        out += "\n";
        out += g.text();
    }
    if (!report.issues.empty()) {
        out += "\nplan warnings:\n";
        for (const auto& i : report.issues) {
            out += fmt::format("  {} at {}: {} ({})\n", outcome_name(i.outcome),
                               units::users_text(i.at_users), terminal_text(i.message), i.code);
        }
    }
    std::string messages;
    for (std::size_t k = 0; k < report.budgets.size(); ++k) {
        const auto& b = report.budgets[k];
        if (report.budget_outcome(k) == Outcome::pass || b.message.empty()) {
            continue;
        }
        const std::string where = budget_location(b);
        messages += fmt::format("  {}{}: {}\n", terminal_text(b.id),
                                where.empty() ? "" : fmt::format(" ({})", terminal_text(where)),
                                indented(terminal_text(b.message), "    "));
    }
    if (!messages.empty()) {
        out += "\nmessages:\n";
        out += messages;
    }
    return out;
}

} // namespace capplan::report
