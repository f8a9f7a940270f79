// Shared helpers of the tier models. See common.hpp.

#include "tiers/common.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <utility>

#include <fmt/format.h>

namespace capplan::tiers {

std::int64_t ceil_count(double x, std::int64_t lo, std::int64_t hi) noexcept {
    if (std::isnan(x)) {
        return hi;
    }
    const double c = std::ceil(x - 1e-9 * std::max(1.0, std::abs(x)));
    // Clamp in double before converting: a huge or infinite x must not overflow the cast.
    const double clamped = std::clamp(c, static_cast<double>(lo), static_cast<double>(hi));
    return static_cast<std::int64_t>(clamped);
}

double slowdown(const workload::Instance& inst) noexcept {
    const double c_eff = inst.effective_cores();
    if (!(c_eff > 0.0) || inst.vcpus <= 0) {
        return 1.0;
    }
    return static_cast<double>(inst.vcpus) / c_eff;
}

const workload::Instance& find_instance(const workload::Catalogue& cat, const std::string& name,
                                        const char* what) {
    const auto it = cat.instances.find(name);
    if (it == cat.instances.end()) {
        throw std::invalid_argument(
            fmt::format("{}: unknown instance '{}' (not in the catalogue)", what, name));
    }
    return it->second;
}

void Findings::limit(double ratio, std::string reason) {
    if (!std::isfinite(ratio)) {
        ratio = 1e300;
    }
    if (ratio <= 1.0 + 1e-9) {
        // Reasons are written for the broken case ("a > b", "x < target y"); a limit that holds
        // says so instead (worst_limit names the tightest limit of a feasible set too).
        for (const auto& [broken, held] : {std::pair{" > ", " <= "}, std::pair{" < ", " >= "}}) {
            if (const auto at = reason.find(broken); at != std::string::npos) {
                reason.replace(at, 3, held);
                break;
            }
        }
    }
    limits.push_back(LimitCheck{std::max(0.0, ratio), std::move(reason)});
}

void Findings::warn(std::string code, std::string message) {
    warnings.push_back(PlanWarning{std::move(code), std::move(message)});
}

std::string percent_text(double fraction) {
    const double p = fraction * 100.0;
    if (!std::isfinite(p)) {
        return "unbounded %";
    }
    if (std::abs(p) < 10.0) {
        return fmt::format("{:.1f} %", p);
    }
    return fmt::format("{:.0f} %", p);
}

std::string duration_text(double seconds) {
    if (!std::isfinite(seconds)) {
        return "unbounded";
    }
    if (seconds >= 1.0) {
        return fmt::format("{:.3g} s", seconds);
    }
    if (seconds >= 1e-3) {
        return fmt::format("{:.3g} ms", seconds * 1e3);
    }
    return fmt::format("{:.3g} us", seconds * 1e6);
}

} // namespace capplan::tiers
