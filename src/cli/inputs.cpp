#include "cli/inputs.hpp"

#include <fmt/format.h>

#include "cli/output.hpp"
#include "common/edit_distance.hpp"
#include "common/errors.hpp"
#include "report/metrics.hpp"
#include "units/quantity.hpp"
#include "units/users.hpp"
#include "workload/catalogue_file.hpp"
#include "workload/embedded.hpp"
#include "workload/workload_file.hpp"

namespace capplan::cli {
namespace {

int parse_per_decade(const std::string& text) {
    double x = 0.0;
    try {
        x = units::parse_count(text);
    } catch (const units::UnitError& e) {
        throw UsageError("--per-decade", e.what());
    }
    if (x != static_cast<double>(static_cast<int>(x)) || x < 1 ||
        x > static_cast<double>(units::k_max_per_decade)) {
        throw UsageError("--per-decade", fmt::format("'{}' is not a whole number from 1 to {}",
                                                     text, units::k_max_per_decade));
    }
    return static_cast<int>(x);
}

} // namespace

LoadedInputs load_inputs(const PlanInputs& in) {
    if (in.color != "auto" && in.color != "always" && in.color != "never") {
        throw UsageError("--color", fmt::format("unknown value '{}' (use auto, always or never)",
                                                in.color));
    }
    std::string text;
    std::string display;
    if (in.workload) {
        display = *in.workload == "-" ? "<stdin>" : *in.workload;
        text = read_input(*in.workload);
    } else {
        display = "photo-sharing.toml (built-in)";
        text = std::string(workload::embedded_default_workload());
    }
    workload::LoadOptions options;
    options.users_from_command_line = in.users.has_value();
    LoadedInputs out;
    out.workload = workload::load_workload(text, display, in.set, options);
    if (!in.workload) {
        out.workload.file.clear(); // JSON: "file": null for the built-in default
    }
    const int per_decade =
        in.per_decade ? parse_per_decade(*in.per_decade) : out.workload.growth.per_decade;
    if (in.users) {
        try {
            out.users = units::user_points(units::parse_users(*in.users), per_decade);
        } catch (const units::UnitError& e) {
            throw UsageError("--users", e.what());
        }
    } else {
        out.workload.growth.per_decade = per_decade;
        out.users = workload::workload_user_points(out.workload);
    }
    out.catalogue = workload::load_catalogue(in.models_dir);
    workload::merge_catalogue(out.catalogue, out.workload.models);
    workload::check_instances(out.workload, out.catalogue);
    check_budget_metrics(out.workload);
    return out;
}

void check_budget_metrics(const workload::Workload& w) {
    for (const auto& b : w.budgets) {
        const report::MetricDef* m = report::find_metric(b.metric);
        if (m != nullptr && m->is_numeric()) {
            continue;
        }
        std::string message =
            m != nullptr
                ? fmt::format("budget metric '{}' is not numeric", b.metric)
                : fmt::format("unknown metric '{}' in a budget", b.metric);
        if (m == nullptr) {
            std::vector<std::string> paths;
            for (const auto& def : report::metric_registry()) {
                paths.emplace_back(def.path);
            }
            if (auto guess = closest_match(b.metric, paths)) {
                message += fmt::format("; did you mean '{}'?", *guess);
            }
        }
        throw InputError(b.file.empty() ? w.file : b.file, b.pos.line, b.pos.column, message);
    }
}

} // namespace capplan::cli
