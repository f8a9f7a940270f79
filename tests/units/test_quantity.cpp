// Unit parsing and human formatting (capplan(1) capplan queue, capplan-workload(5) UNITS).

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include "units/human.hpp"
#include "units/quantity.hpp"

using namespace capplan::units;
using Catch::Matchers::Contains;
using Catch::Matchers::WithinRel;

TEST_CASE("Counts", "[units]") {
    CHECK(parse_count("250000") == 250000.0);
    CHECK(parse_count("250_000") == 250000.0);
    CHECK(parse_count("250k") == 250000.0);
    CHECK(parse_count("1.5M") == 1500000.0);
    CHECK(parse_count("1e6") == 1e6);
    CHECK(parse_count(" 2B ") == 2e9);
    CHECK(parse_count("0") == 0.0);
    CHECK_THROWS_AS(parse_count("-3"), UnitError);
    CHECK_THROWS_AS(parse_count("nan"), UnitError);
    CHECK_THROWS_AS(parse_count("inf"), UnitError);
    CHECK_THROWS_AS(parse_count("1e400"), UnitError);
    CHECK_THROWS_AS(parse_count("12x"), UnitError);
    CHECK_THROWS_AS(parse_count("_1"), UnitError);
    CHECK_THROWS_AS(parse_count("1__0"), UnitError);
    CHECK_THROWS_AS(parse_count(""), UnitError);
    CHECK_THROWS_WITH(parse_count("3G"), Contains("unknown suffix 'G'"));
}

TEST_CASE("Durations", "[units]") {
    CHECK_THAT(parse_duration_s("100us"), WithinRel(1e-4, 1e-15));
    CHECK_THAT(parse_duration_s("100\u00b5s"), WithinRel(1e-4, 1e-15));
    CHECK(parse_duration_s("15ms") == 0.015);
    CHECK(parse_duration_s("4s") == 4.0);
    CHECK(parse_duration_s("12min") == 720.0);
    CHECK(parse_duration_s("2h") == 7200.0);
    CHECK(parse_duration_s("30d") == 2592000.0);
    CHECK(parse_duration_s("1.5 s") == 1.5);
    CHECK(parse_duration_s("0s") == 0.0);
    CHECK(parse_duration_s("2", true) == 2.0);
    CHECK_THROWS_WITH(parse_duration_s("2"), Contains("has no unit"));
    CHECK_THROWS_WITH(parse_duration_s("-5ms"), Contains("negative"));
    CHECK_THROWS_WITH(parse_duration_s("5 parsecs"), Contains("unknown unit 'parsecs'"));
    CHECK_THROWS_AS(parse_duration_s("ms"), UnitError);
    CHECK_THROWS_AS(parse_duration_s("infs"), UnitError);
}

TEST_CASE("Rates", "[units]") {
    CHECK(parse_rate_per_s("1200/s") == 1200.0);
    CHECK(parse_rate_per_s("1e7/s") == 1e7);
    CHECK(parse_rate_per_s("54k/min") == 900.0);
    CHECK(parse_rate_per_s("36/h") == 0.01);
    CHECK_THAT(parse_rate_per_s("2M/day"), WithinRel(2e6 / 86400.0, 1e-15));
    CHECK_THAT(parse_rate_per_s("100/30min"), WithinRel(100.0 / 1800.0, 1e-15));
    CHECK_THAT(parse_rate_per_s("7/2day"), WithinRel(7.0 / 172800.0, 1e-15));
    CHECK(parse_rate_per_s("5", true) == 5.0);
    CHECK_THROWS_WITH(parse_rate_per_s("5"), Contains("has no unit"));
    CHECK_THROWS_WITH(parse_rate_per_s("5/fortnight"), Contains("unknown unit '/fortnight'"));
    CHECK_THROWS_WITH(parse_rate_per_s("5/0s"), Contains("period is zero"));
    CHECK_THROWS_AS(parse_rate_per_s("-5/s"), UnitError);
    CHECK_THROWS_AS(parse_rate_per_s("x/s"), UnitError);
}

TEST_CASE("Ratios and percentiles", "[units]") {
    CHECK(parse_ratio("0.3") == 0.3);
    CHECK(parse_ratio("30%") == 0.3);
    CHECK(parse_ratio("100%") == 1.0);
    CHECK(parse_ratio("0") == 0.0);
    CHECK_THROWS_WITH(parse_ratio("130%"), Contains("outside 0..1"));
    CHECK_THROWS_AS(parse_ratio("1.2"), UnitError);
    CHECK_THROWS_AS(parse_ratio("30 percent"), UnitError);
    CHECK_THAT(parse_percentile("99.9"), WithinRel(0.999, 1e-15));
    CHECK(parse_percentile("50%") == 0.5);
    CHECK_THROWS_AS(parse_percentile("100"), UnitError);
    CHECK_THROWS_AS(parse_percentile("0"), UnitError);
}

TEST_CASE("Human formatting", "[units]") {
    CHECK(human_number(0.0) == "0");
    CHECK(human_number(12.345) == "12.3");
    CHECK(human_number(1200.0) == "1,200");
    CHECK(human_number(3456789.4) == "3,456,789");
    CHECK(human_number(-2500.0) == "-2,500");
    CHECK(human_duration(0.000250) == "250 us");
    CHECK(human_duration(0.025) == "25 ms");
    CHECK(human_duration(1.5) == "1.5 s");
    CHECK(human_duration(720.0) == "12 min");
    CHECK(human_duration(1e300 * 1e300) == "unbounded");
    CHECK(human_rate(1200.0) == "1,200/s");
    CHECK(human_percent(0.875) == "87.5 %");
    CHECK(human_percent(0.9997) == "99.97 %");
    CHECK(human_percent(1.0) == "100 %");
}

TEST_CASE("Durations and rates round-trip through their human form", "[units]") {
    // A value printed for people and typed back (without the space) parses to within the
    // three significant figures the table keeps.
    for (const double s : {0.000123, 0.0456, 0.5, 2.0, 95.0, 720.0, 9000.0}) {
        std::string text = human_duration(s);
        text.erase(text.find(' '), 1);
        CHECK_THAT(parse_duration_s(text), WithinRel(s, 5e-3));
    }
    for (const double r : {0.35, 12.5, 1200.0, 2.5e6}) {
        std::string text = human_rate(r);
        text.erase(std::remove(text.begin(), text.end(), ','), text.end());
        CHECK_THAT(parse_rate_per_s(text), WithinRel(r, 5e-3));
    }
}
