// The web tier (docs/models.md#web). See web.hpp.

#include "tiers/web.hpp"

#include <array>
#include <optional>
#include <utility>

#include <algorithm>
#include <cmath>

#include "queueing/ggc.hpp"
#include "tiers/bound_by.hpp"
#include "tiers/common.hpp"
#include "tiers/station_mix.hpp"

namespace capplan::tiers {
namespace {

struct WebStation {
    queueing::Station station;
    double k = 1.0; // slowdown
};

WebStation build(const WebRules& r, const WebDemand& d, std::int64_t n) {
    const double k = slowdown(*r.instance);
    const std::int64_t v = std::max<std::int64_t>(1, r.instance->vcpus);
    const bool pooled = r.balancing == workload::Balancing::least_connections;
    const double share = pooled ? 1.0 : 1.0 / static_cast<double>(n);
    const double ca2 = split_arrival_scv(r.balancing, d.arrival_scv, n);
    const auto s = mixed_station({{d.dynamic_rps * share, r.cpu_time_s * k, r.cpu_time_scv, ca2},
                                  {d.static_rps * share, r.static_cpu_time_s * k, 1.0, ca2},
                                  {d.jobs_per_s * share, r.job_time_s * k, r.job_time_scv, ca2}},
                                 pooled ? n * v : v);
    return WebStation{s, k};
}

RequestLaw law_of(const WebRules& r, const queueing::StationLaws& laws, const OtherLegs& legs,
                  double k) {
    // The web leg's service is the request's own cpu_time; its wait comes from the whole mix.
    const Moments own = moments_of(queueing::GammaLaw{r.cpu_time_s * k, r.cpu_time_scv});
    return RequestLaw{laws.wait, fit_gamma(own + legs.read), fit_gamma(own + legs.write),
                      r.write_fraction};
}

} // namespace

double utilization_of(const queueing::Station& s) noexcept {
    return s.arrival_rate_per_s * s.service_time_s / static_cast<double>(s.servers);
}

double web_utilization(const WebRules& r, const WebDemand& d, std::int64_t n) {
    return utilization_of(build(r, d, n).station);
}

namespace {

// A point s of the request's legs without the web wait, and E = P(S > s) there (the mixture
// of reads and writes), for the quick test below: s is 4 standard deviations above the mean of
// the slower class (a Gamma law's tail there is below 1e-3 for scv ≤ 1; E is computed
// exactly, so s need not be any particular quantile). It depends on the legs only, which the
// hour-by-hour sizing keeps for 13 loads and the sets of one point often share: the last 16
// answers are remembered (per thread) and reused for identical inputs.
struct RestSplit {
    double s = 0.0;
    double exceed = 1.0;
};
RestSplit rest_split(const RequestLaw& law) {
    struct Key {
        double read_mean, read_scv, write_mean, write_scv, write_fraction;
        bool operator==(const Key&) const = default;
    };
    constexpr std::size_t k_slots = 16;
    thread_local std::array<std::optional<std::pair<Key, RestSplit>>, k_slots> known;
    thread_local std::size_t next_slot = 0;
    const Key key{law.read_rest.mean_s, law.read_rest.scv, law.write_rest.mean_s,
                  law.write_rest.scv, law.write_fraction};
    for (const auto& slot : known) {
        if (slot && slot->first == key) {
            return slot->second;
        }
    }
    const auto far = [](const queueing::GammaLaw& g) {
        return g.mean_s * (1.0 + 4.0 * std::sqrt(std::max(0.0, g.scv)));
    };
    const RequestLaw rest{queueing::WaitLaw{}, law.read_rest, law.write_rest, law.write_fraction};
    const double s = std::max(far(law.read_rest), far(law.write_rest));
    const RestSplit split{s, request_exceed(rest, s)};
    known[next_slot] = std::pair{key, split};
    next_slot = (next_slot + 1) % k_slots;
    return split;
}

// A sufficient test of P(T > t) ≤ 1 − q without the incomplete gammas. T = W + S with the web
// wait W common to both classes, so by the union bound P(T > t) ≤ P(W > t − s) + P(S > s)
// for any s: with rest_split's s the exponential wait tail usually settles it far from the
// SLO. A margin of k_margin (an absolute probability) keeps the exact value below the threshold
// too, so the answer is the exact test's whenever this one says yes.
bool surely_meets(const RequestLaw& law, double t_s) {
    constexpr double k_margin = 1e-9;
    const RestSplit split = rest_split(law);
    if (!(split.s < t_s)) {
        return false;
    }
    return queueing::wait_exceed(law.web_wait, t_s - split.s) + split.exceed <=
           (1.0 - k_p99) - k_margin;
}

} // namespace

WebPoint evaluate_web(const WebRules& r, const WebDemand& d, const OtherLegs& legs, std::int64_t n,
                      bool with_p99) {
    const WebStation ws = build(r, d, n);
    const auto& s = ws.station;
    WebPoint p;
    p.utilization = utilization_of(s);
    const auto laws = queueing::analyze_ggc(s);
    p.saturated = laws.metrics.saturated;
    if (p.saturated) {
        p.latency_p99_s = std::nan("");
        return p;
    }
    const RequestLaw law = law_of(r, laws, legs, ws.k);
    // p99 ≤ SLO ⇔ P(T > SLO) ≤ 1 % (the mixture is continuous): one evaluation, no root find
    // (and none at all when the quick bound settles it).
    const double slo = tolerant_limit(r.latency_p99_s);
    p.meets = p.utilization <= tolerant_limit(r.max_utilization) &&
              (surely_meets(law, slo) || request_exceed(law, slo) <= 1.0 - k_p99);
    if (with_p99) {
        p.latency_p99_s = request_quantile_s(law, k_p99);
    }
    return p;
}

namespace {

// Whether the request legs without any web wait already break the p99 SLO. It does not depend
// on the load, and the hour-by-hour sizing asks it 13 times with the same legs: the last
// answer is remembered (per thread) and reused for identical inputs.
bool floor_breaks_slo(const RequestLaw& floor, double slo_s) {
    struct Key {
        double read_mean, read_scv, write_mean, write_scv, write_fraction, slo;
        bool operator==(const Key&) const = default;
    };
    thread_local std::optional<std::pair<Key, bool>> last;
    const Key key{floor.read_rest.mean_s, floor.read_rest.scv,  floor.write_rest.mean_s,
                  floor.write_rest.scv,   floor.write_fraction, slo_s};
    if (!last || !(last->first == key)) {
        last = std::pair{key, request_exceed(floor, tolerant_limit(slo_s)) > 1.0 - k_p99};
    }
    return last->second;
}

} // namespace

WebSizing size_web(const WebRules& r, const WebDemand& d, const OtherLegs& legs, bool with_metrics,
                   std::optional<std::int64_t> hint, bool hint_meets) {
    WebSizing out;
    const double k = slowdown(*r.instance);
    const double v = static_cast<double>(std::max<std::int64_t>(1, r.instance->vcpus));
    const double erlangs = (d.dynamic_rps * r.cpu_time_s + d.static_rps * r.static_cpu_time_s +
                            d.jobs_per_s * r.job_time_s) *
                           k;
    // The latency floor: infinitely many servers remove the web wait; if the other legs and the
    // request's own CPU alone break the SLO, no N meets it.
    const Moments own = moments_of(queueing::GammaLaw{r.cpu_time_s * k, r.cpu_time_scv});
    const RequestLaw floor{queueing::WaitLaw{}, fit_gamma(own + legs.read),
                           fit_gamma(own + legs.write), r.write_fraction};
    out.unreachable = floor_breaks_slo(floor, r.latency_p99_s);

    const std::int64_t cap = r.pool ? std::max<std::int64_t>(1, r.max_servers) : 1;
    const std::int64_t min_n = r.pool ? std::max<std::int64_t>(1, r.min_servers) : 1;
    const std::int64_t by_util = ceil_count(erlangs / (v * r.max_utilization), 1);
    const std::int64_t held = r.pool ? std::min(r.held, cap) : 0;
    const std::int64_t lower = std::max({by_util, min_n, held});
    auto meets = [&](std::int64_t n) { return evaluate_web(r, d, legs, n, false).meets; };

    if (lower <= cap && out.unreachable) {
        out.needed = lower;
        out.bound_by = k_bound_latency_unreachable;
    } else if (lower <= cap && ((hint_meets && hint && *hint <= lower) || meets(lower))) {
        // (A known good count at or below `lower` means `lower` meets too: the p99 falls as N
        // grows.)
        out.needed = lower;
        out.needed_meets = true;
        out.bound_by = held > std::max(by_util, min_n) ? k_bound_held
                       : (min_n >= by_util)            ? k_bound_min_servers
                                                       : k_bound_utilization;
    } else if (lower > cap || (!(hint_meets && hint && *hint <= cap) && !meets(cap))) {
        out.needed = cap;
        out.capped = true;
        out.bound_by = k_bound_max_servers;
    } else {
        // Gallop up from the utilization answer (or down from a known good count), then
        // bisect: the p99 falls as N grows.
        std::int64_t bad = lower;
        std::int64_t good = std::min(cap, lower + 1);
        const bool hinted = hint && *hint > lower && *hint <= cap;
        if (hinted && (hint_meets || meets(*hint))) {
            good = *hint;
            for (std::int64_t step = 1; good - step > bad; step *= 2) {
                if (!meets(good - step)) {
                    bad = good - step;
                    break;
                }
                good -= step;
            }
        } else {
            if (hinted) {
                bad = *hint; // known to fail: gallop up from there
                good = std::min(cap, bad + 1);
            }
            std::int64_t step = 1;
            while (!meets(good)) {
                bad = good;
                step *= 2;
                good = std::min(cap, good + step);
            }
        }
        while (good - bad > 1) {
            const std::int64_t mid = bad + (good - bad) / 2;
            (meets(mid) ? good : bad) = mid;
        }
        out.needed = good; // every count `good` took was seen to meet
        out.needed_meets = true;
        out.bound_by = k_bound_latency;
    }
    out.planned = out.needed;
    if (r.pool) {
        // docs/models.md#failover: one centre plans max(2, N + spares), several the spreading
        // formula. max_servers caps the failover servers too, never the needed count. In one centre
        // the bound is "failover" only when the two-server floor (not N + spares) decides; with
        // several, whenever the spread adds servers.
        const std::int64_t want = r.failover.planned(out.needed);
        out.planned = std::max(out.needed, std::min(want, std::max<std::int64_t>(cap, 2)));
        const std::int64_t expected =
            r.failover.datacenters > 1 ? out.needed : out.needed + r.failover.spares;
        if (out.planned > expected && !out.capped && !out.unreachable) {
            out.bound_by = k_bound_failover;
        }
    }
    if (with_metrics) {
        // The p99 at the needed count matters only when it breaks the SLO (the limit's reason
        // quotes it); the reported p99 is the one at the planned count.
        out.at_needed = evaluate_web(r, d, legs, out.needed, false);
        if (!out.at_needed.meets) {
            out.at_needed = evaluate_web(r, d, legs, out.needed, true);
        }
        out.at_planned = out.planned == out.needed && !std::isnan(out.at_needed.latency_p99_s) &&
                                 !out.at_needed.meets
                             ? out.at_needed
                             : evaluate_web(r, d, legs, out.planned, true);
    }
    return out;
}

WebSizing size_web_by_utilization(const WebRules& r, const WebDemand& d) {
    WebSizing out;
    const double v = static_cast<double>(std::max<std::int64_t>(1, r.instance->vcpus));
    const double erlangs = (d.dynamic_rps * r.cpu_time_s + d.static_rps * r.static_cpu_time_s +
                            d.jobs_per_s * r.job_time_s) *
                           slowdown(*r.instance);
    const std::int64_t cap = r.pool ? std::max<std::int64_t>(1, r.max_servers) : 1;
    const std::int64_t min_n = r.pool ? std::max<std::int64_t>(1, r.min_servers) : 1;
    const std::int64_t lower = std::max(ceil_count(erlangs / (v * r.max_utilization), 1), min_n);
    out.capped = lower > cap;
    out.needed = std::min(lower, cap);
    out.bound_by = out.capped ? k_bound_max_servers : k_bound_utilization;
    out.planned = out.needed;
    if (r.pool) {
        out.planned = std::max(
            out.needed, std::min(r.failover.planned(out.needed), std::max<std::int64_t>(cap, 2)));
    }
    out.at_needed.utilization = erlangs / (v * static_cast<double>(out.needed));
    out.at_needed.meets = !out.capped;
    out.at_planned.utilization = erlangs / (v * static_cast<double>(out.planned));
    return out;
}

std::span<const MetricRow<WebMetrics>> web_metric_rows() noexcept {
    static constexpr std::array<MetricRow<WebMetrics>, 6> rows{{
        {"servers", RowType::integer, "", "web servers planned (with failover headroom)",
         [](const WebMetrics& m) -> RowValue { return m.servers; }, true},
        {"servers_needed", RowType::integer, "", "web servers the peak needs, before failover",
         [](const WebMetrics& m) -> RowValue { return m.servers_needed; }},
        {"utilization", RowType::real, "", "web server utilization at the peak",
         [](const WebMetrics& m) -> RowValue { return m.utilization; }},
        {"latency_p99_s", RowType::real, "s", "99th percentile of a dynamic request, end to end",
         [](const WebMetrics& m) -> RowValue { return m.latency_p99_s; }},
        {"bound_by", RowType::text, "", "what set the web server count",
         [](const WebMetrics& m) -> RowValue { return m.bound_by; }},
        {"monthly_cost", RowType::real, "currency/month", "web tier cost (autoscaled over the day)",
         [](const WebMetrics& m) -> RowValue { return m.monthly_cost; }, false, true},
    }};
    return rows;
}

} // namespace capplan::tiers
