// `capplan check -f json`: the CheckReport as one object (check_report.hpp).

#include <nlohmann/json.hpp>

#include "report/check_report.hpp"
#include "report/value.hpp"

namespace capplan::report {
namespace {

using Json = nlohmann::ordered_json;

Json number_or_null(const std::optional<double>& x) {
    return x ? json_value(real_or_null(*x)) : Json(nullptr);
}

Json text_or_null(const std::string& s) {
    return s.empty() ? Json(nullptr) : Json(s);
}

std::string lower(const char* word) {
    std::string out = word;
    for (char& c : out) {
        c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

} // namespace

std::string render_check_json(const CheckReport& report, const std::string& version) {
    Json doc;
    doc["schema_version"] = 1;
    doc["tool"] = {{"name", "capplan"}, {"version", version}};
    doc["workload"] = {{"name", report.workload_name},
                       {"file", text_or_null(report.workload_file)}};
    doc["currency"] = report.currency;
    doc["baseline"] = text_or_null(report.baseline_file);
    doc["strict"] = report.strict;
    doc["outcome"] = lower(outcome_name(report.outcome()));
    doc["counts"] = {{"fail", report.count(Outcome::fail)},
                     {"warn", report.count(Outcome::warn)},
                     {"pass", report.count(Outcome::pass)}};
    doc["cost"] = {{"metric", "total.monthly_cost"},
                   {"at_users", json_value(real_or_null(report.cost.users))},
                   {"value", number_or_null(report.cost.current)},
                   {"baseline", number_or_null(report.cost.baseline)}};
    Json results = Json::array();
    for (const auto& r : report.results) {
        const auto& b = report.budgets.at(r.budget);
        Json item;
        item["id"] = b.id;
        item["metric"] = b.metric;
        item["level"] = b.level == workload::BudgetLevel::error ? "error" : "warn";
        item["file"] = text_or_null(b.file);
        item["line"] = b.file.empty() ? Json(nullptr) : Json(b.pos.line);
        item["users"] = json_value(real_or_null(r.users));
        item["limit"] = limit_name(r.kind);
        item["expected"] = json_value(real_or_null(r.limit));
        item["actual"] = number_or_null(r.actual);
        if (r.kind == LimitKind::max_increase || r.kind == LimitKind::max_increase_pct) {
            item["baseline"] = number_or_null(r.baseline);
            item["change"] = number_or_null(r.change);
        }
        item["margin"] = number_or_null(r.margin);
        item["outcome"] = lower(outcome_name(r.outcome));
        item["problem"] = text_or_null(r.problem);
        item["message"] = text_or_null(b.message);
        results.push_back(std::move(item));
    }
    doc["results"] = std::move(results);
    Json issues = Json::array();
    for (const auto& i : report.issues) {
        issues.push_back({{"code", i.code},
                          {"message", i.message},
                          {"at_users", json_value(real_or_null(i.at_users))},
                          {"outcome", lower(outcome_name(i.outcome))}});
    }
    doc["plan_warnings"] = std::move(issues);
    // A file name given on the command line need not be UTF-8: replace, never throw.
    return doc.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

} // namespace capplan::report
