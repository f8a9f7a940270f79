// `capplan queue`: the one-liner calculator for one station (capplan(1) capplan queue).

#include <cmath>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/flag_values.hpp"
#include "cli/formats.hpp"
#include "cli/output.hpp"
#include "common/edit_distance.hpp"
#include "common/errors.hpp"
#include "common/version.hpp"
#include "queueing/queue_model.hpp"
#include "queueing/sizing.hpp"
#include "report/queue_report.hpp"
#include "units/human.hpp"
#include "units/quantity.hpp"

namespace capplan::cli {
namespace {

using queueing::QuantileLimit;
using queueing::SizingConstraints;
using queueing::Station;

constexpr std::int64_t k_max_servers = 1'000'000'000;
constexpr std::int64_t k_max_capacity = 10'000'000;
constexpr double k_max_cv = 100.0;

// Runs a units parser and names the flag in any error.
template <class Parse>
double parse_flag(const char* flag, const std::string& text, Parse parse) {
    try {
        return parse(text);
    } catch (const units::UnitError& e) {
        throw UsageError(flag, e.what());
    }
}

double parse_time(const char* flag, const std::string& text) {
    return parse_flag(flag, text, [](const std::string& t) { return units::parse_duration_s(t); });
}

double parse_cv(const char* flag, const std::string& text) {
    double x = 0.0;
    try {
        x = units::parse_count(text);
    } catch (const units::UnitError&) {
        throw UsageError(flag, fmt::format("'{}' is not a coefficient of variation (a number "
                                           "from 0 to {})",
                                           text, k_max_cv));
    }
    if (x > k_max_cv) {
        throw UsageError(flag,
                         fmt::format("coefficient of variation '{}' is above {}", text, k_max_cv));
    }
    return x;
}

// "99.9:150ms" → {0.999, 0.15}.
QuantileLimit parse_quantile_limit(const char* flag, const std::string& text) {
    const auto colon = text.find(':');
    if (colon == std::string::npos) {
        throw UsageError(flag, fmt::format("'{}' is not Q:TIME (e.g. 99.9:150ms)", text));
    }
    const double q = parse_flag(flag, text.substr(0, colon),
                                [](const std::string& t) { return units::parse_percentile(t); });
    return QuantileLimit{q, parse_time(flag, text.substr(colon + 1))};
}

// The limits the user gave, and for each bound_by name the flag that set it.
struct Limits {
    SizingConstraints constraints;
    std::vector<std::pair<std::string, std::string>> flags; // (limit name, flag)
    [[nodiscard]] bool empty() const { return flags.empty(); }
    [[nodiscard]] std::string flag_of(const std::string& name) const {
        if (name == "capacity") {
            return "--capacity"; // a capacity too small for the load
        }
        for (const auto& [n, f] : flags) {
            if (n == name) {
                return f;
            }
        }
        return {};
    }
};

Limits parse_limits(const QueueOptions& o) {
    Limits l;
    auto& c = l.constraints;
    if (o.max_util) {
        c.max_utilization = parse_flag("--max-util", *o.max_util,
                                       [](const std::string& t) { return units::parse_ratio(t); });
        if (*c.max_utilization <= 0.0) {
            throw UsageError("--max-util", "must be above 0%");
        }
        l.flags.emplace_back("utilization", "--max-util");
    }
    if (o.max_wait_prob) {
        c.max_p_wait = parse_flag("--max-wait-prob", *o.max_wait_prob,
                                  [](const std::string& t) { return units::parse_ratio(t); });
        l.flags.emplace_back("p_wait", "--max-wait-prob");
    }
    if (o.mean_wait) {
        c.max_mean_wait_s = parse_time("--mean-wait", *o.mean_wait);
        l.flags.emplace_back("mean_wait", "--mean-wait");
    }
    if (o.mean_response) {
        c.max_mean_response_s = parse_time("--mean-response", *o.mean_response);
        l.flags.emplace_back("mean_response", "--mean-response");
    }
    if (o.wait_p99) {
        c.max_wait_quantiles.push_back({0.99, parse_time("--wait-p99", *o.wait_p99)});
        l.flags.emplace_back(queueing::quantile_limit_name("wait", 0.99), "--wait-p99");
    }
    for (const auto& text : o.wait_p) {
        c.max_wait_quantiles.push_back(parse_quantile_limit("--wait-p", text));
        l.flags.emplace_back(queueing::quantile_limit_name("wait", c.max_wait_quantiles.back().q),
                             "--wait-p");
    }
    if (o.response_p99) {
        c.max_response_quantiles.push_back({0.99, parse_time("--response-p99", *o.response_p99)});
        l.flags.emplace_back(queueing::quantile_limit_name("response", 0.99), "--response-p99");
    }
    for (const auto& text : o.response_p) {
        c.max_response_quantiles.push_back(parse_quantile_limit("--response-p", text));
        l.flags.emplace_back(
            queueing::quantile_limit_name("response", c.max_response_quantiles.back().q),
            "--response-p");
    }
    return l;
}

Station parse_station(const QueueOptions& o) {
    Station s;
    s.arrival_rate_per_s = parse_flag(
        "--arrival", o.arrival, [](const std::string& t) { return units::parse_rate_per_s(t); });
    s.service_time_s = parse_time("--service", o.service);
    if (!(s.service_time_s > 0.0)) {
        throw UsageError("--service", "must be above 0");
    }
    if (s.arrival_rate_per_s * s.service_time_s > 1e12) {
        throw UsageError("--arrival", "the offered load is above 10^12 Erlangs");
    }
    if (o.arrival_cv) {
        const double cv = parse_cv("--arrival-cv", *o.arrival_cv);
        s.arrival_scv = cv * cv;
    }
    if (o.service_cv) {
        const double cv = parse_cv("--service-cv", *o.service_cv);
        s.service_scv = cv * cv;
    }
    if (o.capacity) {
        s.capacity = parse_whole_flag("--capacity", *o.capacity, 1, k_max_capacity);
        if (s.arrival_scv != 1.0 || s.service_scv != 1.0) {
            throw UsageError("--capacity",
                             "M/M/c/K needs Poisson arrivals and exponential service: drop "
                             "--arrival-cv/--service-cv or set them to 1");
        }
    }
    return s;
}

std::string model_name(const Station& s) {
    if (s.capacity) {
        return "M/M/c/K";
    }
    if (s.arrival_scv == 1.0 && s.service_scv == 1.0) {
        return "M/M/c";
    }
    if (s.arrival_scv == 1.0 && s.servers == 1) {
        return "M/G/1 (Pollaczek-Khinchine)";
    }
    return "G/G/c (Allen-Cunneen)";
}

report::QueueOutcome analyse(const Station& s) {
    report::QueueOutcome out;
    out.station = s;
    out.model = model_name(s);
    const queueing::QueueAnalysis analysis(s);
    out.metrics = analysis.metrics();
    constexpr std::array<double, 4> levels = {0.5, 0.9, 0.99, 0.999};
    for (std::size_t i = 0; i < levels.size(); ++i) {
        out.wait_quantiles_s[i] = analysis.wait_quantile_s(levels[i]);
        out.response_quantiles_s[i] = analysis.response_quantile_s(levels[i]);
    }
    if (out.metrics.saturated) {
        out.warnings.push_back(
            {"saturated",
             fmt::format("saturated: an offered load of {} Erlangs needs more than {} "
                         "servers; the queue grows without bound, so means and quantiles are "
                         "null",
                         units::human_significant(out.metrics.offered_erlangs, 6), s.servers)});
    }
    return out;
}

// The formats of queue (capplan(1) OUTPUT), the default first.
using QueueFormat = Format<std::string(const report::QueueOutcome&)>;
const QueueFormat k_formats[] = {
    {"table", report::render_queue_table},
    {"json", [](const report::QueueOutcome& q) { return report::render_queue_json(q, version()); }},
    {"csv", report::render_queue_csv},
};

std::string render(const report::QueueOutcome& q, const OutputOptions& o) {
    if (o.get) {
        const auto fields = report::queue_fields(q);
        for (const auto& f : fields) {
            if (f.name == *o.get) {
                return report::machine_text(f.value, "null") + "\n";
            }
        }
        std::string message = fmt::format("unknown output name '{}'", *o.get);
        if (auto guess = closest_match(*o.get, report::queue_field_names())) {
            message += fmt::format("; did you mean {}?", *guess);
        }
        throw UsageError("--get", message);
    }
    return find_format(k_formats, o.format, "queue").render(q);
}

// The flag an infeasible sizing is reported at: the limit that cannot be met or, when the
// search ran out of servers without one limit to blame, --arrival if the offered load alone
// needs that many and otherwise the first limit given (e.g. a --max-util of 1e-300).
std::string infeasible_flag(const Station& station, const Limits& limits,
                            const std::string& limit) {
    if (std::string flag = limits.flag_of(limit); !flag.empty()) {
        return flag;
    }
    const double offered = station.arrival_rate_per_s * station.service_time_s;
    if (offered >= static_cast<double>(k_max_servers) || limits.flags.empty()) {
        return "--arrival";
    }
    return limits.flags.front().second;
}

} // namespace

std::vector<std::string> queue_formats() {
    return format_names(k_formats);
}

ExitStatus run_queue(const QueueOptions& o) {
    Station station = parse_station(o);
    const Limits limits = parse_limits(o);
    std::string bound_by = "none";
    if (o.servers) {
        if (!limits.empty()) {
            throw UsageError("--servers",
                             fmt::format("analyses a given server count and cannot be combined "
                                         "with {}; drop one of them",
                                         limits.flags.front().second));
        }
        station.servers = parse_whole_flag("--servers", *o.servers, 1, k_max_servers);
        if (station.capacity && *station.capacity < station.servers) {
            throw UsageError("--capacity",
                             fmt::format("capacity {} is below the {}", *station.capacity,
                                         units::counted(station.servers, "server")));
        }
    } else {
        if (limits.empty()) {
            throw UsageError("", "give --servers N to analyse, or at least one limit "
                                 "(--max-util, --max-wait-prob, --mean-wait, --mean-response, "
                                 "--wait-p99, --response-p99, --wait-p, --response-p) to size");
        }
        const auto sized = queueing::size_servers(station, limits.constraints, k_max_servers);
        if (sized.status != queueing::SizingStatus::sized) {
            throw UsageError(infeasible_flag(station, limits, sized.limit),
                             "infeasible: " + sized.reason);
        }
        station.servers = sized.servers;
        bound_by = sized.bound_by;
    }
    report::QueueOutcome outcome = analyse(station);
    outcome.bound_by = bound_by;
    // Render before printing warnings, so an unknown --get fails alone.
    const std::string text = render(outcome, o.output);
    for (const auto& w : outcome.warnings) {
        print_warning(w.message);
    }
    write_output(text, o.output.output_file);
    return ExitStatus::ok;
}

} // namespace capplan::cli
