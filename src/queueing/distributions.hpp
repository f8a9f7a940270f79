#pragma once
// Waiting-time and response-time laws of one station and their quantiles
// (docs/models.md#waiting-time).
//
// Waiting law: an atom 1 − P_wait at 0 and an exponential tail of rate θ
// (exact for M/M/c, where θ = cμ − λ; the Allen–Cunneen approximation for G/G/c).
// Service law: Gamma with mean S and squared coefficient of variation c_s²
// (exponential at 1, deterministic at 0). Response = wait + service, independent.

#include <cstdint>

namespace capplan::queueing {

// Wait: P(W = 0) = 1 − p_wait; P(W > t) = p_wait·exp(−θt). p_wait in [0, 1]; θ > 0 when p_wait > 0.
struct WaitLaw {
    double p_wait = 0.0;
    double theta_per_s = 0.0;
};

// Gamma service time with the given mean (s) and squared coefficient of variation (scv ≥ 0).
struct GammaLaw {
    double mean_s = 0.0;
    double scv = 1.0;
};

// Mean and variance of a WaitLaw: E W = p/θ, Var W = 2p/θ² − (p/θ)².
[[nodiscard]] double wait_mean_s(const WaitLaw& w) noexcept;
[[nodiscard]] double wait_variance_s2(const WaitLaw& w) noexcept;

// P(W > t) for t ≥ 0, and the q-quantile (0 < q < 1) of W: 0 when q ≤ 1 − p_wait.
[[nodiscard]] double wait_exceed(const WaitLaw& w, double t_s) noexcept;
[[nodiscard]] double wait_quantile_s(const WaitLaw& w, double q) noexcept;

// P(G > t) and the q-quantile of a Gamma law (deterministic when scv = 0).
[[nodiscard]] double gamma_exceed(const GammaLaw& g, double t_s) noexcept;
// NOLINTNEXTLINE(bugprone-exception-escape): Boost.Math under MathPolicy never throws.
[[nodiscard]] double gamma_quantile_s(const GammaLaw& g, double q) noexcept;

// P(W + G > t) for independent W and G: the exact convolution (closed form where one exists,
// adaptive quadrature otherwise), with the removable singularity at θ = rate of G handled.
[[nodiscard]] double sum_exceed(const WaitLaw& w, const GammaLaw& g, double t_s) noexcept;

// The q-quantile of W + G (0 < q < 1), by a bracketing root find on sum_exceed to a relative
// tolerance of ~1e-12.
// NOLINTNEXTLINE(bugprone-exception-escape): Boost.Math under MathPolicy never throws.
[[nodiscard]] double sum_quantile_s(const WaitLaw& w, const GammaLaw& g, double q) noexcept;

} // namespace capplan::queueing
