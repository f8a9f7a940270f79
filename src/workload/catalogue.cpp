// The catalogue's queries: tiered prices and instance families (catalogue.hpp).

#include "workload/catalogue.hpp"

#include <algorithm>
#include <cmath>

namespace capplan::workload {

double PriceTable::cost_for_gb(double gb) const noexcept {
    // Tier by tier: each tier bills the part of the month's total between the previous tier's
    // end and its own, at its own price (docs/models.md#catalogue).
    if (!(gb > 0.0)) {
        return 0.0;
    }
    double cost = 0.0;
    double start = 0.0;
    for (const PriceTier& tier : tiers) {
        const double end = tier.up_to_gb.value_or(INFINITY);
        const double billed = std::min(gb, end) - start;
        if (billed > 0.0) {
            cost += billed * tier.per_gb;
        }
        if (gb <= end) {
            break;
        }
        start = end;
    }
    return cost;
}

std::vector<const Instance*> Catalogue::family(const std::string& family_name) const {
    std::vector<const Instance*> out;
    for (const auto& [name, instance] : instances) {
        if (instance.family == family_name) {
            out.push_back(&instance);
        }
    }
    std::stable_sort(out.begin(), out.end(), [](const Instance* a, const Instance* b) {
        if (a->vcpus != b->vcpus) {
            return a->vcpus < b->vcpus;
        }
        return a->hourly < b->hourly;
    });
    return out;
}

} // namespace capplan::workload
