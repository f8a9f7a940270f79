// Edit distance and did-you-mean suggestions.

#include <catch2/catch.hpp>

#include "common/edit_distance.hpp"

using capplan::closest_match;
using capplan::edit_distance;

TEST_CASE("Levenshtein distance", "[edit_distance]") {
    CHECK(edit_distance("kitten", "sitting", 10) == 3); // the classic example
    CHECK(edit_distance("", "abc", 10) == 3);
    CHECK(edit_distance("same", "same", 10) == 0);
    CHECK(edit_distance("abcdef", "uvwxyz", 2) == 3); // stops early at the bound
}

TEST_CASE("Closest match", "[edit_distance]") {
    const std::vector<std::string> names = {"mean_wait_s", "mean_response_s", "servers"};
    CHECK(closest_match("mean_wiat_s", names) == std::optional<std::string>("mean_wait_s"));
    CHECK(closest_match("sevrers", names) == std::optional<std::string>("servers"));
    CHECK_FALSE(closest_match("throughput", names).has_value());
    // Replacing every character is not a typo: a short word does not suggest another one.
    const std::vector<std::string> keys = {"web", "lb", "db"};
    CHECK_FALSE(closest_match("x", keys).has_value());
    CHECK_FALSE(closest_match("\x01", keys).has_value());
    CHECK(closest_match("lbb", keys) == std::optional<std::string>("lb"));
    CHECK(closest_match("wbe", keys) == std::optional<std::string>("web"));
}
