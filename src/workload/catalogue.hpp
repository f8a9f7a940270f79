#pragma once
// The catalogue of instance types and price tables (docs/models.md#catalogue): TOML files in
// models/, compiled into the binary, extended or overridden by --models DIR (same name overrides,
// new names extend) and by a `[models]` table in the workload.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace capplan::workload {

// One instance type. Effective cores (docs/models.md#conventions): cores·(1 +
// 0.25·(threads_per_core − 1)).
struct Instance {
    std::string name;
    std::string family; // "c7i", "db.r7g", ... (the name up to its last '.')
    std::int64_t vcpus = 0;
    std::int64_t cores = 0;
    std::int64_t threads_per_core = 1;
    double memory_bytes = 0.0; // IEC: GiB · 2^30
    double hourly = 0.0;       // currency per hour, on demand
    std::string source;        // the file that defined it (for `capplan models`)

    [[nodiscard]] double effective_cores() const noexcept {
        return static_cast<double>(cores) *
               (1.0 + 0.25 * static_cast<double>(threads_per_core - 1));
    }

    bool operator==(const Instance&) const = default;
};

// A tiered per-GB price table (CDN or internet egress), GB = 2^30 bytes, TB = 2^40.
struct PriceTier {
    std::optional<double> up_to_gb; // the tier ends at this many GB in total; nullopt = no end
    double per_gb = 0.0;

    bool operator==(const PriceTier&) const = default;
};

struct PriceTable {
    std::string name;
    std::vector<PriceTier> tiers;       // in order
    double per_10k_http_requests = 0.0; // CDN request fees
    double per_10k_https_requests = 0.0;
    std::string source;

    // The bill for `gb` GB in a month, tier by tier.
    [[nodiscard]] double cost_for_gb(double gb) const noexcept;

    bool operator==(const PriceTable&) const = default;
};

struct Catalogue {
    std::map<std::string, Instance> instances;
    std::map<std::string, PriceTable> price_tables;
    // Each loaded file's stated source and date, by file name.
    std::map<std::string, std::string> sources;

    // The instances of a family ordered by size (vCPUs, then price).
    [[nodiscard]] std::vector<const Instance*> family(const std::string& family_name) const;

    bool operator==(const Catalogue&) const = default;
};

} // namespace capplan::workload
