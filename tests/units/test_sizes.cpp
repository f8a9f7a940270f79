// Sizes (capplan-workload(5) UNITS: "600KB" is SI 10^3, "2GiB" is IEC 2^10, bits and a bare "64G"
// rejected) and human formatting of sizes and money (capplan(1) table output: "64 GiB",
// "$2,943/mo"). Expected values are the unit definitions (IEC 80000-13: KiB = 2^10 B; SI: KB = 10^3
// B).

#include <catch2/catch.hpp>

#include <cmath>
#include <string>
#include <vector>

#include "units/human.hpp"
#include "units/quantity.hpp"
#include "units/size.hpp"

using namespace capplan::units;
using Catch::Matchers::Contains;
using Catch::Matchers::Equals;
using Catch::Matchers::WithinRel;

TEST_CASE("Sizes: SI and IEC units", "[units][size]") {
    CHECK(parse_size_bytes("600KB") == 600e3);
    CHECK(parse_size_bytes("600kB") == 600e3);
    CHECK(parse_size_bytes("1.5MB") == 1.5e6);
    CHECK(parse_size_bytes("20KB") == 20e3);
    CHECK(parse_size_bytes("2TB") == 2e12);
    CHECK(parse_size_bytes("3PB") == 3e15);
    CHECK(parse_size_bytes("512B") == 512.0);
    CHECK(parse_size_bytes("2GiB") == 2.0 * 1024 * 1024 * 1024);
    CHECK(parse_size_bytes("1KiB") == 1024.0);
    CHECK(parse_size_bytes("1MiB") == 1048576.0);
    CHECK(parse_size_bytes("1TiB") == 1099511627776.0);
    CHECK(parse_size_bytes("1PiB") == 1125899906842624.0);
    CHECK(parse_size_bytes(" 64 GiB ") == 64.0 * 1073741824.0);
    CHECK(parse_size_bytes("1_000B") == 1000.0);
    CHECK(parse_size_bytes("1e3KB") == 1e6);
    CHECK(parse_size_bytes("0B") == 0.0);
    // 13.07 GiB: cache.r7g.large in models/elasticache.toml.
    CHECK_THAT(parse_size_bytes("13.07GiB"), WithinRel(13.07 * 1073741824.0, 1e-15));
}

TEST_CASE("Sizes: bare numbers are bytes only when allowed", "[units][size]") {
    CHECK(parse_size_bytes("80", true) == 80.0);
    CHECK_THROWS_WITH(parse_size_bytes("80"),
                      Equals("size '80' has no unit: write e.g. 80B, 80KB or 80GiB"));
}

TEST_CASE("Sizes: bits, ambiguous prefixes and bad input are rejected", "[units][size]") {
    CHECK_THROWS_WITH(parse_size_bytes("10Gb"),
                      Equals("size '10Gb' is in bits: capplan sizes are bytes; write 10GB "
                             "(divide by 8 for bits)"));
    CHECK_THROWS_WITH(parse_size_bytes("100Mbit"), Contains("write 100MB"));
    CHECK_THROWS_WITH(parse_size_bytes("1kb"), Contains("in bits"));
    CHECK_THROWS_WITH(parse_size_bytes("64G"),
                      Equals("size '64G' is ambiguous: write 64GB (10^9) or 64GiB (2^30)"));
    CHECK_THROWS_WITH(parse_size_bytes("2k"),
                      Equals("size '2k' is ambiguous: write 2KB (10^3) or 2KiB (2^10)"));
    CHECK_THROWS_WITH(parse_size_bytes("5Ti"), Contains("write 5TB (10^12) or 5TiB (2^40)"));
    CHECK_THROWS_WITH(parse_size_bytes("-1KB"), Equals("size '-1KB' is negative"));
    CHECK_THROWS_WITH(parse_size_bytes("1e300PB"), Contains("too large"));
    CHECK_THROWS_WITH(parse_size_bytes("3 parsecs"), Contains("unknown unit 'parsecs'"));
    CHECK_THROWS_AS(parse_size_bytes("nanGB"), UnitError);
    CHECK_THROWS_AS(parse_size_bytes("infGB"), UnitError);
    CHECK_THROWS_AS(parse_size_bytes("GB"), UnitError);
    CHECK_THROWS_AS(parse_size_bytes(""), UnitError);
}

TEST_CASE("Sizes for people", "[units][size][human]") {
    CHECK(human_size(64.0 * 1073741824.0, SizeSystem::iec) == "64 GiB");
    CHECK(human_size(1.5e12, SizeSystem::si) == "1.5 TB");
    CHECK(human_size(0.0, SizeSystem::si) == "0 B");
    CHECK(human_size(512.0, SizeSystem::iec) == "512 B");
    CHECK(human_size(13.07 * 1073741824.0, SizeSystem::iec) == "13.1 GiB");
    CHECK(human_size(999.0, SizeSystem::si) == "999 B");
    CHECK(human_size(999.7, SizeSystem::si) == "1 KB");
    CHECK(human_size(1000.0 * 1048576.0, SizeSystem::iec) == "1000 MiB");
    CHECK(human_size(7e18, SizeSystem::si) == "7000 PB");
    CHECK(human_size(INFINITY, SizeSystem::si) == "unbounded");
}

TEST_CASE("Sizes round-trip through the human form", "[units][size][human]") {
    // Three significant figures: the read-back is within 0.5 % of the original.
    const std::vector<double> values = {1.0,    999.0,  1000.0, 1536.0, 2e6,      1.5e12,
                                        7.3e14, 6.4e10, 3.3e3,  5.2e17, 1.1e9 * 3};
    for (const double x : values) {
        for (const auto system : {SizeSystem::si, SizeSystem::iec}) {
            const std::string text = human_size(x, system);
            INFO(text);
            CHECK_THAT(parse_size_bytes(text), WithinRel(x, 5e-3));
        }
    }
}

TEST_CASE("Money for people", "[units][human][money]") {
    CHECK(human_monthly_cost(2943.0, "USD") == "$2,943/mo"); // the table form of capplan(1)
    CHECK(human_monthly_cost(2943.0, "EUR") == "2,943 EUR/mo");
    CHECK(human_money(2943.4, "USD") == "$2,943");
    CHECK(human_money(1234567.8, "USD") == "$1,234,568");
    CHECK(human_money(12.3, "USD") == "$12.30");
    CHECK(human_money(100.0, "USD") == "$100");
    CHECK(human_money(0.0, "USD") == "$0");
    CHECK(human_money(0.00294, "USD") == "$0.00294");
    CHECK(human_money(-12.5, "USD") == "-$12.50");
    CHECK(human_money(NAN, "USD") == "n/a");
}
