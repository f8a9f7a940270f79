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
