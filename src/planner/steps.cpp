// The breakpoints inside a stretch (docs/models.md#breakpoints). See steps.hpp.

#include "planner/steps.hpp"

#include <algorithm>
#include <cmath>

namespace capplan::planner {

double location_tolerance(double users) noexcept {
    return std::max(1.0, 1e-3 * users);
}

double split_point(double lo, double hi) noexcept {
    return lo > 0.0 ? std::sqrt(lo * hi) : 0.5 * (lo + hi);
}

std::vector<StepValue> read_steps(const std::vector<StepMetric>& metrics, const PointPlan& p) {
    std::vector<StepValue> v;
    v.reserve(metrics.size());
    for (const StepMetric& m : metrics) {
        v.push_back(m.read(p));
    }
    return v;
}

void StepFinder::locate(double lo, const Probe& at_lo, double hi, const Probe& at_hi,
                        const ProbeFn& probe) {
    std::fill(m_history.begin(), m_history.end(), std::vector<double>{});
    std::fill(m_unsteady.begin(), m_unsteady.end(), false);
    split(lo, at_lo, hi, at_hi, probe);
}

void StepFinder::split(double lo, const Probe& vlo, double hi, const Probe& vhi,
                       const ProbeFn& probe) {
    if (vlo.values == vhi.values) {
        return;
    }
    if (hi - lo <= location_tolerance(hi)) {
        record(lo, hi, vlo.values, vhi.values, true);
        return;
    }
    std::size_t metric = 0;
    if (const double at = predicted_step(lo, vlo, hi, vhi, metric); at > 0.0) {
        const double a = at - location_tolerance(at);
        const Probe va = probe(a, vhi.web_hint);
        if (va.values != vlo.values) {
            m_unsteady[metric] = true; // the steps are not periodic: stop predicting
            split(lo, vlo, a, va, probe);
            split(a, va, hi, vhi, probe);
            return;
        }
        const Probe vat = probe(at, vhi.web_hint);
        if (vat.values == vhi.values) {
            record(a, at, vlo.values, vhi.values, true);
            return;
        }
        m_unsteady[metric] = true;
        split(a, va, at, vat, probe);
        split(at, vat, hi, vhi, probe);
        return;
    }
    const double mid = split_point(lo, hi);
    const Probe vmid = probe(mid, vhi.web_hint);
    split(lo, vlo, mid, vmid, probe);
    split(mid, vmid, hi, vhi, probe);
}

double StepFinder::predicted_step(double lo, const Probe& vlo, double hi, const Probe& vhi,
                                  std::size_t& which) const {
    std::size_t changed = 0;
    for (std::size_t k = 0; k < m_metrics.size(); ++k) {
        if (vlo.values[k] != vhi.values[k]) {
            ++changed;
            which = k;
        }
    }
    if (changed != 1 || m_history[which].size() < 2 || m_unsteady[which]) {
        return 0.0;
    }
    const auto* from = std::get_if<std::int64_t>(&vlo.values[which]);
    const auto* to = std::get_if<std::int64_t>(&vhi.values[which]);
    if (from == nullptr || to == nullptr || *to - *from != 1) {
        return 0.0;
    }
    const auto& h = m_history[which];
    const double period = h[h.size() - 1] - h[h.size() - 2];
    if (!(period > 0.0)) {
        return 0.0;
    }
    const double at = h.back() + period * std::ceil((lo - h.back()) / period);
    const bool inside = at - location_tolerance(at) > lo && at < hi;
    return inside ? at : 0.0;
}

void StepFinder::record(double below, double at, const std::vector<StepValue>& before,
                        const std::vector<StepValue>& after, bool in_stretch) {
    for (std::size_t k = 0; k < m_metrics.size(); ++k) {
        if (before[k] != after[k]) {
            m_out.push_back({std::string(m_metrics[k].path), before[k], after[k], at, below});
            if (in_stretch) {
                m_history[k].push_back(at);
            }
        }
    }
}

} // namespace capplan::planner
