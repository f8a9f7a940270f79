// Availability of one architecture (docs/models.md#availability). See availability.hpp.

#include "tiers/availability.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <optional>
#include <unordered_map>
#include <utility>
#include <vector>

#include "queueing/availability.hpp"
#include "tiers/common.hpp"
#include "workload/workload.hpp"

namespace capplan::tiers {
namespace {

// −expm1(Σ log1p(−uᵢ)) for the units in series.
struct Series {
    double log_up = 0.0;
    void add(double unavailable) noexcept {
        log_up += std::log1p(-std::clamp(unavailable, 0.0, 1.0));
    }
    [[nodiscard]] double unavailable() const noexcept { return -std::expm1(log_up); }
};

// The repairable k-of-n unavailability of `total` servers of which `needed` must be up. Every
// sizing asks it for its web and proxy pools and its shards, mostly for counts seen before: the
// answers for the last server law are remembered (per thread), at most 4,096 of them.
double repairable_unavailability(const workload::Failover& f, std::int64_t total,
                                 std::int64_t needed) {
    struct Law {
        std::int64_t crews;
        double mtbf, mttr;
        bool operator==(const Law&) const = default;
    };
    struct PairHash {
        std::size_t operator()(const std::pair<std::int64_t, std::int64_t>& p) const noexcept {
            return std::hash<std::int64_t>()(p.first * 1000003 + p.second);
        }
    };
    thread_local std::optional<Law> last;
    thread_local std::unordered_map<std::pair<std::int64_t, std::int64_t>, double, PairHash> known;
    const Law law{f.repair_crews, f.server_mtbf_s, f.server_mttr_s};
    if (!last || !(*last == law) || known.size() >= 4096) {
        known.clear();
        last = law;
    }
    const std::pair<std::int64_t, std::int64_t> key{total, needed};
    if (const auto it = known.find(key); it != known.end()) {
        return it->second;
    }
    // Repairs not limited by crews (failover.repair_crews = "unlimited", stored as 0): each
    // server fails and is repaired on its own, so the count up is binomial.
    const double down =
        f.repair_crews <= 0
            ? queueing::k_of_n_independent(
                  total, needed, queueing::unit_availability(f.server_mtbf_s, f.server_mttr_s))
                  .unavailable
            : queueing::k_of_n_repairable(total, needed, f.repair_crews, f.server_mtbf_s,
                                          f.server_mttr_s)
                  .unavailable;
    known.emplace(key, down);
    return down;
}

double pool_unavailability(const workload::Failover& f, std::int64_t total, std::int64_t needed) {
    if (total <= 0) {
        return 0.0;
    }
    return repairable_unavailability(f, total, needed);
}

double pool_unavailability(const workload::Failover& f, const PoolAvailabilityInputs& pool) {
    return pool_unavailability(f, pool.planned, pool_servers_up(f, pool));
}

} // namespace

std::int64_t pool_servers_up(const workload::Failover& f,
                             const PoolAvailabilityInputs& pool) noexcept {
    if (f.pool_up == workload::PoolUp::needed) {
        return pool.needed;
    }
    // k servers carry the load below saturation when k > busy: k = ⌊busy⌋ + 1, at least one,
    // at most the pool.
    const double busy = std::max(0.0, pool.busy);
    const double k = std::floor(busy) + 1.0;
    return k >= static_cast<double>(pool.planned) ? pool.planned : static_cast<std::int64_t>(k);
}

ShardOutage shard_outage(const workload::Failover& f, double failover_time_s,
                         std::int64_t replicas) {
    if (replicas <= 0) {
        return {queueing::unit_availability(f.server_mtbf_s, f.server_mttr_s).unavailable, 0.0};
    }
    // Every primary failure costs failover_time of downtime: rate 1/MTBF × failover_time.
    return {repairable_unavailability(f, 1 + replicas, 1),
            f.server_mtbf_s > 0.0 ? failover_time_s / f.server_mtbf_s : 1.0};
}

double shard_unavailability(const workload::Failover& f, double failover_time_s,
                            std::int64_t replicas) {
    const ShardOutage o = shard_outage(f, failover_time_s, replicas);
    return std::clamp(o.all_down + o.gap, 0.0, 1.0);
}

double sites_unavailability(const workload::Failover& f, std::int64_t datacenters,
                            std::int64_t survive) {
    // The stage choice asks the same few (D, k) for every set: the answers for the last
    // centre's law are remembered (per thread), by D and k.
    thread_local double last_mtbf = std::nan("");
    thread_local double last_mttr = std::nan("");
    thread_local std::vector<std::pair<std::pair<std::int64_t, std::int64_t>, double>> known;
    if (!(f.dc_mtbf_s == last_mtbf && f.dc_mttr_s == last_mttr)) {
        known.clear();
        last_mtbf = f.dc_mtbf_s;
        last_mttr = f.dc_mttr_s;
    }
    const std::pair<std::int64_t, std::int64_t> key{datacenters, survive};
    for (const auto& [k, v] : known) {
        if (k == key) {
            return v;
        }
    }
    const auto dc = queueing::unit_availability(f.dc_mtbf_s, f.dc_mttr_s);
    const double down =
        queueing::k_of_n_independent(datacenters, datacenters - survive, dc).unavailable;
    known.emplace_back(key, down);
    return down;
}

double database_unavailability(const workload::Workload& w, const DbAvailabilityInputs& in) {
    // A request needs k of the shards (every shard when db.shards_per_request is 0): it fails
    // when any of its k is down, 1 − (1 − u)^k, whichever shards they are, since every shard
    // keeps the same copies (so each shard's traffic share, Σ shareᵢ·uᵢ, drops out).
    const std::int64_t shards = std::max<std::int64_t>(0, in.shards);
    const std::int64_t k =
        w.db.shards_per_request <= 0 ? shards : std::min(w.db.shards_per_request, shards);
    const auto any_of_k = [k](double u) {
        Series s;
        s.log_up = static_cast<double>(k) * std::log1p(-std::clamp(u, 0.0, 1.0));
        return s.unavailable();
    };
    const ShardOutage o = shard_outage(w.failover, w.db.failover_time_s, in.replicas_per_shard);
    const double writes = any_of_k(o.all_down + o.gap);
    if (!w.db.reads_during_failover || o.gap <= 0.0) {
        return writes; // every request needs the primary through a failover
    }
    // The replicas serve the reads through a failover: a request that only reads fails while
    // every copy of one of its shards is down; one that writes, also during the gap.
    const double write_share = std::clamp(w.traffic.write_fraction, 0.0, 1.0);
    return (1.0 - write_share) * any_of_k(o.all_down) + write_share * writes;
}

AvailabilityMetrics compute_availability(const workload::Workload& w, const AvailabilityInputs& in,
                                         double users) {
    const workload::Failover& f = w.failover;
    AvailabilityMetrics a;
    a.target = w.slo.availability.at(users);

    const double sites_down = sites_unavailability(f, in.datacenters, in.survive);

    double web_down = 0.0;
    double db_down = 0.0;
    Series tiers;
    if (in.single_server) {
        // One machine: web and db report its availability, and it counts once in the total.
        web_down = pool_unavailability(f, 1, 1);
        db_down = web_down;
        tiers.add(web_down);
    } else {
        web_down = pool_unavailability(f, in.web);
        db_down = database_unavailability(w, in.db);
        tiers.add(web_down);
        tiers.add(pool_unavailability(f, in.lb));
        tiers.add(db_down);
    }
    Series total = tiers;
    total.add(sites_down);

    a.web = 1.0 - web_down;
    a.db = 1.0 - db_down;
    a.sites = 1.0 - sites_down;
    const double total_down = total.unavailable();
    a.total = 1.0 - total_down;
    // Every shard keeps the same copies: its users see the total (docs/models.md#availability).
    a.worst_shard = a.total;
    a.meets_target = total_down <= tolerant_limit(1.0 - a.target);
    a.downtime_s_per_month = total_down * k_seconds_per_month;
    return a;
}

std::span<const MetricRow<AvailabilityMetrics>> availability_metric_rows() noexcept {
    static constexpr std::array<MetricRow<AvailabilityMetrics>, 8> rows{{
        {"web", RowType::real, "", "availability of the web tier",
         [](const AvailabilityMetrics& m) -> RowValue { return m.web; }},
        {"db", RowType::real, "", "availability of the database",
         [](const AvailabilityMetrics& m) -> RowValue { return m.db; }},
        {"sites", RowType::real, "", "availability of the data centres",
         [](const AvailabilityMetrics& m) -> RowValue { return m.sites; }},
        {"total", RowType::real, "", "availability of the whole system",
         [](const AvailabilityMetrics& m) -> RowValue { return m.total; }},
        {"worst_shard", RowType::real, "", "availability as the users of the worst shard see it",
         [](const AvailabilityMetrics& m) -> RowValue { return m.worst_shard; }},
        {"target", RowType::real, "", "the availability target at this user count",
         [](const AvailabilityMetrics& m) -> RowValue { return m.target; }},
        {"meets_target", RowType::boolean, "", "whether the total meets the target",
         [](const AvailabilityMetrics& m) -> RowValue { return m.meets_target; }},
        {"downtime_s_per_month", RowType::real, "s/month", "expected downtime per month",
         [](const AvailabilityMetrics& m) -> RowValue { return m.downtime_s_per_month; }},
    }};
    return rows;
}

} // namespace capplan::tiers
