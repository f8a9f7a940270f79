// `capplan diff` for programs: json and csv (diff_report.hpp).

#include <nlohmann/json.hpp>

#include "report/csv.hpp"
#include "report/diff_report.hpp"
#include "report/numbers.hpp"
#include "report/value.hpp"

namespace capplan::report {
namespace {

using Json = nlohmann::ordered_json;

Json value_or_null(const std::optional<Value>& v) {
    return v ? json_value(*v) : Json(nullptr);
}

Json number_or_null(const std::optional<double>& x) {
    return x ? json_value(real_or_null(*x)) : Json(nullptr);
}

Cell value_cell(const std::optional<Value>& v) {
    if (!v) {
        return number_cell("");
    }
    const std::string text = machine_text(*v, "");
    return is_text(*v) ? text_cell(text) : number_cell(text);
}

Cell number_or_empty(const std::optional<double>& x) {
    return number_cell(x ? format_real_or(*x, "") : "");
}

} // namespace

std::string render_diff_json(const PlanDiff& diff, const std::string& version) {
    Json doc;
    doc["schema_version"] = 1;
    doc["tool"] = {{"name", "capplan"}, {"version", version}};
    doc["base"] = {{"label", diff.base_label}, {"name", diff.base_name}};
    doc["new"] = {{"label", diff.new_label}, {"name", diff.new_name}};
    doc["currency"] = diff.currency;
    Json points = Json::array();
    for (const auto& p : diff.points) {
        Json metrics = Json::object();
        for (const auto& d : p.metrics) {
            metrics[std::string(d.metric->path)] = {{"old", value_or_null(d.old_value)},
                                                    {"new", value_or_null(d.new_value)},
                                                    {"change", number_or_null(d.change)},
                                                    {"relative_change", number_or_null(d.relative)},
                                                    {"status", diff_status_name(d.status)}};
        }
        points.push_back({{"users", json_value(real_or_null(p.users))}, {"metrics", metrics}});
    }
    doc["points"] = std::move(points);
    return doc.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::string render_diff_csv(const PlanDiff& diff) {
    std::string out =
        csv_record({text_cell("users"), text_cell("metric"), text_cell("old"), text_cell("new"),
                    text_cell("change"), text_cell("relative_change"), text_cell("status")});
    for (const auto& p : diff.points) {
        for (const auto& d : p.metrics) {
            out += csv_record({number_cell(format_real(p.users)),
                               text_cell(std::string(d.metric->path)), value_cell(d.old_value),
                               value_cell(d.new_value), number_or_empty(d.change),
                               number_or_empty(d.relative), text_cell(diff_status_name(d.status))});
        }
    }
    return out;
}

} // namespace capplan::report
