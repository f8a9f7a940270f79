#pragma once
// DbHold: what the growth path holds of the database (docs/models.md#growth-path). The path's
// state, the sizing's hold (planner/sizing.hpp) and the database's inputs (tiers/db.hpp) all
// carry this one type, so a new dimension of the database's state is one field here.

#include <cstddef>
#include <cstdint>

namespace capplan::tiers {

struct DbHold {
    std::size_t size = 0;        // the least size, an index into the sizes (db_sizes)
    std::int64_t min_shards = 0; // the least shard count (with sharding)
    std::int64_t replicas = 0;   // the least replicas in all (with read replicas)
    // The sizes a sharded fleet may use, 0 for all: a fleet the path moved to a smaller size
    // scales out on it (its shard count follows the largest of them), never up past it.
    std::size_t fleet_sizes = 0;

    // The same state of the path: the shard floor follows the others (the shards grow with
    // the load on their own).
    [[nodiscard]] bool same_state(const DbHold& o) const noexcept {
        return size == o.size && replicas == o.replicas && fleet_sizes == o.fleet_sizes;
    }
    // The same database with the shard floor `floor` (a sized database's hold has its shards
    // there; the path keeps the floor it chose).
    [[nodiscard]] DbHold with_min_shards(std::int64_t floor) const noexcept {
        DbHold h = *this;
        h.min_shards = floor;
        return h;
    }
    // What a new state keeps of it when its components change or the database grows: its
    // size and shard floor; the replicas take what the new state needs.
    [[nodiscard]] DbHold released() const noexcept { return {size, min_shards, 0, fleet_sizes}; }
    bool operator==(const DbHold&) const = default;
};

} // namespace capplan::tiers
