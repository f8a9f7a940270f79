// Shard count and the Zipf hottest-shard share (docs/models.md#shards). See shards.hpp.

#include "tiers/shards.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include "tiers/bound_by.hpp"
#include "tiers/common.hpp"

namespace capplan::tiers {
namespace {

constexpr double k_direct_terms = 1000.0;
constexpr double k_one_sided_95 = 1.645;

// ∫_a^n x^(−s) dx, stable through s = 1: a^(1−s)·L·expm1(x)/x with L = ln(n/a), x = (1 − s)L.
double power_integral(double a, double n, double s) noexcept {
    const double l = std::log(n / a);
    const double x = (1.0 - s) * l;
    const double scale = std::pow(a, 1.0 - s) * l;
    return std::abs(x) < 1e-12 ? scale : scale * std::expm1(x) / x;
}

// The fewest S in [1, k_max_shards] with need(S) true, need monotone (false … true). Returns
// k_max_shards and sets `limit` when even that fails.
template <class Pred>
std::int64_t fewest(Pred need, bool& limit) {
    if (need(1)) {
        return 1;
    }
    if (!need(k_max_shards)) {
        limit = true;
        return k_max_shards;
    }
    std::int64_t bad = 1;
    std::int64_t good = k_max_shards;
    while (good - bad > 1) {
        const std::int64_t mid = bad + (good - bad) / 2;
        (need(mid) ? good : bad) = mid;
    }
    return good;
}

} // namespace

double generalized_harmonic(double n, double s) noexcept {
    const double terms = std::min(std::floor(n), k_direct_terms);
    // Smallest terms first for accuracy.
    auto direct = [s](double count) {
        double sum = 0.0;
        for (double i = count; i >= 1.0; i -= 1.0) {
            sum += std::pow(i, -s);
        }
        return sum;
    };
    if (n <= k_direct_terms) {
        return direct(terms);
    }
    // The full head does not depend on n: the last four exponents' are remembered (per
    // thread), as the planner asks for many n with a few skews (zipf_keys alternates s and
    // 2s, and the cache's popularity has its own).
    struct Head {
        double s = std::nan("");
        double sum = 0.0;
    };
    thread_local std::array<Head, 4> heads;
    thread_local std::size_t next_head = 0;
    const auto known =
        std::find_if(heads.begin(), heads.end(), [s](const Head& h) { return h.s == s; });
    double sum = 0.0;
    if (known != heads.end()) {
        sum = known->sum;
    } else {
        sum = direct(terms);
        heads[next_head] = Head{s, sum};
        next_head = (next_head + 1) % heads.size();
    }
    // Σ_{i=a..n} f(i) = ∫_a^n f + (f(a) + f(n))/2 + Σ_k B₂ₖ/(2k)!·(f^(2k−1)(n) − f^(2k−1)(a)),
    // f(x) = x^(−s): f' = −s x^(−s−1), f''' = −s(s+1)(s+2) x^(−s−3), f⁽⁵⁾ = −s…(s+4) x^(−s−5).
    const double a = k_direct_terms + 1.0;
    auto d1 = [s](double x) { return -s * std::pow(x, -s - 1.0); };
    auto d3 = [s](double x) { return -s * (s + 1.0) * (s + 2.0) * std::pow(x, -s - 3.0); };
    auto d5 = [s](double x) {
        return -s * (s + 1.0) * (s + 2.0) * (s + 3.0) * (s + 4.0) * std::pow(x, -s - 5.0);
    };
    const double tail = power_integral(a, n, s) + 0.5 * (std::pow(a, -s) + std::pow(n, -s)) +
                        (d1(n) - d1(a)) / 12.0 - (d3(n) - d3(a)) / 720.0 +
                        (d5(n) - d5(a)) / 30240.0;
    return sum + tail;
}

ZipfKeys zipf_keys(double keys, double s) noexcept {
    const double n = std::clamp(std::round(keys), 1.0, 1e15);
    ZipfKeys z;
    if (s <= 0.0) {
        z.top_share = 1.0 / n;
        z.rest_sum_sq = (n - 1.0) / (n * n);
        return z;
    }
    const double h1 = generalized_harmonic(n, s);
    const double h2 = generalized_harmonic(n, 2.0 * s);
    z.top_share = 1.0 / h1;
    z.rest_sum_sq = std::max(0.0, (h2 - 1.0) / (h1 * h1));
    return z;
}

HotShare hottest_shard_share(const ZipfKeys& z, std::int64_t shards) noexcept {
    const double s = static_cast<double>(std::max<std::int64_t>(1, shards));
    HotShare h;
    h.mean = z.top_share + (1.0 - z.top_share) / s;
    h.sd = std::sqrt((1.0 / s) * (1.0 - 1.0 / s) * z.rest_sum_sq);
    h.sized = std::min(1.0, h.mean + k_one_sided_95 * h.sd);
    return h;
}

ShardPlan plan_shards(const ShardInputs& in) {
    ShardPlan p;
    p.keys = zipf_keys(in.users, in.zipf);
    p.by_storage = ceil_count(in.storage_bytes / in.max_shard_size_bytes, 1, k_max_shards);
    if (static_cast<double>(p.by_storage) * in.max_shard_size_bytes <
        in.storage_bytes * (1.0 - k_limit_tolerance)) {
        p.search_limit = true;
    }
    // The hottest shard's write rate at S shards must fit under `cap` (writes per second).
    auto by_rate = [&](double cap) -> std::int64_t {
        if (!(in.write_rps > 0.0)) {
            return 1;
        }
        if (p.keys.top_share * in.write_rps > tolerant_limit(cap)) {
            // No S fixes the celebrity's own shard (the primary's check reports it). Decision:
            // the other keys are still spread until a shard without the celebrity fits:
            // min(1 − p₁, (1 − p₁)/S + 1.645·sd)·writes ≤ cap.
            p.celebrity_key = true;
            const double rest = 1.0 - p.keys.top_share;
            return fewest(
                [&](std::int64_t s) {
                    const HotShare h = hottest_shard_share(p.keys, s);
                    const double share = std::min(rest, h.sized - p.keys.top_share);
                    return share * in.write_rps <= tolerant_limit(cap);
                },
                p.search_limit);
        }
        return fewest(
            [&](std::int64_t s) {
                return hottest_shard_share(p.keys, s).sized * in.write_rps <= tolerant_limit(cap);
            },
            p.search_limit);
    };
    // Each shard holds 1/S of the users and so of the working set (docs/models.md#working-set).
    if (in.working_set_bytes > 0.0 && in.max_memory_bytes_per_shard > 0.0) {
        p.by_memory =
            ceil_count(in.working_set_bytes / in.max_memory_bytes_per_shard, 1, k_max_shards);
        if (static_cast<double>(p.by_memory) * in.max_memory_bytes_per_shard <
            in.working_set_bytes * (1.0 - k_limit_tolerance)) {
            p.search_limit = true;
        }
    }
    p.by_writes = by_rate(in.max_write_rps_per_primary);
    p.by_apply = in.replicas ? by_rate(in.max_apply_rps_per_replica) : 1;
    p.shards = std::max({std::int64_t{1}, p.by_storage, p.by_memory, p.by_writes, p.by_apply});
    if (p.shards > 1) {
        // The largest requirement names the bound; ties go to storage, then memory, then writes.
        p.bound_by = p.shards == p.by_storage  ? k_bound_storage
                     : p.shards == p.by_memory ? k_bound_memory
                     : p.shards == p.by_writes ? k_bound_writes
                                               : k_bound_replication_apply;
    }
    p.hot = hottest_shard_share(p.keys, p.shards);
    return p;
}

double reshard_moved_fraction(std::int64_t shards, std::int64_t previous) noexcept {
    if (previous <= 0 || shards <= 0) {
        return 0.0;
    }
    const auto diff = shards > previous ? shards - previous : previous - shards;
    return static_cast<double>(diff) / static_cast<double>(std::max(shards, previous));
}

} // namespace capplan::tiers
