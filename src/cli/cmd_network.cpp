// `capplan network FILE`: solve a single-class queueing network (docs/models.md#networks).

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "common/errors.hpp"
#include "queueing/network.hpp"
#include "report/network_report.hpp"
#include "workload/network_file.hpp"

namespace capplan::cli {

int run_network(const NetworkOptions& o) {
    const std::string display_name = input_display_name(o.file);
    const std::string text = read_input(o.file);
    const queueing::NetworkSpec spec = workload::parse_network(text, display_name);
    queueing::NetworkResult result;
    try {
        result = queueing::solve_network(spec);
    } catch (const queueing::SingularNetwork& e) {
        // The loader checks routing; a singular network that reaches the solver is still
        // the input's fault, not a bug.
        throw InputError(display_name, 0, 0, e.what());
    }
    const std::string format = o.output.format.empty() ? "table" : o.output.format;
    std::string out;
    if (format == "table") {
        out = report::render_network_table(result);
    } else if (format == "json") {
        out = report::render_network_json(result, display_name);
    } else if (format == "csv") {
        out = report::render_network_csv(result);
    } else {
        throw UsageError("--format", fmt::format("unknown format '{}' for network (use table, "
                                                 "json or csv)",
                                                 format));
    }
    for (const auto& w : report::network_warnings(result)) {
        print_warning(w.message);
    }
    write_output(out, o.output.output_file);
    return 0;
}

} // namespace capplan::cli
