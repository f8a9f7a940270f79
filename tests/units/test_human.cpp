// Numbers for people (units/human.hpp) at the edges of their suffixes: a count that rounds to
// 1000 moves to the next suffix, never to an exponent ("1e+03k").

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

#include "units/human.hpp"

using namespace capplan::units;

TEST_CASE("human_users moves to the next suffix where the smaller rounds to 1000", "[human]") {
    CHECK(human_users(1) == "1");
    CHECK(human_users(9999) == "9,999");
    CHECK(human_users(37400) == "37.4k");
    CHECK(human_users(999'499) == "999k");
    CHECK(human_users(999'999) == "1M");
    CHECK(human_users(1.5e6) == "1.5M");
    CHECK(human_users(999'999'999) == "1B");
    CHECK(human_users(2.5e9) == "2.5B");
    CHECK(human_users(1e12) == "1,000B"); // the largest user count capplan plans
    CHECK(human_users(std::numeric_limits<double>::quiet_NaN()) == "n/a");
}

TEST_CASE("human_bytes has no exponent just below the next unit", "[human]") {
    CHECK(human_bytes(1000) == "1,000 B");
    CHECK(human_bytes(1000 * 1024.0) == "1,000 KiB");
    CHECK(human_bytes(1.5 * 1024 * 1024) == "1.5 MiB");
    CHECK(human_bytes(std::pow(1024.0, 7)) == "1,024 EiB");
}

TEST_CASE("A percentage that is not 100 % never prints as 100 %", "[human]") {
    CHECK(human_percent(1.0) == "100 %");
    CHECK(human_percent(0.9997) == "99.97 %");
    // 8.84 s of downtime a month (30.42 days): 1 − 8.84/2,628,000 = 0.99999664; three
    // significant figures would print 100.
    CHECK(human_percent(1.0 - 8.84 / 2'628'000.0) == "99.9997 %");
    CHECK(human_percent(0.999999999) == "99.9999999 %");
    CHECK(human_percent(1.0 - 1e-14) == "> 99.9999999999 %");
    // Above 100 % the % sign stays, and a value just above 100 does not read as it.
    CHECK(human_percent(1.43) == "143 %");
    CHECK(human_percent(1.0002) == "100.02 %");
    CHECK(human_percent(1.0 + 1e-14) == "< 100.0000000001 %");
    CHECK(human_percent(14.3) == "1,430 %");
}

TEST_CASE("A percentage beside its target tells a miss from the target", "[human]") {
    // The case: 99.9899 % against a 99.99 % target printed 99.99 %.
    CHECK(human_percent_against(0.999899, 0.9999) == "99.9899 %");
    // At least one decimal more than the target's text, more only when needed.
    CHECK(human_percent_against(0.99971, 0.9999) == "99.971 %");
    CHECK(human_percent_against(0.99995, 0.9999) == "99.995 %");
    CHECK(human_percent_against(0.9999, 0.9999) == "99.990 %");
    CHECK(human_percent_against(0.95, 0.9) == "95.0 %");
    // Exactly 0 and 1 stay plain; a value past ten decimals of the target reads as a bound.
    CHECK(human_percent_against(1.0, 0.9999) == "100 %");
    CHECK(human_percent_against(0.0, 0.9999) == "0 %");
    CHECK(human_percent_against(0.9999 - 1e-15, 0.9999) == "< 99.99 %");
    CHECK(human_percent_against(0.9999 + 1e-15, 0.9999) == "> 99.99 %");
    // Over random pairs: the texts differ whenever the values do.
    for (int i = 1; i < 2000; ++i) {
        const double target = 1.0 - std::pow(10.0, -(1.0 + (i % 5)));
        const double value = target + (i % 2 == 0 ? 1 : -1) * std::pow(10.0, -2.0 - i % 11);
        const std::string text = human_percent_against(value, target);
        INFO(value << " against " << target << ": " << text);
        CHECK(text != human_percent(target));
        CHECK(text.find('e') == std::string::npos);
    }
}

TEST_CASE("Numbers for people never use an exponent", "[human]") {
    // The messages: 2e+03 GB, 4.63e-05 us, a mean wait of 9.09e-97 us.
    CHECK(human_number(2000.0) == "2,000");
    CHECK(human_number(0.000463) == "0.000463");
    CHECK(human_number(9.996) == "10");
    CHECK(human_number(4e-9) == "< 0.000001");
    CHECK(human_number(-4e-9) == "> -0.000001");
    CHECK(human_duration(4.63e-05 * 1e-6) == "< 1 ns");
    CHECK(human_duration(9.09e-97 * 1e-6) == "< 1 ns");
    CHECK(human_duration(46e-9) == "46 ns");
    CHECK(human_duration(0.0) == "0 s");
    CHECK(human_significant(1234.5678, 6) == "1,234.57");
    CHECK(human_significant(2.26e3, 3) == "2,260");
    CHECK(human_significant(1.51e8, 3) == "151,000,000");
    CHECK(human_significant(1e10, 6) == "10,000,000,000");
    CHECK(human_significant(0.000463, 3) == "0.000463");
    CHECK(exact_number(1e12) == "1000000000000");
    CHECK(exact_number(0.09) == "0.09");
    CHECK(exact_number(1e-5) == "0.00001");
    // Over many magnitudes: no exponent anywhere.
    for (double x = 1e-12; x < 1e15; x *= 3.7) {
        for (const std::string& text :
             {human_number(x), human_duration(x), human_percent(x), human_significant(x, 6),
              human_money(x, "USD"), human_rate(x), exact_number(x)}) {
            INFO(x << ": " << text);
            CHECK(text.find("e+") == std::string::npos);
            CHECK(text.find("e-") == std::string::npos);
        }
    }
}

TEST_CASE("The users column has the digits to tell its points apart", "[human]") {
    // The table printed 544k for both 543,600 and 544,400.
    CHECK(human_users(543'600) == "544k");
    CHECK(users_digits({543'600, 544'400, 1e6}) == 4);
    CHECK(human_users(543'600, 4) == "543.6k");
    CHECK(human_users(544'400, 4) == "544.4k");
    CHECK(users_digits({1, 10, 100, 1e6}) == 3);
    CHECK(users_digits({1'000'001, 1'000'002}) == 7);
    CHECK(human_users(1'000'001, 7) == "1.000001M");
    CHECK(users_digits({5, 5}) == 3); // the same point twice needs nothing more
    // At more digits the suffix still moves where the mantissa would reach 1000.
    CHECK(human_users(999'940, 4) == "999.9k");
    CHECK(human_users(999'960, 4) == "1M");
    CHECK(human_users(999'999, 4) == "1M");
}

TEST_CASE("Counts agree with their nouns", "[human]") {
    CHECK(counted(1, "worker") == "1 worker");
    CHECK(counted(0, "worker") == "0 workers");
    CHECK(counted(2, "data centre") == "2 data centres");
    CHECK(counted(1, "series", "series") == "1 series");
    CHECK(users_text(1) == "1 user");
    CHECK(users_text(1.0001) == "1 user"); // reads as 1
    CHECK(users_text(2) == "2 users");
    CHECK(users_text(37'400) == "37.4k users");
}
