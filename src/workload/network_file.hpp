#pragma once
// The network file of `capplan network` (capplan(1) NETWORK FILES): TOML → validated
// queueing::NetworkSpec.
//
//   kind = "open" | "closed"          required
//   arrival_rate = "3/s"              open, visit form: jobs entering the network per second
//   population = 50                   closed: jobs in the network, integer 1 .. 100000
//   think_time = "5s"                 closed: think time per cycle, default 0
//   [[station]]                       one table per station, at least one
//   name = "cpu"                      required, unique, not "system"
//   servers = 4                       integer ≥ 1, default 1
//   delay = true                      infinite-server node (no queue); excludes `servers`
//   service_time = "10ms"             required: mean service time per visit, > 0
//   visits = 16                       visit form: visits per job (open) or per cycle (closed)
//   arrival_rate = "2/s"              open, routing form: external arrivals, default 0
//   [routing]                         routing form: FROM = { TO = probability, ... }
//   cpu = { disk = 0.3, "web 2" = "40%" }
//
// Durations are seconds or unit strings ("10ms"), rates are per second or unit strings ("3/s").
// Without [routing] every station gives `visits`; with it none does. Open rows may sum to less
// than 1 (the rest leaves the network); closed rows sum to 1 and the visits are normalised to
// one visit of the first station per cycle (the think time is spent once per cycle).

#include <cstdint>
#include <string>
#include <string_view>

#include "queueing/network.hpp"

namespace capplan::workload {

inline constexpr std::int64_t k_max_population = 100000;
inline constexpr std::int64_t k_max_network_servers = 10000000;
inline constexpr std::size_t k_max_network_stations = 500;
inline constexpr std::size_t k_max_station_name = 64;
// Service and think times in [0, k_max_time_s] s, rates ≤ k_max_rate_per_s, visits ≤
// k_max_visits: the products of these stay far from overflow.
inline constexpr double k_max_time_s = 1e9;
inline constexpr double k_max_rate_per_s = 1e12;
inline constexpr double k_max_visits = 1e9;

// Parses and validates a network file's text; `display_name` is used in diagnostics (file path
// or "<stdin>"). Every problem throws capplan::InputError with the line and column of the bad
// value (0 when it concerns the file as a whole). The result solves without error.
[[nodiscard]] queueing::NetworkSpec parse_network(std::string_view text,
                                                  const std::string& display_name);

} // namespace capplan::workload
