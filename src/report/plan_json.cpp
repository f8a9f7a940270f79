// The JSON of a plan (capplan(1) OUTPUT).

#include <nlohmann/json.hpp>

#include "report/plan_report.hpp"
#include "report/value.hpp"
#include "tiers/bill.hpp"

namespace capplan::report {

std::string render_plan_json(const planner::Plan& plan, const std::string& version) {
    using Json = nlohmann::ordered_json;
    Json doc;
    doc["schema_version"] = 2;
    doc["tool"] = {{"name", "capplan"}, {"version", version}};
    doc["workload"] = {
        {"name", plan.workload_name},
        {"file", plan.workload_file.empty() ? Json(nullptr) : Json(plan.workload_file)}};
    doc["currency"] = plan.currency;
    Json points = Json::array();
    for (const auto& p : plan.points) {
        Json point = Json::object();
        point["users"] = json_value(real_or_null(p.users));
        point["feasible"] = p.feasible;
        point["stage"] = p.stage.names();
        for (const auto& m : metric_registry()) {
            if (m.group().empty()) {
                continue; // users, feasible and stage, above
            }
            point[std::string(m.group())][std::string(m.name())] = json_value(m.read(p));
        }
        // The bill as line items (docs/models.md#cost), in the order the tiers added them.
        Json lines = Json::array();
        for (const tiers::BillLine& line : p.bill.lines()) {
            lines.push_back({{"group", std::string(tiers::group_name(line.group))},
                             {"kind", std::string(tiers::kind_name(line.kind))},
                             {"quantity", json_value(real_or_null(line.quantity))},
                             {"unit", std::string(tiers::unit_name(line.unit))},
                             {"unit_price", json_value(real_or_null(line.unit_price))},
                             {"monthly_cost", json_value(real_or_null(line.monthly_cost))}});
        }
        point["lines"] = std::move(lines);
        points.push_back(std::move(point));
    }
    doc["points"] = std::move(points);
    Json breakpoints = Json::array();
    for (const auto& b : plan.breakpoints) {
        const auto step = [](const planner::StepValue& v) {
            return std::visit([](const auto& x) { return Json(x); }, v);
        };
        breakpoints.push_back({{"metric", b.metric},
                               {"from", step(b.from)},
                               {"to", step(b.to)},
                               {"at_users", json_value(real_or_null(b.at_users))},
                               {"below_users", json_value(real_or_null(b.below_users))}});
    }
    doc["breakpoints"] = std::move(breakpoints);
    Json changes = Json::array();
    for (const auto& c : plan.stage_changes) {
        Json change = {{"at_users", json_value(real_or_null(c.at_users))},
                       {"below_users", json_value(real_or_null(c.below_users))},
                       {"component", c.component},
                       {"change", c.change},
                       {"reason", c.reason}};
        if (c.until_users) {
            change["until_users"] = json_value(real_or_null(*c.until_users));
        }
        changes.push_back(std::move(change));
    }
    doc["stage_changes"] = std::move(changes);
    Json warnings = Json::array();
    for (const auto& w : plan.warnings) {
        warnings.push_back({{"code", w.code},
                            {"message", w.message},
                            {"at_users", json_value(real_or_null(w.at_users))}});
    }
    doc["warnings"] = std::move(warnings);
    return doc.dump(2) + "\n";
}

} // namespace capplan::report
