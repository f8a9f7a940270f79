#pragma once
// Stepped<T>: a workload value that may step with the user count (the [slo] limits).

#include <utility>
#include <vector>

namespace capplan::workload {

// A value that may step with the user count (capplan-workload(5) STEP TABLES): the entry with the
// largest key not above the user count applies; below the smallest key the smallest entry.
template <class T>
class Stepped {
public:
    Stepped() = default;
    explicit Stepped(T constant) : m_steps{{0.0, constant}} {}
    explicit Stepped(std::vector<std::pair<double, T>> steps) : m_steps(std::move(steps)) {}

    // The value at `users` (steps sorted by key ascending; at least one step).
    [[nodiscard]] const T& at(double users) const {
        const std::pair<double, T>* chosen = &m_steps.front();
        for (const auto& step : m_steps) {
            if (step.first <= users) {
                chosen = &step;
            }
        }
        return chosen->second;
    }
    [[nodiscard]] const std::vector<std::pair<double, T>>& steps() const noexcept {
        return m_steps;
    }
    [[nodiscard]] bool is_constant() const noexcept { return m_steps.size() == 1; }

    bool operator==(const Stepped&) const = default;

private:
    std::vector<std::pair<double, T>> m_steps;
};

} // namespace capplan::workload
