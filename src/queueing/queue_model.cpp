#include "queueing/queue_model.hpp"

#include <limits>

#include "queueing/ggc.hpp"

namespace capplan::queueing {
namespace {

constexpr double k_inf = std::numeric_limits<double>::infinity();

std::variant<StationLaws, MmckAnalysis> analyze(const Station& s) {
    if (s.capacity) {
        return analyze_mmck(s);
    }
    return analyze_ggc(s);
}

} // namespace

QueueAnalysis::QueueAnalysis(const Station& s) : m_model(analyze(s)) {}

const StationMetrics& QueueAnalysis::metrics() const noexcept {
    if (const auto* laws = std::get_if<StationLaws>(&m_model)) {
        return laws->metrics;
    }
    return std::get_if<MmckAnalysis>(&m_model)->metrics; // the only other alternative
}

double QueueAnalysis::wait_exceed(double t_s) const {
    if (const auto* laws = std::get_if<StationLaws>(&m_model)) {
        return laws->metrics.saturated ? 1.0 : queueing::wait_exceed(laws->wait, t_s);
    }
    return mmck_wait_exceed(std::get<MmckAnalysis>(m_model), t_s);
}

double QueueAnalysis::response_exceed(double t_s) const {
    if (const auto* laws = std::get_if<StationLaws>(&m_model)) {
        return laws->metrics.saturated ? 1.0 : sum_exceed(laws->wait, laws->service, t_s);
    }
    return mmck_response_exceed(std::get<MmckAnalysis>(m_model), t_s);
}

double QueueAnalysis::wait_quantile_s(double q) const {
    if (const auto* laws = std::get_if<StationLaws>(&m_model)) {
        return laws->metrics.saturated ? k_inf : queueing::wait_quantile_s(laws->wait, q);
    }
    return mmck_wait_quantile_s(std::get<MmckAnalysis>(m_model), q);
}

double QueueAnalysis::response_quantile_s(double q) const {
    if (const auto* laws = std::get_if<StationLaws>(&m_model)) {
        return laws->metrics.saturated ? k_inf : sum_quantile_s(laws->wait, laws->service, q);
    }
    return mmck_response_quantile_s(std::get<MmckAnalysis>(m_model), q);
}

} // namespace capplan::queueing
