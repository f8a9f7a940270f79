#pragma once
// One station analysed by the model its inputs call for (capplan(1) capplan queue,
// docs/models.md#sizing): M/M/c/K when a capacity is given (exponential only), otherwise G/G/c by
// Allen–Cunneen (exact M/M/c at unit SCVs). Computed once; metrics and quantiles are read
// from the value.

#include <variant>

#include "queueing/mmck.hpp"
#include "queueing/station.hpp"

namespace capplan::queueing {

class QueueAnalysis {
public:
    // Analyses s. Requires service_time_s > 0, servers ≥ 1, finite non-negative rate and
    // SCVs, and, with a capacity, capacity ≥ servers and both SCVs equal to 1.
    explicit QueueAnalysis(const Station& s);

    [[nodiscard]] const StationMetrics& metrics() const noexcept;
    // P(W > t) and P(response > t) for an admitted customer; t in seconds.
    [[nodiscard]] double wait_exceed(double t_s) const;
    [[nodiscard]] double response_exceed(double t_s) const;
    // The q-quantiles (0 < q < 1) in seconds; +inf when saturated.
    [[nodiscard]] double wait_quantile_s(double q) const;
    [[nodiscard]] double response_quantile_s(double q) const;

private:
    std::variant<StationLaws, MmckAnalysis> m_model;
};

} // namespace capplan::queueing
