#pragma once
// Shards (docs/models.md#shards). The shard key is the user. S = max(1, ⌈storage/max_shard_size⌉,
// fewest S whose hottest shard's writes fit one primary, fewest S whose replication apply fits one
// replica). Write skew: Zipf(s) over the users, hashed uniformly to S shards. The shard holding
// the hottest key carries p₁ + (1 − p₁)/S of the writes on average, with standard deviation
// √((1/S)(1 − 1/S)·Σ_{i≥2} qᵢ²) (each other key lands there with probability 1/S); it is sized
// at mean + 1.645·sd (the one-sided 95 % point of a normal approximation), at most 1.
// A hottest key that alone overflows a primary is a `celebrity_key`: no S fixes it.

#include <cstdint>
#include <string>

namespace capplan::tiers {

// Upper bound of every shard search; reaching it is a warning.
inline constexpr std::int64_t k_max_shards = 1'000'000;

// Σ_{i=1..n} i^(−s) for an integer-valued n ≥ 1 (up to 1e15) and s ≥ 0: the first 1,000 terms
// exactly, the rest by Euler–Maclaurin to the B₆ term (relative error < 1e-15 at s ≤ 4).
[[nodiscard]] double generalized_harmonic(double n, double s) noexcept;

// The Zipf weights the hottest-shard share needs.
struct ZipfKeys {
    double top_share = 1.0;   // p₁ = q₁
    double rest_sum_sq = 0.0; // Σ_{i≥2} qᵢ²
};

// Zipf(s) over `keys` keys (rounded to an integer, at least 1; s ≥ 0; s = 0 is uniform).
[[nodiscard]] ZipfKeys zipf_keys(double keys, double s) noexcept;

// Mean, sd and sized share (min(1, mean + 1.645·sd)) of the writes on the hottest shard.
struct HotShare {
    double mean = 1.0;
    double sd = 0.0;
    double sized = 1.0;
};
[[nodiscard]] HotShare hottest_shard_share(const ZipfKeys& z, std::int64_t shards) noexcept;

struct ShardInputs {
    double storage_bytes = 0.0;              // one copy of the whole database
    double max_shard_size_bytes = 0.0;       // > 0
    double write_rps = 0.0;                  // database writes per second, all shards
    double users = 0.0;                      // shard keys
    double zipf = 0.0;                       // shard_key_zipf
    double max_write_rps_per_primary = 0.0;  // largest write rate one primary (max size) takes
    bool replicas = false;                   // replicas exist, so apply must fit too
    double max_apply_rps_per_replica = 0.0;  // largest write rate one replica can apply
    double working_set_bytes = 0.0;          // of the whole database; 0: memory is no limit
    double max_memory_bytes_per_shard = 0.0; // usable memory of the largest size
};

struct ShardPlan {
    std::int64_t shards = 1;
    std::int64_t by_storage = 1, by_memory = 1, by_writes = 1, by_apply = 1;
    std::string bound_by = "none"; // storage, memory, writes, replication_apply, or none (S = 1)
    HotShare hot;                  // of the chosen S
    ZipfKeys keys;
    bool celebrity_key = false; // the hottest key alone overflows a primary or a replica
    bool search_limit = false;  // a search reached k_max_shards
};

// The shard count for these inputs (the caller decides whether sharding is allowed).
[[nodiscard]] ShardPlan plan_shards(const ShardInputs& in);

// |S − S₀| / max(S, S₀); 0 when S₀ = 0 (the first point) or both are 0.
[[nodiscard]] double reshard_moved_fraction(std::int64_t shards, std::int64_t previous) noexcept;

} // namespace capplan::tiers
