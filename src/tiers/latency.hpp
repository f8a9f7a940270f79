#pragma once
// Request latency (docs/models.md#latency). A dynamic request is a sum of independent legs: the web
// station (wait + service), cache calls, database reads that miss the cache and, for writes,
// database writes, each call costing a network round trip plus the called station's wait and
// service. The web wait keeps its exact law (atom 1 − P_wait at 0, exponential tail of rate θ);
// every other leg, the web service included, contributes its mean and variance to one Gamma fitted
// by moments; the request time is the exact convolution of the two (distributions.hpp). The
// reported p99 is that of the read/write mixture (weights 1 − write_fraction, write_fraction).
// Assumption: FCFS stations; processor-sharing servers have longer tails (NOTES).

#include "queueing/distributions.hpp"

namespace capplan::tiers {

// Mean (s) and variance (s²) of a leg; legs add.
struct Moments {
    double mean_s = 0.0;
    double variance_s2 = 0.0;
};

[[nodiscard]] Moments operator+(const Moments& a, const Moments& b) noexcept;
// n calls of one leg (n ≥ 0, fractional allowed): n × mean, n × variance (docs/models.md#latency).
[[nodiscard]] Moments repeat(const Moments& one, double n) noexcept;
// Moments of a Gamma law (mean S, variance S²·scv) and of a waiting law
// (docs/models.md#waiting-time: E W = p/θ, Var W = 2p/θ² − (p/θ)²; 0 without waiting).
[[nodiscard]] Moments moments_of(const queueing::GammaLaw& g) noexcept;
[[nodiscard]] Moments moments_of(const queueing::WaitLaw& w) noexcept;
// One call to a station: round trip (constant) + wait + service.
[[nodiscard]] Moments call_moments(double rtt_s, const queueing::WaitLaw& wait,
                                   const queueing::GammaLaw& service) noexcept;
// The Gamma with these moments (mean > 0): scv = variance/mean². mean ≤ 0 gives a
// deterministic law at 0 (the caller never passes it: the web service alone is > 0).
[[nodiscard]] queueing::GammaLaw fit_gamma(const Moments& m) noexcept;

// The law of a request time: the web wait plus a Gamma for the rest, for reads and writes.
struct RequestLaw {
    queueing::WaitLaw web_wait;
    queueing::GammaLaw read_rest;
    queueing::GammaLaw write_rest;
    double write_fraction = 0.0; // in [0, 1]
};

// P(request time > t) of the read/write mixture, t ≥ 0.
[[nodiscard]] double request_exceed(const RequestLaw& law, double t_s) noexcept;

// The q-quantile (0 < q < 1) of the mixture: a bracketing root find between the two classes'
// own quantiles (the mixture's lies between them). Relative tolerance ~1e-12.
[[nodiscard]] double request_quantile_s(const RequestLaw& law, double q) noexcept;

} // namespace capplan::tiers
