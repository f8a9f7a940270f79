#pragma once
// Builds the command line (CLI11), parses argv and runs the chosen command.

#include "common/errors.hpp"

namespace capplan::cli {

// Parses the arguments and runs the command; returns its exit status (capplan(1) EXIT STATUS).
// Errors in the input are thrown (common/errors.hpp) for main to print; CLI11's own errors are
// turned into UsageError here, so its exit codes 100–127 never escape.
[[nodiscard]] ExitStatus run_app(int argc, char** argv);

} // namespace capplan::cli
