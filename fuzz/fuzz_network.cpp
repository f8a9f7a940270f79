// libFuzzer target: a network file's text through the loader, the solver and every renderer.
// InputError (a diagnostic for bad input) is the expected failure; anything else that escapes,
// a non-finite number in a result that is not a saturated mean, and any sanitizer report are
// bugs.

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "common/errors.hpp"
#include "queueing/network.hpp"
#include "report/network_report.hpp"
#include "workload/network_file.hpp"

namespace {

void check_finite(double x, bool may_be_infinite) {
    if (std::isnan(x) || (std::isinf(x) && !may_be_infinite)) {
        std::abort();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    capplan::queueing::NetworkSpec spec;
    try {
        spec = capplan::workload::parse_network(text, "fuzz.toml");
    } catch (const capplan::InputError&) {
        return 0;
    }
    const capplan::queueing::NetworkResult result = capplan::queueing::solve_network(spec);
    for (const auto& s : result.stations) {
        check_finite(s.throughput_per_s, false);
        check_finite(s.utilization, false);
        check_finite(s.mean_in_station, s.saturated);
        check_finite(s.response_per_visit_s, s.saturated);
        check_finite(s.residence_s, s.saturated);
    }
    check_finite(result.system.throughput_per_s, false);
    check_finite(result.system.mean_in_system, result.system.saturated);
    check_finite(result.system.response_s, result.system.saturated);
    (void)capplan::report::render_network_table(result);
    (void)capplan::report::render_network_json(result, "fuzz.toml");
    (void)capplan::report::render_network_csv(result);
    return 0;
}
