#pragma once
// Choosing the architecture at one user point (docs/models.md#stage): size every set of
// components that is closed under the prerequisites, and keep the cheapest feasible one, where a
// set with more components must save at least stage.min_saving and stage.min_saving_fraction of
// the smaller one's total; with no feasible set, the one with the smallest worst violation.

#include <cstddef>
#include <vector>

#include "planner/components.hpp"
#include "planner/sizing.hpp"
#include "workload/catalogue.hpp"
#include "workload/workload.hpp"

namespace capplan::planner {

// One sized candidate, as the choice sees it.
struct Candidate {
    Architecture arch;
    double total_cost = 0.0;
    bool feasible = false;
    double worst_violation = 0.0;
    double violation_sum = 0.0; // the tie-break of equal worst violations (sizing.hpp)
};

// A sized set as the choice sees it.
[[nodiscard]] Candidate candidate_of(Architecture arch, const SizedArchitecture& sized) noexcept;

// The index of the chosen candidate. Candidates must be in the order of
// candidate_architectures. Procedure (exact, and the definition used in capplan(1)): walk the
// feasible candidates in that order keeping a champion; one of the same size replaces it when
// strictly cheaper; a larger one replaces it only when it saves at least
// max(min_saving, min_saving_fraction·champion cost). With no feasible candidate, the smallest
// worst violation wins; on a tie the smaller violation_sum, then the earlier candidate.
[[nodiscard]] std::size_t choose_candidate(const std::vector<Candidate>& candidates,
                                           const workload::Stage& rule);

// The chosen architecture at `users`, sized; `any_feasible` is false when no set meets every
// limit (the caller warns).
struct StageChoice {
    SizedArchitecture chosen;
    bool any_feasible = true;
};
// `prune` = false sizes every candidate (the exhaustive search the pruned one must equal).
// `web_hints`, when given, holds per architecture (by its bits) the web tier's needed count at
// a nearby user count, read as search hints and updated with this point's answers; it only
// speeds up the sizing (a sweep passes one from point to point).
using WebHints = std::vector<std::int64_t>;
[[nodiscard]] StageChoice choose_stage(const workload::Workload& w, const workload::Catalogue& cat,
                                       double users, const SizingContext& ctx,
                                       WebHints* web_hints = nullptr, bool prune = true);

} // namespace capplan::planner
