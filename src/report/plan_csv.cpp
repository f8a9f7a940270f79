// CSV, TSV and --get for a plan (capplan(1) capplan plan).

#include "report/csv.hpp"
#include "report/plan_report.hpp"
#include "report/value.hpp"

namespace capplan::report {
namespace {

std::vector<const MetricDef*> columns(const std::vector<const MetricDef*>& fields) {
    std::vector<const MetricDef*> out;
    if (fields.empty()) {
        for (const auto& m : metric_registry()) {
            out.push_back(&m);
        }
        return out;
    }
    out.push_back(find_metric("users"));
    for (const MetricDef* m : fields) {
        if (m->path != "users") {
            out.push_back(m);
        }
    }
    return out;
}

template <class Record>
std::string render_delimited(const planner::Plan& plan, const std::vector<const MetricDef*>& fields,
                             Record record) {
    const auto cols = columns(fields);
    std::vector<Cell> header;
    header.reserve(cols.size());
    for (const MetricDef* m : cols) {
        header.push_back(text_cell(std::string(m->path)));
    }
    std::string out = record(header);
    for (const auto& p : plan.points) {
        std::vector<Cell> row;
        for (const MetricDef* m : cols) {
            const Value v = m->read(p);
            const std::string text = machine_text(v, "");
            row.push_back(is_text(v) ? text_cell(text) : number_cell(text));
        }
        out += record(row);
    }
    return out;
}

} // namespace

std::string render_plan_csv(const planner::Plan& plan,
                            const std::vector<const MetricDef*>& fields) {
    return render_delimited(plan, fields, [](const auto& cells) { return csv_record(cells); });
}

std::string render_plan_tsv(const planner::Plan& plan,
                            const std::vector<const MetricDef*>& fields) {
    return render_delimited(plan, fields, [](const auto& cells) { return tsv_record(cells); });
}

std::string render_plan_get(const planner::Plan& plan, const MetricDef& metric) {
    if (plan.points.size() == 1) {
        return machine_text(metric.read(plan.points.front()), "null") + "\n";
    }
    std::string out;
    for (const auto& p : plan.points) {
        out += machine_text(real_or_null(p.users), "null") + "\t" +
               machine_text(metric.read(p), "null") + "\n";
    }
    return out;
}

} // namespace capplan::report
