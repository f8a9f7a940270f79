#pragma once
// The result of `capplan queue` and its renderings (capplan(1) capplan queue): one list of named
// fields drives table, json, csv and --get.

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "queueing/station.hpp"
#include "report/value.hpp"

namespace capplan::report {

// Everything `queue` computed, in base units (seconds, per second).
struct QueueOutcome {
    std::string model; // "M/M/c", "G/G/c (Allen-Cunneen)", "M/G/1", "M/M/c/K"
    queueing::Station station;
    queueing::StationMetrics metrics;
    std::array<double, 4> wait_quantiles_s{};     // p50, p90, p99, p99.9; +inf when unbounded
    std::array<double, 4> response_quantiles_s{}; // same levels
    std::string bound_by = "none"; // the limit that sized the count; "none" when analysed
    std::vector<Warning> warnings;
};

// One output field: its bare name (capplan(1) capplan queue), value, and the label and text of the
// table.
struct QueueField {
    std::string name;
    Value value;
    std::string label;
    std::string human;
};

// The fields in output order: the names of capplan(1) capplan queue, then bound_by, model,
// offered_erlangs.
[[nodiscard]] std::vector<QueueField> queue_fields(const QueueOutcome& q);

// The names accepted by --get, in output order.
[[nodiscard]] std::vector<std::string> queue_field_names();

[[nodiscard]] std::string render_queue_table(const QueueOutcome& q);
[[nodiscard]] std::string render_queue_json(const QueueOutcome& q, const std::string& version);
[[nodiscard]] std::string render_queue_csv(const QueueOutcome& q);

} // namespace capplan::report
