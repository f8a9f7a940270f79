// `capplan check -f github`: GitHub Actions workflow commands (check_report.hpp). Data is
// escaped as the runner expects: % CR LF in the message; also : and , in properties.

#include <fmt/format.h>

#include "report/check_report.hpp"
#include "report/check_text.hpp"
#include "report/escape.hpp"
#include "units/human.hpp"

namespace capplan::report {
namespace {

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

} // namespace

std::string render_check_github(const CheckReport& report) {
    std::string out;
    for (std::size_t k = 0; k < report.budgets.size(); ++k) {
        const auto& b = report.budgets[k];
        const Outcome worst = report.budget_outcome(k);
        if (worst == Outcome::pass) {
            continue;
        }
        std::string lines;
        for (const auto& r : report.results) {
            if (r.budget == k && r.outcome != Outcome::pass) {
                lines += result_line(report, r) + "\n";
            }
        }
        if (!b.message.empty()) {
            lines += b.message + "\n";
        }
        lines.pop_back();
        out += command(worst, b.file, b.pos.line, fmt::format("capplan budget {}", b.id), lines);
    }
    for (const auto& i : report.issues) {
        out +=
            command(i.outcome, report.workload_file, 0,
                    fmt::format("capplan {} at {} users", i.code, units::human_users(i.at_users)),
                    i.message);
    }
    out += fmt::format("capplan check: {}\n", summary_line(report));
    return out;
}

} // namespace capplan::report
