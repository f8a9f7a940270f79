#pragma once
// Choosing the architecture at one user point (docs/models.md#stage): size every set of
// components that is closed under the prerequisites, and keep the cheapest feasible one, where a
// set with more components must save at least stage.min_saving and stage.min_saving_fraction of
// the smaller one's total; with no feasible set, by the limit levels of `replaces`.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "planner/components.hpp"
#include "planner/sizing.hpp"
#include "tiers/web_hint.hpp"
#include "workload/stage_section.hpp"
#include "workload/workload_fwd.hpp"

namespace capplan::planner {

// One sized candidate, as the choice sees it.
struct Candidate {
    Architecture arch;
    double total_cost = 0.0;
    bool feasible = false;
    int levels_met = k_levels; // LimitLevels::met() of its sizing
    double missed = 0.0;       // its worst violation at the first level it misses (0: none)
};

// A sized set as the choice sees it.
[[nodiscard]] Candidate candidate_of(Architecture arch, const SizedArchitecture& sized) noexcept;

// The sharding skip (docs/models.md#stage): a set with sharding need not be sized when its
// sibling without sharding is among `kept` (sized, `candidates[i]` for `kept[i]`) and meets
// every limit. The shard count is the fewest that fixes storage, the hottest shard's writes at
// db.max_instance and replication apply; when the sibling meets every limit one shard already
// fixes all three, so the set with sharding sizes identically (one shard) at the same cost and,
// being larger, can never replace its sibling. tests/planner/test_choice.cpp checks that
// premise directly.
[[nodiscard]] bool sharding_can_be_skipped(Architecture a, const std::vector<Architecture>& kept,
                                           const std::vector<Candidate>& candidates);

// Whether `c`, later in the order of candidate_architectures, replaces `champion`
// (docs/models.md#stage). One that meets more limit levels always does. Among sets meeting every
// level, the cost decides: one of the same size when strictly cheaper, a larger one when it
// saves at least max(min_saving, min_saving_fraction · champion's cost). Among sets missing
// only the availability target, the cost decides the same way, then the smaller miss. Among
// sets missing a capacity or latency level, the smaller worst violation at that level decides
// (a larger set must miss by min_saving_fraction less), then the cost as above.
[[nodiscard]] bool replaces(const Candidate& c, const Candidate& champion,
                            const workload::Stage& rule) noexcept;

// The index of the chosen candidate: walk the candidates, in the order of
// candidate_architectures, keeping a champion that each candidate replaces when `replaces`
// says so. So the choice is the cheapest feasible set (by the saving threshold) when there is
// one, and otherwise one of the sets meeting the most levels.
[[nodiscard]] std::size_t choose_candidate(const std::vector<Candidate>& candidates,
                                           const workload::Stage& rule);

// The chosen architecture at `users`, sized; `any_feasible` is false when no set meets every
// limit (the caller warns). Without a feasible set, `closest` holds the best each limit level
// reaches over every set (its worst value per level, and the highest availability).
struct StageChoice {
    SizedArchitecture chosen;
    bool any_feasible = true;
    LimitLevels closest;
    double best_availability = 0.0;
};

// `web_hints`, when given, holds per architecture (by its bits) the web tier's needed count at
// a nearby user count, read as search hints and updated with this point's answers; it only
// speeds up the sizing (a sweep passes one from point to point).
using WebHints = std::vector<tiers::WebHint>;

// How choose_stage searches.
struct ChoiceOptions {
    // The threshold a larger set must save; null: the workload's [stage]. (A zero rule finds the
    // cheapest feasible set, for the path's premium.)
    const workload::Stage* rule = nullptr;
    // When given, only sets that would replace a feasible champion of this cost are sized; the
    // chosen set is then the cheapest such one, or none (`found` false).
    std::optional<double> below;
    bool prune = true; // false sizes every candidate (what the pruned search must equal)
};

// The choice at `users` among candidate_architectures(w) (docs/models.md#stage). `found` is false
// only with options.below when no set beats it.
struct ChoiceResult {
    StageChoice choice;
    bool found = true;
};
[[nodiscard]] ChoiceResult choose_among(const workload::Workload& w, const workload::Catalogue& cat,
                                        double users, const SizingContext& ctx, WebHints* web_hints,
                                        const ChoiceOptions& options);

// The choice with the workload's rule, pruned unless `prune` is false.
[[nodiscard]] StageChoice choose_stage(const workload::Workload& w, const workload::Catalogue& cat,
                                       double users, const SizingContext& ctx,
                                       WebHints* web_hints = nullptr, bool prune = true);

} // namespace capplan::planner
