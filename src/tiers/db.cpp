// The database tier (docs/models.md#database). See db.hpp.

#include "tiers/db.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <optional>
#include <span>
#include <stdexcept>
#include <string_view>
#include <utility>

#include <fmt/format.h>

#include "queueing/ggc.hpp"
#include "tiers/bound_by.hpp"
#include "tiers/station_mix.hpp"
#include "units/human.hpp"
#include "workload/workload.hpp"

namespace capplan::tiers {
namespace {

using queueing::GammaLaw;

// The most limits evaluate() records for one candidate.
constexpr std::size_t k_limits_per_candidate = 7;

// One candidate size: its plan, its limits and warnings, and the bound_by word each limit
// stands for (words[i] for findings.limits[i]). Without `reasons` a broken limit keeps no
// reason: size_database tries many sizes that break a limit and keeps none of them, but the
// one it reports when nothing holds (evaluated again with reasons).
struct Candidate {
    DbPlan plan;
    Findings findings;
    std::vector<std::string_view> words; // literals: no allocation per candidate
    double cost = 0.0;
    bool reasons = true;

    template <class Describe>
    void limit(double ratio, Describe&& describe, std::string_view word,
               LimitLevel level = LimitLevel::capacity, double busy = 0.0) {
        if (reasons) {
            findings.limit(level, ratio, std::forward<Describe>(describe), busy);
        } else {
            findings.limit(
                level, ratio, [] { return std::string(); }, busy);
        }
        words.push_back(word);
    }
    [[nodiscard]] bool feasible() const {
        return std::none_of(findings.limits.begin(), findings.limits.end(),
                            [](const LimitCheck& c) { return is_broken(c.ratio); });
    }
    [[nodiscard]] std::string first_broken() const {
        for (std::size_t i = 0; i < words.size(); ++i) {
            if (is_broken(findings.limits[i].ratio)) {
                return std::string(words[i]);
            }
        }
        return std::string(k_bound_none);
    }
};

// Everything about one database call that depends on the workload and the instance.
struct Calls {
    double k = 1.0; // slowdown
    double c = 1.0; // servers (vCPUs)
    GammaLaw read, write;
    double apply_s = 0.0;
    double slo_s = 0.0;
    double u = 0.7;
    double ca2 = 1.0;
};

Calls calls_for(const workload::Workload& w, const workload::Instance& inst, const DbInputs& in) {
    Calls k;
    k.k = slowdown(inst);
    k.c = static_cast<double>(std::max<std::int64_t>(1, inst.vcpus));
    k.read = GammaLaw{w.db.read_time_s * k.k, w.db.read_time_cv * w.db.read_time_cv};
    k.write = GammaLaw{w.db.write_time_s * k.k, w.db.write_time_cv * w.db.write_time_cv};
    k.apply_s = w.db.apply_time_s * k.k;
    k.slo_s = w.db.latency_p99_s;
    k.u = in.max_utilization;
    k.ca2 = in.arrival_scv;
    return k;
}

// P(one call > SLO) ≤ 1 %, the db.latency_p99 limit in exceedance form.
bool call_meets_slo(const queueing::StationLaws& l, const GammaLaw& svc, double slo_s) {
    return !l.metrics.saturated &&
           queueing::sum_exceed(l.wait, svc, tolerant_limit(slo_s)) <= 1.0 - k_p99;
}

// The p99 of one call for the db.latency_p99 limit: exact when it breaks the SLO (the reason
// quotes it); when it holds, SLO·P(call > SLO)/1 % ≤ SLO, which gives a ratio ≤ 1 without a
// root find (nothing else reads the value of a limit that holds).
double call_p99(const queueing::StationLaws& l, const GammaLaw& svc, double slo_s) {
    if (l.metrics.saturated) {
        return std::nan("");
    }
    const double exceed = queueing::sum_exceed(l.wait, svc, tolerant_limit(slo_s));
    if (exceed <= 1.0 - k_p99) {
        return slo_s * exceed / (1.0 - k_p99);
    }
    return queueing::sum_quantile_s(l.wait, svc, k_p99);
}

// The largest write rate one primary of this size takes within utilization and write p99.
double max_write_rate(const Calls& k) {
    const double hi = k.c * k.u / k.write.mean_s;
    auto fits = [&](double r) {
        const auto s = mixed_station({{r, k.write.mean_s, k.write.scv, k.ca2}},
                                     static_cast<std::int64_t>(k.c));
        return call_meets_slo(queueing::analyze_ggc(s), k.write, k.slo_s);
    };
    // A rate this far below the bound is a write alone, without a queue.
    constexpr double k_alone = 1e-9;
    if (fits(hi) || !fits(hi * k_alone)) {
        return hi; // utilization-bound, or a write breaks the SLO even alone (reported later)
    }
    double lo = hi * k_alone;
    double top = hi;
    for (int i = 0; i < 60 && top - lo > 1e-12 * top; ++i) {
        const double mid = 0.5 * (lo + top);
        (fits(mid) ? lo : top) = mid;
    }
    return lo;
}

// The replica station for R replicas of one shard (reads split by balancing, apply per replica).
queueing::Station replica_station(const Calls& k, workload::Balancing mode, double reads,
                                  double writes, std::int64_t r) {
    const auto c = static_cast<std::int64_t>(k.c);
    if (mode == workload::Balancing::least_connections) {
        return mixed_station({{reads, k.read.mean_s, k.read.scv, k.ca2},
                              {writes * static_cast<double>(r), k.apply_s, 1.0, k.ca2}},
                             r * c);
    }
    return mixed_station({{reads / static_cast<double>(r), k.read.mean_s, k.read.scv,
                           split_arrival_scv(mode, k.ca2, r)},
                          {writes, k.apply_s, 1.0, k.ca2}},
                         c);
}

Candidate finish(Candidate& cand, const workload::Workload& w, const workload::Instance& inst,
                 const DbInputs& in, const ShardPlan& sp);

Candidate evaluate(const workload::Workload& w, const workload::Instance& inst, const DbInputs& in,
                   const ShardPlan& sp, bool reasons) {
    Candidate cand;
    cand.reasons = reasons;
    cand.findings.limits.reserve(k_limits_per_candidate);
    cand.words.reserve(k_limits_per_candidate);
    DbPlan& p = cand.plan;
    const Calls k = calls_for(w, inst, in);
    const auto s = static_cast<double>(sp.shards);
    const double reads = in.read_rps / s;
    const double writes = in.write_rps * sp.hot.sized;
    const double cold_reads = in.cold_read_rps / s;

    // The shard's working set in the instance's memory (docs/models.md#working-set): a hard
    // limit of every copy (replicas hold the same data).
    if (const double ws = working_set_bytes(w, in.users); ws > 0.0) {
        p.working_set_bytes = ws / s;
        const double usable = usable_memory_bytes(inst, w.db.memory_overhead);
        p.memory_utilization = usable > 0.0 ? p.working_set_bytes / usable : 1e300;
        cand.limit(
            p.memory_utilization,
            [&] {
                return fmt::format("working set per shard {} of memory after overhead on {}",
                                   bytes_exceeds(p.working_set_bytes, usable), inst.name);
            },
            k_bound_memory);
    }

    // Primary of the hottest shard.
    const double primary_reads = in.replicas ? 0.0 : reads;
    const auto ps = mixed_station({{primary_reads, k.read.mean_s, k.read.scv, k.ca2},
                                   {writes, k.write.mean_s, k.write.scv, k.ca2}},
                                  static_cast<std::int64_t>(k.c));
    const auto pl = queueing::analyze_ggc(ps);
    p.primary_utilization = ps.arrival_rate_per_s * ps.service_time_s / k.c;
    const bool reads_dominate = primary_reads * k.read.mean_s > writes * k.write.mean_s;
    cand.limit(
        p.primary_utilization / k.u,
        [&] {
            return fmt::format("primary at {} with {} on {}",
                               percent_exceeds(p.primary_utilization, k.u),
                               in.replicas ? "writes only" : "reads", inst.name);
        },
        reads_dominate ? k_bound_reads : k_bound_writes, LimitLevel::capacity,
        p.primary_utilization);
    p.write_call = DbCallLaw{pl.wait, k.write};
    p.write_p99_s = writes > 0.0 ? call_p99(pl, k.write, k.slo_s) : k.write.mean_s;
    p.utilization_cold_cache =
        (cold_reads * (in.replicas ? 0.0 : k.read.mean_s) + writes * k.write.mean_s) / k.c;
    if (writes > 0.0 && !pl.metrics.saturated) {
        cand.limit(
            p.write_p99_s / k.slo_s,
            [&] {
                return fmt::format("database write p99 {} on {}",
                                   duration_exceeds(p.write_p99_s, k.slo_s), inst.name);
            },
            k_bound_latency, LimitLevel::latency);
    }
    if (!in.replicas) {
        p.read_call = DbCallLaw{pl.wait, k.read};
        p.read_p99_s = reads > 0.0 ? call_p99(pl, k.read, k.slo_s) : k.read.mean_s;
        if (reads > 0.0 && !pl.metrics.saturated) {
            cand.limit(
                p.read_p99_s / k.slo_s,
                [&] {
                    return fmt::format("database read p99 {} on {}",
                                       duration_exceeds(p.read_p99_s, k.slo_s), inst.name);
                },
                k_bound_latency, LimitLevel::latency);
        }
    } else {
        // Replicas: apply first (it decides whether this size qualifies at all).
        const double apply_load = writes * k.apply_s;
        p.apply_utilization =
            apply_load / static_cast<double>(std::max<std::int64_t>(1, w.db.apply_parallelism));
        cand.limit(
            p.apply_utilization / k.u,
            [&] {
                return fmt::format("replication apply at {} on {}",
                                   percent_exceeds(p.apply_utilization, k.u), inst.name);
            },
            k_bound_replication_apply, LimitLevel::capacity, p.apply_utilization);
        const double capacity = k.c * k.u - apply_load; // Erlangs left for reads
        // Replicas the reads need (0 without reads: then only a standby makes one).
        std::int64_t needed = reads > 0.0 ? 1 : 0;
        std::string_view word = k_bound_reads;
        if (!(capacity > 0.0)) {
            cand.limit(
                apply_load / (k.c * k.u),
                [&] {
                    return fmt::format("a replica's apply load {} leaves no read "
                                       "capacity on {}",
                                       units::human_number(apply_load), inst.name);
                },
                k_bound_replication_apply, LimitLevel::capacity, apply_load / k.c);
        } else if (reads > 0.0) {
            const std::int64_t by_util =
                ceil_count(reads * k.read.mean_s / capacity, 1, k_max_replicas_per_shard);
            auto meets = [&](std::int64_t r) {
                const auto rs = replica_station(k, w.web.balancing, reads, writes, r);
                return reads <= 0.0 || call_meets_slo(queueing::analyze_ggc(rs), k.read, k.slo_s);
            };
            needed = by_util;
            const bool util_enough = by_util >= k_max_replicas_per_shard || meets(by_util);
            if (by_util >= k_max_replicas_per_shard) {
                cand.findings.warnings.push_back(
                    {"search_limit", fmt::format("replicas per shard reached the search bound "
                                                 "of {} on {}",
                                                 k_max_replicas_per_shard, inst.name)});
            } else if (!util_enough && !meets(k_max_replicas_per_shard)) {
                // Even the bound misses db.latency_p99 (the apply work alone makes reads wait):
                // the utilization answer stands and the latency check below reports it.
                cand.findings.warnings.push_back(
                    {"search_limit",
                     fmt::format("no replica count up to {} meets db.latency_p99 on {}",
                                 k_max_replicas_per_shard, inst.name)});
                word = k_bound_latency;
            } else if (!util_enough) {
                std::int64_t bad = by_util;
                std::int64_t good = by_util + 1;
                while (!meets(good)) {
                    bad = good;
                    good = std::min(k_max_replicas_per_shard, bad + 2 * (bad - by_util) + 1);
                }
                while (good - bad > 1) {
                    const std::int64_t mid = bad + (good - bad) / 2;
                    (meets(mid) ? good : bad) = mid;
                }
                needed = good;
                word = k_bound_latency;
            }
        }
        std::int64_t r = std::max(needed, in.min_replicas_per_shard);
        if (in.min_replicas_per_shard > needed) {
            word = k_bound_standby;
        }
        // The growth path holds the replicas it reached (docs/models.md#growth-path).
        if (const std::int64_t held =
                ceil_count(static_cast<double>(in.hold.replicas) / s, 0, k_max_replicas_per_shard);
            held > r) {
            r = held;
            word = k_bound_held;
        }
        p.replicas_per_shard = r;
        p.bound_by = r > 0 ? word : k_bound_none;
        if (r == 0) {
            // No reads and no standby asked for: nothing to replicate to yet.
            p.read_call = DbCallLaw{pl.wait, k.read};
            p.read_p99_s = k.read.mean_s;
            p.utilization_cold_cache = (cold_reads * k.read.mean_s + writes * k.write.mean_s) / k.c;
            return finish(cand, w, inst, in, sp);
        }
        const auto rs = replica_station(k, w.web.balancing, reads, writes, r);
        const auto rl = queueing::analyze_ggc(rs);
        p.replica_utilization =
            rs.arrival_rate_per_s * rs.service_time_s / static_cast<double>(rs.servers);
        cand.limit(
            p.replica_utilization / k.u,
            [&] {
                return fmt::format("replica at {} with {} per shard on {}",
                                   percent_exceeds(p.replica_utilization, k.u),
                                   units::counted(r, "replica"), inst.name);
            },
            word == k_bound_standby ? k_bound_reads : word, LimitLevel::capacity,
            p.replica_utilization);
        p.read_call = DbCallLaw{rl.wait, k.read};
        p.read_p99_s = reads > 0.0 ? call_p99(rl, k.read, k.slo_s) : k.read.mean_s;
        if (reads > 0.0 && !rl.metrics.saturated) {
            cand.limit(
                p.read_p99_s / k.slo_s,
                [&] {
                    return fmt::format("replica read p99 {} on {}",
                                       duration_exceeds(p.read_p99_s, k.slo_s), inst.name);
                },
                k_bound_latency, LimitLevel::latency);
        }
        p.utilization_cold_cache =
            (cold_reads / static_cast<double>(r) * k.read.mean_s + apply_load) / k.c;
    }
    return finish(cand, w, inst, in, sp);
}

// Prices a candidate: every shard's primary and replicas, and every copy's storage.
Candidate finish(Candidate& cand, const workload::Workload& w, const workload::Instance& inst,
                 const DbInputs& in, const ShardPlan& sp) {
    DbPlan& p = cand.plan;
    const double copies = 1.0 + static_cast<double>(p.replicas_per_shard);
    p.instance = inst.name;
    p.hourly = inst.hourly;
    p.bill = db_bill(w, inst.hourly, in.users, sp.shards, copies);
    cand.cost = p.bill.monthly_cost();
    return std::move(cand);
}

} // namespace

TierBill db_bill(const workload::Workload& w, double hourly, double users, std::int64_t shards,
                 double copies) {
    TierBill bill;
    const auto s = static_cast<double>(shards);
    if (shards > 0) {
        bill.add({BillGroup::db, CostKind::instance, BillUnit::instance_hours,
                  s * copies * k_hours_per_month, hourly, s * copies * hourly * k_hours_per_month});
    }
    const double gb = w.traffic.db_bytes_per_user * users * copies / k_bytes_per_gb;
    bill.add({BillGroup::db, CostKind::storage, BillUnit::gb_months, gb, w.db.storage_per_gb_month,
              gb * w.db.storage_per_gb_month});
    return bill;
}

double working_set_bytes(const workload::Workload& w, double users) noexcept {
    if (w.db.working_set_per_user_bytes > 0.0) {
        return w.db.working_set_per_user_bytes * users;
    }
    return w.db.working_set * users * w.traffic.db_bytes_per_user;
}

double usable_memory_bytes(const workload::Instance& inst, double overhead) noexcept {
    return std::max(0.0, inst.memory_bytes) * (1.0 - std::clamp(overhead, 0.0, 1.0));
}

std::vector<const workload::Instance*> db_sizes(const workload::Workload& w,
                                                const workload::Catalogue& cat) {
    std::vector<const workload::Instance*> sizes;
    if (w.db.instance == "auto") {
        // db.family by size, up to and including db.max_instance (all of the family when
        // max_instance is not in it).
        sizes = cat.family(w.db.family);
        const auto last = std::find_if(sizes.begin(), sizes.end(),
                                       [&](const auto* i) { return i->name == w.db.max_instance; });
        if (last != sizes.end()) {
            sizes.erase(last + 1, sizes.end());
        }
        if (sizes.empty()) {
            throw std::invalid_argument(
                fmt::format("db.family: no instance of family '{}' in the catalogue", w.db.family));
        }
    } else {
        sizes.push_back(&find_instance(cat, w.db.instance, "db.instance"));
    }
    return sizes;
}

DbPlan size_database(const workload::Workload& w, const workload::Catalogue& cat,
                     const DbInputs& in) {
    return size_database(w, db_sizes(w, cat), in);
}

DbPlan size_database(const workload::Workload& w,
                     const std::vector<const workload::Instance*>& all_sizes, const DbInputs& in) {
    if (all_sizes.empty()) {
        throw std::invalid_argument("no database instance size to choose from");
    }
    // A fleet held on its sizes scales out on them (DbHold::fleet_sizes).
    const std::span<const workload::Instance* const> sizes(
        all_sizes.data(), in.hold.fleet_sizes > 0 ? std::min(in.hold.fleet_sizes, all_sizes.size())
                                                  : all_sizes.size());
    const workload::Instance& largest = *sizes.back();
    const Calls at_largest = calls_for(w, largest, in);

    ShardInputs si;
    si.storage_bytes = in.users * w.traffic.db_bytes_per_user;
    si.max_shard_size_bytes = w.db.max_shard_size_bytes;
    si.write_rps = in.write_rps;
    si.users = in.users;
    si.zipf = w.db.shard_key_zipf;
    si.max_write_rps_per_primary = max_write_rate(at_largest);
    si.replicas = in.replicas;
    si.working_set_bytes = working_set_bytes(w, in.users);
    si.max_memory_bytes_per_shard = usable_memory_bytes(largest, w.db.memory_overhead);
    const double par = static_cast<double>(std::max<std::int64_t>(1, w.db.apply_parallelism));
    // Apply fits when λ·apply/threads ≤ u and a replica keeps some capacity for reads.
    // A free apply (apply_time = 0) never needs a shard: no limit on the write rate.
    si.max_apply_rps_per_replica = at_largest.apply_s > 0.0
                                       ? (par < at_largest.c ? par : at_largest.c * (1.0 - 1e-6)) *
                                             at_largest.u / at_largest.apply_s
                                       : std::numeric_limits<double>::max();
    ShardPlan sp = plan_shards(si);
    Findings extra;
    if (!in.sharding) {
        if (sp.by_storage > 1) {
            extra.limit(LimitLevel::capacity, si.storage_bytes / si.max_shard_size_bytes, [&] {
                return fmt::format("database {} GB > max_shard_size {} GB without sharding",
                                   units::human_number(si.storage_bytes / 1e9),
                                   units::human_number(si.max_shard_size_bytes / 1e9));
            });
        }
        sp.shards = 1;
        sp.bound_by = k_bound_none;
        sp.hot = hottest_shard_share(sp.keys, 1);
    } else {
        if (sp.celebrity_key) {
            extra.warn("celebrity_key",
                       fmt::format("the hottest user's writes ({}/s, {} of all) overflow one "
                                   "{} primary; no shard count fixes it",
                                   units::human_significant(sp.keys.top_share * in.write_rps, 4),
                                   percent_text(sp.keys.top_share), largest.name));
        }
        if (sp.search_limit) {
            extra.warn("search_limit", fmt::format("the shard count reached its search bound "
                                                   "of {}",
                                                   k_max_shards));
        }
    }

    if (in.sharding && in.hold.min_shards > sp.shards) {
        // The growth path holds the shards it reached (docs/models.md#growth-path).
        sp.shards = std::min(in.hold.min_shards, k_max_shards);
        sp.hot = hottest_shard_share(sp.keys, sp.shards);
        sp.bound_by = k_bound_held;
    }

    const std::size_t first = std::min(in.hold.size, sizes.size() - 1);
    std::optional<Candidate> best;
    std::optional<Candidate> fallback;
    std::size_t best_index = first;
    std::string smaller_broke(k_bound_none); // why the size below the chosen one failed
    std::string last_broke(k_bound_none);
    // A size costs at least its shards × (1 + the replicas asked for) instances plus their
    // storage; once that is no cheaper than what it must beat it cannot replace the best, and
    // the sizes after the first feasible one only matter through that replacement, so it need
    // not be evaluated.
    const auto least_cost = [&](const workload::Instance& inst) {
        const double copies =
            1.0 + static_cast<double>(
                      in.replicas ? std::max(in.min_replicas_per_shard,
                                             ceil_count(static_cast<double>(in.hold.replicas) /
                                                        static_cast<double>(sp.shards)))
                                  : 0);
        return db_bill(w, inst.hourly, in.users, sp.shards, copies).monthly_cost();
    };
    // The cost a larger size must reach to replace the best: below it (cheapest), or by the
    // stage's saving threshold below a kept size.
    const auto beats = [&](double cost) {
        if (in.size_rule == SizeRule::keep && best_index == first) {
            const double threshold =
                std::max(w.stage.min_saving, w.stage.min_saving_fraction * best->cost);
            return best->cost - cost >= threshold;
        }
        return cost < best->cost;
    };
    const std::size_t last = in.size_rule == SizeRule::pinned ? first : sizes.size() - 1;
    for (std::size_t i = first; i <= last; ++i) {
        const workload::Instance& inst = *sizes[i];
        if (best && !beats(least_cost(inst))) {
            continue;
        }
        Candidate c = evaluate(w, inst, in, sp, false);
        if (c.feasible() && (!best || beats(c.cost))) {
            if (!best) {
                smaller_broke = last_broke;
            }
            best = std::move(c);
            best_index = i;
        } else if (!c.feasible()) {
            last_broke = c.first_broken();
            if (i == last && !best) {
                // Nothing holds: the largest allowed is reported, with its reasons.
                fallback = evaluate(w, inst, in, sp, true);
            }
        }
    }
    if (!best) {
        best_index = last;
        best = std::move(fallback);
        smaller_broke = best->first_broken();
    }
    DbPlan plan = std::move(best->plan);
    plan.size_index = best_index;
    plan.shards = sp;
    plan.storage_bytes = si.storage_bytes;
    plan.findings = std::move(extra);
    for (LimitCheck& c : best->findings.limits) {
        plan.findings.limits.push_back(std::move(c));
    }
    for (PlanWarning& wn : best->findings.warnings) {
        plan.findings.warnings.push_back(std::move(wn));
    }
    if (plan.utilization_cold_cache >= 1.0) {
        plan.findings.warn("cold_cache_overload",
                           fmt::format("with the cache hit ratio at {} the database runs at {}",
                                       percent_text(w.cache.cold_hit_ratio),
                                       percent_text(plan.utilization_cold_cache)));
    }
    // What bound the database's counts: the shards when there are several, else the replicas,
    // else what made the chosen size necessary (the limit the next smaller size broke).
    if (sp.celebrity_key && in.sharding) {
        plan.bound_by = k_bound_hot_key;
    } else if (sp.shards > 1 || sp.bound_by == k_bound_held) {
        plan.bound_by = sp.bound_by;
    } else if (plan.replicas_per_shard == 0) {
        plan.bound_by = smaller_broke;
    }
    return plan;
}

std::span<const MetricRow<DbMetrics>> db_metric_rows() noexcept {
    static constexpr std::array<MetricRow<DbMetrics>, 16> rows{{
        {"instance", RowType::text, "", "database instance type",
         [](const DbMetrics& m) -> RowValue { return m.instance; }, true},
        {"shards", RowType::integer, "", "database shards",
         [](const DbMetrics& m) -> RowValue { return m.shards; }, true},
        {"primaries", RowType::integer, "", "primary database servers",
         [](const DbMetrics& m) -> RowValue { return m.primaries; }},
        {"replicas", RowType::integer, "", "read replicas and standbys, in total",
         [](const DbMetrics& m) -> RowValue { return m.replicas; }, true},
        {"replicas_per_shard", RowType::integer, "", "replicas of each shard",
         [](const DbMetrics& m) -> RowValue { return m.replicas_per_shard; }},
        {"replica_ratio", RowType::real, "", "read replicas per primary",
         [](const DbMetrics& m) -> RowValue { return m.replica_ratio; }},
        {"primary_utilization", RowType::real, "", "utilization of the busiest primary",
         [](const DbMetrics& m) -> RowValue { return m.primary_utilization; }},
        {"replica_utilization", RowType::real, "",
         "utilization of a replica (reads and applied writes)",
         [](const DbMetrics& m) -> RowValue { return m.replica_utilization; }},
        {"apply_utilization", RowType::real, "",
         "utilization of a replica's replication apply threads",
         [](const DbMetrics& m) -> RowValue { return m.apply_utilization; }},
        {"storage_bytes", RowType::real, "bytes", "database size, one copy",
         [](const DbMetrics& m) -> RowValue { return m.storage_bytes; }},
        {"working_set_bytes", RowType::real, "bytes",
         "working set of one shard, to be held in memory (0: not modelled)",
         [](const DbMetrics& m) -> RowValue { return m.working_set_bytes; }},
        {"memory_utilization", RowType::real, "",
         "a shard's working set over an instance's memory after db.memory_overhead",
         [](const DbMetrics& m) -> RowValue { return m.memory_utilization; }},
        {"reshard_moved_fraction", RowType::real, "",
         "share of data moved since the previous point (a reshard, or a fleet moved to another "
         "size)",
         [](const DbMetrics& m) -> RowValue { return m.reshard_moved_fraction; }},
        {"utilization_cold_cache", RowType::real, "",
         "database utilization if the cache hit ratio fell to cold_hit_ratio",
         [](const DbMetrics& m) -> RowValue { return m.utilization_cold_cache; }},
        {"bound_by", RowType::text, "", "what set the database size",
         [](const DbMetrics& m) -> RowValue { return m.bound_by; }},
        {"monthly_cost", RowType::real, "currency/month",
         "database cost, instances and storage of every copy",
         [](const DbMetrics& m) -> RowValue { return m.monthly_cost; }, false, true},
    }};
    return rows;
}

} // namespace capplan::tiers
