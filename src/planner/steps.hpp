#pragma once
// The breakpoints of the count metrics inside a stretch of constant architecture
// (docs/models.md#breakpoints): the stretch is split wherever some metric differs between its
// ends, down to max(1, 0.1 % of users); each leaf records every metric that differs across it,
// with the leaf's ends as below_users and at_users. A count bound by utilization steps at a
// steady period in users: after two steps of one metric the next is predicted and checked with
// two probes one tolerance apart (the bracket bisection would end with), else bisected.

#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

#include "planner/plan.hpp"
#include "tiers/web_hint.hpp"

namespace capplan::planner {

// A breakpoint metric: its path and how to read it from a point (report::step_metrics()
// derives the list from the metric registry).
struct StepMetric {
    std::string_view path;
    std::function<StepValue(const PointPlan&)> read;
};

// The values of the breakpoint metrics at one user count, and the web tier's needed count
// there (a search hint for smaller counts, not a metric).
struct Probe {
    std::vector<StepValue> values;
    tiers::WebHint web_hint;
};

// The tolerance of every location: max(1, 0.1 % of users).
[[nodiscard]] double location_tolerance(double users) noexcept;
// The bisection's next probe in (lo, hi): the geometric mean.
[[nodiscard]] double split_point(double lo, double hi) noexcept;

// The values of `metrics` in `p`.
[[nodiscard]] std::vector<StepValue> read_steps(const std::vector<StepMetric>& metrics,
                                                const PointPlan& p);

class StepFinder {
public:
    // `probe(u, hint)`: the metrics at u with the architecture of the stretch fixed; `hint` is
    // a web count known near u (a speed-up only).
    using ProbeFn = std::function<Probe(double users, tiers::WebHint hint)>;

    StepFinder(const std::vector<StepMetric>& metrics, std::vector<Breakpoint>& out)
        : m_metrics(metrics), m_out(out), m_history(metrics.size()),
          m_unsteady(metrics.size(), false) {}

    // Every step over [lo, hi] (lo ≤ hi), the stretch's values at both ends given.
    void locate(double lo, const Probe& at_lo, double hi, const Probe& at_hi, const ProbeFn& probe);

    // Records every metric that differs between `before` (at below_users) and `after` (at
    // at_users); `in_stretch` steps feed the predictions (not the jumps at a stage change).
    void record(double below, double at, const std::vector<StepValue>& before,
                const std::vector<StepValue>& after, bool in_stretch);

private:
    void split(double lo, const Probe& vlo, double hi, const Probe& vhi, const ProbeFn& probe);
    [[nodiscard]] double predicted_step(double lo, const Probe& vlo, double hi, const Probe& vhi,
                                        std::size_t& which) const;

    const std::vector<StepMetric>& m_metrics;
    std::vector<Breakpoint>& m_out;
    std::vector<std::vector<double>> m_history; // exact step positions per metric, this stretch
    std::vector<bool> m_unsteady; // a prediction failed for this metric in this stretch
};

} // namespace capplan::planner
