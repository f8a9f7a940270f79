// Shared helpers of the tier models. See common.hpp.

#include "tiers/common.hpp"
#include "units/human.hpp"

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
    const double c = std::ceil(x - k_ceil_tolerance * std::max(1.0, std::abs(x)));
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

void Findings::warn(std::string code, std::string message) {
    warnings.push_back(PlanWarning{std::move(code), std::move(message)});
}

std::string percent_text(double fraction, int extra_digits) {
    const double p = fraction * 100.0;
    if (!std::isfinite(p)) {
        return "unbounded %";
    }
    const int decimals = (std::abs(p) < 10.0 ? 1 : 0) + extra_digits;
    return fmt::format("{:.{}f} %", p, decimals);
}

std::string duration_text(double seconds, int extra_digits) {
    if (!std::isfinite(seconds)) {
        return "unbounded";
    }
    const int digits = 3 + extra_digits;
    if (seconds >= 1.0) {
        return units::human_significant(seconds, digits) + " s";
    }
    if (seconds >= 1e-3) {
        return units::human_significant(seconds * 1e3, digits) + " ms";
    }
    if (seconds >= 1e-6 || seconds == 0.0) {
        return units::human_significant(seconds * 1e6, digits) + " us";
    }
    if (seconds * 1e9 >= 0.5) {
        return units::human_significant(seconds * 1e9, digits) + " ns";
    }
    return "< 1 ns";
}

namespace {

// "A > B" with as many extra digits (up to 4) as it takes for A and B to read differently.
template <class Text>
std::string exceeds(double actual, double limit, Text text) {
    std::string a;
    std::string b;
    for (int extra = 0; extra <= 4; ++extra) {
        a = text(actual, extra);
        b = text(limit, extra);
        if (a != b) {
            break;
        }
    }
    return fmt::format("{} > {}", a, b);
}

} // namespace

std::string percent_exceeds(double actual, double limit) {
    return exceeds(actual, limit, [](double x, int e) { return percent_text(x, e); });
}

std::string bytes_exceeds(double actual, double limit) {
    return exceeds(actual, limit, [](double x, int e) {
        return units::human_significant(x / 1073741824.0, 3 + e) + " GiB";
    });
}

std::string duration_exceeds(double actual, double limit) {
    return exceeds(actual, limit, [](double x, int e) { return duration_text(x, e); });
}

} // namespace capplan::tiers
