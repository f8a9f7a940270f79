#pragma once
// The SPEC §6 instance table, built by hand for the tier tests (the catalogue loader is
// separate work). Memory in GiB · 2^30; prices in USD per hour.

#include <string>

#include "workload/catalogue.hpp"

namespace capplan::test {

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
        i.source = "SPEC §6";
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
    return cat;
}

} // namespace capplan::test
