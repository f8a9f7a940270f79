#pragma once
// One function per command, each in its own file (cmd_*.cpp). They take plain option
// structs, print through output.hpp and return the exit status; they throw capplan::Error
// (common/errors.hpp) for main to report.

#include <string>
#include <vector>

#include "cli/options.hpp"
#include "common/errors.hpp"

namespace capplan::planner {
struct Plan;
} // namespace capplan::planner

namespace capplan::report {
struct MetricDef;
struct CheckReport;
struct PlanDiff;
enum class BreakpointView;
} // namespace capplan::report

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

// What `-f FORMAT` of plan, check or diff renders, through the command's table of formats
// ("" is the default); an unknown name throws UsageError. The commands render through these,
// and so do the format goldens (tests/support/render_frozen.cpp), so a new format is one row.
[[nodiscard]] std::string render_plan_as(const std::string& format, const planner::Plan& plan,
                                         const std::vector<const report::MetricDef*>& fields,
                                         report::BreakpointView view);
[[nodiscard]] std::string render_check_as(const std::string& format,
                                          const report::CheckReport& report,
                                          const planner::Plan& plan);
[[nodiscard]] std::string render_diff_as(const std::string& format, const report::PlanDiff& diff);

// The view `--breakpoints all|summary|none` names; anything else throws UsageError.
[[nodiscard]] report::BreakpointView breakpoint_view(const std::string& name);

} // namespace capplan::cli
