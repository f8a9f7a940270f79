// `capplan network` (stand-in until the network solver is merged).
#include "cli/commands.hpp"
#include "common/errors.hpp"

namespace capplan::cli {
int run_network(const NetworkOptions&) { throw UsageError("", "network: not built yet"); }
} // namespace capplan::cli
