// The growth path (docs/models.md#growth-path). See path.hpp.
//
// One step of the walk at a user count u, from state s (Step): size s there, letting its
// database grow when its size breaks a limit or a larger size saves the stage's threshold
// (SizeRule::keep); then offer every superset of s's components, sized with the database
// from s's size on and the shards s has at u, to the choice of choice.hpp (replaces), with s
// as the first champion. The winner is the next state. Only supersets are sized, and the
// bounds of bounds.hpp prune most of them before any sizing.
//
// Locating a change between two grid points lo < hi, where the step at hi leaves s for t: a
// bisection on the duel "does the step at u prefer t's components to s" (two sizings per
// probe), checked by full steps at both ends of its last bracket; when a check fails (a third
// state wins near the change, or the duel's change is not the first), a bisection on the full
// step. From the change the walk goes on to hi again, so an interval can hold several changes.

#include "planner/path.hpp"

#include <algorithm>
#include <cmath>
#include <memory>
#include <optional>

#include "planner/bounds.hpp"
#include "planner/memo.hpp"
#include "tiers/db.hpp"
#include "workload/workload.hpp"

namespace capplan::planner {
namespace {

// A guard against a walk that never settles, far above what a grid interval holds (a cache
// that grows a primary every 0.2 % of users makes ~120 changes in a tenth of a decade).
constexpr int k_max_changes_per_interval = 4096;

// A guard against a walk that goes back to its steps without end (each time a count kept
// there rises, so it cannot, but a bound costs nothing).
constexpr int k_max_walks_back = 10'000;

// The counts the path holds that a step may lower (docs/models.md#growth-path), by index.
constexpr std::size_t k_held_counts = 2;
std::int64_t& held_count(PathState& s, std::size_t i) noexcept {
    return i == 0 ? s.db.replicas : s.cache.primaries;
}
std::int64_t held_count(const PathState& s, std::size_t i) noexcept {
    return i == 0 ? s.db.replicas : s.cache.primaries;
}

// The points past the first at which a component that does not relieve the database for
// stage.min_span is weighed against the database grown (PathRules::adoptions_last).
constexpr int k_span_points = 10;

// How many user counts the walk's memo keeps (GrowthPath::memo_at): a step probes its count, the
// count stage.min_span above it and, where an adoption must last, k_span_points between them.
constexpr std::size_t k_memo_counts = 16;

// The same state in every field (PathState::same leaves out the shard floor, which a probe reads).
bool identical(const PathState& a, const PathState& b) noexcept {
    return a.arch == b.arch && a.db == b.db && a.cache == b.cache && a.web == b.web;
}

double tolerance(double users) noexcept {
    return std::max(1.0, 1e-3 * users);
}

double split_point(double lo, double hi) noexcept {
    return std::sqrt(lo * hi);
}

// The walk's grid: 10^(i/k_path_per_decade) from 1 to 10^12, with every step of the [slo]
// tables (where a limit changes, the walk looks again).
std::vector<double> path_grid(const workload::Workload& w) {
    std::vector<double> grid;
    const int points = 12 * k_path_per_decade;
    for (int i = 0; i <= points; ++i) {
        grid.push_back(i == 0 ? 1.0 : std::pow(10.0, static_cast<double>(i) / k_path_per_decade));
    }
    for (const auto* stepped :
         {&w.slo.latency_p99_s, &w.slo.availability, &w.slo.max_utilization}) {
        for (const auto& [at, value] : stepped->steps()) {
            (void)value;
            if (at > 1.0 && at < 1e12) {
                grid.push_back(at);
            }
        }
    }
    std::sort(grid.begin(), grid.end());
    grid.erase(std::unique(grid.begin(), grid.end()), grid.end());
    return grid;
}

} // namespace

// Every sizing of a probe is a pure function of the user count and the state it holds
// (size_probe), and so is every entry of the tiers' memo for the probes' context: results are
// shared, never recomputed differently.
struct GrowthPath::CountMemo {
    double users = 0.0;
    PointMemo tiers;
    std::vector<std::pair<PathState, SizedArchitecture>> probes;
};

PathState held_after(Architecture arch, const SizedArchitecture& sized, std::int64_t min_shards) {
    return PathState{arch, sized.db.with_min_shards(min_shards), sized.cache, sized.web};
}

GrowthPath::GrowthPath(const workload::Workload& w, const workload::Catalogue& cat, PathRules rules)
    : m_w(w), m_cat(cat), m_rules(rules), m_candidates(candidate_architectures(w)),
      m_grid(path_grid(w)), m_hints(std::size_t{1} << k_component_count) {
    // The first state: the choice at 1 user among every candidate (all are supersets of the
    // smallest, which holds what [stage] require asks for).
    PathState base;
    base.arch = m_candidates.front();
    m_initial = step(base, m_grid.front()).next;
    m_state = m_initial;
    m_at = m_grid.front();
}

GrowthPath::~GrowthPath() = default;

GrowthPath::CountMemo& GrowthPath::memo_at(double users) {
    const auto hit = std::find_if(m_memos.begin(), m_memos.end(),
                                  [&](const auto& m) { return m->users == users; });
    if (hit != m_memos.end()) {
        std::rotate(m_memos.begin(), hit, std::next(hit));
    } else {
        if (m_memos.size() == k_memo_counts) {
            m_memos.pop_back();
        }
        m_memos.insert(m_memos.begin(), std::make_unique<CountMemo>());
        m_memos.front()->users = users;
    }
    return *m_memos.front();
}

SizingContext GrowthPath::probe() {
    SizingContext ctx;
    ctx.report_metrics = false;
    return ctx;
}

SizedArchitecture GrowthPath::size(double users, const PathState& state, SizingContext ctx,
                                   PointMemo& memo) const {
    ctx.hold = state.hold(true);
    return size_architecture(m_w, m_cat, users, state.arch, ctx, memo);
}

SizedArchitecture GrowthPath::size_probe(double users, const PathState& s) {
    CountMemo& memo = memo_at(users);
    tiers::WebHint& hint = m_hints[s.arch.bits];
    for (const auto& [state, sized] : memo.probes) {
        if (identical(state, s)) {
            hint = sized.web_hint();
            return sized;
        }
    }
    SizingContext ctx = probe();
    ctx.hold = s.hold(false);
    ctx.web_hint = hint;
    SizedArchitecture sized = size_architecture(m_w, m_cat, users, s.arch, ctx, memo.tiers);
    hint = sized.web_hint();
    memo.probes.emplace_back(s, sized);
    return sized;
}

PathState GrowthPath::through_step(const PathState& s, std::optional<std::int64_t>& web_held,
                                   PathState released, double users) {
    if (!m_rules.keep_counts_through_steps) {
        return released;
    }
    const SizedArchitecture now = size_probe(users, released);
    const bool replicas_fall = now.db.replicas < s.db.replicas;
    const bool cache_falls = now.cache.primaries < s.cache.primaries;
    // An autoscaled pool follows the load hour by hour; a fixed one is held: what `s` needed
    // just below this count as the path held it (a change is located to within the
    // tolerance; at the count itself `s`'s cache may already grow), sized once per step.
    std::int64_t web_needed = 0;
    if (m_rules.hold_fixed_web_pool && !m_w.web.autoscale) {
        if (!web_held) {
            SizingContext peak = probe();
            peak.hourly_cost = false; // a count at the peak is all it reads
            PointMemo before_memo;
            web_held = size(std::max(1.0, users - tolerance(users)), s, peak, before_memo)
                           .plan.web.servers_needed;
        }
        web_needed = *web_held;
    }
    const bool web_falls = now.plan.web.servers_needed < web_needed;
    if (!replicas_fall && !cache_falls && !web_falls) {
        return released;
    }
    // Further up the new state needs what it needs there, at least what it needs here.
    const double span = 1.0 + m_w.stage.min_span;
    const SizedArchitecture later = size_probe(users * span, released);
    // Kept at the least of what it held and what the new state needs there.
    const auto kept = [](std::int64_t held, std::int64_t here, std::int64_t there) {
        return there > here ? std::min(held, there) : here;
    };
    if (replicas_fall) {
        released.db.replicas = kept(s.db.replicas, now.db.replicas, later.db.replicas);
    }
    if (cache_falls) {
        released.cache.primaries =
            kept(s.cache.primaries, now.cache.primaries, later.cache.primaries);
    }
    if (web_falls && later.plan.web.servers_needed > now.plan.web.servers_needed) {
        released.web = std::min(web_needed, later.plan.web.servers_needed);
    }
    // What the walk found a step must keep to avoid two reversals: keep_through.
    for (const KeptCount& k : m_kept) {
        if (users >= k.from_users && users < k.until_users) {
            std::int64_t& c = held_count(released, k.count);
            c = std::max(c, std::min(k.floor, held_count(s, k.count)));
        }
    }
    return released;
}

std::optional<SizedArchitecture> GrowthPath::smaller_fleet(const PathState& s, double users,
                                                           const SizedArchitecture& now) {
    if (!m_rules.resize_sharded_fleet || !s.arch.has(Component::sharding) || s.db.size == 0 ||
        now.plan.db.shards < 2 || !now.feasible) {
        return std::nullopt;
    }
    const auto saves = [&](const SizedArchitecture& from, const SizedArchitecture& to) {
        const double cost = from.plan.total.monthly_cost;
        const double threshold =
            std::max(m_w.stage.min_saving, m_w.stage.min_saving_fraction * cost);
        return to.feasible && cost - to.plan.total.monthly_cost >= threshold;
    };
    // Each smaller size as the fleet's: its shards follow that size, its replicas the load,
    // its shard floor is kept (shards never fall). The cheapest that saves the threshold.
    std::optional<SizedArchitecture> best;
    for (std::size_t k = 0; k < s.db.size; ++k) {
        PathState fleet = s;
        fleet.db.size = k;
        fleet.db.replicas = 0;
        fleet.db.fleet_sizes = k + 1;
        SizedArchitecture sized = size_probe(users, fleet);
        if (saves(now, sized) &&
            (!best || sized.plan.total.monthly_cost < best->plan.total.monthly_cost)) {
            best = std::move(sized);
        }
    }
    if (!best) {
        return std::nullopt;
    }
    // It must last: min_span further up, the smaller fleet as the path would hold it still
    // meets every limit and saves the threshold against the current one.
    const double later = users * (1.0 + m_w.stage.min_span);
    const SizedArchitecture small_later =
        size_probe(later, held_after(s.arch, *best, s.db.min_shards));
    const SizedArchitecture current_later = size_probe(later, s);
    if (!saves(current_later, small_later)) {
        return std::nullopt;
    }
    return best;
}

bool GrowthPath::lasts(const PathState& current, const SizedArchitecture& now,
                       const PathState& next, const SizedArchitecture& sized, double users) {
    if (!m_rules.adoptions_last || !now.feasible || !sized.feasible || next.arch == current.arch) {
        return true; // a limit the current state breaks decides; no new component
    }
    const double later = users * (1.0 + m_w.stage.min_span);
    const SizedArchitecture at_end = size_probe(later, next);
    if (at_end.db.size <= sized.db.size) {
        return true; // the database it relieves keeps its size over the span
    }
    // The database grows anyway: whichever costs less summed over the span's points (this
    // count and k_span_points more, evenly apart on a log scale up to its end), the current
    // state growing as it would.
    double with = 0.0;
    double without = 0.0;
    for (int i = 0; i <= k_span_points; ++i) {
        const double u = i == k_span_points
                             ? later
                             : users * std::pow(1.0 + m_w.stage.min_span,
                                                static_cast<double>(i) / k_span_points);
        const SizedArchitecture grown = i == 0 ? now : size_probe(u, current);
        if (!grown.feasible) {
            return true; // the current state cannot carry the span: the component stays
        }
        without += grown.plan.total.monthly_cost;
        with += i == 0               ? sized.plan.total.monthly_cost
                : i == k_span_points ? at_end.plan.total.monthly_cost
                                     : size_probe(u, next).plan.total.monthly_cost;
    }
    return with < without;
}

GrowthPath::Step GrowthPath::step(const PathState& s, double users) {
    Step out;
    out.now = size_probe(users, s);
    std::optional<std::int64_t> web_held; // through_step
    if (m_rules.keep_counts_through_steps && out.now.db.size == s.db.size &&
        (out.now.db.replicas > s.db.replicas || out.now.cache.primaries > s.cache.primaries)) {
        // Replicas or cache nodes added to a size the database leaves within stage.min_span
        // would be released there: the database takes that size now instead.
        const SizedArchitecture later = size_probe(users * (1.0 + m_w.stage.min_span), s);
        if (later.db.size != s.db.size) {
            out.now.db.size = later.db.size;
        }
    }
    if (out.now.db.size != s.db.size) {
        // The database grows: its replicas and the cache take what the larger size needs.
        out.now =
            size_probe(users, through_step(s, web_held,
                                           s.released(s.arch, out.now.db, s.db.min_shards), users));
    } else if (PathState moved = held_after(s.arch, out.now, s.db.min_shards);
               m_rules.hold_fixed_web_pool && !m_w.web.autoscale && !moved.same(s)) {
        // The cache or the replicas grow, which can take load off a fixed pool too.
        moved.web = 0;
        moved = through_step(s, web_held, moved, users);
        if (moved.web != 0) {
            out.now = size_probe(users, moved);
        }
    }
    if (auto smaller = smaller_fleet(s, users, out.now)) {
        out.now = std::move(*smaller); // a fleet sized again: it keeps its components
    }
    const std::int64_t shards = out.now.plan.db.shards;
    out.next = held_after(s.arch, out.now, s.db.min_shards);
    const Candidate current = candidate_of(s.arch, out.now);
    const PathState current_state = out.next;
    Candidate champion = current;
    // When the current state breaks a limit, a fix must last: among the supersets that meet
    // every limit here, those that still do stage.min_span further up are preferred.
    const bool forced = !current.feasible;
    const double later = users * (1.0 + m_w.stage.min_span);
    std::optional<Candidate> durable_champion;
    PathState durable_next;
    for (const Architecture a : m_candidates) {
        if (a == s.arch || !a.contains(s.arch)) {
            continue;
        }
        // What a set must replace to matter: the champion; when the current state breaks a
        // limit, the durable champion once there is one (it is the next state then, whatever
        // the champion becomes).
        const Candidate* bar =
            !forced ? &champion : (durable_champion ? &*durable_champion : nullptr);
        if (bar != nullptr && !may_replace(a, *bar, users)) {
            continue;
        }
        // A component arrives: the replicas and the cache take what the new architecture needs.
        const PathState candidate = through_step(s, web_held, s.released(a, s.db, shards), users);
        const SizedArchitecture sized = size_probe(users, candidate);
        const Candidate c = candidate_of(a, sized);
        const PathState next = held_after(a, sized, shards);
        if (replaces(c, champion, m_w.stage) && lasts(current_state, out.now, next, sized, users)) {
            champion = c;
            out.next = next;
        }
        if (forced && c.feasible &&
            (!durable_champion || replaces(c, *durable_champion, m_w.stage))) {
            if (size_probe(later, candidate).feasible) {
                durable_champion = c;
                durable_next = next;
            }
        }
    }
    if (durable_champion) {
        out.next = durable_next;
    }
    if (!out.next.same(s)) {
        out.next.db.min_shards = shards;
    }
    return out;
}

bool GrowthPath::may_replace(Architecture a, const Candidate& bar, double users) {
    // The floor first: it is nearly free and prunes most sets.
    if (!replaces(Candidate{a, cost_floor(m_w, m_cat, users, a, memo_at(users).tiers), true}, bar,
                  m_w.stage)) {
        return false;
    }
    const ArchitectureBound b =
        bound_architecture(m_w, m_cat, users, a, probe(), memo_at(users).tiers);
    return !b.infeasible && replaces(Candidate{a, b.monthly_cost, true}, bar, m_w.stage);
}

bool GrowthPath::duel(const PathState& s, Architecture target, double users) {
    const SizedArchitecture now = size_probe(users, s);
    if (!held_after(s.arch, now, s.db.min_shards).same(s)) {
        return true; // sizing s here already moves the state the path holds
    }
    if (target == s.arch) {
        return false;
    }
    const Candidate current = candidate_of(s.arch, now);
    if (current.feasible && !may_replace(target, current, users)) {
        return false;
    }
    const std::int64_t shards = now.plan.db.shards;
    std::optional<std::int64_t> web_held;
    const SizedArchitecture other =
        size_probe(users, through_step(s, web_held, s.released(target, s.db, shards), users));
    return replaces(candidate_of(target, other), current, m_w.stage) &&
           lasts(s, now, held_after(target, other, shards), other, users);
}

void GrowthPath::extend_to(double users) {
    // A rise within min_span above a step can send the walk back to the step (keep_through),
    // which moves every count above the step's bracket: walk that far past `users`.
    const double settled = (users + 2.0) * (1.0 + m_w.stage.min_span) / (1.0 - 2e-3);
    while (m_at < settled && m_at < m_grid.back()) {
        const double hi = *std::upper_bound(m_grid.begin(), m_grid.end(), m_at);
        const PathState at_hi = step(m_state, hi).next;
        if (at_hi.same(m_state)) {
            m_at = hi;
        } else {
            locate(m_state, m_at, hi, at_hi);
        }
    }
}

void GrowthPath::locate(PathState s, double lo, double hi, PathState at_hi) {
    for (int n = 0; n < k_max_changes_per_interval && !at_hi.same(s); ++n) {
        // The duel's bisection: the step at lo keeps s (the walk holds s there).
        double a = lo;
        double b = hi;
        while (b - a > tolerance(b)) {
            const double mid = split_point(a, b);
            (duel(s, at_hi.arch, mid) ? b : a) = mid;
        }
        PathState next = b == hi ? at_hi : step(s, b).next;
        if (next.same(s) || (a != lo && !step(s, a).next.same(s))) {
            // The duel is not the whole story here: bisect on the full step over (lo, hi].
            a = lo;
            b = hi;
            while (b - a > tolerance(b)) {
                const double mid = split_point(a, b);
                (step(s, mid).next.same(s) ? a : b) = mid;
            }
            next = b == hi ? at_hi : step(s, b).next;
        }
        m_changes.push_back(PathChange{a, b, s, next});
        if (const std::optional<std::size_t> k = keep_through()) {
            // Walk again from where the walk last held the state before change k.
            m_state = m_changes[*k].from;
            m_at = m_changes[*k].below_users;
            m_changes.resize(*k);
            return;
        }
        s = next;
        lo = b;
        if (lo >= hi) {
            break;
        }
        at_hi = step(s, hi).next;
    }
    m_state = s;
    m_at = hi;
}

std::optional<std::size_t> GrowthPath::keep_through() {
    if (!m_rules.walk_back_to_keep_counts || m_walked_back >= k_max_walks_back) {
        return std::nullopt;
    }
    const std::size_t last = m_changes.size() - 1;
    const PathChange& now = m_changes[last];
    const double span = 1.0 + m_w.stage.min_span;
    for (std::size_t i = 0; i < k_held_counts; ++i) {
        // The direction in which change k moves the count: +1, -1 or 0.
        const auto moves = [&](std::size_t k) {
            const std::int64_t from = held_count(m_changes[k].from, i);
            const std::int64_t to = held_count(m_changes[k].to, i);
            return to > from ? 1 : (to < from ? -1 : 0);
        };
        const int dir = moves(last);
        // The run of moves the other way before this one (a reversal here), from its first
        // move, `start`, which must itself be a reversal (a move before it went this way).
        std::optional<std::size_t> start;
        bool reversal = false;
        for (std::size_t k = last; k-- > 0 && dir != 0;) {
            const int d = moves(k);
            if (d == -dir) {
                start = k;
            } else if (d == dir) {
                reversal = start.has_value();
                break;
            }
        }
        if (!reversal || now.at_users >= m_changes[*start].at_users * span) {
            continue;
        }
        // Two reversals within min_span. A fall, then this rise: the steps from the fall on
        // keep what it rises to here, at most what it held. A rise, then this fall: the step
        // keeps it.
        const PathChange& first = m_changes[*start];
        const KeptCount kept =
            dir > 0 ? KeptCount{i, std::min(held_count(first.from, i), held_count(now.to, i)),
                                first.below_users, now.at_users}
                    : KeptCount{i, held_count(now.from, i), now.below_users, first.at_users * span};
        const bool known = std::any_of(m_kept.begin(), m_kept.end(), [&](const KeptCount& o) {
            return o.count == i && o.floor >= kept.floor && o.from_users <= kept.from_users &&
                   o.until_users >= kept.until_users;
        });
        if (known) {
            continue; // kept there already: the count moves for another reason
        }
        m_kept.push_back(kept);
        ++m_walked_back;
        return dir > 0 ? *start : last;
    }
    return std::nullopt;
}

PathState GrowthPath::state_at(double users) const {
    PathState s = m_initial;
    for (const PathChange& c : m_changes) {
        if (c.below_users >= users) {
            break;
        }
        s = c.to;
    }
    return s;
}

} // namespace capplan::planner
