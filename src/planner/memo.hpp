#pragma once
// What the architectures of one user point share (a stage choice sizes up to ~100 sets there):
// the traffic, the database for given inputs, the cache tier for a given load and database,
// the queue for a given data-centre rule. Each is a pure function of the workload, the
// catalogue, the user count and these inputs, so a stage choice computes each once. A memo is
// valid for one workload, one catalogue, one user count and one SizingContext (hourly cost):
// choice.cpp creates one per choice and passes it in SizingContext::memo.

#include <cstdint>
#include <list>
#include <optional>
#include <tuple>
#include <utility>
#include <vector>

#include "tiers/cache.hpp"
#include "tiers/db.hpp"
#include "tiers/queue.hpp"
#include "tiers/single.hpp"
#include "tiers/static_costs.hpp"
#include "tiers/traffic.hpp"
#include "tiers/web_pool.hpp"

namespace capplan::planner {

using tiers::CacheLoad;
using tiers::CacheTier;
using tiers::DbInputs;
using tiers::DbPlan;
using tiers::QueueTier;
using tiers::SingleSizing;
using tiers::StaticCosts;
using tiers::TrafficLoad;
using tiers::WebPoolResult;

struct PointMemo {
    // A table of remembered values: a list, so that a reference stays valid while it grows
    // and an empty table allocates nothing (a walk creates a memo per user count it probes).
    template <class Key, class Value>
    using Table = std::list<std::pair<Key, Value>>;

    std::optional<TrafficLoad> traffic;
    std::optional<std::vector<const workload::Instance*>> db_sizes; // db_sizes(w, cat)
    // The tiers' least monthly bills (cost_floor): one web server, one database instance of
    // the cheapest size, one proxy, one cache primary with its replicas
    struct Floors {
        double web = 0.0, db_hourly = 0.0, lb = 0.0, cache = 0.0;
    };
    std::optional<Floors> floors;
    Table<DbInputs, DbPlan> databases;
    // (the cache's load, the database inputs without the cache, its rule) → the cache tier
    Table<std::tuple<CacheLoad, DbInputs, tiers::CacheRule>, CacheTier> caches;
    // (pool, static on web, jobs on web, data centres, survive) → the relaxed web pool (bounds)
    Table<std::tuple<bool, bool, bool, std::int64_t, std::int64_t>, WebPoolResult> relaxed_webs;
    // (CDN, separate database, pool) → blob and CDN metrics and the egress bill
    Table<std::tuple<bool, bool, bool>, StaticCosts> statics;
    // (CDN, queue, report metrics) → the single server; without the report its p99 is
    // only computed when it breaks the SLO
    Table<std::tuple<bool, bool, bool>, SingleSizing> singles;
    // (data centres, survive) → the queue tier
    Table<std::pair<std::int64_t, std::int64_t>, QueueTier> queues;

    // The value remembered under `key` in `table`, or `make()` remembered there.
    template <class Key, class Value, class Make>
    static const Value& recall(Table<Key, Value>& table, const Key& key, Make&& make) {
        for (const auto& [k, v] : table) {
            if (k == key) {
                return v;
            }
        }
        table.emplace_back(key, make());
        return table.back().second;
    }
};

} // namespace capplan::planner
