// Temporary stand-in until the M/M/c/K implementation is merged.
#include "queueing/mmck.hpp"

#include <stdexcept>

namespace capplan::queueing {
MmckAnalysis analyze_mmck(const Station&) { throw std::logic_error("M/M/c/K not merged yet"); }
double mmck_wait_exceed(const MmckAnalysis&, double) { return 0.0; }
double mmck_wait_quantile_s(const MmckAnalysis&, double) { return 0.0; }
double mmck_response_exceed(const MmckAnalysis&, double) { return 0.0; }
double mmck_response_quantile_s(const MmckAnalysis&, double) { return 0.0; }
} // namespace capplan::queueing
