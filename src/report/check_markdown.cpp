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

// Below GitHub's limit of 65,536 characters for a comment, with room to spare.
constexpr std::size_t k_markdown_limit = 60000;

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

std::string render_check_markdown(const CheckReport& report, const planner::Plan& plan) {
    std::string head = std::string(k_check_marker) + "\n";
    head += fmt::format("## capplan check: {} {}\n\n", markdown_text(report.workload_name),
                        badge(report.outcome()));
    head += summary_line(report);
    head += report.strict ? " (`--strict`: warnings fail)\n" : "\n";
    if (const std::string cost = cost_line(report, true); !cost.empty()) {
        head += fmt::format("\n**Monthly cost**: {}\n", markdown_text(cost));
    }
    if (report.budgets.empty()) {
        head += "\nNo budgets: add `[[budget]]` tables to the workload or pass `--budget FILE`.\n";
    }
    if (const Grid broken = results_grid(report, false); !broken.rows.empty()) {
        head += "\n";
        head += broken.markdown();
    }
    head += messages(report);
    std::string passing;
    if (const Grid g = results_grid(report, true); !g.rows.empty()) {
        passing = fmt::format("\n<details><summary>{} passing</summary>\n\n{}\n</details>\n",
                              g.rows.size() == 1 ? std::string("1 check")
                                                 : fmt::format("{} checks", g.rows.size()),
                              g.markdown());
    }
    std::string warnings;
    if (!report.issues.empty()) {
        warnings = "\n### Plan warnings\n\n";
        for (const auto& i : report.issues) {
            warnings += fmt::format("- {} at {}: {} (`{}`)\n", badge(i.outcome),
                                    units::users_text(i.at_users), markdown_text(i.message),
                                    markdown_text(i.code));
        }
    }
    std::string details = fmt::format("\n<details><summary>Plan</summary>\n\n{}\n</details>\n",
                                      render_plan_markdown(plan, {}));
    // GitHub refuses a comment over 65,536 characters: leave out the plan, then the passing
    // rows, then cut at a line, saying so.
    const auto size = [&] {
        return head.size() + passing.size() + warnings.size() + details.size();
    };
    if (size() > k_markdown_limit) {
        details = "\nThe plan is left out to fit a comment: `capplan plan -f markdown` shows it.\n";
    }
    if (size() > k_markdown_limit && !passing.empty()) {
        passing = "\nThe passing checks are left out to fit a comment.\n";
    }
    std::string out = head + passing + warnings + details;
    if (out.size() > k_markdown_limit) {
        out.resize(out.rfind('\n', k_markdown_limit - 200) + 1);
        out += "\n_Cut to fit a comment: the table, json and junit formats list every row._\n";
    }
    return out;
}

} // namespace capplan::report
