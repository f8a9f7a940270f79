#pragma once
// M/M/c/K (interface; the implementation lands with the M/M/c/K work).

#include "queueing/station.hpp"

namespace capplan::queueing {

struct MmckAnalysis {
    StationMetrics metrics;
};
[[nodiscard]] MmckAnalysis analyze_mmck(const Station& s);
[[nodiscard]] double mmck_wait_exceed(const MmckAnalysis&, double t_s);
[[nodiscard]] double mmck_wait_quantile_s(const MmckAnalysis&, double q);
[[nodiscard]] double mmck_response_exceed(const MmckAnalysis&, double t_s);
[[nodiscard]] double mmck_response_quantile_s(const MmckAnalysis&, double q);

} // namespace capplan::queueing
