// Machine number format (capplan(1) DESCRIPTION).

#include <catch2/catch.hpp>

#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>
#include <random>
#include <string>

#include <nlohmann/json.hpp>

#include "report/numbers.hpp"
#include "report/value.hpp"

using namespace capplan::report;

TEST_CASE("Shortest round-trip reals", "[numbers]") {
    CHECK(format_real(0.1) == "0.1");
    CHECK(format_real(0.1 + 0.2) == "0.30000000000000004");
    CHECK(format_real(3.0) == "3");
    CHECK(format_real(-0.0) == "0");
    CHECK(format_real(1e-5) == "1e-05");
    CHECK(format_real(1e300) == "1e+300");
    // Whole values below 2^53 print as integers, never with an exponent.
    CHECK(format_real(1e5) == "100000");
    CHECK(format_real(-3e7) == "-30000000");
    CHECK(format_real(9007199254740991.0) == "9007199254740991");
    // From 2^53 on a whole double need not be the integer people wrote: the shortest form.
    CHECK(format_real(1e16) == "1e+16");
    CHECK(format_real(100000.5) == "100000.5");
    CHECK(format_real_or(std::nan(""), "null") == "null");
    CHECK(format_real_or(std::numeric_limits<double>::infinity(), "") == "");
    CHECK(format_int(-42) == "-42");
}

TEST_CASE("Every printed real reads back to the same double", "[numbers]") {
    std::mt19937_64 rng(7);
    std::uniform_int_distribution<std::uint64_t> bits;
    int checked = 0;
    while (checked < 20000) {
        const std::uint64_t b = bits(rng);
        double x = 0.0;
        std::memcpy(&x, &b, sizeof x);
        if (!std::isfinite(x)) {
            continue;
        }
        const std::string s = format_real(x);
        double back = 0.0;
        std::from_chars(s.data(), s.data() + s.size(), back);
        CHECK((back == x || (x == 0.0 && back == 0.0)));
        CHECK(s.find("nan") == std::string::npos);
        CHECK(s != "-0");
        ++checked;
    }
}

TEST_CASE("JSON values: null for non-finite, integers for integral reals", "[numbers]") {
    CHECK(json_value(real_or_null(std::nan(""))).is_null());
    CHECK(json_value(Value{std::numeric_limits<double>::infinity()}).is_null());
    CHECK(json_value(Value{-0.0}).dump() == "0");
    CHECK(json_value(Value{1200.0}).dump() == "1200");
    CHECK(json_value(Value{0.025}).dump() == "0.025");
    CHECK(json_value(Value{1e300}).dump() == "1e+300");
    CHECK(machine_text(Value{true}, "") == "true");
    CHECK(machine_text(Value{}, "null") == "null");
}
