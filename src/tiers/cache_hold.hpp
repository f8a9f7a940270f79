#pragma once
// CacheHold: what the growth path holds of the cache (docs/models.md#growth-path), and
// CacheRule: how a sizing treats it. The path's state, the sizing's hold (planner/sizing.hpp)
// and the cache scan's memo key carry these types, so a new dimension of the cache's state is
// one field here.

#include <cstdint>

namespace capplan::tiers {

struct CacheHold {
    std::int64_t primaries = 0; // the least primary nodes (0: none held)

    // What a new state keeps of it when its components change or its database grows: nothing
    // (the cache takes what the new state needs).
    [[nodiscard]] CacheHold released() const noexcept { return {}; }
    bool operator==(const CacheHold&) const = default;
};

// At least `least.primaries` primaries, chosen by the cache scan from there, or (`pinned`)
// exactly that many unless its operations or its hit-ratio floor need more.
struct CacheRule {
    CacheHold least;
    bool pinned = false;
    bool operator==(const CacheRule&) const = default;
};

} // namespace capplan::tiers
