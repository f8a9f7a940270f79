#pragma once
// Erlang B and Erlang C for c identical servers offered a = λ·S Erlangs.
//
// Model: M/M/c/c (Erlang B, blocking) and M/M/c (Erlang C, probability of waiting).
// Both are evaluated without factorials and without running the recursion from 0 at
// large c (docs/models.md#erlang): relative error ≤ 1e-12 wherever the value is ≥ 1e-300, for c up
// to 10^7 and a up to 10^7 Erlangs. Reference: Kleinrock, Queueing Systems I (1975), ch. 3;
// Jagerman, "Some properties of the Erlang loss function", BSTJ 53 (1974).

#include <cstdint>

namespace capplan::queueing {

// Erlang B: P(all c servers busy) in M/M/c/c. c ≥ 0 and a ≥ 0 finite; B(0, a) = 1, B(c, 0) = 0
// for c > 0. Values below ~1e-308 may underflow to 0.
[[nodiscard]] double erlang_b(std::int64_t servers, double offered_erlangs) noexcept;

// Erlang C: P(an arrival waits) in M/M/c. 1 when a ≥ c (the queue is unstable).
[[nodiscard]] double erlang_c(std::int64_t servers, double offered_erlangs) noexcept;

// Erlang C from a known Erlang B of the same (c, a): C = c·B / (c − a·(1 − B)); 1 when a ≥ c.
[[nodiscard]] double erlang_c_from_b(std::int64_t servers, double offered_erlangs,
                                     double erlang_b_value) noexcept;

// One step of the Erlang B recursion: B(c + 1, a) from B(c, a). Stable (errors shrink).
[[nodiscard]] double erlang_b_next(std::int64_t servers, double offered_erlangs,
                                   double erlang_b_value) noexcept;

} // namespace capplan::queueing
