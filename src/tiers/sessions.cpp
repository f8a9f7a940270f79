// Sessions (docs/models.md#sessions). See sessions.hpp.
//
// Decision (docs/models.md#sessions): the store's usable memory per node is memory·(1 −
// reserved_memory), the same rule as the cache tier (docs/models.md#cache), since sessions.instance
// is a cache instance.
// Decision (docs/models.md#sessions): beyond one node's memory the store is sharded across
// ⌈memory / usable⌉ nodes, never fewer than the pair; each shard is not separately replicated.

#include "tiers/sessions.hpp"

#include <algorithm>
#include <array>

#include "tiers/common.hpp"
#include "tiers/cost.hpp"

namespace capplan::tiers {

SessionLoad session_load(double users, double dau, const workload::Traffic& traffic) noexcept {
    SessionLoad s;
    if (!(users > 0.0) || !(dau > 0.0)) {
        return s;
    }
    const double per_user = std::max(0.0, traffic.sessions_per_active_user);
    const double starts_per_s = dau * per_user / k_seconds_per_day * traffic.peak_to_average;
    s.concurrent = starts_per_s * traffic.session_length_s;
    const double uncapped = starts_per_s * (traffic.session_length_s + traffic.session_ttl_s);
    const double cap = users * per_user;
    s.capped = uncapped > cap;
    s.stored = std::min(uncapped, cap);
    s.memory_bytes = s.stored * traffic.session_bytes;
    return s;
}

SessionStore size_session_store(const workload::Instance& inst, double memory_bytes,
                                double reserved_memory) noexcept {
    SessionStore s;
    s.usable_bytes = inst.memory_bytes * (1.0 - std::clamp(reserved_memory, 0.0, 0.99));
    const double need = s.usable_bytes > 0.0 ? std::max(0.0, memory_bytes) / s.usable_bytes : 0.0;
    // Each primary node holds its share of the sessions and has one replica (a node failure
    // must not log users out): 2·⌈memory/usable⌉ nodes, at least a pair.
    const std::int64_t for_memory = ceil_count(need, 1, k_max_count / 2);
    s.nodes = 2 * for_memory;
    s.memory_utilization =
        s.usable_bytes > 0.0
            ? std::max(0.0, memory_bytes) / (static_cast<double>(for_memory) * s.usable_bytes)
            : 0.0;
    s.monthly_cost = s.bill.add(instance_line(BillGroup::sessions, s.nodes, inst.hourly));
    return s;
}

std::span<const MetricRow<SessionMetrics>> sessions_metric_rows() noexcept {
    static constexpr std::array<MetricRow<SessionMetrics>, 4> rows{{
        {"concurrent", RowType::real, "", "sessions active at the peak",
         [](const SessionMetrics& m) -> RowValue { return m.concurrent; }},
        {"stored", RowType::real, "",
         "sessions stored at the peak (active or within their time to live)",
         [](const SessionMetrics& m) -> RowValue { return m.stored; }},
        {"memory_bytes", RowType::real, "bytes", "session store memory",
         [](const SessionMetrics& m) -> RowValue { return m.memory_bytes; }},
        {"monthly_cost", RowType::real, "currency/month", "session store cost",
         [](const SessionMetrics& m) -> RowValue { return m.monthly_cost; }, false, true},
    }};
    return rows;
}

} // namespace capplan::tiers
