// Plans for people: the table and markdown formats (capplan(1) OUTPUT). Numbers are rounded and
// carry units; the exact values are in json/csv.

#include <algorithm>

#include <fmt/format.h>

#include "report/grid.hpp"
#include "report/human_value.hpp"
#include "report/plan_report.hpp"
#include "report/value.hpp"
#include "units/human.hpp"

namespace capplan::report {
namespace {

// The summary's longest entry, in lines (capplan(1) --breakpoints); all lists every step.
constexpr std::size_t k_max_breakpoint_lines = 4;

using planner::PointPlan;
using units::human_bytes;
using units::human_number;
using units::human_percent;
using units::human_users;

std::string money(double amount, const std::string& currency) {
    return units::human_money(amount, currency);
}

// The users cell: "!" marks a point that misses a limit.
// The users column's significant figures: enough to tell every printed point apart
// ("543.6k" and "544.4k", not "544k" twice).
int users_digits(const std::vector<PointPlan>& points) {
    std::vector<double> users;
    for (const PointPlan& p : points) {
        users.push_back(p.users);
    }
    return units::users_digits(users);
}

std::string users_cell(const PointPlan& p, int digits) {
    return human_users(p.users, digits) + (p.feasible ? "" : " !");
}

Grid fields_grid(const planner::Plan& plan, const std::vector<const MetricDef*>& fields) {
    Grid g;
    g.headers.emplace_back("users");
    g.aligns.push_back(Align::right);
    for (const MetricDef* m : fields) {
        if (m->path == "users") {
            continue;
        }
        g.headers.emplace_back(m->path);
        g.aligns.push_back(m->is_numeric() ? Align::right : Align::left);
    }
    const int digits = users_digits(plan.points);
    for (const auto& p : plan.points) {
        std::vector<std::string> row = {users_cell(p, digits)};
        for (const MetricDef* m : fields) {
            if (m->path != "users") {
                row.push_back(human_value_at(*m, p, plan.currency));
            }
        }
        g.rows.push_back(std::move(row));
    }
    return g;
}

Grid growth_grid(const planner::Plan& plan) {
    Grid g;
    g.headers = {"users",   "stage",    "web",     "db shards x (1+replicas)", "cache", "cdn/mo",
                 "workers", "headroom", "total/mo"};
    g.aligns = {Align::right, Align::left,  Align::right, Align::right, Align::right,
                Align::right, Align::right, Align::right, Align::right};
    const int digits = users_digits(plan.points);
    for (const auto& p : plan.points) {
        const std::string db =
            p.db.shards == 0 ? "-"
                             : fmt::format("{} x (1+{})", p.db.shards, p.db.replicas_per_shard);
        g.rows.push_back(
            {users_cell(p, digits), planner::short_stage(p.stage), fmt::format("{}", p.web.servers),
             db, p.cache.nodes == 0 ? "-" : human_bytes(p.cache.memory_bytes),
             p.cdn.monthly_cost == 0.0 ? "-" : money(p.cdn.monthly_cost, plan.currency),
             p.queue.workers == 0 ? "-" : fmt::format("{}", p.queue.workers),
             fmt::format("{:.2f}", p.failover.headroom_ratio),
             money(p.total.monthly_cost, plan.currency)});
    }
    return g;
}

Grid breakdown_grid(const planner::Plan& plan) {
    const PointPlan& p = plan.points.front();
    const std::string& cur = plan.currency;
    Grid g;
    g.headers = {"tier", "size", "load", "detail", "cost/mo"};
    g.aligns = {Align::left, Align::left, Align::right, Align::left, Align::right};
    g.rows.push_back(
        {"traffic", fmt::format("{} peak", units::human_rate(p.traffic.peak_rps)), "",
         fmt::format("reads {}, writes {}, static {}", units::human_rate(p.traffic.read_rps),
                     units::human_rate(p.traffic.write_rps),
                     units::human_rate(p.traffic.static_rps)),
         ""});
    if (p.lb.instances > 0) {
        g.rows.push_back({"lb", fmt::format("{} instances", p.lb.instances),
                          human_percent(p.lb.utilization), "",
                          units::human_monthly_cost(p.lb.monthly_cost, cur)});
    }
    g.rows.push_back({"web", units::counted(p.web.servers, "server"),
                      human_percent(p.web.utilization),
                      fmt::format("needed {}, bound by {}, p99 {}", p.web.servers_needed,
                                  p.web.bound_by, units::human_duration(p.web.latency_p99_s)),
                      units::human_monthly_cost(p.web.monthly_cost, cur)});
    if (p.db.primaries > 0) {
        g.rows.push_back(
            {"db",
             fmt::format("{} x (1+{}) {}", p.db.shards, p.db.replicas_per_shard, p.db.instance),
             human_percent(p.db.primary_utilization),
             fmt::format("replicas {}, bound by {}, {} per copy",
                         human_percent(p.db.replica_utilization), p.db.bound_by,
                         human_bytes(p.db.storage_bytes)),
             units::human_monthly_cost(p.db.monthly_cost, cur)});
    }
    if (p.cache.nodes > 0) {
        g.rows.push_back({"cache", units::counted(p.cache.nodes, "node"),
                          human_percent(p.cache.utilization),
                          fmt::format("{}, hit ratio {}", human_bytes(p.cache.memory_bytes),
                                      human_percent(p.cache.hit_ratio)),
                          units::human_monthly_cost(p.cache.monthly_cost, cur)});
    }
    if (p.blob.monthly_cost > 0.0) {
        g.rows.push_back({"blob", human_bytes(p.blob.storage_bytes), "", "",
                          units::human_monthly_cost(p.blob.monthly_cost, cur)});
    }
    if (p.cdn.monthly_cost > 0.0) {
        g.rows.push_back(
            {"cdn", fmt::format("{}/mo", human_bytes(p.cdn.egress_bytes_per_month)), "",
             fmt::format("without a CDN {}",
                         units::human_monthly_cost(p.cdn.monthly_cost_without_cdn, cur)),
             units::human_monthly_cost(p.cdn.monthly_cost, cur)});
    }
    if (p.queue.workers > 0) {
        g.rows.push_back({"queue", units::counted(p.queue.workers, "worker"),
                          human_percent(p.queue.utilization),
                          fmt::format("{} at the trough, mean wait {}", p.queue.workers_min,
                                      units::human_duration(p.queue.mean_wait_s)),
                          units::human_monthly_cost(p.queue.monthly_cost, cur)});
    }
    if (p.sessions.monthly_cost > 0.0) {
        g.rows.push_back({"sessions", human_bytes(p.sessions.memory_bytes), "",
                          fmt::format("{} stored", human_number(p.sessions.stored)),
                          units::human_monthly_cost(p.sessions.monthly_cost, cur)});
    }
    if (p.logs.monthly_cost > 0.0) {
        g.rows.push_back({"logs", fmt::format("{}/day", human_bytes(p.logs.bytes_per_day)), "",
                          fmt::format("{} series", human_number(p.logs.metric_series)),
                          units::human_monthly_cost(p.logs.monthly_cost, cur)});
    }
    g.rows.push_back({"failover", units::counted(p.failover.datacenters, "data centre"), "",
                      fmt::format("headroom {:.2f}, {}", p.failover.headroom_ratio,
                                  units::counted(p.failover.extra_servers, "extra server")),
                      units::human_monthly_cost(p.failover.extra_monthly_cost, cur)});
    g.rows.push_back({"availability",
                      units::human_percent_against(p.availability.total, p.availability.target), "",
                      fmt::format("target {}, downtime {}/mo", human_percent(p.availability.target),
                                  units::human_duration(p.availability.downtime_s_per_month)),
                      ""});
    g.rows.push_back({"total", units::counted(p.total.servers, "server"), "",
                      fmt::format("{} per user, {} per million requests",
                                  money(p.total.monthly_cost_per_user, cur),
                                  money(p.total.cost_per_million_requests, cur)),
                      units::human_monthly_cost(p.total.monthly_cost, cur)});
    return g;
}

std::string changes_text(const planner::Plan& plan, bool markdown) {
    if (plan.stage_changes.empty()) {
        return {};
    }
    std::string out = markdown ? "\n### Stage changes\n\n" : "\nstage changes:\n";
    for (const auto& c : plan.stage_changes) {
        const std::string_view sign = c.change == "added"     ? "+"
                                      : c.change == "dropped" ? "-"
                                      : c.change == "present" ? ""
                                                              : "~";
        const std::string where =
            c.until_users ? human_users(c.at_users) + ".." + units::users_text(*c.until_users)
                          : units::users_text(c.at_users);
        out += wrap_words(fmt::format("{}{}: {}{} ({}): {}", markdown ? "- at " : "  at ", where,
                                      sign, c.component, c.change, c.reason),
                          6) +
               "\n";
    }
    return out;
}

std::string breakpoints_text(const planner::Plan& plan, bool markdown, BreakpointView view) {
    if (plan.breakpoints.empty() || view == BreakpointView::none) {
        return {};
    }
    std::string out = markdown ? "\n### Breakpoints\n\n" : "\nbreakpoints:\n";
    // One entry per metric, in the order the metrics first step.
    std::vector<std::string> order;
    for (const auto& b : plan.breakpoints) {
        if (std::find(order.begin(), order.end(), b.metric) == order.end()) {
            order.push_back(b.metric);
        }
    }
    for (const auto& metric : order) {
        std::vector<const planner::Breakpoint*> steps;
        for (const auto& b : plan.breakpoints) {
            if (b.metric == metric) {
                steps.push_back(&b);
            }
        }
        const std::string head = fmt::format("{}{}:", markdown ? "- " : "  ", metric);
        const std::vector<std::string> items = breakpoint_items(steps, view);
        out += (view == BreakpointView::summary
                    ? wrap_items_capped(head, items, 4, k_max_breakpoint_lines)
                    : wrap_items(head, items, 4)) +
               "\n";
    }
    return out;
}

std::string warnings_text(const planner::Plan& plan, bool markdown) {
    if (plan.warnings.empty()) {
        return {};
    }
    std::string out = markdown ? "\n### Warnings\n\n" : "\nwarnings:\n";
    for (const auto& w : plan.warnings) {
        out += wrap_words(fmt::format("{}{}: {} ({})", markdown ? "- at " : "  at ",
                                      units::users_text(w.at_users), w.message, w.code),
                          6) +
               "\n";
    }
    return out;
}

std::string render(const planner::Plan& plan, const std::vector<const MetricDef*>& fields,
                   bool markdown, BreakpointView view) {
    auto grid_text = [&](const Grid& g) { return markdown ? g.markdown() : g.text(); };
    std::string out;
    if (markdown) {
        out = fmt::format("## capplan plan: {}\n\n", plan.workload_name);
    } else {
        out = fmt::format("{}\n\n", plan.workload_name);
    }
    if (!fields.empty()) {
        return out + grid_text(fields_grid(plan, fields)) + warnings_text(plan, markdown);
    }
    if (plan.points.size() == 1) {
        const PointPlan& p = plan.points.front();
        out += fmt::format("{}, stage {}\n\n", units::users_text(p.users), stage_text(p));
        return out + grid_text(breakdown_grid(plan)) + warnings_text(plan, markdown);
    }
    out += grid_text(growth_grid(plan));
    out += markdown ? "\n" : "";
    out += planner::stage_legend(markdown) + "\n";
    if (std::any_of(plan.points.begin(), plan.points.end(),
                    [](const PointPlan& p) { return !p.feasible; })) {
        out += "!: a limit is missed at this point (see the warnings)\n";
    }
    return out + changes_text(plan, markdown) + breakpoints_text(plan, markdown, view) +
           warnings_text(plan, markdown);
}

} // namespace

std::string render_plan_table(const planner::Plan& plan,
                              const std::vector<const MetricDef*>& fields, BreakpointView view) {
    return render(plan, fields, false, view);
}

std::string render_plan_markdown(const planner::Plan& plan,
                                 const std::vector<const MetricDef*>& fields, BreakpointView view) {
    return render(plan, fields, true, view);
}

} // namespace capplan::report
