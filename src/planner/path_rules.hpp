#pragma once
// The growth path's rules that have no workload key (docs/models.md#growth-path). A new rule
// lands switched off here, with its tests turning it on, and is switched on by its default
// in a commit of its own.

namespace capplan::planner {

// The path's rules that have no workload key, each switched on by default once it has landed.
struct PathRules {
    // No flap across a step (docs/models.md#growth-path). Where a step (components change or
    // the database grows) would lower the replicas or the cache's primaries and the new state
    // needs more again within stage.min_span, they fall only to that need (kept, when it is
    // all they held). Where the replicas or the cache's primaries would rise on a database size
    // the path leaves within min_span (which would release them), the database takes that
    // size now instead.
    bool keep_counts_through_steps = true;
    // The same rule checked by the walk itself (docs/models.md#growth-path): where a change
    // reverses the replicas or the cache's primaries within stage.min_span of users of their
    // previous reversal, the walk goes back to the first of the two, keeps the count there (a
    // fall: at most what it held, at least what it rises to; a rise: the later step keeps
    // it) and walks on from it.
    bool walk_back_to_keep_counts = true;
    // Adoptions that last (docs/models.md#growth-path): a component the walk would add where
    // the database it relieves still takes a larger size within stage.min_span of users is
    // added only if that costs less, summed over the span's points, than the current state
    // with its database grown (when that meets every limit there).
    bool adoptions_last = true;
    // A fixed web pool held through a step (docs/models.md#growth-path): where a step takes
    // load off a pool that does not autoscale (web.autoscale = false) and the new state needs
    // more servers again within stage.min_span, the pool keeps that need (at most what it
    // held) until the next step.
    bool hold_fixed_web_pool = true;
    // A sharded fleet sized again where it pays (docs/models.md#growth-path): a fleet of two
    // or more shards moves to the smaller size that costs least when that meets every limit
    // and saves at least the stage's threshold here and stage.min_span further up; from then
    // on it scales out on that size (tiers::DbHold::fleet_sizes).
    bool resize_sharded_fleet = true;
};

} // namespace capplan::planner
