// The architecture choice at one point (docs/models.md#stage). See choice.hpp.

#include "planner/choice.hpp"

#include "planner/bounds.hpp"
#include "planner/memo.hpp"

#include <algorithm>
#include <array>
#include <optional>

namespace capplan::planner {

Candidate candidate_of(Architecture arch, const SizedArchitecture& sized) noexcept {
    return Candidate{arch, sized.plan.total.monthly_cost, sized.feasible, sized.worst_violation,
                     sized.violation_sum};
}

bool replaces(const Candidate& c, const Candidate& champion, const workload::Stage& rule) {
    if (c.arch.size() == champion.arch.size()) {
        return c.total_cost < champion.total_cost;
    }
    const double threshold =
        std::max(rule.min_saving, rule.min_saving_fraction * champion.total_cost);
    return champion.total_cost - c.total_cost >= threshold;
}

std::size_t choose_candidate(const std::vector<Candidate>& candidates,
                             const workload::Stage& rule) {
    std::size_t champion = candidates.size();
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        const Candidate& c = candidates[i];
        if (!c.feasible) {
            continue;
        }
        if (champion == candidates.size() || replaces(c, candidates[champion], rule)) {
            champion = i;
        }
    }
    if (champion != candidates.size()) {
        return champion;
    }
    std::size_t least = 0;
    for (std::size_t i = 1; i < candidates.size(); ++i) {
        const Candidate& c = candidates[i];
        const Candidate& l = candidates[least];
        if (c.worst_violation < l.worst_violation ||
            (c.worst_violation == l.worst_violation && c.violation_sum < l.violation_sum)) {
            least = i;
        }
    }
    return least;
}

namespace {

// Pruning by the independence of sharding (the search need not size every set): the shard
// count is the fewest that fixes storage, the hottest shard's writes at db.max_instance and
// replication apply. When the same set without sharding meets every limit, one shard already
// fixes all three, so the set with sharding sizes identically (one shard) at the same cost;
// being larger, it can never replace its sibling, and with a feasible sibling the
// least-violation fallback is not used. So it need not be sized. (A test checks the pruned
// choice against the exhaustive one over random workloads.)
bool can_skip(Architecture a, const std::vector<Architecture>& kept,
              const std::vector<Candidate>& candidates) {
    if (!a.has(Component::sharding)) {
        return false;
    }
    Architecture sibling = a;
    sibling.remove(Component::sharding);
    for (std::size_t i = 0; i < kept.size(); ++i) {
        if (kept[i] == sibling) {
            return candidates[i].feasible;
        }
    }
    return false;
}

} // namespace

StageChoice choose_stage(const workload::Workload& w, const workload::Catalogue& cat, double users,
                         const SizingContext& ctx, WebHints* web_hints, bool prune) {
    const std::vector<Architecture>& sets = candidate_architectures(w);
    // The candidates are compared on cost, feasibility and violation, which do not need the
    // report-only metrics; only the chosen one is sized again with them.
    SizingContext compare = ctx;
    compare.report_metrics = false;
    PointMemo memo;
    compare.memo = &memo;
    struct Entry {
        std::size_t order; // in `sets`
        SizedArchitecture sized;
        Candidate candidate;
    };
    std::vector<Entry> entries;
    std::vector<Architecture> kept;
    std::vector<Candidate> kept_candidates;
    std::vector<std::size_t> deferred; // certainly infeasible: sized only if nothing is feasible
    std::optional<Candidate> champion;
    const auto size_one = [&](std::size_t i) {
        const Architecture a = sets[i];
        if (web_hints != nullptr && a.bits < web_hints->size() && (*web_hints)[a.bits] > 0) {
            compare.web_needed_hint = (*web_hints)[a.bits];
        } else {
            compare.web_needed_hint.reset();
        }
        SizedArchitecture s = size_architecture(w, cat, users, a, compare);
        if (web_hints != nullptr && a.bits < web_hints->size()) {
            (*web_hints)[a.bits] = s.plan.web.servers_needed;
        }
        const Candidate c = candidate_of(a, s);
        entries.push_back({i, std::move(s), c});
        kept.push_back(a);
        kept_candidates.push_back(c);
        if (c.feasible && (!champion || replaces(c, *champion, w.stage))) {
            champion = c;
        }
    };
    for (std::size_t i = 0; i < sets.size(); ++i) {
        const Architecture a = sets[i];
        if (prune) {
            if (can_skip(a, kept, kept_candidates)) {
                continue;
            }
            // Pruning by bounds (exact): a set whose cost bound cannot replace the champion
            // never will, and one that certainly breaks a limit only matters when no set is
            // feasible. The floor first: it is nearly free and prunes most sets.
            if (champion &&
                !replaces(Candidate{a, cost_floor(w, cat, users, a, compare), true, 0.0}, *champion,
                          w.stage)) {
                continue;
            }
            const ArchitectureBound b = bound_architecture(w, cat, users, a, compare);
            if (champion &&
                !replaces(Candidate{a, b.monthly_cost, true, 0.0}, *champion, w.stage)) {
                continue;
            }
            if (b.infeasible) {
                deferred.push_back(i);
                continue;
            }
        }
        size_one(i);
    }
    if (!champion) {
        for (const std::size_t i : deferred) {
            size_one(i);
        }
        std::stable_sort(entries.begin(), entries.end(),
                         [](const Entry& x, const Entry& y) { return x.order < y.order; });
    }
    std::vector<Candidate> candidates;
    candidates.reserve(entries.size());
    for (const Entry& e : entries) {
        candidates.push_back(e.candidate);
    }
    const std::size_t chosen = choose_candidate(candidates, w.stage);
    StageChoice out;
    out.any_feasible = candidates[chosen].feasible;
    if (ctx.report_metrics) {
        SizingContext report = ctx;
        report.web_needed_hint = entries[chosen].sized.plan.web.servers_needed;
        report.memo = &memo;
        out.chosen = size_architecture(w, cat, users, candidates[chosen].arch, report);
    } else {
        out.chosen = std::move(entries[chosen].sized);
    }
    return out;
}

} // namespace capplan::planner
