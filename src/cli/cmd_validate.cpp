// `capplan validate FILE...`: parse and check workloads without planning.

#include <iostream>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/inputs.hpp"
#include "cli/output.hpp"
#include "common/errors.hpp"
#include "units/human.hpp"

namespace capplan::cli {

ExitStatus run_validate(const ValidateOptions& o) {
    bool all_valid = true;
    std::string report;
    for (const auto& file : o.files) {
        PlanInputs in;
        in.workload = file;
        in.models_dir = o.models_dir;
        try {
            const LoadedInputs loaded = load_inputs(in);
            const auto& users = loaded.users;
            const std::string what =
                users.size() == 1
                    ? fmt::format("1 user point, {} user{}", units::human_users(users.front()),
                                  users.front() == 1.0 ? "" : "s")
                    : fmt::format("{} user points, {}..{} users", users.size(),
                                  units::human_users(users.front()),
                                  units::human_users(users.back()));
            report += fmt::format("{}: ok ({})\n", input_display_name(file), what);
        } catch (const Error& e) {
            // A bad file is reported and the next one still checked.
            std::cerr << e.diagnostic() << '\n';
            all_valid = false;
        }
    }
    write_output(report, std::nullopt);
    return all_valid ? ExitStatus::ok : ExitStatus::bad_input;
}

} // namespace capplan::cli
