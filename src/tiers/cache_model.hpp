#pragma once
// Cache model (docs/models.md#cache-model): an LRU cache in front of N objects read with Zipf(α)
// popularity, qᵢ = i^(−α)/H_{N,α}, i = 1..N.
//
// Hit ratio by Che's approximation (H. Che, Y. Tung, Z. Wang, "Hierarchical Web caching
// systems: modeling, design and experimental results", IEEE JSAC 20(7), 2002; for its accuracy
// see C. Fricker, P. Robert, J. Roberts, "A versatile and accurate approximation for LRU cache
// performance", ITC 24, 2012): an object stays in the cache for a characteristic time T after
// its last request, so with Poisson (IRM) requests
//     h(T) = Σᵢ qᵢ(1 − e^(−qᵢT))   (hit ratio),   C(T) = Σᵢ (1 − e^(−qᵢT))   (capacity).
// Both rise monotonically in T from 0 to (1, N). Sizing for a target h* solves h(T) = h* once
// (toms748 in ln T), then C = C(T). Assumptions: independent reference model, no writes or
// invalidation (docs/models.md#known-limits), a stationary popularity, whole objects of one size.

namespace capplan::tiers {

// H_{n,α} = Σ_{i=1..n} i^(−α), the Zipf normaliser: n is rounded to an integer and clamped to
// [1, 1e15]; α is clamped to [0, 10] (NaN is taken as 0, the uniform case, where H = n).
[[nodiscard]] double zipf_normaliser(double n, double alpha) noexcept;

// Che's hit ratio and capacity at one characteristic time.
struct CheSums {
    double hit_ratio = 0.0;        // h(T), in [0, 1]
    double capacity_objects = 0.0; // C(T), in [0, N]
};

// h(T) and C(T) for Zipf(α) over n objects (n rounded, clamped to [1, 1e15]; α clamped to
// [0, 10], the workload's range) at T ≥ 0 (in requests to the cache; T ≤ 0 or NaN gives 0, an
// infinite T gives (1, N)). The first 64 terms are summed exactly, the rest by quadrature:
// |Δh| and |ΔC|/C below 1e-10 against the term-by-term sums (see the .cpp).
[[nodiscard]] CheSums che_sums(double n_objects, double alpha, double characteristic_time);

// The LRU cache that reaches a target hit ratio.
struct CheSolution {
    double characteristic_time = 0.0; // T, in requests (finite; 0 for an empty cache)
    double capacity_objects = 0.0;    // C(T) in objects, in [0, N] (fractional: Che is a mean)
    double hit_ratio = 0.0;           // h(T): the target, 1 when caching everything
    bool cache_all = false;           // the target needs every object (capacity N)
};

// The capacity (in objects) of an LRU cache whose Che hit ratio is `target_hit` for Zipf(α)
// over n objects (n rounded, clamped to [1, 1e15]; α clamped to [0, 10]). One root find of
// h(T) = target in ln T. A target ≤ 0 or NaN gives the empty cache (T = 0, capacity 0, hit 0);
// a target ≥ 1 (h(T) reaches 1 only as T → ∞) gives cache_all: capacity N, hit 1, and T the
// finite time at which h(T) ≥ 1 − 1e-15 would hold by the bound 1 − h ≤ e^(−q_N·T).
[[nodiscard]] CheSolution che_for_hit_ratio(double n_objects, double alpha, double target_hit);

// The inverse direction: the Che hit ratio of an LRU cache holding `capacity_objects` objects
// (0 below 0 or NaN, 1 at capacity ≥ n), same n and α rules as che_for_hit_ratio.
[[nodiscard]] double che_hit_ratio_for_capacity(double n_objects, double alpha,
                                                double capacity_objects);

} // namespace capplan::tiers
