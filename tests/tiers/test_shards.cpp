// Shards and the Zipf hottest-shard share (docs/models.md#shards).

#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "tiers/shards.hpp"

using namespace capplan::tiers;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

TEST_CASE("generalized harmonic numbers against the direct sum", "[tiers][shards]") {
    for (const double s : {0.0, 0.5, 0.99, 1.0, 1.01, 1.5, 2.0}) {
        for (const double n : {1.0, 7.0, 1000.0, 1001.0, 1002.0, 54321.0, 200000.0}) {
            double direct = 0.0;
            for (double i = n; i >= 1.0; i -= 1.0) {
                direct += std::pow(i, -s);
            }
            INFO("s = " << s << ", n = " << n);
            CHECK_THAT(generalized_harmonic(n, s), WithinRel(direct, 1e-13));
        }
    }
    // H(1e12, 1) = ln(1e12) + γ + 1/(2·1e12) − … = 28.2082405…(γ = 0.5772156649).
    CHECK_THAT(generalized_harmonic(1e12, 1.0),
               WithinRel(std::log(1e12) + 0.5772156649015329 + 0.5e-12, 1e-13));
}

TEST_CASE("hottest-shard share: the formula equals brute force over every hashing",
          "[tiers][shards]") {
    // 8 keys with Zipf(1) weights, 3 shards: key 1 sits on some shard; each other key lands there
    // with probability 1/3. Enumerate all 3^7 placements of keys 2..8 (equally likely), take the
    // share of key 1's shard: its mean and variance must equal p₁ + (1 − p₁)/S and
    // (1/S)(1 − 1/S)Σ_{i≥2} qᵢ².
    for (const double s : {0.0, 0.7, 1.0, 2.0}) {
        const int keys = 8;
        const int shards = 3;
        std::vector<double> q(keys);
        double h = 0.0;
        for (int i = 0; i < keys; ++i) {
            q[static_cast<std::size_t>(i)] = std::pow(i + 1.0, -s);
            h += q[static_cast<std::size_t>(i)];
        }
        for (double& x : q) {
            x /= h;
        }
        int placements = 1;
        for (int i = 1; i < keys; ++i) {
            placements *= shards;
        }
        double sum = 0.0;
        double sum_sq = 0.0;
        for (int code = 0; code < placements; ++code) {
            double share = q[0];
            int c = code;
            for (int i = 1; i < keys; ++i) {
                if (c % shards == 0) { // same shard as key 1 (shard 0)
                    share += q[static_cast<std::size_t>(i)];
                }
                c /= shards;
            }
            sum += share;
            sum_sq += share * share;
        }
        const double mean = sum / placements;
        const double var = sum_sq / placements - mean * mean;
        const HotShare hs = hottest_shard_share(zipf_keys(keys, s), shards);
        INFO("s = " << s);
        CHECK_THAT(hs.mean, WithinRel(mean, 1e-12));
        CHECK_THAT(hs.sd, WithinRel(std::sqrt(var), 1e-9));
        CHECK_THAT(hs.sized, WithinRel(std::min(1.0, mean + 1.645 * std::sqrt(var)), 1e-9));
    }
}

TEST_CASE("shard counts on small cases", "[tiers][shards]") {
    ShardInputs in;
    in.max_shard_size_bytes = 2e12;
    in.users = 1e6;
    in.max_write_rps_per_primary = 1e9;
    // Storage: 5 TB over 2 TB shards → ⌈2.5⌉ = 3; exactly 4 TB → 2.
    in.storage_bytes = 5e12;
    ShardPlan p = plan_shards(in);
    CHECK(p.shards == 3);
    CHECK(p.bound_by == "storage");
    in.storage_bytes = 4e12;
    CHECK(plan_shards(in).shards == 2);

    // Writes, uniform keys (Zipf 0) over 1e6 users: the hottest shard carries
    // 1/S + 1.645·√((1/S)(1 − 1/S)/1e6) (+1e-6). 1,000 writes/s, 300/s per primary:
    // S = 3 → 333.3 + 0.78 > 300; S = 4 → 250 + 0.71 ≤ 300. So S = 4.
    in.storage_bytes = 1e9;
    in.write_rps = 1000.0;
    in.max_write_rps_per_primary = 300.0;
    p = plan_shards(in);
    CHECK(p.shards == 4);
    CHECK(p.bound_by == "writes");
    CHECK_THAT(p.hot.sized,
               WithinRel(1e-6 + (1 - 1e-6) / 4 + 1.645 * std::sqrt(0.25 * 0.75 * (1e6 - 1) / 1e12),
                         1e-12));
    // Apply (only with replicas): 200/s per replica → S = 6 (1000/6 + 0.6 ≤ 200 < 1000/5 + 0.7).
    in.replicas = true;
    in.max_apply_rps_per_replica = 200.0;
    p = plan_shards(in);
    CHECK(p.shards == 6);
    CHECK(p.bound_by == "replication_apply");

    // Celebrity: Zipf(1) over 10 users, p₁ = 1/H(10) = 0.3414; 341 writes/s > 300: no S helps.
    in.replicas = false;
    in.users = 10;
    in.zipf = 1.0;
    p = plan_shards(in);
    CHECK(p.celebrity_key);
    CHECK_THAT(p.keys.top_share, WithinRel(1.0 / 2.9289682539682538, 1e-13));
}

TEST_CASE("more writes or users never lower the shard count", "[tiers][shards]") {
    ShardInputs in;
    in.max_shard_size_bytes = 2e12;
    in.max_write_rps_per_primary = 800.0;
    for (const double zipf : {0.0, 0.5, 0.7}) {
        in.zipf = zipf;
        std::int64_t previous = 0;
        for (double users = 1e3; users <= 1e9; users *= 1.7) {
            in.users = users;
            in.storage_bytes = users * 20e3;
            in.write_rps = users * 5e-4;
            const ShardPlan p = plan_shards(in);
            INFO("zipf " << zipf << " users " << users);
            CHECK_FALSE(p.celebrity_key);
            CHECK(p.shards >= previous);
            previous = p.shards;
        }
    }
}

TEST_CASE("reshard moved fraction", "[tiers][shards]") {
    CHECK(reshard_moved_fraction(4, 0) == 0.0);
    CHECK(reshard_moved_fraction(4, 3) == 0.25);
    CHECK(reshard_moved_fraction(3, 4) == 0.25);
    CHECK(reshard_moved_fraction(5, 5) == 0.0);
}
