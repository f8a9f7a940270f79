#pragma once
// The database tier (docs/models.md#database), sized for its hottest shard (docs/models.md#shards)
// and replicated to all.
//
// Primary: a two-class G/G/c station (cache-miss reads, unless replicas take them, and writes;
// mixture mean and SCV), c = vCPUs slowed to the effective core speed (docs/models.md#conventions).
// Replicas: every cache-miss read, split over the replicas as web.balancing splits requests, plus
// applying every write of the shard as a second, exponential class (apply_time each,
// apply_parallelism threads): read capacity per replica = c·max_utilization − λ_w·apply_time, apply
// utilization = λ_w·apply_time/apply_parallelism ≤ max_utilization. Replicas per shard = fewest
// meeting utilization and db.latency_p99 for reads, at least `min_replicas_per_shard` (a standby).
// `instance = "auto"`: the cheapest size of `family` up to `max_instance` on which every limit
// holds (one size for primaries and replicas); a size whose replicas have no read capacity left
// after apply does not qualify. Shards are counted at the largest allowed size.
// Storage: users·db_bytes_per_user per copy; every copy (primary and replicas) is billed.

#include <cstdint>
#include <string>

#include "queueing/distributions.hpp"
#include "tiers/bill.hpp"
#include "tiers/common.hpp"
#include "tiers/db_hold.hpp"
#include "tiers/db_metrics.hpp"
#include "tiers/shards.hpp"
#include "tiers/size_rule.hpp"
#include "workload/catalogue.hpp"
#include "workload/workload_fwd.hpp"

namespace capplan::tiers {

// Upper bound of the replica search per shard; reaching it breaks the limit it was for.
inline constexpr std::int64_t k_max_replicas_per_shard = 100'000;

struct DbInputs {
    double read_rps = 0.0;      // cache-miss reads per second, all shards, at the peak
    double cold_read_rps = 0.0; // the same with the hit ratio at cache.cold_hit_ratio
    double write_rps = 0.0;     // database writes per second, all shards, at the peak
    double arrival_scv = 1.0;   // c_a² of both streams
    double users = 0.0;         // shard keys
    double max_utilization = 0.7;
    bool replicas = false;                   // the read_replicas component is in the architecture
    bool sharding = false;                   // the sharding component is in the architecture
    std::int64_t min_replicas_per_shard = 0; // standbys the availability target asks for
    // What the growth path has reached (docs/models.md#growth-path): the database never takes
    // a size below sizes[hold.size], fewer shards than hold.min_shards (with sharding), nor
    // fewer replicas in all than hold.replicas (with replicas).
    DbHold hold;
    // How the size is chosen from hold.size on: the cheapest on which every limit holds
    // (`cheapest`); hold.size while every limit holds on it, unless a larger one costs at least
    // max(stage.min_saving, stage.min_saving_fraction · its cost) less (`keep`); hold.size
    // whatever it breaks (`pinned`). With no size that holds, the largest.
    SizeRule size_rule = SizeRule::cheapest;

    bool operator==(const DbInputs&) const = default;
};

// One database call's wait and service at a station (for the request latency legs).
struct DbCallLaw {
    queueing::WaitLaw wait;
    queueing::GammaLaw service;
};

struct DbPlan {
    std::string instance = "none";
    std::size_t size_index = 0; // of `instance` in the sizes the database was sized from
    double hourly = 0.0;
    ShardPlan shards;
    std::int64_t replicas_per_shard = 0;
    double primary_utilization = 0.0, replica_utilization = 0.0, apply_utilization = 0.0;
    double utilization_cold_cache = 0.0;
    double storage_bytes = 0.0; // one copy
    // The working set of one shard and its share of an instance's usable memory
    // (docs/models.md#working-set); 0 when not modelled.
    double working_set_bytes = 0.0, memory_utilization = 0.0;
    std::string bound_by = "none";
    TierBill bill;                   // db_bill: its instances and every copy's storage
    DbCallLaw read_call, write_call; // at the hottest shard (replica for reads when present)
    // One call, wait + service, for the db.latency_p99 limit: exact when the limit breaks;
    // when it holds, a value at most the SLO (see call_p99 in db.cpp).
    double read_p99_s = 0.0, write_p99_s = 0.0;
    Findings findings; // limits and warnings of the database
};

// The database's bill (docs/models.md#cost): shards·copies instances at `hourly` for 730 h (no
// instance line without shards: a database on the single server has no instance of its own),
// and every copy's storage, users·traffic.db_bytes_per_user·copies bytes at
// db.storage_per_gb_month. The one price of a database: its sizing, the planner's cost floor
// and the single server all call it.
[[nodiscard]] TierBill db_bill(const workload::Workload& w, double hourly, double users,
                               std::int64_t shards, double copies);

// The working set of the whole database at `users` (docs/models.md#working-set):
// db.working_set_per_user · users, or db.working_set · users · traffic.db_bytes_per_user; 0 when
// neither is set.
[[nodiscard]] double working_set_bytes(const workload::Workload& w, double users) noexcept;

// The memory of `inst` that holds data: memory · (1 − overhead).
[[nodiscard]] double usable_memory_bytes(const workload::Instance& inst, double overhead) noexcept;

// Sizes the database tier. Throws std::invalid_argument when db.instance, db.family or
// db.max_instance name nothing in the catalogue. A hold.size beyond the sizes is the largest.
[[nodiscard]] DbPlan size_database(const workload::Workload& w, const workload::Catalogue& cat,
                                   const DbInputs& in);

// The instance sizes the database is sized from, smallest first: db.instance, or for "auto"
// db.family ordered by size (Catalogue::family: vCPUs, then price) up to and including
// db.max_instance (all of the family when max_instance is not in it). Throws like
// size_database.
[[nodiscard]] std::vector<const workload::Instance*> db_sizes(const workload::Workload& w,
                                                              const workload::Catalogue& cat);

// size_database with the sizes of db_sizes(w, cat) already known (a planner sizes the database
// many times at one point).
[[nodiscard]] DbPlan size_database(const workload::Workload& w,
                                   const std::vector<const workload::Instance*>& sizes,
                                   const DbInputs& in);

} // namespace capplan::tiers
