#pragma once
// The growth path (docs/models.md#growth-path): the architecture a team following the plan
// runs at each user count. A causal walk up from 1 user on a fixed grid (k_path_per_decade
// points per decade and every step of an [slo] table) keeps the current state while it meets
// every limit and no superset of its components saves at least the stage's threshold; where a
// grid point asks for a change, the change is located by bisection (to max(1, 0.1 %) of users)
// and the walk goes on from it. A state never loses a component (but single_server, which is no
// component, leaves when separate_db arrives), its database never takes a smaller size (but a
// sharded fleet sized again where it pays: PathRules::resize_sharded_fleet), and its
// shards never fall. The state at a user count depends only on the workload: the walk's grid,
// its bisections and its choices do not depend on which points a plan asks for.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "planner/choice.hpp"
#include "planner/components.hpp"
#include "planner/path_rules.hpp"
#include "planner/sizing.hpp"
#include "workload/workload_fwd.hpp"

namespace capplan::planner {

inline constexpr int k_path_per_decade = 10;

// What the path holds at a user count: its components and what the tiers hold (the database's
// size, an index into db_sizes, its replicas in all and its least shard count:
// tiers/db_hold.hpp; the cache's primaries: tiers/cache_hold.hpp; the fewest servers a fixed web
// pool keeps through a step). Components, the database's size and the cache only grow; the
// replicas only grow between the changes of components and database size (there they take what
// the new state needs: DbHold::released).
struct PathState {
    Architecture arch;
    tiers::DbHold db;
    tiers::CacheHold cache;
    std::int64_t web = 0; // 0: the web pool follows the load (PathRules::hold_fixed_web_pool)
    // The same state (what DbHold::same_state compares of the database).
    [[nodiscard]] bool same(const PathState& o) const noexcept {
        return arch == o.arch && db.same_state(o.db) && cache == o.cache && web == o.web;
    }
    // How a sizing holds this state: as the path runs it (pinned) or as the walk probes it,
    // free to grow (its database by the stage's rule, its cache by the scan, its replicas by
    // the load).
    [[nodiscard]] SizingContext::Hold hold(bool pinned) const noexcept {
        return {db, pinned ? tiers::SizeRule::pinned : tiers::SizeRule::keep, {cache, pinned}, web};
    }
    // The state a probe starts from when the components become `a` or the database grows:
    // what each tier keeps through such a change (DbHold::released, CacheHold::released; the
    // web pool nothing), with the shard floor `min_shards`.
    [[nodiscard]] PathState released(Architecture a, const tiers::DbHold& database,
                                     std::int64_t min_shards) const noexcept {
        return {a, database.with_min_shards(min_shards).released(), cache.released(), 0};
    }
};

// The no-shrink rule (docs/models.md#growth-path): what the path holds after sizing `arch` at a
// point. The database's size and replicas and the cache's primaries are taken as sized, with
// the shard floor `min_shards`; a sizing never takes them below the hold it was given
// (SizingContext::Hold), so the path's state never falls. The one place that says what the
// path keeps: a rule that lets the database move to a smaller size where that pays changes
// this function and the hold. tests/planner/test_path.cpp checks both halves directly.
[[nodiscard]] PathState held_after(Architecture arch, const SizedArchitecture& sized,
                                   std::int64_t min_shards);

// A change of state between two probes of the walk: `below_users` is the last probed count at
// `from`, `at_users` the first at `to` (at most max(1, 0.1 %) apart, or the grid's two ends).
// Every count above below_users has `to` (state_at): inside the bracket `from` is past the
// count where the walk last kept it.
struct PathChange {
    double below_users = 0.0;
    double at_users = 0.0;
    PathState from;
    PathState to;
};

class GrowthPath {
public:
    // Throws like size_architecture (an instance the workload names is not in the catalogue).
    GrowthPath(const workload::Workload& w, const workload::Catalogue& cat, PathRules rules = {});
    GrowthPath(const GrowthPath&) = delete;
    GrowthPath& operator=(const GrowthPath&) = delete;
    ~GrowthPath();

    // Walks the grid up to the first grid point at or above `users` (≤ 10^12), and on past
    // stage.min_span above it, so that no later step of the walk moves the state at `users`
    // (PathRules::walk_back_to_keep_counts).
    void extend_to(double users);

    // The state at `users` (covered by extend_to).
    [[nodiscard]] PathState state_at(double users) const;

    // Every change found so far, in order of users.
    [[nodiscard]] const std::vector<PathChange>& changes() const noexcept { return m_changes; }

    // `state` sized at `users` as the path runs it (its components, its database size, its
    // shard floor); `ctx` says what to compute (hourly cost, report metrics, memo, hints).
    [[nodiscard]] SizedArchitecture size(double users, const PathState& state, SizingContext ctx,
                                         PointMemo& memo) const;

private:
    struct Step {
        PathState next;        // the state the choice keeps or moves to at this count
        SizedArchitecture now; // the current state sized there (its database may grow)
    };
    // One step of the walk from `s` at `users` (path.cpp).
    [[nodiscard]] Step step(const PathState& s, double users);
    // Whether the step at `users` leaves `s` for `target`'s components (or grows s's database).
    [[nodiscard]] bool duel(const PathState& s, Architecture target, double users);
    // Whether `a` at `users` may replace `bar`, a set that meets every limit: false when its
    // cost floor or bound cannot (exact: bounds.hpp), so it need not be sized.
    [[nodiscard]] bool may_replace(Architecture a, const Candidate& bar, double users);
    // The state a step from `s` at `users` starts from: `released` (s.released(...)), with
    // the counts a step may not lower kept (PathRules::keep_counts_through_steps and
    // hold_fixed_web_pool). `web_held`: the web servers `s` needs there, once known (the
    // calls of one step share it).
    [[nodiscard]] PathState through_step(const PathState& s, std::optional<std::int64_t>& web_held,
                                         PathState released, double users);
    // `s` with its sharded fleet on a smaller size, sized at `users`, where that pays
    // (PathRules::resize_sharded_fleet); else nothing. `now` is `s` sized there.
    [[nodiscard]] std::optional<SizedArchitecture> smaller_fleet(const PathState& s, double users,
                                                                 const SizedArchitecture& now);
    // Whether moving from `current` (the current state as the step holds it, sized `now`) to
    // `next` (sized `sized` at `users`) lasts (PathRules::adoptions_last).
    [[nodiscard]] bool lasts(const PathState& current, const SizedArchitecture& now,
                             const PathState& next, const SizedArchitecture& sized, double users);
    // Records every change in (lo, hi] from `s`, given the step at hi gives `at_hi`, and
    // moves the walk to hi (or back to a step it walks again: keep_through).
    void locate(PathState s, double lo, double hi, PathState at_hi);
    // Where the last change reverses a held count within stage.min_span of its previous
    // reversal, the steps between keep it (PathRules::walk_back_to_keep_counts): the index of
    // the change to walk again, with the count kept (m_kept).
    [[nodiscard]] std::optional<std::size_t> keep_through();
    [[nodiscard]] static SizingContext probe();
    // `s` sized at `users` as a probe of the walk, free to grow from what it holds.
    [[nodiscard]] SizedArchitecture size_probe(double users, const PathState& s);
    // What the walk's sizings at one user count share: the tiers' memo (memo.hpp) and each
    // probe's result (path.cpp).
    struct CountMemo;
    // The memo of `users`, one of the last few counts the walk sized (the least recently used
    // is dropped). A reference is valid until the next call.
    [[nodiscard]] CountMemo& memo_at(double users);

    const workload::Workload& m_w;
    const workload::Catalogue& m_cat;
    PathRules m_rules;
    std::vector<Architecture> m_candidates; // candidate_architectures(w)
    std::vector<double> m_grid;             // the whole grid, ascending, from 1
    WebHints m_hints;    // per architecture, the walk's last web count (a speed-up only)
    PathState m_initial; // the state at 1 user
    PathState m_state;   // the state at m_at
    double m_at = 0.0;   // how far the walk has gone, in users
    // A count the steps in [from_users, until_users) keep at `floor` at least (at most what
    // they held): found by keep_through, applied by through_step.
    struct KeptCount {
        std::size_t count = 0; // 0: the replicas, 1: the cache's primaries
        std::int64_t floor = 0;
        double from_users = 0.0;
        double until_users = 0.0;
    };
    std::vector<KeptCount> m_kept;
    int m_walked_back = 0; // how often the walk went back to a step (a guard)
    std::vector<PathChange> m_changes;
    std::vector<std::unique_ptr<CountMemo>> m_memos; // the most recently used first
};

} // namespace capplan::planner
