// Inverse sizing by monotone search (docs/models.md#sizing). See sizing.hpp.

#include "queueing/sizing.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "common/tolerance.hpp"
#include "queueing/distributions.hpp"
#include "queueing/queue_model.hpp"
#include "units/human.hpp"

namespace capplan::queueing {
namespace {

bool within(double value, double limit) noexcept {
    return value <= limit + k_limit_tolerance * std::abs(limit);
}

std::string seconds_text(double s) {
    if (s >= 1.0) {
        return units::human_significant(s, 6) + " s";
    }
    if (s >= 1e-3) {
        return units::human_significant(s * 1e3, 6) + " ms";
    }
    if (s >= 1e-6 || s == 0.0) {
        return units::human_significant(s * 1e6, 6) + " us";
    }
    return units::human_duration(s);
}

// The first limit that c servers break, or an empty string when all hold.
std::string first_broken(const Station& base, const SizingConstraints& limits, std::int64_t c) {
    const double a = base.arrival_rate_per_s * base.service_time_s;
    if (a >= static_cast<double>(c)) {
        return "stability";
    }
    if (limits.max_utilization && !within(a / static_cast<double>(c), *limits.max_utilization)) {
        return "utilization";
    }
    Station s = base;
    s.servers = c;
    const QueueAnalysis q(s);
    const StationMetrics& m = q.metrics();
    if (limits.max_p_wait && !within(m.p_wait, *limits.max_p_wait)) {
        return "p_wait";
    }
    if (limits.max_mean_wait_s && !within(m.mean_wait_s, *limits.max_mean_wait_s)) {
        return "mean_wait";
    }
    if (limits.max_mean_response_s && !within(m.mean_response_s, *limits.max_mean_response_s)) {
        return "mean_response";
    }
    // quantile ≤ t  ⇔  P(X > t) ≤ 1 − q (both laws are continuous above their atoms).
    for (const auto& l : limits.max_wait_quantiles) {
        if (q.wait_exceed(tolerant_limit(l.max_s)) > 1.0 - l.q) {
            return quantile_limit_name("wait", l.q);
        }
    }
    for (const auto& l : limits.max_response_quantiles) {
        if (q.response_exceed(tolerant_limit(l.max_s)) > 1.0 - l.q) {
            return quantile_limit_name("response", l.q);
        }
    }
    return {};
}

struct Unreachable {
    std::string limit;
    std::string reason;
};

// Limits that no number of servers can meet: the value they approach as c → ∞ (no waiting,
// response = service) already breaks them. Returns the limit and the reason, or empty.
Unreachable unreachable(const Station& s, const SizingConstraints& limits) {
    const bool waits = s.arrival_rate_per_s > 0.0 && (s.arrival_scv + s.service_scv) > 0.0;
    if (limits.max_p_wait && *limits.max_p_wait <= 0.0 && waits) {
        return {"p_wait",
                "a P(wait) of 0 is only approached as the number of servers grows without bound"};
    }
    if (limits.max_mean_wait_s && *limits.max_mean_wait_s <= 0.0 && waits) {
        return {"mean_wait",
                "a mean wait of 0 is only approached as the number of servers grows without bound"};
    }
    if (limits.max_mean_response_s) {
        const double limit = *limits.max_mean_response_s;
        if (limit < s.service_time_s || (limit <= s.service_time_s && waits)) {
            return {"mean_response",
                    fmt::format("mean response {} is not above the mean service time {}",
                                seconds_text(limit), seconds_text(s.service_time_s))};
        }
    }
    const GammaLaw service{s.service_time_s, s.capacity ? 1.0 : s.service_scv};
    for (const auto& l : limits.max_response_quantiles) {
        const double floor_s = gamma_quantile_s(service, l.q);
        if (l.max_s < floor_s || (l.max_s <= floor_s && waits)) {
            const std::string name = quantile_limit_name("response", l.q);
            return {name, fmt::format("{} {} is not above the same percentile of the service "
                                      "time alone, {}",
                                      name, seconds_text(l.max_s), seconds_text(floor_s))};
        }
    }
    return {};
}

} // namespace

std::string quantile_limit_name(const char* prefix, double q) {
    return fmt::format("{}_p{}", prefix, fmt::format("{:.10g}", q * 100.0));
}

SizingResult size_servers(const Station& station, const SizingConstraints& limits,
                          std::int64_t max_servers) {
    SizingResult result;
    if (Unreachable why = unreachable(station, limits); !why.reason.empty()) {
        result.status = SizingStatus::infeasible;
        result.reason = why.reason;
        result.limit = why.limit;
        return result;
    }
    const double a = station.arrival_rate_per_s * station.service_time_s;
    const std::int64_t upper =
        station.capacity ? std::min(*station.capacity, max_servers) : max_servers;

    // Lower bound: stability (c > a) and the utilization limit, in closed form.
    double lower_real = std::floor(a) + 1.0;
    if (limits.max_utilization) {
        const double x = a / *limits.max_utilization;
        lower_real = std::max(lower_real, std::ceil(x - k_ceil_tolerance * std::max(1.0, x)));
    }
    lower_real = std::max(1.0, lower_real);
    if (lower_real > static_cast<double>(upper)) {
        if (station.capacity) {
            result.status = SizingStatus::infeasible;
            result.limit = "capacity";
            result.reason = fmt::format(
                "the offered load of {} Erlangs needs at least {:.0f} servers (sizing keeps "
                "the load per server below 1 and within --max-util), but the capacity allows "
                "at most {}",
                units::human_significant(a, 6), lower_real, upper);
        } else {
            result.status = SizingStatus::search_limit;
            result.reason = fmt::format("the offered load of {} Erlangs needs more than {} servers",
                                        units::human_significant(a, 6), upper);
        }
        return result;
    }
    const auto lower = static_cast<std::int64_t>(lower_real);

    // Gallop upward from the lower bound until the limits hold, then bisect.
    std::int64_t bad = lower - 1; // largest count known to fail (or below the range)
    std::int64_t good = lower;
    std::int64_t step =
        std::max<std::int64_t>(1, static_cast<std::int64_t>(std::sqrt(
                                      a * (station.arrival_scv + station.service_scv) / 2.0)) /
                                      4);
    while (!first_broken(station, limits, good).empty()) {
        bad = good;
        if (good >= upper) {
            result.status =
                station.capacity ? SizingStatus::infeasible : SizingStatus::search_limit;
            result.reason =
                station.capacity
                    ? fmt::format("the limits are not met even with {} servers, one per place "
                                  "of the capacity",
                                  upper)
                    : fmt::format("no server count up to {} meets the limits", upper);
            result.limit = station.capacity ? "capacity" : "";
            return result;
        }
        good = std::min(upper, good + step);
        step *= 2;
    }
    while (good - bad > 1) {
        const std::int64_t mid = bad + (good - bad) / 2;
        if (first_broken(station, limits, mid).empty()) {
            good = mid;
        } else {
            bad = mid;
        }
    }
    result.servers = good;
    if (good > 1) {
        result.bound_by = first_broken(station, limits, good - 1);
    } else {
        result.bound_by = "min_servers";
    }
    return result;
}

} // namespace capplan::queueing
