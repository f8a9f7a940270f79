// `capplan check -f github`: GitHub Actions workflow commands (check_report.hpp). Data is
// escaped as the runner expects: % CR LF in the message; also : and , in properties.

#include <algorithm>
#include <iterator>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "report/check_report.hpp"
#include "report/check_text.hpp"
#include "report/escape.hpp"
#include "units/human.hpp"

namespace capplan::report {
namespace {

// Lines listed in one annotation; the rest are counted.
constexpr std::size_t k_max_lines = 20;

// `::error file=F,line=L,title=T::MESSAGE` with the properties that are known.
std::string command(Outcome o, const std::string& file, std::uint32_t line,
                    const std::string& title, const std::string& message) {
    std::string properties;
    if (!file.empty()) {
        properties += "file=";
        properties += github_property(file);
        if (line > 0) {
            properties += fmt::format(",line={}", line);
        }
        properties += ",";
    }
    properties += "title=";
    properties += github_property(title);
    return fmt::format("::{} {}::{}\n", o == Outcome::fail ? "error" : "warning", properties,
                       github_data(message));
}

// The lines, at most k_max_lines of them and then how many more, joined by LF.
std::string first_lines(const std::vector<std::string>& lines) {
    std::string out;
    for (std::size_t k = 0; k < lines.size() && k < k_max_lines; ++k) {
        out += (k == 0 ? "" : "\n");
        out += lines[k];
    }
    if (lines.size() > k_max_lines) {
        out += fmt::format("\nand {} more", lines.size() - k_max_lines);
    }
    return out;
}

} // namespace

std::string render_check_github(const CheckReport& report) {
    std::string out;
    for (std::size_t k = 0; k < report.budgets.size(); ++k) {
        const auto& b = report.budgets[k];
        const Outcome worst = report.budget_outcome(k);
        if (worst == Outcome::pass) {
            continue;
        }
        std::vector<std::string> lines;
        for (const auto& r : report.results) {
            if (r.budget == k && r.outcome != Outcome::pass) {
                lines.push_back(result_line(report, r));
            }
        }
        std::string message = first_lines(lines);
        if (!b.message.empty()) {
            message += "\n" + b.message;
        }
        out += command(worst, b.file, b.pos.line, fmt::format("capplan budget {}", b.id), message);
    }
    // GitHub shows only the first 10 errors and 10 warnings of a step: one annotation per
    // warning code and outcome, listing its points.
    std::vector<std::pair<const PlanIssue*, std::vector<const PlanIssue*>>> groups;
    for (const auto& i : report.issues) {
        auto it = std::find_if(groups.begin(), groups.end(), [&](const auto& g) {
            return g.first->code == i.code && g.first->outcome == i.outcome;
        });
        if (it == groups.end()) {
            groups.push_back({&i, {}});
            it = std::prev(groups.end());
        }
        it->second.push_back(&i);
    }
    for (const auto& [first, members] : groups) {
        std::vector<std::string> lines;
        for (const PlanIssue* i : members) {
            lines.push_back(fmt::format("at {}: {}", units::users_text(i->at_users), i->message));
        }
        out += command(first->outcome, report.workload_file, 0,
                       fmt::format("capplan {}", first->code), first_lines(lines));
    }
    out += fmt::format("capplan check: {}\n", summary_line(report));
    return out;
}

} // namespace capplan::report
