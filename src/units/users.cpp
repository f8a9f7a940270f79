#include "units/users.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>

#include <fmt/format.h>

#include "units/number_text.hpp"
#include "units/quantity.hpp"

namespace capplan::units {
namespace {

// m·10^e as the double nearest to that decimal: 10^|e| is exact up to 10^22 and one
// multiplication or division rounds once.
double scaled(double mantissa, int exponent) {
    double power = 1.0;
    for (int i = 0; i < std::abs(exponent); ++i) {
        power *= 10.0;
    }
    return exponent >= 0 ? mantissa * power : mantissa / power;
}

std::string shortest(double x) {
    std::array<char, 32> buf{};
    const auto end = std::to_chars(buf.data(), buf.data() + buf.size(), x).ptr;
    return std::string(buf.data(), end);
}

} // namespace

double parse_user_count(std::string_view text_in) {
    const std::string_view text = detail::trim(text_in);
    double users = 0.0;
    try {
        users = parse_count(text);
    } catch (const UnitError&) {
        throw UnitError(fmt::format("invalid user count '{}': expected e.g. 250000, 250k, 1.5M "
                                    "or 1e6",
                                    text));
    }
    if (users < k_min_users) {
        throw UnitError(fmt::format("user count '{}' is below 1", text));
    }
    if (users > k_max_users) {
        throw UnitError(fmt::format("user count '{}' is above the limit of 10^12", text));
    }
    return users;
}

UserSpec parse_users(std::string_view text_in) {
    const std::string_view text = detail::trim(text_in);
    UserSpec spec;
    if (const std::size_t dots = text.find(".."); dots != std::string_view::npos) {
        if (detail::trim(text.substr(0, dots)).empty() ||
            detail::trim(text.substr(dots + 2)).empty()) {
            throw UnitError(fmt::format("user range '{}' needs both ends, e.g. 1..1M", text));
        }
        const double from = parse_user_count(text.substr(0, dots));
        const double to = parse_user_count(text.substr(dots + 2));
        if (from > to) {
            throw UnitError(fmt::format("user range '{}' runs downwards: write {}..{}", text,
                                        detail::trim(text.substr(dots + 2)),
                                        detail::trim(text.substr(0, dots))));
        }
        spec.range_from = from;
        spec.range_to = to;
        return spec;
    }
    std::size_t start = 0;
    while (true) {
        const std::size_t comma = text.find(',', start);
        const std::string_view item = text.substr(start, comma - start);
        if (detail::trim(item).empty()) {
            throw UnitError(fmt::format("user list '{}' has an empty entry", text));
        }
        spec.points.push_back(parse_user_count(item));
        if (spec.points.size() > k_max_user_points) {
            throw UnitError(fmt::format("user list has more than {} points", k_max_user_points));
        }
        if (comma == std::string_view::npos) {
            break;
        }
        start = comma + 1;
    }
    std::sort(spec.points.begin(), spec.points.end());
    spec.points.erase(std::unique(spec.points.begin(), spec.points.end()), spec.points.end());
    return spec;
}

double grid_value(int index, int per_decade) {
    const int decade = index >= 0 ? index / per_decade : -((-index + per_decade - 1) / per_decade);
    const int step = index - decade * per_decade;
    // The 1-2-5 and 1-3 series people expect for coarse grids; 3 significant figures otherwise.
    static constexpr std::array<double, 2> k_two = {1.0, 3.0};
    static constexpr std::array<double, 3> k_three = {1.0, 2.0, 5.0};
    switch (per_decade) {
    case 1:
        return scaled(1.0, decade);
    case 2:
        return scaled(k_two.at(static_cast<std::size_t>(step)), decade);
    case 3:
        return scaled(k_three.at(static_cast<std::size_t>(step)), decade);
    default:
        break;
    }
    const double hundredths =
        std::round(100.0 * std::pow(10.0, static_cast<double>(step) / per_decade));
    return scaled(hundredths, decade - 2);
}

std::vector<double> user_grid(double from, double to, int per_decade) {
    if (per_decade < 1 || per_decade > k_max_per_decade) {
        throw UnitError(
            fmt::format("per_decade {} is outside 1..{}", per_decade, k_max_per_decade));
    }
    if (!(from >= k_min_users && to <= k_max_users)) {
        throw UnitError(fmt::format("user range {}..{} is outside 1..10^12", format_users(from),
                                    format_users(to)));
    }
    if (from > to) {
        throw UnitError(
            fmt::format("user range {}..{} runs downwards", format_users(from), format_users(to)));
    }
    std::vector<double> points{from};
    // Start one step below from's grid position: the rounding of grid values may place the
    // first point above from slightly below floor(log10(from)·n).
    int index = static_cast<int>(std::floor(std::log10(from) * per_decade)) - 1;
    for (double g = grid_value(index, per_decade); g < to; g = grid_value(++index, per_decade)) {
        if (g > from) {
            points.push_back(g);
        }
        if (points.size() >= k_max_user_points) {
            throw UnitError(
                fmt::format("the user grid has more than {} points", k_max_user_points));
        }
    }
    if (to > from) {
        points.push_back(to);
    }
    return points;
}

std::vector<double> user_points(const UserSpec& spec, int per_decade) {
    if (spec.range_from && spec.range_to) {
        return user_grid(*spec.range_from, *spec.range_to, per_decade);
    }
    return spec.points;
}

std::string format_users(double users) {
    struct Suffix {
        double factor;
        const char* name;
    };
    static constexpr std::array<Suffix, 3> k_suffixes = {{{1e9, "B"}, {1e6, "M"}, {1e3, "k"}}};
    if (!std::isfinite(users)) {
        return "n/a";
    }
    for (const auto& s : k_suffixes) {
        if (users >= s.factor) {
            std::string candidate = shortest(users / s.factor) + s.name;
            if (parse_count(candidate) == users) {
                return candidate;
            }
            break;
        }
    }
    return shortest(users);
}

} // namespace capplan::units
