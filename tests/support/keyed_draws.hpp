#pragma once
// Random draws that stay put. Each draw has a generator of its own, seeded by the test's seed,
// the trial and the name of what it draws (a key path such as "traffic.daily_active", or
// "users"), so adding a key or a draw leaves every other draw of every trial as it was: a
// property test that goes red after such a change went red on its own values.

#include <cstdint>
#include <random>
#include <string_view>

namespace capplan::test {

// The splitmix64 finaliser (G. L. Steele, D. Lea and C. H. Flood, "Fast splittable pseudorandom
// number generators", 2014): a bijective mix of 64 bits.
[[nodiscard]] constexpr std::uint64_t mix64(std::uint64_t x) noexcept {
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30U)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27U)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31U);
}

// The draws of one trial of one test.
class Draws {
public:
    Draws(std::uint64_t seed, std::uint64_t trial) noexcept : m_base(mix64(mix64(seed) ^ trial)) {}

    // A generator of its own for the draw called `name`.
    [[nodiscard]] std::mt19937_64 rng(std::string_view name) const noexcept {
        std::uint64_t h = m_base;
        for (const char c : name) {
            h = mix64(h ^ static_cast<unsigned char>(c));
        }
        return std::mt19937_64(h);
    }
    // Uniform in [lo, hi).
    [[nodiscard]] double uniform(std::string_view name, double lo, double hi) const {
        std::mt19937_64 g = rng(name);
        return std::uniform_real_distribution<double>(lo, hi)(g);
    }
    // Uniform in [lo, hi], both ends included.
    [[nodiscard]] std::int64_t integer(std::string_view name, std::int64_t lo,
                                       std::int64_t hi) const {
        std::mt19937_64 g = rng(name);
        return std::uniform_int_distribution<std::int64_t>(lo, hi)(g);
    }
    // True with probability p.
    [[nodiscard]] bool chance(std::string_view name, double p) const {
        return uniform(name, 0.0, 1.0) < p;
    }

private:
    std::uint64_t m_base;
};

} // namespace capplan::test
