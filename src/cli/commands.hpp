#pragma once
// One function per command, each in its own file (cmd_*.cpp). They take plain option
// structs, print through output.hpp and return the exit status; they throw capplan::Error
// (common/errors.hpp) for main to report.

#include <string>
#include <vector>

#include "cli/options.hpp"
#include "common/errors.hpp"

namespace capplan::cli {

[[nodiscard]] ExitStatus run_queue(const QueueOptions& options);
[[nodiscard]] ExitStatus run_network(const NetworkOptions& options);
[[nodiscard]] ExitStatus run_plan(const PlanOptions& options);
[[nodiscard]] ExitStatus run_check(const CheckOptions& options);
[[nodiscard]] ExitStatus run_diff(const DiffOptions& options);
[[nodiscard]] ExitStatus run_init(const InitOptions& options);
[[nodiscard]] ExitStatus run_models(const ModelsOptions& options);
[[nodiscard]] ExitStatus run_validate(const ValidateOptions& options);

// The names of each command's -f formats, the default first, from the command's table of
// formats (cli/formats.hpp): its -f help lists them in this order.
[[nodiscard]] std::vector<std::string> queue_formats();
[[nodiscard]] std::vector<std::string> network_formats();
[[nodiscard]] std::vector<std::string> plan_formats();
[[nodiscard]] std::vector<std::string> check_formats();
[[nodiscard]] std::vector<std::string> diff_formats();
[[nodiscard]] std::vector<std::string> models_formats();

} // namespace capplan::cli
