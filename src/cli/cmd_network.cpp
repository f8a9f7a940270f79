// `capplan network FILE`: solve a single-class queueing network (docs/models.md#networks).

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/formats.hpp"
#include "cli/output.hpp"
#include "common/errors.hpp"
#include "queueing/network.hpp"
#include "report/network_report.hpp"
#include "workload/network_file.hpp"

namespace capplan::cli {
namespace {

// A row's renderer from one that does not name the file.
template <std::string (*Render)(const queueing::NetworkResult&)>
std::string result_only(const queueing::NetworkResult& result, const std::string&) {
    return Render(result);
}

// The formats of network (capplan(1) OUTPUT), the default first.
using NetworkFormat = Format<std::string(const queueing::NetworkResult&, const std::string&)>;
const NetworkFormat k_formats[] = {
    {"table", result_only<report::render_network_table>},
    {"json", report::render_network_json},
    {"csv", result_only<report::render_network_csv>},
};

} // namespace

std::vector<std::string> network_formats() {
    return format_names(k_formats);
}

ExitStatus run_network(const NetworkOptions& o) {
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
    const std::string out =
        find_format(k_formats, o.output.format, "network").render(result, display_name);
    for (const auto& w : report::network_warnings(result)) {
        print_warning(w.message);
    }
    write_output(out, o.output.output_file);
    return ExitStatus::ok;
}

} // namespace capplan::cli
