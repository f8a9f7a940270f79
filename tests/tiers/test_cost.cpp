// Monthly cost (docs/models.md#cost).

#include <catch2/catch.hpp>

#include "support/spec_catalogue.hpp"
#include "tiers/cost.hpp"
#include "tiers/static_costs.hpp"
#include "workload/workload.hpp"

using namespace capplan;
using namespace capplan::tiers;
using Catch::Matchers::WithinRel;

TEST_CASE("an autoscaled tier with a constant count costs what the peak costs", "[tiers][cost]") {
    std::array<std::int64_t, 24> flat{};
    flat.fill(7);
    CHECK_THAT(autoscaled_monthly_cost(flat, 0.1785),
               WithinRel(peak_monthly_cost(7, 0.1785), 1e-15));
    CHECK_THAT(peak_monthly_cost(7, 0.1785), WithinRel(7 * 0.1785 * 730.0, 1e-15));
    // 12 hours at 2 and 12 at 4 servers: 72 server-hours a day × 730/24 days.
    std::array<std::int64_t, 24> half{};
    for (std::size_t h = 0; h < 24; ++h) {
        half[h] = h < 12 ? 2 : 4;
    }
    CHECK_THAT(autoscaled_monthly_cost(half, 1.0), WithinRel(72.0 * 730.0 / 24.0, 1e-15));
}

TEST_CASE("blob storage at 1M users with the defaults", "[tiers][cost]") {
    // Storage 1e6 × 5 MB = 5e12 B = 4,656.6 GB × 0.023 = 107.10; PUTs: 300k DAU × 0.5 jobs ×
    // 730/24 days = 4.5625e6 → × 0.005/1k = 22.81; GETs (no CDN): 15e6 page views × 10 ×
    // 730/24 = 4.5625e9 → × 0.0004/1k = 1,825.
    const workload::Workload w;
    const TrafficLoad t = compute_traffic(w.traffic, 1e6);
    const BlobMetrics b =
        static_costs(w, test::spec_catalogue(), t, StaticLayout{false, true, true}, 0.7).blob;
    CHECK(b.storage_bytes == 5e12);
    CHECK_THAT(b.monthly_cost, WithinRel(5e12 / 1073741824.0 * 0.023 + 4.5625e6 * 0.005 / 1000.0 +
                                             4.5625e9 * 0.0004 / 1000.0,
                                         1e-13));
}
