#pragma once
// Sessions (docs/models.md#sessions). Little's law over the busiest hour: sessions start at
// DAU·sessions_per_active_user/86,400 per second times peak_to_average, and each lives
// session_length while in use, session_length + session_ttl in the store (until it idles out).
// concurrent = DAU·s·length/86,400·peak; stored = DAU·s·(length + ttl)/86,400·peak, at most
// users·s (a user's session cannot be stored twice); memory = stored·session_bytes. Stored in
// the cache tier once it exists (the caller adds the memory there), else on a node pair of
// `sessions.instance` from the session_store stage on.

#include <cstdint>

#include "tiers/bill.hpp"
#include "tiers/sessions_metrics.hpp"
#include "workload/catalogue.hpp"
#include "workload/traffic_section.hpp"

namespace capplan::tiers {

struct SessionLoad {
    double concurrent = 0.0;   // sessions in use at the peak (a count, not rounded)
    double stored = 0.0;       // sessions held by the store at the peak
    double memory_bytes = 0.0; // stored · session_bytes
    bool capped = false;       // stored hit users·sessions_per_active_user
};

// users ≥ 0 (registered); dau ≥ 0 (daily active, docs/models.md#traffic); the traffic keys in base
// units (seconds, bytes). Non-positive inputs give zeros.
[[nodiscard]] SessionLoad session_load(double users, double dau,
                                       const workload::Traffic& traffic) noexcept;

// The session store of the session_store stage while there is no cache tier.
struct SessionStore {
    std::int64_t nodes = 0;          // 2·max(1, ⌈memory / usable⌉): primaries and replicas
    double usable_bytes = 0.0;       // per node: memory·(1 − reserved_memory)
    double memory_utilization = 0.0; // fill of one node: memory / (max(1, ⌈memory/usable⌉)·usable)
    double monthly_cost = 0.0;       // nodes · hourly · 730
    TierBill bill;                   // the nodes (tiers/bill.hpp)
};

// A node pair (primary and replica) of `inst`, or more pairs when the sessions need more
// memory than one node's usable memory (each primary then holds its share, mirrored on its
// replica). memory_bytes ≥ 0;
// reserved_memory in [0, 1) (the cache's `reserved_memory`; clamped to [0, 0.99]).
[[nodiscard]] SessionStore size_session_store(const workload::Instance& inst, double memory_bytes,
                                              double reserved_memory) noexcept;

} // namespace capplan::tiers
