// The changes of the per-point choice. See point_changes.hpp.
//
// The first change in (lo, hi]: a user count b, to the tolerance, whose choice is not at_lo
// while it is at_lo one tolerance below. Bisecting with the full choice costs one choice per
// step, but most changes are a duel: a set chosen higher up takes over from at_lo. So the full
// choice is asked once, in the middle (as bisection's first step would: a change and its way
// back inside the stretch are seen when they hold the middle), and the duel between at_lo and
// the set chosen at the nearer end above it is bisected (two sizings per step sharing the
// point's memo). Its bracket is then checked with the full choice at both ends. When the
// choice at the lower end is a third set, that one took over earlier: the duel moves to it,
// below there. When the check fails otherwise, the full choice is bisected.

#include "planner/point_changes.hpp"

#include <utility>

#include "planner/memo.hpp"
#include "planner/steps.hpp"
#include "workload/workload.hpp"

namespace capplan::planner {
namespace {

constexpr int k_max_changes_per_stretch = 32;

class Locator {
public:
    Locator(const workload::Workload& w, const workload::Catalogue& cat, WebHints& hints)
        : m_w(w), m_cat(cat), m_hints(hints) {}

    // The chosen stage at users (the choice does not depend on the previous point).
    Architecture stage_at(double users) {
        SizingContext ctx;
        ctx.report_metrics = false;
        return choose_stage(m_w, m_cat, users, ctx, &m_hints).chosen.plan.stage;
    }

    // The choice between x and y alone at users (choose_candidate over the two, in order).
    Architecture duel(double users, Architecture x, Architecture y) const {
        PointMemo memo;
        SizingContext ctx;
        ctx.report_metrics = false;
        std::vector<Candidate> two = {
            candidate_of(x, size_architecture(m_w, m_cat, users, x, ctx, memo)),
            candidate_of(y, size_architecture(m_w, m_cat, users, y, ctx, memo))};
        if (comes_before(y, x)) {
            std::swap(two[0], two[1]);
        }
        return two[choose_candidate(two, m_w.stage)].arch;
    }

    PointChange first_change(double lo, Architecture at_lo, double hi, Architecture at_hi) {
        double top = hi;
        Architecture at_top = at_hi;
        if (hi - lo > location_tolerance(hi)) {
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
            while (b - a > location_tolerance(b)) {
                const double mid = split_point(a, b);
                (duel(mid, at_lo, at_top) == at_lo ? a : b) = mid;
            }
            const Architecture at_a = a == lo ? at_lo : stage_at(a);
            if (!(at_a == at_lo)) {
                top = a;
                at_top = at_a;
                continue;
            }
            const Architecture next = b == top ? at_top : stage_at(b);
            if (!(next == at_lo)) {
                return {a, b, at_lo, next};
            }
            break;
        }
        double a = lo;
        double b = top;
        while (b - a > location_tolerance(b)) {
            const double mid = split_point(a, b);
            (stage_at(mid) == at_lo ? a : b) = mid;
        }
        return {a, b, at_lo, b == top ? at_top : stage_at(b)};
    }

private:
    const workload::Workload& m_w;
    const workload::Catalogue& m_cat;
    WebHints& m_hints;
};

} // namespace

std::vector<PointChange> point_changes(const workload::Workload& w, const workload::Catalogue& cat,
                                       double lo, Architecture at_lo, double hi, Architecture at_hi,
                                       WebHints& hints) {
    Locator locator(w, cat, hints);
    std::vector<PointChange> out;
    for (int n = 0; n < k_max_changes_per_stretch && !(at_lo == at_hi); ++n) {
        const PointChange c = locator.first_change(lo, at_lo, hi, at_hi);
        out.push_back(c);
        lo = c.at;
        at_lo = c.to;
    }
    return out;
}

} // namespace capplan::planner
