#pragma once
// WebHint: a web server count that probably meets the limits at a user count, taken from a
// nearby answer (a nearby point, the same set at a higher rate). It only speeds up the web
// tier's search (tiers/web.hpp size_web); the result is the same with or without it. The
// sizing's context, the web pool's inputs, the planner's hints per architecture and the
// breakpoint probes all carry this one type.

#include <cstdint>
#include <optional>

namespace capplan::tiers {

struct WebHint {
    std::int64_t servers_needed = 0; // 0: no hint

    // The hinted count, or nothing.
    [[nodiscard]] std::optional<std::int64_t> count() const noexcept {
        if (servers_needed > 0) {
            return servers_needed;
        }
        return std::nullopt;
    }
};

} // namespace capplan::tiers
