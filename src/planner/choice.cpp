// The architecture choice at one point (docs/models.md#stage). See choice.hpp.

#include "planner/choice.hpp"

#include "planner/bounds.hpp"
#include "planner/memo.hpp"
#include "workload/workload.hpp"

#include <algorithm>
#include <array>
#include <optional>

namespace capplan::planner {

Candidate candidate_of(Architecture arch, const SizedArchitecture& sized) noexcept {
    Candidate c{arch, sized.plan.total.monthly_cost, sized.feasible, sized.levels.met(), 0.0};
    if (c.levels_met < k_levels) {
        c.missed = sized.levels.worst[static_cast<std::size_t>(c.levels_met)];
    }
    return c;
}

namespace {

// Whether c saves enough against the champion: strictly cheaper at the same size, by the
// stage's threshold when larger.
bool saves(const Candidate& c, const Candidate& champion, const workload::Stage& rule) noexcept {
    if (c.arch.size() == champion.arch.size()) {
        return c.total_cost < champion.total_cost;
    }
    const double threshold =
        std::max(rule.min_saving, rule.min_saving_fraction * champion.total_cost);
    return champion.total_cost - c.total_cost >= threshold;
}

// Whether c misses the first level both miss by enough less: strictly at the same size, by the
// stage's fraction when larger.
bool misses_less(const Candidate& c, const Candidate& champion,
                 const workload::Stage& rule) noexcept {
    if (c.arch.size() == champion.arch.size()) {
        return c.missed < champion.missed;
    }
    return c.missed < champion.missed * (1.0 - rule.min_saving_fraction);
}

// Whether `dear` misses less than `cheap` by at least `share` of cheap's gap to the target
// (its worst ratio at the level both miss, less 1).
bool closes_gap(const Candidate& dear, const Candidate& cheap, double share) noexcept {
    return dear.missed < cheap.missed && cheap.missed - dear.missed >= share * (cheap.missed - 1.0);
}

// Money spent only where it helps (docs/models.md#stage), between two sets that miss the same
// capacity, latency or availability level: the dearer is worth its cost only where it closes
// at least stage.min_gap_closed of the cheaper one's gap. c, when it saves the threshold,
// replaces the champion unless the champion closes that share of c's gap; at the same cost
// the smaller miss wins; otherwise c must close that share of the champion's gap.
bool helps(const Candidate& c, const Candidate& champion, const workload::Stage& rule) noexcept {
    if (saves(c, champion, rule)) {
        return !closes_gap(champion, c, rule.min_gap_closed);
    }
    if (c.total_cost == champion.total_cost) {
        return c.missed < champion.missed;
    }
    return closes_gap(c, champion, rule.min_gap_closed);
}

} // namespace

bool replaces(const Candidate& c, const Candidate& champion, const workload::Stage& rule) noexcept {
    if (c.levels_met != champion.levels_met) {
        return c.levels_met > champion.levels_met;
    }
    if (c.levels_met == k_levels) {
        return saves(c, champion, rule);
    }
    if (rule.spend_only_where_it_helps && c.levels_met > 0) {
        return helps(c, champion, rule); // a target out of reach (a station at 100 %: below)
    }
    // An availability target out of reach is not chased at any price: the cost decides, then
    // the miss. A capacity or latency limit out of reach: the closest wins, then the cost.
    if (c.levels_met == k_levels - 1) {
        return saves(c, champion, rule) ||
               (c.total_cost == champion.total_cost && c.missed < champion.missed);
    }
    return misses_less(c, champion, rule) ||
           (c.missed <= champion.missed && saves(c, champion, rule));
}

std::size_t choose_candidate(const std::vector<Candidate>& candidates,
                             const workload::Stage& rule) {
    std::size_t champion = 0;
    for (std::size_t i = 1; i < candidates.size(); ++i) {
        if (replaces(candidates[i], candidates[champion], rule)) {
            champion = i;
        }
    }
    return champion;
}

namespace {} // namespace

bool sharding_can_be_skipped(Architecture a, const std::vector<Architecture>& kept,
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

ChoiceResult choose_among(const workload::Workload& w, const workload::Catalogue& cat, double users,
                          const SizingContext& ctx, WebHints* web_hints,
                          const ChoiceOptions& options) {
    const workload::Stage& rule = options.rule != nullptr ? *options.rule : w.stage;
    const std::vector<Architecture>& sets = candidate_architectures(w);
    // The candidates are compared on cost, feasibility and the limit levels, which do not need
    // the report-only metrics; only the chosen one is sized again with them.
    SizingContext compare = ctx;
    compare.report_metrics = false;
    PointMemo memo;
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
    if (options.below) {
        champion = Candidate{Architecture{}, *options.below, true};
    }
    const auto size_one = [&](std::size_t i) {
        const Architecture a = sets[i];
        const bool hinted = web_hints != nullptr && a.bits < web_hints->size();
        compare.web_hint = hinted ? (*web_hints)[a.bits] : tiers::WebHint{};
        SizedArchitecture s = size_architecture(w, cat, users, a, compare, memo);
        if (hinted) {
            (*web_hints)[a.bits] = s.web_hint();
        }
        const Candidate c = candidate_of(a, s);
        entries.push_back({i, std::move(s), c});
        kept.push_back(a);
        kept_candidates.push_back(c);
        if (c.feasible && (!champion || replaces(c, *champion, rule))) {
            champion = c;
        }
    };
    for (std::size_t i = 0; i < sets.size(); ++i) {
        const Architecture a = sets[i];
        if (options.prune) {
            if (sharding_can_be_skipped(a, kept, kept_candidates)) {
                continue;
            }
            // Pruning by bounds (exact): a set whose cost bound cannot replace the champion
            // never will, and one that certainly breaks a limit only matters when no set is
            // feasible. The floor first: it is nearly free and prunes most sets.
            if (champion && !replaces(Candidate{a, cost_floor(w, cat, users, a, memo), true},
                                      *champion, rule)) {
                continue;
            }
            const ArchitectureBound b = bound_architecture(w, cat, users, a, compare, memo);
            if (champion && !replaces(Candidate{a, b.monthly_cost, true}, *champion, rule)) {
                continue;
            }
            if (b.infeasible) {
                deferred.push_back(i);
                continue;
            }
        }
        size_one(i);
    }
    ChoiceResult out;
    if (!champion) {
        for (const std::size_t i : deferred) {
            size_one(i);
        }
        std::stable_sort(entries.begin(), entries.end(),
                         [](const Entry& x, const Entry& y) { return x.order < y.order; });
    }
    std::vector<Candidate> candidates;
    std::vector<std::size_t> index; // of `entries`, for the candidates that take part
    for (std::size_t i = 0; i < entries.size(); ++i) {
        if (!options.below || entries[i].candidate.feasible) {
            candidates.push_back(entries[i].candidate);
            index.push_back(i);
        }
    }
    if (candidates.empty()) {
        out.found = false;
        return out;
    }
    const std::size_t pick = choose_candidate(candidates, rule);
    Entry& chosen = entries[index[pick]];
    if (options.below &&
        !replaces(chosen.candidate, Candidate{Architecture{}, *options.below, true}, rule)) {
        out.found = false;
        return out;
    }
    StageChoice& sc = out.choice;
    sc.any_feasible = chosen.candidate.feasible;
    if (!sc.any_feasible) {
        // Nothing meets every limit: every set was sized; what each level can reach at best.
        sc.closest.worst.fill(1e300);
        for (const Entry& e : entries) {
            const LimitLevels& lv = e.sized.levels;
            for (std::size_t k = 0; k < lv.worst.size(); ++k) {
                if (lv.worst[k] < sc.closest.worst[k]) {
                    sc.closest.worst[k] = lv.worst[k];
                    sc.closest.reason[k] = lv.reason[k];
                }
            }
        }
        // The best availability of the sets that meet every other limit (else of all).
        const bool any_other = std::any_of(entries.begin(), entries.end(), [](const Entry& e) {
            return e.sized.levels.met() >= k_levels - 1;
        });
        for (const Entry& e : entries) {
            if (!any_other || e.sized.levels.met() >= k_levels - 1) {
                sc.best_availability =
                    std::max(sc.best_availability, e.sized.plan.availability.total);
            }
        }
    }
    if (ctx.report_metrics) {
        SizingContext report = ctx;
        report.web_hint = chosen.sized.web_hint();
        sc.chosen = size_architecture(w, cat, users, chosen.candidate.arch, report, memo);
    } else {
        sc.chosen = std::move(chosen.sized);
    }
    return out;
}

StageChoice choose_stage(const workload::Workload& w, const workload::Catalogue& cat, double users,
                         const SizingContext& ctx, WebHints* web_hints, bool prune) {
    ChoiceOptions options;
    options.prune = prune;
    return choose_among(w, cat, users, ctx, web_hints, options).choice;
}

} // namespace capplan::planner
