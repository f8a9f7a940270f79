// `capplan check -f markdown`: a pull-request comment (check_report.hpp).

#include <fmt/format.h>

#include "report/check_report.hpp"
#include "report/check_text.hpp"
#include "report/escape.hpp"
#include "report/grid.hpp"
#include "report/plan_report.hpp"
#include "units/human.hpp"

namespace capplan::report {
namespace {

const char* badge(Outcome o) {
    switch (o) {
    case Outcome::pass:
        return ":white_check_mark: PASS";
    case Outcome::warn:
        return ":warning: WARN";
    case Outcome::fail:
        break;
    }
    return ":x: FAIL";
}

// The rows of the results that passed (passing) or did not (!passing).
Grid results_grid(const CheckReport& report, bool passing) {
    Grid g;
    g.headers = {"status", "id", "metric", "users", "expected", "actual", "margin"};
    g.aligns = {Align::left,  Align::left,  Align::left, Align::right,
                Align::right, Align::right, Align::right};
    for (const auto& r : report.results) {
        if ((r.outcome == Outcome::pass) != passing) {
            continue;
        }
        const auto& b = report.budgets.at(r.budget);
        g.rows.push_back({badge(r.outcome), markdown_text(b.id), fmt::format("`{}`", b.metric),
                          units::human_users(r.users), expected_text(report, r, true),
                          markdown_text(actual_text(report, r, true)),
                          markdown_text(margin_text(report, r))});
    }
    return g;
}

std::string messages(const CheckReport& report) {
    std::string out;
    for (std::size_t k = 0; k < report.budgets.size(); ++k) {
        const auto& b = report.budgets[k];
        if (report.budget_outcome(k) == Outcome::pass || b.message.empty()) {
            continue;
        }
        const std::string where = budget_location(b);
        out += fmt::format("> **{}**{}: {}\n>\n", markdown_text(b.id),
                           where.empty() ? "" : fmt::format(" (`{}`)", markdown_text(where)),
                           markdown_text(b.message));
    }
    if (!out.empty()) {
        out.resize(out.size() - 3); // the last ">\n" separator
        out = fmt::format("\n{}\n", out);
    }
    return out;
}

} // namespace

std::string render_check_markdown(const CheckReport& report, const tiers::Plan& plan) {
    std::string out = std::string(k_check_marker) + "\n";
    out += fmt::format("## capplan check: {} {}\n\n", markdown_text(report.workload_name),
                       badge(report.outcome()));
    out += summary_line(report);
    out += report.strict ? " (`--strict`: warnings fail)\n" : "\n";
    if (const std::string cost = cost_line(report, true); !cost.empty()) {
        out += fmt::format("\n**Monthly cost**: {}\n", markdown_text(cost));
    }
    if (report.budgets.empty()) {
        out += "\nNo budgets: add `[[budget]]` tables to the workload or pass `--budget FILE`.\n";
    }
    const Grid broken = results_grid(report, false);
    if (!broken.rows.empty()) {
        out += "\n";
        out += broken.markdown();
    }
    out += messages(report);
    const Grid passing = results_grid(report, true);
    if (!passing.rows.empty()) {
        out += fmt::format("\n<details><summary>{} passing</summary>\n\n{}\n</details>\n",
                           passing.rows.size() == 1 ? std::string("1 check")
                                                    : fmt::format("{} checks", passing.rows.size()),
                           passing.markdown());
    }
    if (!report.issues.empty()) {
        out += "\n### Plan warnings\n\n";
        for (const auto& i : report.issues) {
            out += fmt::format("- {} at {} users: {} (`{}`)\n", badge(i.outcome),
                               units::human_users(i.at_users), markdown_text(i.message),
                               markdown_text(i.code));
        }
    }
    out += fmt::format("\n<details><summary>Plan</summary>\n\n{}\n</details>\n",
                       render_plan_markdown(plan, {}));
    return out;
}

} // namespace capplan::report
