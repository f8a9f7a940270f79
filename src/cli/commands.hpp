#pragma once
// One function per command, each in its own file (cmd_*.cpp). They take plain option
// structs, print through output.hpp and return the exit status.

#include "cli/options.hpp"

namespace capplan::cli {

[[nodiscard]] int run_queue(const QueueOptions& options);
[[nodiscard]] int run_network(const NetworkOptions& options);

} // namespace capplan::cli
