// Exact load-dependent MVA, stable at saturation. Model and references: mva.hpp.
//
// For a station with m servers (service rate α(j)·μ, α(j) = min(j, m)) the arrival theorem
// gives the residence time per cycle
//     R_i(n) = D_i/m · (1 + Q_i(n−1) + Σ_{j=0}^{m−2} (m−1−j)·p_i(j|n−1)),
// so only the marginal probabilities p_i(j|n) for j < m−1 are needed, and for j ≥ 1
//     p_i(j|n) = X(n)·D_i/j · p_i(j−1|n−1)                                      (1)
// (a product of positive numbers: relative errors only add up).
//
// The textbook recursion closes the system with p_i(0|n) = 1 − Σ_{j≥1} p_i(j|n). Near
// saturation p_i(0|n) is tiny while the sum is ≈ 1, so that subtraction leaves an absolute error
// of ≈ 1e-16 that is huge relative to p_i(0|n); (1) then multiplies it by (X·D)^j/j! ≈ e^m along
// the diagonal, and for m = 64 the residence times drift to garbage (the known defect of
// Octave's qncsmvald). Instead we use the exact product-form identity
//     p_i(0|n) = G_{−i}(n)/G(n) = p_i(0|n−1) · X(n)/X_{−i}(n),                          (2)
// where G are normalising constants, X(n) = G(n−1)/G(n), and X_{−i} is the throughput of the
// same network without station i (Reiser 1981). (2) is again a product of positive factors, so
// every quantity keeps a relative error of a few n·ε; nothing is ever subtracted.
//
// X_{−i} needs the network without station i, whose own multi-server stations need theirs in
// turn: we run one MVA per subset S of the M multi-server stations (2^M sub-networks, all other
// stations always present), in lock-step over n. Since S∖{i} < S as bit masks, visiting the
// subsets in increasing order computes each X_{S∖{i}}(n) before it is used. Cost
// O(2^M · N · (K + Σ m)) time and O(2^M · (K + Σ m)) memory, hence the cap on M.

#include "queueing/mva.hpp"

#include <algorithm>
#include <cstddef>
#include <stdexcept>

#include "queueing/network.hpp"

namespace capplan::queueing {
namespace {

// Probabilities below this are flushed to zero: they change no result by more than 1e-250
// relative, and keep the loops out of slow subnormal arithmetic at deep saturation.
constexpr double k_negligible = 1e-250;

enum class Kind { none, delay, queue, multi };

// The state of one sub-network at population n: Q for every station, and for each multi-server
// station k present p_k(j|n), j = 0 .. m_k − 2.
struct SubNetwork {
    std::vector<double> q;
    std::vector<std::vector<double>> p;
    double cycle_s = 0.0; // Z + Σ R_i(n) = n / X(n); 0 when the sub-network holds no job
};

struct Plan {
    std::vector<Kind> kinds;
    std::vector<std::size_t> multi; // station index of each multi-server station
};

Plan classify(const std::vector<MvaStation>& stations, std::int64_t population) {
    Plan plan;
    for (std::size_t i = 0; i < stations.size(); ++i) {
        const MvaStation& s = stations[i];
        if (!(s.demand_s >= 0.0) || s.servers < 1) {
            throw std::invalid_argument("solve_mva: bad station");
        }
        if (s.demand_s == 0.0) {
            plan.kinds.push_back(Kind::none);
        } else if (s.is_delay || s.servers >= population) {
            plan.kinds.push_back(Kind::delay); // with m ≥ N servers nobody ever waits
        } else if (s.servers == 1) {
            plan.kinds.push_back(Kind::queue);
        } else {
            plan.kinds.push_back(Kind::multi);
            plan.multi.push_back(i);
        }
    }
    if (plan.multi.size() > k_max_multi_server_stations) {
        throw std::invalid_argument("solve_mva: too many multi-server stations");
    }
    return plan;
}

// Residence time per cycle of station i in sub-network `sub` at population n (state at n − 1).
double residence(const MvaStation& s, Kind kind, const SubNetwork& sub, std::size_t i,
                 const std::vector<double>* p, std::int64_t n) {
    switch (kind) {
    case Kind::none:
        return 0.0;
    case Kind::delay:
        return s.demand_s;
    case Kind::queue:
        return s.demand_s * (1.0 + sub.q[i]);
    case Kind::multi:
        break;
    }
    const auto m = static_cast<double>(s.servers);
    // p(j|n−1) = 0 for j > n − 1.
    const std::size_t last = std::min(p->size(), static_cast<std::size_t>(n));
    double extra = 0.0;
    for (std::size_t j = 0; j < last; ++j) {
        extra += (m - 1.0 - static_cast<double>(j)) * (*p)[j];
    }
    return s.demand_s / m * (1.0 + sub.q[i] + extra);
}

} // namespace

MvaResult solve_mva(const std::vector<MvaStation>& stations, std::int64_t population,
                    double think_time_s) {
    if (population < 1 || !(think_time_s >= 0.0)) {
        throw std::invalid_argument("solve_mva: bad population or think time");
    }
    const Plan plan = classify(stations, population);
    const std::size_t k_count = stations.size();
    const std::size_t m_count = plan.multi.size();
    const std::size_t subsets = std::size_t{1} << m_count;

    std::vector<SubNetwork> subs(subsets);
    for (std::size_t s = 0; s < subsets; ++s) {
        subs[s].q.assign(k_count, 0.0);
        subs[s].p.resize(m_count);
        for (std::size_t k = 0; k < m_count; ++k) {
            if ((s >> k) & 1U) {
                const auto m = static_cast<std::size_t>(stations[plan.multi[k]].servers);
                subs[s].p[k].assign(m - 1, 0.0);
                subs[s].p[k][0] = 1.0; // p(0|0) = 1
            }
        }
    }

    std::vector<double> r(k_count, 0.0);
    for (std::int64_t n = 1; n <= population; ++n) {
        const auto n_real = static_cast<double>(n);
        for (std::size_t s = 0; s < subsets; ++s) {
            SubNetwork& sub = subs[s];
            double cycle = think_time_s;
            std::size_t k = 0;
            for (std::size_t i = 0; i < k_count; ++i) {
                const bool is_multi = plan.kinds[i] == Kind::multi;
                const bool present = !is_multi || ((s >> k) & 1U) != 0;
                const std::vector<double>* p = is_multi ? &sub.p[k] : nullptr;
                r[i] = present ? residence(stations[i], plan.kinds[i], sub, i, p, n) : 0.0;
                cycle += r[i];
                k += is_multi ? 1 : 0;
            }
            sub.cycle_s = cycle;
            if (cycle == 0.0) {
                continue; // no station and no think stage: this sub-network holds no job
            }
            const double x = n_real / cycle;
            for (std::size_t i = 0; i < k_count; ++i) {
                sub.q[i] = x * r[i];
            }
            for (std::size_t kk = 0; kk < m_count; ++kk) {
                if (((s >> kk) & 1U) == 0) {
                    continue;
                }
                std::vector<double>& p = sub.p[kk];
                const double xd = x * stations[plan.multi[kk]].demand_s;
                // (1), from the top down so p(j−1|n−1) is read before it is overwritten.
                const std::size_t top = std::min(p.size() - 1, static_cast<std::size_t>(n));
                for (std::size_t j = top; j >= 1; --j) {
                    const double v = xd / static_cast<double>(j) * p[j - 1];
                    p[j] = v < k_negligible ? 0.0 : v;
                }
                // (2): X(n)/X_{−k}(n) = cycle_{−k}(n)/cycle(n); the smaller subset was updated
                // earlier in this pass. A sub-network that holds no job gives p(0|n) = 0.
                const double without = subs[s & ~(std::size_t{1} << kk)].cycle_s;
                const double v = p[0] * (without / cycle);
                p[0] = v < k_negligible ? 0.0 : v;
            }
        }
    }

    const SubNetwork& full = subs[subsets - 1];
    if (full.cycle_s == 0.0) {
        throw std::invalid_argument("solve_mva: no demand and no think time");
    }
    MvaResult result;
    result.throughput_per_s = static_cast<double>(population) / full.cycle_s;
    result.mean_in_station = full.q;
    result.residence_s = r; // the full network is the last sub-network of the last pass
    return result;
}

} // namespace capplan::queueing
