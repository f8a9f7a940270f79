#pragma once
// The shipped catalogue's instance and price tables (models/), built by hand for the tier tests
// (the catalogue loader is separate work). Memory in GiB · 2^30; prices in USD per hour.

#include <optional>
#include <string>

#include "workload/catalogue.hpp"

namespace capplan::test {

// models/transfer.toml `cloudfront-2024`, by hand (TB = 1,024 GB): first 10 TB 0.085, next 40 TB
// 0.080, next 100 TB 0.060, next 350 TB 0.040, next 524 TB 0.030, next 4 PB 0.025, over 5 PB 0.020;
// per 10k requests 0.0075 (HTTP), 0.0100 (HTTPS).
inline workload::PriceTable cloudfront_2024() {
    workload::PriceTable t;
    t.name = "cloudfront-2024";
    t.tiers = {{10.0 * 1024, 0.085},  {50.0 * 1024, 0.080},   {150.0 * 1024, 0.060},
               {500.0 * 1024, 0.040}, {1024.0 * 1024, 0.030}, {5.0 * 1024 * 1024, 0.025},
               {std::nullopt, 0.020}};
    t.per_10k_http_requests = 0.0075;
    t.per_10k_https_requests = 0.0100;
    return t;
}

// models/transfer.toml `aws-internet-2024`: first 10 TB 0.09, next 40 TB 0.085, next 100 TB 0.07,
// over 150 TB 0.05.
inline workload::PriceTable aws_internet_2024() {
    workload::PriceTable t;
    t.name = "aws-internet-2024";
    t.tiers = {
        {10.0 * 1024, 0.09}, {50.0 * 1024, 0.085}, {150.0 * 1024, 0.07}, {std::nullopt, 0.05}};
    return t;
}

// models/transfer.toml cross-zone 0.01/GB and cross-region 0.02/GB.
inline workload::PriceTable flat_per_gb(const std::string& name, double per_gb) {
    workload::PriceTable t;
    t.name = name;
    t.tiers = {{std::nullopt, per_gb}};
    return t;
}

inline workload::Catalogue spec_catalogue() {
    workload::Catalogue cat;
    auto add = [&](const std::string& name, const std::string& family, std::int64_t vcpus,
                   std::int64_t threads, double gib, double hourly) {
        workload::Instance i;
        i.name = name;
        i.family = family;
        i.vcpus = vcpus;
        i.threads_per_core = threads;
        i.cores = vcpus / threads;
        i.memory_bytes = gib * 1073741824.0;
        i.hourly = hourly;
        i.source = "models/ (by hand)";
        cat.instances[name] = i;
    };
    add("c7i.large", "c7i", 2, 2, 4, 0.08925);
    add("c7i.xlarge", "c7i", 4, 2, 8, 0.1785);
    add("c7i.2xlarge", "c7i", 8, 2, 16, 0.357);
    add("c7i.4xlarge", "c7i", 16, 2, 32, 0.714);
    add("m7i.large", "m7i", 2, 2, 8, 0.1008);
    add("m7i.xlarge", "m7i", 4, 2, 16, 0.2016);
    add("m7i.2xlarge", "m7i", 8, 2, 32, 0.4032);
    add("c7g.large", "c7g", 2, 1, 4, 0.0725);
    add("c7g.xlarge", "c7g", 4, 1, 8, 0.145);
    add("c7g.2xlarge", "c7g", 8, 1, 16, 0.29);
    add("db.r7g.large", "db.r7g", 2, 1, 16, 0.239);
    add("db.r7g.xlarge", "db.r7g", 4, 1, 32, 0.478);
    add("db.r7g.2xlarge", "db.r7g", 8, 1, 64, 0.956);
    add("db.r7g.4xlarge", "db.r7g", 16, 1, 128, 1.913);
    add("db.r7g.8xlarge", "db.r7g", 32, 1, 256, 3.826);
    add("db.r7g.16xlarge", "db.r7g", 64, 1, 512, 7.651);
    add("cache.r7g.large", "cache.r7g", 2, 1, 13.07, 0.219);
    add("cache.r7g.xlarge", "cache.r7g", 4, 1, 26.32, 0.437);
    add("cache.r7g.2xlarge", "cache.r7g", 8, 1, 52.82, 0.873);
    add("cache.t4g.small", "cache.t4g", 2, 1, 1.37, 0.032);
    for (const auto& t :
         {cloudfront_2024(), aws_internet_2024(), flat_per_gb("aws-cross-zone-2024", 0.01),
          flat_per_gb("aws-cross-region-2024", 0.02)}) {
        cat.price_tables[t.name] = t;
    }
    return cat;
}

} // namespace capplan::test
