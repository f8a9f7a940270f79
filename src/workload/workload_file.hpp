#pragma once
// The workload file (capplan-workload(5)): TOML text + `--set` overrides → a validated
// Workload, and the checks that need the catalogue.

#include <string>
#include <string_view>
#include <vector>

#include "workload/budget_section.hpp"
#include "workload/catalogue.hpp"
#include "workload/workload_fwd.hpp"

namespace capplan::workload {

struct LoadOptions {
    // The user points come from the command line (`--users`): a file without `users` is then
    // valid, and its growth stays empty for the caller to fill.
    bool users_from_command_line = false;
};

// Parses `text`, applies each `--set KEY=VALUE` in order (a later one wins), then validates
// every key (capplan-workload(5), VALIDATION). display_name names the file in diagnostics and
// becomes Workload::file ("<stdin>" for standard input). A problem in the file throws
// InputError(display_name, line, column, message) at the bad key or value (0:0 when it
// concerns the file as a whole); a malformed `--set`, one naming an unknown key, or one whose
// value fails validation throws UsageError("--set", message).
[[nodiscard]] Workload load_workload(std::string_view text, const std::string& display_name,
                                     const std::vector<std::string>& set_overrides,
                                     const LoadOptions& options = {});

// The `[[budget]]` entries of a budget file (`check --budget FILE`): a file holding only
// `[[budget]]` tables, read as in a workload. Throws InputError like load_workload.
[[nodiscard]] std::vector<Budget> load_budget_file(std::string_view text,
                                                   const std::string& display_name);

// Checks every instance and price-table name of `w` against `catalogue` (merge w.models into
// it first): single/web/lb/cache/sessions instances, queue.worker_instance, queue.broker
// ("managed" or an instance), db.instance ("auto" or an instance), db.family (has instances),
// db.max_instance (an instance of db.family), cdn.pricing and cdn.egress_pricing (price
// tables). An unknown name throws InputError at the value's position in w.file with a
// did-you-mean over the catalogue, or UsageError("--set", ...) when `--set` gave the value.
void check_instances(const Workload& w, const Catalogue& catalogue);

// The user points of a loaded workload (units::user_points of its growth).
[[nodiscard]] std::vector<double> workload_user_points(const Workload& w);

} // namespace capplan::workload
