#include "report/network_report.hpp"

#include <cmath>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "common/version.hpp"
#include "report/csv.hpp"
#include "report/numbers.hpp"
#include "report/text_table.hpp"
#include "report/value.hpp"
#include "units/human.hpp"

namespace capplan::report {
namespace {

using queueing::NetworkKind;
using queueing::NetworkResult;
using queueing::NetworkStationResult;

// ---- table: numbers for people (units/human.hpp); infinite means read "saturated" ---------

std::string significant(double x) {
    return units::human_number(x);
}

std::string duration(double s) {
    return std::isfinite(s) ? units::human_duration(s) : "saturated";
}

std::string count(double x) {
    return std::isfinite(x) ? significant(x) : "saturated";
}

std::string saturation_warning(const NetworkStationResult& s) {
    return fmt::format("station '{}' is saturated (utilization would be 100% or more): its "
                       "queue grows without bound",
                       s.name);
}

// ---- machine formats ---------------------------------------------------------------------

nlohmann::ordered_json json_number(double x) {
    return json_value(real_or_null(x));
}

Cell csv_number(double x) {
    return number_cell(format_real_or(x, ""));
}
Cell csv_bool(bool b) {
    return text_cell(b ? "true" : "false");
}

} // namespace

std::vector<Warning> network_warnings(const NetworkResult& result) {
    std::vector<Warning> warnings;
    for (const NetworkStationResult& s : result.stations) {
        if (s.saturated) {
            warnings.push_back({"saturated", saturation_warning(s)});
        }
    }
    return warnings;
}

std::string render_network_table(const NetworkResult& result) {
    std::string out;
    if (result.kind == NetworkKind::open) {
        out =
            fmt::format("open network: {} jobs/s arrive\n", significant(result.arrival_rate_per_s));
    } else {
        out = fmt::format("closed network: {}, think time {}\n",
                          units::counted(result.population, "job"), duration(result.think_time_s));
    }
    TextTable table;
    table.add_column("station", Align::left);
    table.add_column("servers", Align::right);
    table.add_column("visits", Align::right);
    table.add_column("throughput/s", Align::right);
    table.add_column("utilization", Align::right);
    table.add_column("in station", Align::right);
    table.add_column("response/visit", Align::right);
    table.add_column("residence", Align::right);
    for (const NetworkStationResult& s : result.stations) {
        const std::string util = s.is_delay ? "-" : fmt::format("{:.1f}%", s.utilization * 100.0);
        table.add_row({s.name, s.is_delay ? "delay" : std::to_string(s.servers),
                       significant(s.visits), significant(s.throughput_per_s), util,
                       count(s.mean_in_station), duration(s.response_per_visit_s),
                       duration(s.residence_s)});
    }
    const auto& sys = result.system;
    table.add_row({"system", "", "", significant(sys.throughput_per_s), "",
                   count(sys.mean_in_system), "", duration(sys.response_s)});
    out += table.render();
    return out;
}

std::string render_network_json(const NetworkResult& result,
                                const std::string& file_name_or_empty) {
    using Json = nlohmann::ordered_json;
    Json doc;
    doc["schema_version"] = 1;
    doc["tool"] = {{"name", "capplan"}, {"version", version()}};
    Json network;
    network["file"] = file_name_or_empty.empty() ? Json(nullptr) : Json(file_name_or_empty);
    if (result.kind == NetworkKind::open) {
        network["kind"] = "open";
        network["arrival_rate_per_s"] = json_number(result.arrival_rate_per_s);
    } else {
        network["kind"] = "closed";
        network["population"] = result.population;
        network["think_time_s"] = json_number(result.think_time_s);
    }
    doc["network"] = network;
    Json stations = Json::array();
    Json warnings = Json::array();
    for (const NetworkStationResult& s : result.stations) {
        Json j;
        j["name"] = s.name;
        j["servers"] = s.is_delay ? Json(nullptr) : Json(s.servers);
        j["delay"] = s.is_delay;
        j["service_time_s"] = json_number(s.service_time_s);
        j["visits"] = json_number(s.visits);
        j["throughput_per_s"] = json_number(s.throughput_per_s);
        j["utilization"] = json_number(s.utilization);
        j["mean_in_station"] = json_number(s.mean_in_station);
        j["response_per_visit_s"] = json_number(s.response_per_visit_s);
        j["residence_s"] = json_number(s.residence_s);
        j["saturated"] = s.saturated;
        stations.push_back(j);
        if (s.saturated) {
            warnings.push_back(
                {{"code", "saturated"}, {"station", s.name}, {"message", saturation_warning(s)}});
        }
    }
    doc["stations"] = stations;
    Json system;
    system["throughput_per_s"] = json_number(result.system.throughput_per_s);
    system["mean_in_system"] = json_number(result.system.mean_in_system);
    system["response_s"] = json_number(result.system.response_s);
    if (result.kind == NetworkKind::closed) {
        system["mean_thinking"] = json_number(result.system.mean_thinking);
    }
    system["saturated"] = result.system.saturated;
    doc["system"] = system;
    doc["warnings"] = warnings;
    return doc.dump(2) + "\n";
}

std::string render_network_csv(const NetworkResult& result) {
    std::string out = csv_record({text_cell("station"), text_cell("servers"), text_cell("delay"),
                                  text_cell("service_time_s"), text_cell("visits"),
                                  text_cell("throughput_per_s"), text_cell("utilization"),
                                  text_cell("mean_in_station"), text_cell("response_per_visit_s"),
                                  text_cell("residence_s"), text_cell("saturated")});
    for (const NetworkStationResult& s : result.stations) {
        out += csv_record({text_cell(s.name), number_cell(s.is_delay ? "" : format_int(s.servers)),
                           csv_bool(s.is_delay), csv_number(s.service_time_s), csv_number(s.visits),
                           csv_number(s.throughput_per_s), csv_number(s.utilization),
                           csv_number(s.mean_in_station), csv_number(s.response_per_visit_s),
                           csv_number(s.residence_s), csv_bool(s.saturated)});
    }
    const auto& sys = result.system;
    out += csv_record({text_cell("system"), number_cell(""), number_cell(""), number_cell(""),
                       number_cell(""), csv_number(sys.throughput_per_s), number_cell(""),
                       csv_number(sys.mean_in_system), number_cell(""), csv_number(sys.response_s),
                       csv_bool(sys.saturated)});
    return out;
}

} // namespace capplan::report
