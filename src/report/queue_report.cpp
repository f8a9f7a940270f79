#include "report/queue_report.hpp"

#include <cmath>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "report/csv.hpp"
#include "report/text_table.hpp"
#include "units/human.hpp"

namespace capplan::report {
namespace {

using units::human_duration;
using units::human_number;
using units::human_percent;
using units::human_rate;

constexpr std::array<const char*, 4> k_levels = {"p50", "p90", "p99", "p999"};
constexpr std::array<const char*, 4> k_level_labels = {"p50", "p90", "p99", "p99.9"};

QueueField real_field(std::string name, double x, std::string label, std::string human) {
    return QueueField{std::move(name), real_or_null(x), std::move(label), std::move(human)};
}

} // namespace

std::vector<QueueField> queue_fields(const QueueOutcome& q) {
    const auto& m = q.metrics;
    std::vector<QueueField> f;
    f.push_back({"servers", m.servers, "servers", human_number(static_cast<double>(m.servers))});
    f.push_back(
        real_field("utilization", m.utilization, "utilization", human_percent(m.utilization)));
    f.push_back(real_field("p_wait", m.p_wait, "P(wait)", human_percent(m.p_wait)));
    f.push_back(
        real_field("blocking_prob", m.blocking_prob, "P(blocked)", human_percent(m.blocking_prob)));
    f.push_back(real_field("throughput_per_s", m.throughput_per_s, "throughput",
                           human_rate(m.throughput_per_s)));
    f.push_back(real_field("mean_queue_length", m.mean_queue_length, "mean queue length",
                           human_number(m.mean_queue_length)));
    f.push_back(real_field("mean_in_system", m.mean_in_system, "mean in system",
                           human_number(m.mean_in_system)));
    f.push_back(
        real_field("mean_wait_s", m.mean_wait_s, "mean wait", human_duration(m.mean_wait_s)));
    f.push_back(real_field("mean_response_s", m.mean_response_s, "mean response",
                           human_duration(m.mean_response_s)));
    for (std::size_t i = 0; i < k_levels.size(); ++i) {
        f.push_back(real_field(fmt::format("wait_{}_s", k_levels[i]), q.wait_quantiles_s[i],
                               fmt::format("wait {}", k_level_labels[i]),
                               human_duration(q.wait_quantiles_s[i])));
    }
    for (std::size_t i = 0; i < k_levels.size(); ++i) {
        f.push_back(real_field(fmt::format("response_{}_s", k_levels[i]), q.response_quantiles_s[i],
                               fmt::format("response {}", k_level_labels[i]),
                               human_duration(q.response_quantiles_s[i])));
    }
    f.push_back({"saturated", m.saturated, "saturated", m.saturated ? "yes" : "no"});
    f.push_back({"bound_by", q.bound_by, "bound by", q.bound_by});
    f.push_back({"model", q.model, "model", q.model});
    f.push_back(real_field("offered_erlangs", m.offered_erlangs, "offered load",
                           human_number(m.offered_erlangs) + " Erlangs"));
    return f;
}

std::vector<std::string> queue_field_names() {
    std::vector<std::string> names;
    for (const auto& f : queue_fields(QueueOutcome{})) {
        names.push_back(f.name);
    }
    return names;
}

std::string render_queue_table(const QueueOutcome& q) {
    const auto& s = q.station;
    std::string out =
        fmt::format("{}: arrivals {}, service {}", q.model, human_rate(s.arrival_rate_per_s),
                    human_duration(s.service_time_s));
    if (s.arrival_scv != 1.0 || s.service_scv != 1.0) {
        out += fmt::format(" (cv {} arrivals, {} service)", human_number(std::sqrt(s.arrival_scv)),
                           human_number(std::sqrt(s.service_scv)));
    }
    if (s.capacity) {
        out += fmt::format(", capacity {}", human_number(static_cast<double>(*s.capacity)));
    }
    out += "\n\n";
    TextTable t;
    t.add_column("metric", Align::left);
    t.add_column("value", Align::right);
    for (const auto& f : queue_fields(q)) {
        if (f.name == "model") {
            continue;
        }
        t.add_row({f.label, f.human});
    }
    return out + t.render();
}

std::string render_queue_json(const QueueOutcome& q, const std::string& version) {
    nlohmann::ordered_json j;
    j["schema_version"] = 1;
    j["tool"] = {{"name", "capplan"}, {"version", version}};
    const auto& s = q.station;
    j["inputs"] = {
        {"arrival_rate_per_s", json_value(real_or_null(s.arrival_rate_per_s))},
        {"service_time_s", json_value(real_or_null(s.service_time_s))},
        {"arrival_cv", json_value(real_or_null(std::sqrt(s.arrival_scv)))},
        {"service_cv", json_value(real_or_null(std::sqrt(s.service_scv)))},
        {"capacity", s.capacity ? nlohmann::ordered_json(*s.capacity) : nullptr},
    };
    nlohmann::ordered_json result = nlohmann::ordered_json::object();
    for (const auto& f : queue_fields(q)) {
        result[f.name] = json_value(f.value);
    }
    j["result"] = result;
    j["warnings"] = nlohmann::ordered_json::array();
    for (const auto& w : q.warnings) {
        j["warnings"].push_back({{"code", w.code}, {"message", w.message}});
    }
    return j.dump(2) + "\n";
}

std::string render_queue_csv(const QueueOutcome& q) {
    std::vector<Cell> header;
    std::vector<Cell> row;
    for (const auto& f : queue_fields(q)) {
        header.push_back(text_cell(f.name));
        const std::string text = machine_text(f.value, "");
        row.push_back(is_text(f.value) ? text_cell(text) : number_cell(text));
    }
    return csv_record(header) + csv_record(row);
}

} // namespace capplan::report
