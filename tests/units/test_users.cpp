// User counts and the user grid (docs/models.md#users: "250000", "250k", "1.5M", "1e6", a list
// "1,10,100", a log range "1..1M"; grid rules per_decade 1 → 1, 10, 100; 2 → 1, 3, 10, 30;
// 3 → 1, 2, 5, 10, 20; other N → 10^(i/N) to 3 significant figures; endpoints exact; users ≤
// 10^12, per_decade ≤ 100, at most 10,000 points). Expected values are those rules.

#include <catch2/catch.hpp>

#include <cmath>
#include <string>
#include <vector>

#include "units/quantity.hpp"
#include "units/users.hpp"

using namespace capplan::units;
using Catch::Matchers::Contains;
using Catch::Matchers::Equals;
using Catch::Matchers::WithinRel;

TEST_CASE("Users: one count", "[units][users]") {
    for (const char* text : {"250000", "250_000", "250k"}) {
        const UserSpec spec = parse_users(text);
        CHECK(spec.points == std::vector<double>{250000.0});
        CHECK_FALSE(spec.range_from);
    }
    CHECK(parse_users("1.5M").points == std::vector<double>{1.5e6});
    CHECK(parse_users("1e6").points == std::vector<double>{1e6});
    CHECK(parse_users("1e12").points == std::vector<double>{1e12});
    CHECK(parse_users("2.5").points == std::vector<double>{2.5});
}

TEST_CASE("Users: a list is sorted and deduplicated", "[units][users]") {
    CHECK(parse_users("1,10,100").points == std::vector<double>{1.0, 10.0, 100.0});
    CHECK(parse_users("100, 1k ,10,10").points == std::vector<double>{10.0, 100.0, 1000.0});
    CHECK_THROWS_WITH(parse_users("1,,10"), Equals("user list '1,,10' has an empty entry"));
    CHECK_THROWS_WITH(parse_users("1,"), Contains("empty entry"));
}

TEST_CASE("Users: a range", "[units][users]") {
    const UserSpec spec = parse_users("1..1M");
    REQUIRE(spec.range_from);
    CHECK(*spec.range_from == 1.0);
    CHECK(*spec.range_to == 1e6);
    CHECK(spec.points.empty());
    CHECK(user_points(spec, 1) == std::vector<double>{1.0, 10.0, 100.0, 1e3, 1e4, 1e5, 1e6});
    CHECK_THROWS_WITH(parse_users("1M..1k"),
                      Equals("user range '1M..1k' runs downwards: write 1k..1M"));
}

TEST_CASE("Users: limits", "[units][users]") {
    CHECK_THROWS_WITH(parse_users("2e12"), Equals("user count '2e12' is above the limit of 10^12"));
    CHECK_THROWS_WITH(parse_users("0"), Equals("user count '0' is below 1"));
    CHECK_THROWS_WITH(parse_users("0.5"), Contains("below 1"));
    CHECK_THROWS_WITH(parse_users("-5"), Contains("invalid user count '-5'"));
    CHECK_THROWS_WITH(parse_users("12x"), Contains("invalid user count '12x'"));
    CHECK_THROWS_AS(parse_users("nan"), UnitError);
    CHECK_THROWS_AS(parse_users("inf"), UnitError);
    CHECK_THROWS_AS(parse_users(""), UnitError);
    CHECK_THROWS_WITH(user_grid(1, 10, 0), Equals("per_decade 0 is outside 1..100"));
    CHECK_THROWS_WITH(user_grid(1, 10, 101), Equals("per_decade 101 is outside 1..100"));
    CHECK_THROWS_AS(user_grid(0.5, 10, 1), UnitError);
    CHECK_THROWS_AS(user_grid(1, 2e12, 1), UnitError);
    CHECK_THROWS_AS(user_grid(10, 1, 1), UnitError);
    // The list limit: 10,000 points are fine, 10,001 are not.
    std::string list = "1";
    for (int i = 2; i <= 10000; ++i) {
        list += ',';
        list += std::to_string(i);
    }
    CHECK(parse_users(list).points.size() == 10000);
    list += ",10001";
    CHECK_THROWS_WITH(parse_users(list), Contains("more than 10000 points"));
}

TEST_CASE("Grid: the coarse series", "[units][users][grid]") {
    CHECK(user_grid(1, 1000, 1) == std::vector<double>{1, 10, 100, 1000});
    CHECK(user_grid(1, 1000, 2) == std::vector<double>{1, 3, 10, 30, 100, 300, 1000});
    CHECK(user_grid(1, 100, 3) == std::vector<double>{1, 2, 5, 10, 20, 50, 100});
}

TEST_CASE("Grid: finer series round 10^(i/N) to three significant figures",
          "[units][users][grid]") {
    // 10^(i/10) for i = 0..10: 1, 1.2589, 1.5849, 1.9953, 2.5119, 3.1623, 3.9811, 5.0119,
    // 6.3096, 7.9433, 10.
    CHECK(user_grid(1, 10, 10) ==
          std::vector<double>{1, 1.26, 1.58, 2, 2.51, 3.16, 3.98, 5.01, 6.31, 7.94, 10});
    // 10^(1/4) = 1.7783, 10^(1/2) = 3.1623, 10^(3/4) = 5.6234.
    CHECK(user_grid(100, 1000, 4) == std::vector<double>{100, 178, 316, 562, 1000});
    CHECK(grid_value(1, 5) == 1.58); // 10^0.2 = 1.5849
    CHECK(grid_value(-1, 3) == 0.5);
    CHECK(grid_value(-2, 2) == 0.1);
    CHECK(grid_value(25, 2) == 3e12);
    CHECK(grid_value(99, 100) == 9.77); // 10^0.99 = 9.7724
}

TEST_CASE("Grid: endpoints are exact", "[units][users][grid]") {
    CHECK(user_grid(250, 1e6, 1) == std::vector<double>{250, 1e3, 1e4, 1e5, 1e6});
    CHECK(user_grid(3, 30, 2) == std::vector<double>{3, 10, 30});
    CHECK(user_grid(2.5, 37400, 1) == std::vector<double>{2.5, 10, 100, 1000, 10000, 37400});
    CHECK(user_grid(7, 7, 3) == std::vector<double>{7});
    CHECK(user_grid(1, 1.5, 1) == std::vector<double>{1, 1.5});
}

TEST_CASE("Grid: size and monotonicity over the whole range", "[units][users][grid]") {
    for (const int n : {1, 2, 3, 4, 7, 10, 33, 100}) {
        const std::vector<double> grid = user_grid(1, 1e12, n);
        INFO(n);
        CHECK(grid.size() == static_cast<std::size_t>(12 * n + 1));
        CHECK(grid.front() == 1.0);
        CHECK(grid.back() == 1e12);
        for (std::size_t i = 1; i < grid.size(); ++i) {
            CHECK(grid[i] > grid[i - 1]);
        }
    }
}

TEST_CASE("Users format back to what parse_count reads", "[units][users]") {
    CHECK(format_users(250000) == "250k");
    CHECK(format_users(1.5e6) == "1.5M");
    CHECK(format_users(37400) == "37.4k");
    CHECK(format_users(2e9) == "2B");
    CHECK(format_users(1) == "1");
    CHECK(format_users(3.16) == "3.16");
    for (const double x : user_grid(1, 1e12, 100)) {
        CHECK(parse_count(format_users(x)) == x);
    }
    for (const double x : {123456789.0, 37400.000000000004, 1e12, 999.5}) {
        CHECK(parse_count(format_users(x)) == x);
    }
}
