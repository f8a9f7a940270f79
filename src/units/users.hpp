#pragma once
// User counts and the user grid (docs/models.md#users, capplan-workload(5) USER COUNTS): one count
// ("250000", "250k", "1.5M", "1e6"), a list ("1,10,100") or a log range ("1..1M") expanded on a
// grid of per_decade points per decade.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace capplan::units {

// Every user count lies in [k_min_users, k_max_users]; a grid has 1..k_max_per_decade points
// per decade; a plan has at most k_max_user_points points.
inline constexpr double k_min_users = 1.0;
inline constexpr double k_max_users = 1e12;
inline constexpr int k_max_per_decade = 100;
inline constexpr std::size_t k_max_user_points = 10000;

// A parsed user specification: explicit points (one count or a list, ascending, without
// duplicates) or a range from..to (from ≤ to).
struct UserSpec {
    std::vector<double> points;
    std::optional<double> range_from;
    std::optional<double> range_to;
};

// Parses "250k", "1,10,100" (sorted, duplicates dropped) or "1..1M". Counts use parse_count;
// each must lie in [1, 10^12] and a list holds at most 10,000 points. Throws UnitError naming
// the bad part.
[[nodiscard]] UserSpec parse_users(std::string_view text);

// One count in [1, 10^12] as parse_users reads it ("250k"); throws UnitError otherwise.
[[nodiscard]] double parse_user_count(std::string_view text);

// The i-th point of the grid with n points per decade (i may be negative): n = 1 → 1, 10, 100;
// n = 2 → 1, 3, 10, 30; n = 3 → 1, 2, 5, 10, 20, 50; other n → 10^(i/n) rounded to three
// significant figures (1, 1.26, 1.58, ... for n = 10). The result is the double nearest to the
// decimal value. n must be in [1, 100].
[[nodiscard]] double grid_value(int index, int per_decade);

// The log range from..to: from, then every grid point strictly between, then to (endpoints
// exact; from == to gives one point). Throws UnitError when per_decade is outside [1, 100],
// an endpoint outside [1, 10^12], from > to, or the grid would exceed 10,000 points.
[[nodiscard]] std::vector<double> user_grid(double from, double to, int per_decade);

// The points of a spec: its explicit points, or user_grid over its range.
[[nodiscard]] std::vector<double> user_points(const UserSpec& spec, int per_decade);

// A count in the shortest form parse_count reads back to the same double: "1", "3.16",
// "37.4k", "1.5M", "2B"; falls back to plain digits ("37400.000000000004") when a suffix form
// would not read back exactly.
[[nodiscard]] std::string format_users(double users);

} // namespace capplan::units
