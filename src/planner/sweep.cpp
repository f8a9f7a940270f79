// Sweeping users: the points, the stage changes and the breakpoints (docs/models.md#growth-path,
// #breakpoints). See sweep.hpp.
//
// The work is one queue of tasks shared by the workers (parallel.hpp): first every point (the
// larger user counts first: they take longer), then every stretch between two consecutive
// points. A stretch waits until both its points are planned; every point is handed out before
// any stretch, so nothing waits for a task not yet started. With the growth path the walk runs
// first, alone: the points and stretches only read it.

#include "planner/sweep.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <iterator>
#include <memory>
#include <optional>
#include <thread>
#include <utility>

#include <fmt/format.h>

#include "planner/choice.hpp"
#include "planner/components.hpp"
#include "planner/memo.hpp"
#include "planner/parallel.hpp"
#include "planner/path.hpp"
#include "planner/point_changes.hpp"
#include "planner/reasons.hpp"
#include "tiers/shards.hpp"
#include "units/human.hpp"
#include "workload/workload.hpp"

namespace capplan::planner {
namespace {

// A change of architecture between two probes, as either choice finds it.
struct FoundChange {
    double below = 0.0;
    double at = 0.0;
    PathState from;
    PathState to;
};

// What the two choices share for the sweep: how a state is sized at a user count.
class Sizer {
public:
    Sizer(const workload::Workload& w, const workload::Catalogue& cat, const GrowthPath* path)
        : m_w(w), m_cat(cat), m_path(path) {}

    [[nodiscard]] SizedArchitecture size(double users, const PathState& s, const SizingContext& ctx,
                                         PointMemo& memo) const {
        return m_path != nullptr ? m_path->size(users, s, ctx, memo)
                                 : size_architecture(m_w, m_cat, users, s.arch, ctx, memo);
    }

    // A probe of the sweep: the choice's and the counts' inputs only (no report metrics; with
    // `hourly` false, no hour-by-hour cost either).
    [[nodiscard]] SizedArchitecture probe(double users, const PathState& s, bool hourly,
                                          tiers::WebHint hint = {}) const {
        PointMemo memo; // shared by the tiers of this one sizing (the cache scan's databases)
        SizingContext ctx;
        ctx.report_metrics = false;
        ctx.hourly_cost = hourly;
        ctx.web_hint = hint;
        return size(users, s, ctx, memo);
    }

    // Whether the states are the growth path's (else each point's own choice).
    [[nodiscard]] bool walks_path() const noexcept { return m_path != nullptr; }

private:
    const workload::Workload& m_w;
    const workload::Catalogue& m_cat;
    const GrowthPath* m_path;
};

// The plan of one requested point and what its stretch above needs.
struct PlannedPoint {
    PathState state;
    SizedArchitecture sized;
    std::optional<std::string> unmet; // why it is not feasible (the slo_unmet warning)
};

// The cheapest feasible set at the point (with no saving threshold) sets the premium; without
// a feasible plan here, the same search names what is out of reach.
void judge_point(const workload::Workload& w, const workload::Catalogue& cat, PlannedPoint& pp,
                 WebHints& hints) {
    workload::Stage no_threshold = w.stage;
    no_threshold.min_saving = 0.0;
    no_threshold.min_saving_fraction = 0.0;
    PointPlan& p = pp.sized.plan;
    ChoiceOptions options;
    options.rule = &no_threshold;
    SizingContext ctx;
    ctx.report_metrics = false;
    const double cost = p.total.monthly_cost;
    if (pp.sized.feasible) {
        options.below = cost;
        const ChoiceResult r = choose_among(w, cat, p.users, ctx, &hints, options);
        p.total.path_premium = r.found ? cost - r.choice.chosen.plan.total.monthly_cost : 0.0;
        return;
    }
    const ChoiceResult r = choose_among(w, cat, p.users, ctx, &hints, options);
    const SizedArchitecture& best = r.choice.chosen;
    p.total.path_premium = std::max(0.0, cost - best.plan.total.monthly_cost);
    pp.unmet = r.choice.any_feasible ? path_miss_text(pp.sized, best)
                                     : out_of_reach_text(pp.sized, r.choice, p.availability.target);
}

// One stretch (lo, hi] between two requested points: its changes, the breakpoints inside it
// and at its changes, and the stage changes with their reasons, into `out`.
// The stage changes of one change of state, with their reasons, into `out`.
void append_change(const workload::Workload& w, const Sizer& sizer, const FoundChange& c,
                   Plan& out) {
    const SizedArchitecture before = sizer.probe(c.at, c.from, true);
    const SizedArchitecture after = sizer.probe(c.at, c.to, true);
    // The path looks min_span ahead (a fix must last); each point's own choice does not.
    const SizedArchitecture ahead = before.feasible && sizer.walks_path()
                                        ? sizer.probe(c.at * (1.0 + w.stage.min_span), c.from, true)
                                        : before;
    append_stage_changes(w.stage, c.below, c.at, before, after, ahead, out);
}

void sweep_stretch(const workload::Workload& w, const std::vector<StepMetric>* steps,
                   const Sizer& sizer, double lo, const PathState& at_lo, double hi,
                   const std::vector<FoundChange>& changes, Plan& out) {
    for (const FoundChange& c : changes) {
        append_change(w, sizer, c, out);
    }
    if (steps == nullptr || steps->empty()) {
        return;
    }
    StepFinder finder(*steps, out.breakpoints);
    const auto probe_of = [&](const PathState& s) {
        return [&sizer, &steps, s](double u, tiers::WebHint hint) {
            const SizedArchitecture sized = sizer.probe(u, s, false, hint);
            return Probe{read_steps(*steps, sized.plan), sized.web_hint()};
        };
    };
    double from = lo;
    PathState state = at_lo;
    for (const FoundChange& c : changes) {
        const StepFinder::ProbeFn probe = probe_of(state);
        const double below = std::max(from, c.below);
        const Probe at_below = probe(below, {});
        finder.locate(from, probe(from, at_below.web_hint), below, at_below, probe);
        const StepFinder::ProbeFn next = probe_of(c.to);
        finder.record(below, c.at, at_below.values, next(c.at, {}).values, false);
        from = c.at;
        state = c.to;
    }
    const StepFinder::ProbeFn probe = probe_of(state);
    const Probe at_hi = probe(hi, {});
    finder.locate(from, probe(from, at_hi.web_hint), hi, at_hi, probe);
}

// The growth path's changes whose first count at the new state is in (lo, hi] (every count above
// a change's below_users has its new state: GrowthPath::state_at), each ending at hi at most.
std::vector<FoundChange> path_changes(const GrowthPath& path, double lo, double hi) {
    std::vector<FoundChange> out;
    for (const PathChange& c : path.changes()) {
        if (c.below_users >= lo && c.below_users < hi) {
            out.push_back({c.below_users, std::min(c.at_users, hi), c.from, c.to});
        }
    }
    return out;
}

// Replaces an "added" followed by a "dropped" of the same component within min_span of users
// by one "transient" entry (--choice point, docs/models.md#stage).
void fold_transients(std::vector<StageChange>& changes, double min_span) {
    std::vector<StageChange> out;
    std::vector<bool> used(changes.size(), false);
    for (std::size_t i = 0; i < changes.size(); ++i) {
        if (used[i]) {
            continue;
        }
        StageChange c = changes[i];
        if (c.change == "added") {
            for (std::size_t j = i + 1; j < changes.size(); ++j) {
                if (!used[j] && changes[j].component == c.component) {
                    if (changes[j].change == "dropped" &&
                        changes[j].at_users < c.at_users * (1.0 + min_span)) {
                        c.change = "transient";
                        c.until_users = changes[j].at_users;
                        used[j] = true;
                    }
                    break;
                }
            }
        }
        out.push_back(std::move(c));
    }
    changes = std::move(out);
}

// Breakpoints in order of users, then of the metric list; a metric that comes back to where it
// was within one bracket is no step.
void order_breakpoints(std::vector<Breakpoint>& bps, const std::vector<StepMetric>* steps) {
    const auto rank = [&](const std::string& metric) {
        for (std::size_t k = 0; steps != nullptr && k < steps->size(); ++k) {
            if ((*steps)[k].path == metric) {
                return k;
            }
        }
        return std::size_t{0};
    };
    std::stable_sort(bps.begin(), bps.end(), [&](const Breakpoint& a, const Breakpoint& b) {
        return a.at_users != b.at_users ? a.at_users < b.at_users : rank(a.metric) < rank(b.metric);
    });
}

// Why each component of the first point is there, before the changes (docs/models.md#stage):
// the first point's set without it sized afresh, or the growth path's change that added it.
void start_reasons(const workload::Workload& w, const workload::Catalogue& cat, const Sizer& sizer,
                   const GrowthPath* path, double first_users, Plan& plan) {
    const SizeSetFn size_set = [&](double u, Architecture a) {
        SizingContext ctx;
        ctx.report_metrics = false;
        return size_architecture(w, cat, u, a, ctx);
    };
    const ArrivalFn arrived = [&](Component c) -> std::optional<StageChange> {
        std::optional<StageChange> out;
        if (path == nullptr) {
            return out; // each point's own choice: no change below the first point
        }
        for (const PathChange& pc : path->changes()) {
            if (pc.below_users >= first_users) {
                break;
            }
            if (pc.from.arch.has(c) || !pc.to.arch.has(c)) {
                continue;
            }
            Plan found;
            append_change(w, sizer, {pc.below_users, pc.at_users, pc.from, pc.to}, found);
            for (StageChange& s : found.stage_changes) {
                if (s.component == component_name(c)) {
                    out = std::move(s);
                }
            }
        }
        return out;
    };
    Plan start;
    start.currency = w.currency;
    append_start_reasons(w.stage, stage_rules(w).require, first_users, plan.points.front(),
                         size_set, arrived, start);
    plan.stage_changes.insert(plan.stage_changes.begin(), start.stage_changes.begin(),
                              start.stage_changes.end());
}

} // namespace

Plan plan_growth(const workload::Workload& w, const workload::Catalogue& cat,
                 const std::vector<double>& users, const PlanSettings& settings) {
    Plan plan;
    plan.choice = settings.choice;
    plan.workload_name = w.name;
    plan.workload_file = w.file;
    plan.currency = w.currency;
    const std::size_t n = users.size();
    std::optional<GrowthPath> path;
    if (settings.choice == Choice::path && n > 0) {
        path.emplace(w, cat, settings.path_rules);
        path->extend_to(users.back());
    }
    const Sizer sizer(w, cat, path ? &*path : nullptr);

    const std::size_t stretches = n > 0 ? n - 1 : 0;
    std::vector<PlannedPoint> points(n);
    std::vector<Plan> found(stretches);
    enum : int { pending = 0, done = 1, failed = 2 };
    const std::unique_ptr<std::atomic<int>[]> state(new std::atomic<int>[n]);
    std::vector<std::size_t> order;
    for (std::size_t i = n; i-- > 0;) {
        state[i].store(pending);
        order.push_back(i);
    }
    for (std::size_t i = stretches; i-- > 0;) {
        order.push_back(n + i);
    }
    for_each_index(order, settings.threads, [&](std::size_t task, WebHints& hints) {
        if (task < n) {
            try {
                PlannedPoint& pp = points[task];
                if (path) {
                    pp.state = path->state_at(users[task]);
                    PointMemo memo;
                    pp.sized = path->size(users[task], pp.state, SizingContext{}, memo);
                } else {
                    StageChoice choice = choose_stage(w, cat, users[task], SizingContext{}, &hints);
                    pp.state.arch = choice.chosen.plan.stage;
                    pp.state.arch.remove(Component::log_aggregation);
                    pp.sized = std::move(choice.chosen);
                }
                judge_point(w, cat, pp, hints);
            } catch (...) {
                state[task].store(failed, std::memory_order_release);
                throw;
            }
            state[task].store(done, std::memory_order_release);
            return;
        }
        const std::size_t i = task - n;
        for (const std::size_t end : {i, i + 1}) {
            int s = pending;
            while ((s = state[end].load(std::memory_order_acquire)) == pending) {
                std::this_thread::yield();
            }
            if (s == failed) {
                return; // that point's error is reported
            }
        }
        found[i].currency = w.currency;
        std::vector<FoundChange> changes;
        if (path) {
            changes = path_changes(*path, users[i], users[i + 1]);
        } else {
            for (const PointChange& c :
                 point_changes(w, cat, users[i], points[i].state.arch, users[i + 1],
                               points[i + 1].state.arch, hints)) {
                changes.push_back(
                    {c.below, c.at, PathState{c.from, {}, {}}, PathState{c.to, {}, {}}});
            }
        }
        sweep_stretch(w, settings.steps, sizer, users[i], points[i].state, users[i + 1], changes,
                      found[i]);
    });
    for (std::size_t i = 0; i < n; ++i) {
        PlannedPoint& pp = points[i];
        PointPlan& p = plan.points.emplace_back(std::move(pp.sized.plan));
        p.feasible = pp.sized.feasible;
        // The share of keys a reshard moves is the one metric that depends on the point
        // before (S₀, docs/models.md#shards); the choice does not read it.
        p.db.reshard_moved_fraction =
            tiers::reshard_moved_fraction(p.db.shards, i > 0 ? plan.points[i - 1].db.shards : 0);
        if (i > 0 && pp.state.db.fleet_sizes != points[i - 1].state.db.fleet_sizes &&
            pp.state.db.fleet_sizes > 0) {
            p.db.reshard_moved_fraction = 1.0; // the fleet moved to another size: all its data
        }
        if (pp.unmet) {
            plan.warnings.push_back({"slo_unmet", *pp.unmet, users[i]});
        }
        for (const auto& warning : p.warnings) {
            plan.warnings.push_back({warning.code, warning.message, users[i]});
        }
    }
    for (Plan& f : found) {
        std::move(f.breakpoints.begin(), f.breakpoints.end(), std::back_inserter(plan.breakpoints));
        std::move(f.stage_changes.begin(), f.stage_changes.end(),
                  std::back_inserter(plan.stage_changes));
    }
    order_breakpoints(plan.breakpoints, settings.steps);
    if (settings.choice == Choice::point) {
        fold_transients(plan.stage_changes, w.stage.min_span);
    }
    if (n > 0) {
        start_reasons(w, cat, sizer, path ? &*path : nullptr, users.front(), plan);
    }
    return plan;
}

} // namespace capplan::planner
