// Breakpoints for people (capplan(1) OUTPUT, --breakpoints). See plan_report.hpp.

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "planner/steps.hpp"
#include "report/plan_report.hpp"
#include "units/human.hpp"

namespace capplan::report {
namespace {

// A steady run needs this many steps to be summarised.
constexpr std::size_t k_min_run = 4;

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

// The longest cycle of step sizes a steady run may repeat (+1/+2, +1/+1/+2).
constexpr std::size_t k_max_cycle = 3;

// Whether the steps from i rise, chained, through a cycle of 2 or 3 sizes at most a factor 2
// apart (+1/+2, +2/+3) twice over: the start of a steady run whose steps are not all equal.
bool cycles(const std::vector<const planner::Breakpoint*>& steps, std::size_t i) {
    for (std::size_t p = 2; p <= k_max_cycle && i + 2 * p <= steps.size(); ++p) {
        bool repeats = true;
        std::int64_t least = step_of(*steps[i]);
        std::int64_t most = least;
        for (std::size_t k = i; k < i + 2 * p && repeats; ++k) {
            const std::int64_t size = step_of(*steps[k]);
            least = std::min(least, size);
            most = std::max(most, size);
            repeats = size > 0 && (k == i || steps[k]->from == steps[k - 1]->to) &&
                      (k < i + p || size == step_of(*steps[k - p]));
        }
        if (repeats && most <= 2 * least) {
            return true;
        }
    }
    return false;
}

std::string one(const planner::Breakpoint& b) {
    return fmt::format("{} at {}", step_text(b.to), units::human_users(b.at_users));
}

// `steps` equal steps of `size` (0: steps of different sizes).
std::string run_text(const planner::Breakpoint& first, const planner::Breakpoint& last,
                     std::int64_t size) {
    const double units = static_cast<double>(*count_of(last.to) - *count_of(first.to));
    const double users = last.at_users - first.at_users;
    const std::string rate =
        size > 1 ? fmt::format("{} more about every {}", size,
                               units::users_text(users * static_cast<double>(size) / units))
                 : fmt::format("one more about every {}", units::users_text(users / units));
    return fmt::format("{} → {} from {} to {}: {}", step_text(first.from), step_text(last.to),
                       units::human_users(first.at_users), units::users_text(last.at_users), rate);
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
        // The longest steady run from i: chained rising steps whose rate (units per user since
        // the step before) stays within a factor 2 of the run's, or whose gap is within the
        // location tolerance (there the gap is noise). Its first two steps are equal or repeat
        // a short cycle (cycles).
        std::size_t j = i;
        while (view == BreakpointView::summary && step_of(*steps[i]) > 0 && j + 1 < steps.size() &&
               step_of(*steps[j + 1]) > 0 && steps[j + 1]->from == steps[j]->to) {
            const double gap = steps[j + 1]->at_users - steps[j]->at_users;
            if (j == i) {
                const std::int64_t a = step_of(*steps[i]);
                const std::int64_t b = step_of(*steps[j + 1]);
                // A jump (1 → 3 where the load balancer arrives) is no step of a run: the first
                // two steps are equal, or both larger and within a factor 1.5, or start a
                // cycle (+1/+2, ...).
                if (a != b && (std::min(a, b) < 3 || 2 * std::max(a, b) > 3 * std::min(a, b)) &&
                    !cycles(steps, i)) {
                    break;
                }
            } else {
                const double units =
                    static_cast<double>(*count_of(steps[j]->to) - *count_of(steps[i]->to));
                const double rate = units / (steps[j]->at_users - steps[i]->at_users);
                const double step = static_cast<double>(step_of(*steps[j + 1]));
                const bool noise = gap <= 2.0 * planner::location_tolerance(steps[j + 1]->at_users);
                if (!noise &&
                    !(gap > 0.0 && step / gap <= 2.0 * rate && step / gap >= 0.5 * rate)) {
                    break;
                }
            }
            ++j;
        }
        if (j + 1 - i >= k_min_run) {
            const std::int64_t size = step_of(*steps[i]);
            const bool equal = std::all_of(steps.begin() + static_cast<std::ptrdiff_t>(i),
                                           steps.begin() + static_cast<std::ptrdiff_t>(j + 1),
                                           [&](const auto* b) { return step_of(*b) == size; });
            out.push_back(run_text(*steps[i], *steps[j], equal ? size : 0));
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

std::string wrap_items_capped(const std::string& head, const std::vector<std::string>& items,
                              std::size_t indent, std::size_t lines, std::size_t width) {
    const auto fits = [&](const std::string& text) {
        return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) < lines;
    };
    std::string out = wrap_items(head, items, indent, width);
    for (std::size_t keep = items.size(); !fits(out) && keep-- > 0;) {
        std::vector<std::string> shown(items.begin(),
                                       items.begin() + static_cast<std::ptrdiff_t>(keep));
        shown.push_back(fmt::format("… {} more (--breakpoints all)", items.size() - keep));
        out = wrap_items(head, shown, indent, width);
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
