// `capplan diff BASE NEW`: two plans compared point by point (capplan(1) capplan diff).
//
// Each side is a workload (TOML) or a saved `capplan plan -f json`, told apart by content: a
// side whose first character (after blanks and a byte-order mark) is `{` is JSON — a TOML
// document cannot start with `{`. A TOML side is planned at the JSON side's user points; two
// TOML sides at --users, or else at the union of their workloads' points; two JSON sides must
// have the same points.

#include <algorithm>
#include <iterator>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/formats.hpp"
#include "cli/inputs.hpp"
#include "cli/output.hpp"
#include "common/errors.hpp"
#include "common/version.hpp"
#include "planner/sweep.hpp"
#include "report/diff_report.hpp"
#include "report/plan_values.hpp"
#include "units/users.hpp"

namespace capplan::cli {
namespace {

struct Side {
    std::string label; // as given; "<stdin>" for -
    std::string text;
    bool json = false;
};

bool looks_like_json(const std::string& text) {
    std::size_t i = text.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0;
    while (i < text.size() &&
           (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r')) {
        ++i;
    }
    return i < text.size() && text[i] == '{';
}

Side read_side(const std::string& path) {
    Side s;
    s.label = path == "-" ? "<stdin>" : path;
    s.text = read_input(path);
    s.json = looks_like_json(s.text);
    return s;
}

// Two saved plans: no plan flag has a workload to apply to.
void refuse_plan_flags(const PlanInputs& in) {
    const char* why = "has no effect: both sides are saved plans";
    if (in.users) {
        throw UsageError("--users", why);
    }
    if (in.per_decade) {
        throw UsageError("--per-decade", why);
    }
    if (!in.set.empty()) {
        throw UsageError("--set", why);
    }
    if (in.models_dir) {
        throw UsageError("--models", why);
    }
}

report::PlanValues plan_side(const LoadedInputs& loaded, const std::vector<double>& users) {
    return report::plan_values(
        planner::plan_growth(*loaded.workload, loaded.catalogue, users, loaded.settings));
}

// `in` with the user points of a saved plan as --users (format_users reads back exactly).
PlanInputs at_points(const PlanInputs& in, const report::PlanValues& saved) {
    PlanInputs out = in;
    std::string list;
    for (const auto& p : saved.points) {
        list += list.empty() ? "" : ",";
        list += units::format_users(p.users);
    }
    out.users = list;
    return out;
}

// The points of both (ascending) lists, ascending, a point within same_users of another once.
std::vector<double> union_of(const std::vector<double>& a, const std::vector<double>& b) {
    std::vector<double> all;
    std::merge(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(all));
    std::vector<double> out;
    for (const double u : all) {
        if (out.empty() || !report::same_users(out.back(), u)) {
            out.push_back(u);
        }
    }
    return out;
}

// The formats of diff (capplan(1) OUTPUT), the default first.
using DiffFormat = Format<std::string(const report::PlanDiff&)>;
const DiffFormat k_formats[] = {
    {"table", report::render_diff_table},
    {"json",
     [](const report::PlanDiff& diff) { return report::render_diff_json(diff, version()); }},
    {"csv", report::render_diff_csv},
    {"markdown", report::render_diff_markdown},
};

} // namespace

std::vector<std::string> diff_formats() {
    return format_names(k_formats);
}

std::string render_diff_as(const std::string& format, const report::PlanDiff& diff) {
    return find_format(k_formats, format, "diff").render(diff);
}

ExitStatus run_diff(const DiffOptions& o) {
    const DiffFormat& format = find_format(k_formats, o.output.format, "diff");
    if (o.base == "-" && o.next == "-") {
        throw UsageError("", "standard input (-) can be only one side of diff");
    }
    const Side base = read_side(o.base);
    const Side next = read_side(o.next);

    report::PlanValues old_values;
    report::PlanValues new_values;
    if (base.json && next.json) {
        refuse_plan_flags(o.inputs);
        old_values = report::read_saved_plan(base.text, base.label);
        new_values = report::read_saved_plan(next.text, next.label);
    } else if (base.json || next.json) {
        if (o.inputs.users || o.inputs.per_decade) {
            throw UsageError(o.inputs.users ? "--users" : "--per-decade",
                             "cannot be used with a saved plan: the workload is planned at the "
                             "saved plan's user points");
        }
        const Side& saved = base.json ? base : next;
        const Side& toml = base.json ? next : base;
        report::PlanValues saved_values = report::read_saved_plan(saved.text, saved.label);
        const LoadedInputs loaded =
            load_inputs(at_points(o.inputs, saved_values), toml.text, toml.label);
        report::PlanValues planned = plan_side(loaded, loaded.users);
        if (base.json) {
            old_values = std::move(saved_values);
            new_values = std::move(planned);
        } else {
            old_values = std::move(planned);
            new_values = std::move(saved_values);
        }
    } else {
        const LoadedInputs a = load_inputs(o.inputs, base.text, base.label);
        const LoadedInputs b = load_inputs(o.inputs, next.text, next.label);
        const std::vector<double> users = union_of(a.users, b.users);
        old_values = plan_side(a, users);
        new_values = plan_side(b, users);
    }
    const report::PlanDiff diff =
        report::diff_plans(old_values, new_values, base.label, next.label);
    write_output(format.render(diff), o.output.output_file);
    return ExitStatus::ok;
}

} // namespace capplan::cli
