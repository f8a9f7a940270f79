// Breakpoints for people (capplan(1) OUTPUT, --breakpoints). See plan_report.hpp.

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "report/plan_report.hpp"
#include "units/human.hpp"

namespace capplan::report {
namespace {

// A run of equal steps needs this many steps to be summarised; each gap between them lies
// within this share of the run's mean gap.
constexpr std::size_t k_min_run = 4;
constexpr double k_gap_spread = 0.3;

std::optional<std::int64_t> count_of(const planner::StepValue& v) {
    if (const auto* n = std::get_if<std::int64_t>(&v)) {
        return *n;
    }
    return std::nullopt;
}

// The step size of b (to − from) when both are counts; 0 otherwise.
std::int64_t step_of(const planner::Breakpoint& b) {
    const auto from = count_of(b.from);
    const auto to = count_of(b.to);
    return from && to ? *to - *from : 0;
}

std::string one(const planner::Breakpoint& b) {
    return fmt::format("{} at {}", step_text(b.to), units::human_users(b.at_users));
}

std::string run_text(const planner::Breakpoint& first, const planner::Breakpoint& last,
                     std::size_t steps) {
    const std::int64_t size = step_of(first);
    const double gap = (last.at_users - first.at_users) / static_cast<double>(steps - 1);
    const std::string more = size == 1 ? "one more" : fmt::format("{} more", size);
    return fmt::format("{} → {} from {} to {} users: {} about every {} users",
                       step_text(first.from), step_text(last.to),
                       units::human_users(first.at_users), units::human_users(last.at_users), more,
                       units::human_users(gap));
}

} // namespace

std::string step_text(const planner::StepValue& v) {
    if (const auto n = count_of(v)) {
        return units::human_number(static_cast<double>(*n));
    }
    return std::get<std::string>(v);
}

std::vector<std::string> breakpoint_items(const std::vector<const planner::Breakpoint*>& steps,
                                          BreakpointView view) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < steps.size();) {
        std::size_t j = i;
        const std::int64_t size = step_of(*steps[i]);
        double gaps = 0.0;
        while (view == BreakpointView::summary && size > 0 && j + 1 < steps.size() &&
               step_of(*steps[j + 1]) == size && steps[j + 1]->from == steps[j]->to) {
            const double gap = steps[j + 1]->at_users - steps[j]->at_users;
            const double mean = j > i ? gaps / static_cast<double>(j - i) : gap;
            if (std::abs(gap - mean) > k_gap_spread * mean) {
                break;
            }
            gaps += gap;
            ++j;
        }
        if (j + 1 - i >= k_min_run) {
            out.push_back(run_text(*steps[i], *steps[j], j + 1 - i));
            i = j + 1;
        } else {
            out.push_back(one(*steps[i]));
            ++i;
        }
    }
    return out;
}

std::size_t display_width(const std::string& text) {
    std::size_t n = 0;
    for (const char c : text) {
        n += (static_cast<unsigned char>(c) & 0xC0U) != 0x80U ? 1 : 0; // UTF-8 lead bytes
    }
    return n;
}

std::string wrap_items(const std::string& head, const std::vector<std::string>& items,
                       std::size_t indent, std::size_t width) {
    std::string out = head;
    std::size_t column = display_width(head);
    for (std::size_t i = 0; i < items.size(); ++i) {
        const std::string item = items[i] + (i + 1 < items.size() ? "," : "");
        const std::size_t needs = display_width(item) + 1;
        if (i > 0 && column + needs > width) {
            out += '\n';
            out.append(indent, ' ');
            column = indent;
        } else {
            out += " ";
            ++column;
        }
        out += item;
        column += display_width(item);
    }
    return out;
}

std::string wrap_words(const std::string& text, std::size_t indent, std::size_t width) {
    // The text's own leading spaces stay; the rest wraps at spaces.
    const std::size_t lead = std::min(text.find_first_not_of(' '), text.size());
    std::string out = text.substr(0, lead);
    std::size_t column = lead;
    bool first = true;
    for (std::size_t start = lead; start < text.size();) {
        std::size_t end = text.find(' ', start);
        end = end == std::string::npos ? text.size() : end;
        const std::string word = text.substr(start, end - start);
        const std::size_t n = display_width(word);
        if (!first && column > indent && column + 1 + n > width) {
            out += '\n';
            out.append(indent, ' ');
            column = indent;
        } else if (!first) {
            out += ' ';
            ++column;
        }
        out += word;
        column += n;
        first = false;
        start = end + 1;
    }
    return out;
}

} // namespace capplan::report
