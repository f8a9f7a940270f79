// Sweeping users: points, stage changes and breakpoints (docs/models.md#growth-path). See
// sweep.hpp.
//
// Stage changes: between two consecutive points whose stages differ, bisect (geometrically,
// to max(1, 0.1 %) of users) for a user count whose choice differs from the lower point's
// while it is the lower point's one tolerance below (the first one the bisection meets; see
// first_change), record the components added or dropped there with the reason, and continue
// from there until the upper point's stage is reached (a stretch can hold several changes).
// Every point, and every stretch between two points, is planned on its own: both are spread
// over the cores.
// Breakpoints: inside each stretch of constant architecture, the integer metrics are
// evaluated with that architecture fixed and the stretch is split recursively wherever some
// metric differs between its ends, down to the same tolerance; each leaf records every metric
// that changes across it, at its upper end. Metrics that jump where the architecture changes
// are recorded at the change too. All at_users are rounded to 3 significant figures.

#include "planner/sweep.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <exception>
#include <functional>
#include <iterator>
#include <memory>
#include <mutex>
#include <optional>
#include <system_error>
#include <thread>
#include <utility>

#include <fmt/format.h>

#include "planner/choice.hpp"
#include "planner/memo.hpp"
#include "tiers/shards.hpp"
#include "units/human.hpp"

namespace capplan::planner {
namespace {

constexpr int k_max_changes_per_stretch = 32;
constexpr std::size_t k_max_threads = 8;

struct IntMetric {
    std::string path;
    std::int64_t (*read)(const PointPlan&);
};

const std::vector<IntMetric>& int_metrics() {
    static const std::vector<IntMetric> metrics = {
        {"web.servers", [](const PointPlan& p) { return p.web.servers; }},
        {"lb.instances", [](const PointPlan& p) { return p.lb.instances; }},
        {"db.shards", [](const PointPlan& p) { return p.db.shards; }},
        {"db.replicas", [](const PointPlan& p) { return p.db.replicas; }},
        {"cache.nodes", [](const PointPlan& p) { return p.cache.nodes; }},
        {"queue.workers", [](const PointPlan& p) { return p.queue.workers; }},
        {"queue.brokers", [](const PointPlan& p) { return p.queue.brokers; }},
    };
    return metrics;
}

// The breakpoint metrics' values at one user count (in int_metrics() order), followed by the
// web tier's needed count when they come from a probe (a search hint, not a metric).
using Values = std::vector<std::int64_t>;

bool same_metrics(const Values& a, const Values& b) {
    return std::equal(a.begin(), a.begin() + static_cast<std::ptrdiff_t>(int_metrics().size()),
                      b.begin());
}

Values read_values(const PointPlan& p) {
    Values v;
    for (const auto& m : int_metrics()) {
        v.push_back(m.read(p));
    }
    return v;
}

double tolerance(double users) noexcept {
    return std::max(1.0, 1e-3 * users);
}

double split_point(double lo, double hi) noexcept {
    return lo > 0.0 ? std::sqrt(lo * hi) : 0.5 * (lo + hi);
}

class Sweep {
public:
    // `hints`: the worker's web hints, for the full choices (they only speed up the searches).
    Sweep(const workload::Workload& w, const workload::Catalogue& cat, Plan& plan, WebHints* hints)
        : m_w(w), m_cat(cat), m_plan(plan), m_hints(hints), m_history(int_metrics().size()),
          m_unsteady(int_metrics().size(), false) {}

    // The chosen stage at users (the choice does not depend on the previous point).
    Architecture stage_at(double users) const {
        return choose_stage(m_w, m_cat, users, probe(), m_hints).chosen.plan.stage;
    }

    SizedArchitecture size(double users, Architecture arch) const {
        PointMemo memo; // shared by the tiers of this one sizing (the cache scan's databases)
        SizingContext ctx = probe();
        ctx.memo = &memo;
        return size_architecture(m_w, m_cat, users, arch, ctx);
    }

    // Only the server counts: no hour-by-hour cost. `web_hint` is the web tier's needed count
    // at a larger user count of the same stretch (it speeds up the search only).
    Values counts(double users, Architecture arch, std::optional<std::int64_t> web_hint) const {
        PointMemo memo;
        SizingContext ctx = probe();
        ctx.hourly_cost = false;
        ctx.web_needed_hint = web_hint;
        ctx.memo = &memo;
        const SizedArchitecture s = size_architecture(m_w, m_cat, users, arch, ctx);
        Values v = read_values(s.plan);
        v.push_back(s.plan.web.servers_needed); // the hint for smaller user counts
        return v;
    }

    // Probes read the choice, the costs and the counts, never the report-only metrics.
    static SizingContext probe() {
        SizingContext ctx;
        ctx.report_metrics = false;
        return ctx;
    }

    // Locates every stage change in (lo, hi] given the stages at both ends.
    void locate_changes(double lo, Architecture at_lo, double hi, Architecture at_hi) {
        for (int n = 0; n < k_max_changes_per_stretch && !(at_lo == at_hi); ++n) {
            Architecture next = at_hi;
            const double b = first_change(lo, at_lo, hi, at_hi, next);
            record_change(b, at_lo, next);
            lo = b;
            at_lo = next;
        }
    }

    // The first change in (lo, hi]: a user count b, to the tolerance, whose choice (`next`) is
    // not at_lo while it is at_lo one tolerance below. Bisecting with the full choice costs one
    // choice per step, but most changes are a duel: a set chosen higher up takes over from
    // at_lo. So the full choice is asked once, in the middle (as bisection's first step would:
    // a change and its way back inside the stretch are seen when they hold the middle), and
    // the duel between at_lo and the set chosen at the nearer end above it is bisected (two
    // sizings per step sharing the point's memo). Its bracket is then checked with the full
    // choice at both ends. When the choice at the lower end is a third set, that one took over
    // earlier: the duel moves to it, below there. When the check fails otherwise, the full
    // choice is bisected.
    double first_change(double lo, Architecture at_lo, double hi, Architecture at_hi,
                        Architecture& next) const {
        double top = hi;
        Architecture at_top = at_hi;
        if (hi - lo > tolerance(hi)) {
            const double mid = split_point(lo, hi);
            if (const Architecture at_mid = stage_at(mid); !(at_mid == at_lo)) {
                top = mid;
                at_top = at_mid;
            }
        }
        for (int n = 0; n < k_max_changes_per_stretch; ++n) {
            if (!(duel(lo, at_lo, at_top) == at_lo) || duel(top, at_lo, at_top) == at_lo) {
                break; // not a duel between these two
            }
            double a = lo;
            double b = top;
            while (b - a > tolerance(b)) {
                const double mid = split_point(a, b);
                if (duel(mid, at_lo, at_top) == at_lo) {
                    a = mid;
                } else {
                    b = mid;
                }
            }
            const Architecture at_a = a == lo ? at_lo : stage_at(a);
            if (!(at_a == at_lo)) {
                top = a;
                at_top = at_a;
                continue;
            }
            next = b == top ? at_top : stage_at(b);
            if (!(next == at_lo)) {
                return b;
            }
            break;
        }
        double a = lo;
        double b = top;
        while (b - a > tolerance(b)) {
            const double mid = split_point(a, b);
            if (stage_at(mid) == at_lo) {
                a = mid;
            } else {
                b = mid;
            }
        }
        next = b == top ? at_top : stage_at(b);
        return b;
    }

    // The choice between x and y alone at users (choose_candidate over the two, in order).
    Architecture duel(double users, Architecture x, Architecture y) const {
        PointMemo memo;
        SizingContext ctx = probe();
        ctx.memo = &memo;
        std::vector<Candidate> two = {
            candidate_of(x, size_architecture(m_w, m_cat, users, x, ctx)),
            candidate_of(y, size_architecture(m_w, m_cat, users, y, ctx))};
        if (comes_before(y, x)) {
            std::swap(two[0], two[1]);
        }
        return two[choose_candidate(two, m_w.stage)].arch;
    }

    // Breakpoints of the integer metrics over [lo, hi] with the architecture fixed.
    void locate_steps(double lo, double hi, Architecture arch) {
        m_history.assign(int_metrics().size(), {}); // step periods belong to one stretch
        m_unsteady.assign(int_metrics().size(), false);
        const Values at_hi = counts(hi, arch, std::nullopt);
        split(lo, counts(lo, arch, at_hi.back()), hi, at_hi, arch);
    }

    // A stage change: where, from, to.
    struct Boundary {
        double at;
        Architecture from;
        Architecture to;
    };

    // The stage changes found so far, in order.
    const std::vector<Boundary>& changes() const { return m_changes; }

private:
    void split(double lo, const Values& vlo, double hi, const Values& vhi, Architecture arch) {
        if (same_metrics(vlo, vhi)) {
            return;
        }
        if (hi - lo <= tolerance(hi)) {
            record_steps(hi, vlo, vhi);
            return;
        }
        // Steps of a count bound by utilization come at a steady period in users: predict the
        // next one from the last two, and check the prediction with two probes one tolerance
        // apart (the same bracket bisection would end with); else bisect.
        std::size_t metric = 0;
        if (const double at = predicted_step(lo, vlo, hi, vhi, metric); at > 0.0) {
            const double a = at - tolerance(at);
            const Values va = counts(a, arch, vhi.back());
            if (!same_metrics(va, vlo)) {
                m_unsteady[metric] = true; // the steps are not periodic: stop predicting
                split(lo, vlo, a, va, arch);
                split(a, va, hi, vhi, arch);
                return;
            }
            const Values vat = counts(at, arch, vhi.back());
            if (same_metrics(vat, vhi)) {
                record_steps(at, vlo, vhi);
                return;
            }
            m_unsteady[metric] = true;
            split(at, vat, hi, vhi, arch);
            return;
        }
        const double mid = split_point(lo, hi);
        const Values vmid = counts(mid, arch, vhi.back());
        split(lo, vlo, mid, vmid, arch);
        split(mid, vmid, hi, vhi, arch);
    }

    // The predicted position of the one step in (lo, hi], or 0 when there is no prediction:
    // exactly one metric must change, by one, and have two earlier steps in this stretch.
    double predicted_step(double lo, const Values& vlo, double hi, const Values& vhi,
                          std::size_t& which) const {
        std::size_t changed = 0;
        for (std::size_t k = 0; k < int_metrics().size(); ++k) {
            if (vlo[k] != vhi[k]) {
                ++changed;
                which = k;
            }
        }
        if (changed != 1 || vhi[which] - vlo[which] != 1 || m_history[which].size() < 2 ||
            m_unsteady[which]) {
            return 0.0;
        }
        const auto& h = m_history[which];
        const double period = h[h.size() - 1] - h[h.size() - 2];
        if (!(period > 0.0)) {
            return 0.0;
        }
        const double at = h.back() + period * std::ceil((lo - h.back()) / period);
        const bool inside = at - tolerance(at) > lo && at < hi;
        return inside ? at : 0.0;
    }

    // Records the metrics that differ between `before` and `after` as steps at `at`; steps
    // inside a stretch (not the jumps where the architecture changes) feed the predictions.
    void record_steps(double at, const Values& before, const Values& after,
                      bool in_stretch = true) {
        const auto& metrics = int_metrics();
        for (std::size_t k = 0; k < metrics.size(); ++k) {
            if (before[k] != after[k]) {
                m_plan.breakpoints.push_back(
                    {metrics[k].path, before[k], after[k], round_3_significant(at)});
                if (in_stretch) {
                    m_history[k].push_back(at);
                }
            }
        }
    }

    // Components that follow others have a reason of their own: log_aggregation follows the
    // billed servers, session_store comes with the load balancer (components.hpp).
    static std::string component_reason(Component c, bool added, const SizedArchitecture& now,
                                        const std::string& reason) {
        if (c == Component::log_aggregation) {
            return added ? fmt::format("{} servers are billed: logs and metrics move to a "
                                       "central store",
                                       now.plan.total.servers)
                         : std::string("one server is billed");
        }
        if (c == Component::session_store) {
            return added ? fmt::format("comes with load_balancer: sessions leave the web "
                                       "servers ({})",
                                       units::human_bytes(now.plan.sessions.memory_bytes))
                         : std::string("goes with load_balancer");
        }
        return reason;
    }

    void record_change(double at, Architecture from, Architecture to) {
        const SizedArchitecture old_arch = size(at, from);
        const SizedArchitecture new_arch = size(at, to);
        std::string reason;
        if (!old_arch.feasible) {
            reason = old_arch.worst_limit;
        } else {
            const double saving =
                old_arch.plan.total.monthly_cost - new_arch.plan.total.monthly_cost;
            reason =
                saving >= 0.0
                    ? fmt::format("saves {}", units::human_monthly_cost(saving, m_plan.currency))
                    : fmt::format("costs {} more",
                                  units::human_monthly_cost(-saving, m_plan.currency));
        }
        for (int i = 0; i < k_component_count; ++i) {
            const auto c = static_cast<Component>(i);
            if (from.has(c) != to.has(c)) {
                m_plan.stage_changes.push_back({round_3_significant(at),
                                                component_name(c),
                                                to.has(c) ? "added" : "dropped",
                                                component_reason(c, to.has(c), new_arch, reason),
                                                {}});
            }
        }
        record_steps(at, read_values(old_arch.plan), read_values(new_arch.plan), false);
        m_changes.push_back({at, from, to});
    }

    const workload::Workload& m_w;
    const workload::Catalogue& m_cat;
    Plan& m_plan;
    WebHints* m_hints;
    std::vector<Boundary> m_changes;
    std::vector<std::vector<double>> m_history; // exact step positions per metric, this stretch
    std::vector<bool> m_unsteady; // a prediction failed for this metric in this stretch
};

// Replaces an "added" followed by a "dropped" of the same component within min_span of users
// by one "transient" entry (docs/models.md#stage).
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

// Runs task(i, hints) for every i in `order` on up to `threads` threads (0: the machine's
// cores; never more than k_max_threads), each taking the next index; every worker has its own
// web hints. The first error (in `order`) is rethrown once all workers are done; no index is
// handed out after it. When no thread can be started, the calling thread does all the work.
template <class Task>
void for_each_index(const std::vector<std::size_t>& order, unsigned threads, const Task& task) {
    const std::size_t n = order.size();
    std::atomic<std::size_t> next{0};
    std::mutex guard;
    std::size_t failed_at = n;
    std::exception_ptr error;
    const auto worker = [&] {
        WebHints hints(std::size_t{1} << k_component_count, 0);
        for (std::size_t i = next++; i < n; i = next++) {
            try {
                task(order[i], hints);
            } catch (...) {
                const std::lock_guard<std::mutex> lock(guard);
                if (i < failed_at) {
                    failed_at = i;
                    error = std::current_exception();
                }
                next = n; // the others stop after their current index
            }
        }
    };
    const unsigned cores =
        threads > 0 ? threads : std::max(1U, std::thread::hardware_concurrency());
    const std::size_t extra = std::min<std::size_t>({cores, k_max_threads, n}) - (n > 0 ? 1 : 0);
    std::vector<std::thread> pool;
    for (std::size_t t = 0; t < extra; ++t) {
        try {
            pool.emplace_back(worker);
        } catch (const std::system_error&) {
            break; // fewer threads: the work is the same
        }
    }
    worker();
    for (std::thread& t : pool) {
        t.join();
    }
    if (error) {
        std::rethrow_exception(error);
    }
}

} // namespace

double round_3_significant(double x) noexcept {
    if (!(x > 0.0) || !std::isfinite(x)) {
        return x;
    }
    const double magnitude = std::floor(std::log10(x));
    const double scale = std::pow(10.0, magnitude - 2.0);
    return std::round(x / scale) * scale;
}

Plan plan_growth(const workload::Workload& w, const workload::Catalogue& cat,
                 const std::vector<double>& users, unsigned threads) {
    Plan plan;
    plan.workload_name = w.name;
    plan.workload_file = w.file;
    plan.currency = w.currency;
    // Every point is chosen on its own (the hints of a worker's previous point only speed up
    // its web searches), and every stretch between two points is swept on its own once both
    // are chosen: one queue of tasks, the points first (larger user counts first: they take
    // longer), then the stretches (again from the top), shared by the workers. A stretch whose
    // points are still being chosen by another worker waits for them; every point is handed
    // out before any stretch, so nothing waits for a task not yet started.
    const std::size_t n = users.size();
    const std::size_t stretches = n > 0 ? n - 1 : 0;
    std::vector<StageChoice> choices(n);
    std::vector<Plan> found(stretches);
    enum : int { pending = 0, chosen = 1, failed = 2 };
    const std::unique_ptr<std::atomic<int>[]> state(new std::atomic<int>[n]);
    std::vector<std::size_t> order;
    for (std::size_t i = n; i-- > 0;) {
        state[i].store(pending);
        order.push_back(i);
    }
    for (std::size_t i = stretches; i-- > 0;) {
        order.push_back(n + i);
    }
    for_each_index(order, threads, [&](std::size_t task, WebHints& hints) {
        if (task < n) {
            try {
                choices[task] = choose_stage(w, cat, users[task], SizingContext{}, &hints);
            } catch (...) {
                state[task].store(failed, std::memory_order_release);
                throw;
            }
            state[task].store(chosen, std::memory_order_release);
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
        const Architecture at_lo = choices[i].chosen.plan.stage;
        const Architecture at_hi = choices[i + 1].chosen.plan.stage;
        found[i].currency = w.currency;
        Sweep sweep(w, cat, found[i], &hints);
        const double lo = users[i];
        const double hi = users[i + 1];
        sweep.locate_changes(lo, at_lo, hi, at_hi);
        // Stretches of constant architecture between the changes just found.
        double from = lo;
        Architecture arch = at_lo;
        for (const auto& change : sweep.changes()) {
            sweep.locate_steps(from, change.at, arch);
            from = change.at;
            arch = change.to;
        }
        sweep.locate_steps(from, hi, arch);
    });
    for (std::size_t i = 0; i < n; ++i) {
        StageChoice& choice = choices[i];
        PointPlan& p = plan.points.emplace_back(std::move(choice.chosen.plan));
        // The share of keys a reshard moves is the one metric that depends on the point
        // before (S₀, docs/models.md#shards); the choice does not read it.
        p.db.reshard_moved_fraction =
            tiers::reshard_moved_fraction(p.db.shards, i > 0 ? plan.points[i - 1].db.shards : 0);
        if (!choice.any_feasible) {
            plan.warnings.push_back(
                {"slo_unmet",
                 fmt::format("no architecture meets every limit; the closest: {}",
                             choice.chosen.worst_limit),
                 users[i]});
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
    std::stable_sort(
        plan.breakpoints.begin(), plan.breakpoints.end(),
        [](const Breakpoint& a, const Breakpoint& b) { return a.at_users < b.at_users; });
    fold_transients(plan.stage_changes, w.stage.min_span);
    return plan;
}

} // namespace capplan::planner
