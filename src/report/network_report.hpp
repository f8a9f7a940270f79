#pragma once
// Renderers for `capplan network` (capplan(1) NETWORK FILES): one solved network as a table for
// people, JSON or CSV. Pure functions; a quantity with no finite value (a saturated open station's
// means) is JSON null, an empty CSV cell, and "saturated" in the table — never nan or inf.

#include <string>

#include <vector>

#include "queueing/network.hpp"
#include "report/value.hpp"

namespace capplan::report {

// One warning per saturated open station (the CLI prints them on stderr; JSON lists them).
[[nodiscard]] std::vector<Warning> network_warnings(const queueing::NetworkResult& result);

// A summary line, one row per station and a `system` row. Times with units (µs … h), utilizations
// in percent, delay stations show servers "delay" and utilization "-".
[[nodiscard]] std::string render_network_table(const queueing::NetworkResult& result);

// One object, two-space indent, trailing newline: schema_version, tool{name, version},
// network{file (null when file_name_or_empty is empty), kind, arrival_rate_per_s (open) |
// population, think_time_s (closed)}, stations[{name, servers (null for delay), delay,
// service_time_s, visits, throughput_per_s, utilization, mean_in_station, response_per_visit_s,
// residence_s, saturated}], system{throughput_per_s, mean_in_system, response_s,
// mean_thinking (closed), saturated}, warnings[{code, station, message}].
[[nodiscard]] std::string render_network_json(const queueing::NetworkResult& result,
                                              const std::string& file_name_or_empty);

// RFC 4180, CRLF. Header: station, servers, delay, service_time_s, visits, throughput_per_s,
// utilization, mean_in_station, response_per_visit_s, residence_s, saturated. The last row is
// `system`: its mean_in_station is the mean number in the system and its residence_s the
// system response time; cells that do not apply are empty.
[[nodiscard]] std::string render_network_csv(const queueing::NetworkResult& result);

} // namespace capplan::report
