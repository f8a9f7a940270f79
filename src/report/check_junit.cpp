// `capplan check -f junit`: JUnit XML for CI test reporters (check_report.hpp). Every text is
// escaped for XML 1.0 (escape.hpp), so the document is well-formed whatever the inputs hold.

#include <algorithm>

#include <fmt/format.h>

#include "report/check_report.hpp"
#include "report/check_text.hpp"
#include "report/escape.hpp"
#include "units/human.hpp"

namespace capplan::report {
namespace {

// One <testcase>: a <failure> when it failed, the warnings in <system-out> otherwise.
struct Case {
    std::string name;
    std::string classname;
    std::string file;
    std::uint32_t line = 0;
    std::string failure_message; // the first failing line
    std::string failure_type;
    std::string failure_text; // every failing line
    std::string out_text;     // warnings
};

std::string render_case(const Case& c) {
    std::string out = fmt::format("    <testcase name=\"{}\" classname=\"{}\"",
                                  xml_attribute(c.name), xml_attribute(c.classname));
    if (!c.file.empty()) {
        out += fmt::format(" file=\"{}\"", xml_attribute(c.file));
        if (c.line > 0) {
            out += fmt::format(" line=\"{}\"", c.line);
        }
    }
    if (c.failure_text.empty() && c.out_text.empty()) {
        return out + "/>\n";
    }
    out += ">\n";
    if (!c.failure_text.empty()) {
        out += fmt::format("      <failure message=\"{}\" type=\"{}\">{}</failure>\n",
                           xml_attribute(c.failure_message), xml_attribute(c.failure_type),
                           xml_text(c.failure_text));
    }
    if (!c.out_text.empty()) {
        out += fmt::format("      <system-out>{}</system-out>\n", xml_text(c.out_text));
    }
    return out + "    </testcase>\n";
}

std::size_t failures_in(const std::vector<Case>& cases) {
    return static_cast<std::size_t>(std::count_if(
        cases.begin(), cases.end(), [](const Case& c) { return !c.failure_text.empty(); }));
}

std::string render_suite(const std::string& name, const std::vector<Case>& cases) {
    std::string body;
    for (const auto& c : cases) {
        body += render_case(c);
    }
    return fmt::format("  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"0\" "
                       "skipped=\"0\">\n{}  </testsuite>\n",
                       xml_attribute(name), cases.size(), failures_in(cases), body);
}

void add_line(Case& c, Outcome o, const std::string& type, const std::string& line) {
    if (o == Outcome::fail) {
        if (c.failure_text.empty()) {
            c.failure_message = line;
            c.failure_type = type;
        }
        c.failure_text += line + "\n";
    } else if (o == Outcome::warn) {
        c.out_text += fmt::format("WARN: {}\n", line);
    }
}

// One testcase per budget and point: the limits of the budget at that point.
std::vector<Case> budget_cases(const CheckReport& report) {
    std::vector<Case> cases;
    for (std::size_t i = 0; i < report.results.size(); ++i) {
        const LimitResult& r = report.results[i];
        const auto& b = report.budgets.at(r.budget);
        const bool same = i > 0 && report.results[i - 1].budget == r.budget &&
                          report.results[i - 1].users == r.users;
        if (!same) {
            Case c;
            c.name = fmt::format("{} at {}", b.id, units::users_text(r.users));
            c.classname = fmt::format("capplan.budget.{}", b.metric);
            c.file = b.file;
            c.line = b.pos.line;
            cases.push_back(std::move(c));
        }
        add_line(cases.back(), r.outcome, limit_name(r.kind), result_line(report, r));
        const bool last = i + 1 == report.results.size() ||
                          report.results[i + 1].budget != r.budget ||
                          report.results[i + 1].users != r.users;
        Case& c = cases.back();
        if (last && !b.message.empty() && !(c.failure_text.empty() && c.out_text.empty())) {
            (c.failure_text.empty() ? c.out_text : c.failure_text) += b.message + "\n";
        }
    }
    return cases;
}

// One testcase per planned point: its plan warnings (slo_unmet fails).
std::vector<Case> slo_cases(const CheckReport& report) {
    std::vector<Case> cases;
    for (const double users : report.checked_users) {
        Case c;
        c.name = fmt::format("SLOs at {}", units::users_text(users));
        c.classname = "capplan.plan";
        c.file = report.workload_file;
        for (const auto& i : report.issues) {
            if (same_users(i.at_users, users)) {
                add_line(c, i.outcome, i.code, fmt::format("{} ({})", i.message, i.code));
            }
        }
        cases.push_back(std::move(c));
    }
    return cases;
}

} // namespace

std::string render_check_junit(const CheckReport& report) {
    const std::vector<Case> budgets = budget_cases(report);
    const std::vector<Case> slos = slo_cases(report);
    const std::size_t failures = failures_in(budgets) + failures_in(slos);
    const std::string name = fmt::format("capplan check: {}", report.workload_name);
    return fmt::format("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                       "<testsuites name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"0\">\n"
                       "{}{}</testsuites>\n",
                       xml_attribute(name), budgets.size() + slos.size(), failures,
                       render_suite("budgets", budgets), render_suite("plan", slos));
}

} // namespace capplan::report
