#include "units/quantity.hpp"

#include <array>
#include <cmath>
#include <string>

#include <fmt/format.h>

#include "units/number_text.hpp"

namespace capplan::units {
namespace {

using detail::split_number;
using detail::trim;

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

double checked(double value, std::string_view text, const char* what) {
    if (!std::isfinite(value)) {
        throw UnitError(fmt::format("{} '{}' is too large", what, text));
    }
    if (value < 0.0) {
        throw UnitError(fmt::format("{} '{}' is negative", what, text));
    }
    return value;
}

// A unit (or suffix) and the factor that takes its number to the base unit.
struct UnitScale {
    std::string_view name;
    double factor;
};

constexpr std::array<UnitScale, 4> k_count_suffixes = {
    {{"", 1.0}, {"k", 1e3}, {"M", 1e6}, {"B", 1e9}}};
constexpr std::array<UnitScale, 9> k_duration_units = {{{"ns", 1e-9},
                                                        {"us", 1e-6},
                                                        {"\u00b5s", 1e-6},
                                                        {"\u03bcs", 1e-6},
                                                        {"ms", 1e-3},
                                                        {"s", 1.0},
                                                        {"min", 60.0},
                                                        {"h", 3600.0},
                                                        {"d", 86400.0}}};
constexpr std::array<UnitScale, 5> k_rate_periods = {
    {{"s", 1.0}, {"min", 60.0}, {"h", 3600.0}, {"day", 86400.0}, {"d", 86400.0}}};

// The factor of `unit` in the table, or -1 when it is not there.
template <std::size_t N>
double factor_of(std::string_view unit, const std::array<UnitScale, N>& table) {
    for (const auto& u : table) {
        if (u.name == unit) {
            return u.factor;
        }
    }
    return -1.0;
}

double count_multiplier(std::string_view suffix) {
    return factor_of(suffix, k_count_suffixes);
}

double duration_multiplier(std::string_view unit) {
    return factor_of(unit, k_duration_units);
}

double rate_divisor(std::string_view unit) {
    return factor_of(unit, k_rate_periods);
}

} // namespace

double parse_count(std::string_view text_in) {
    const std::string_view text = trim(text_in);
    double value = 0.0;
    std::string_view rest;
    if (!split_number(text, value, rest)) {
        throw UnitError(fmt::format("invalid count '{}': expected a number such as 250000, "
                                    "250_000, 250k, 1.5M or 1e6",
                                    text));
    }
    const double multiplier = count_multiplier(rest);
    if (multiplier < 0.0) {
        throw UnitError(
            fmt::format("invalid count '{}': unknown suffix '{}' (use k, M or B)", text, rest));
    }
    return checked(
        detail::scale_decimal(text.substr(0, text.size() - rest.size()), value, multiplier), text,
        "count");
}

double parse_duration_s(std::string_view text_in, bool allow_bare_seconds) {
    const std::string_view text = trim(text_in);
    double value = 0.0;
    std::string_view unit;
    if (!split_number(text, value, unit)) {
        throw UnitError(fmt::format(
            "invalid duration '{}': expected a number and a unit (us, ms, s, min, h, d), "
            "e.g. 15ms",
            text));
    }
    if (unit.empty()) {
        if (!allow_bare_seconds) {
            throw UnitError(
                fmt::format("duration '{}' has no unit: write e.g. {}ms or {}s", text, text, text));
        }
        return checked(value, text, "duration");
    }
    const double multiplier = duration_multiplier(unit);
    if (multiplier < 0.0) {
        throw UnitError(fmt::format("invalid duration '{}': unknown unit '{}' (use us, ms, s, "
                                    "min, h or d)",
                                    text, unit));
    }
    return checked(
        detail::scale_decimal(text.substr(0, text.size() - unit.size()), value, multiplier), text,
        "duration");
}

double parse_rate_per_s(std::string_view text_in, bool allow_bare_per_s) {
    const std::string_view text = trim(text_in);
    const std::size_t slash = text.find('/');
    if (slash == std::string_view::npos) {
        if (!allow_bare_per_s) {
            throw UnitError(fmt::format("rate '{}' has no unit: write e.g. {}/s, {}/min or {}/h",
                                        text, text, text, text));
        }
        return parse_count(text);
    }
    const std::string_view count_text = trim(text.substr(0, slash));
    const std::string_view unit = trim(text.substr(slash + 1));
    double count = 0.0;
    try {
        count = parse_count(count_text);
    } catch (const UnitError&) {
        throw UnitError(fmt::format("invalid rate '{}': expected a count and a unit, e.g. "
                                    "1200/s, 54k/min or 2M/day",
                                    text));
    }
    double divisor = rate_divisor(unit);
    if (divisor < 0.0 && !unit.empty() && (is_digit(unit.front()) || unit.front() == '.')) {
        // A multiple of a unit: "100/30min", "5/10s".
        const std::string as_duration = unit.size() > 3 && unit.substr(unit.size() - 3) == "day"
                                            ? std::string(unit.substr(0, unit.size() - 3)) + "d"
                                            : std::string(unit);
        try {
            divisor = parse_duration_s(as_duration);
        } catch (const UnitError&) {
            divisor = -1.0;
        }
        if (divisor == 0.0) {
            throw UnitError(fmt::format("invalid rate '{}': the period is zero", text));
        }
    }
    if (divisor < 0.0) {
        throw UnitError(fmt::format(
            "invalid rate '{}': unknown unit '/{}' (use /s, /min, /h or /day, optionally with a "
            "count: /30min)",
            text, unit));
    }
    return checked(count / divisor, text, "rate");
}

double parse_ratio(std::string_view text_in) {
    const std::string_view text = trim(text_in);
    double value = 0.0;
    std::string_view rest;
    if (!split_number(text, value, rest) || !(rest.empty() || rest == "%")) {
        throw UnitError(
            fmt::format("invalid ratio '{}': expected a fraction such as 0.3 or a percentage "
                        "such as 30%",
                        text));
    }
    if (rest == "%") {
        value = detail::scale_decimal(text.substr(0, text.size() - 1), value, 0.01);
    }
    if (!std::isfinite(value) || value < 0.0 || value > 1.0) {
        throw UnitError(fmt::format("ratio '{}' is outside 0..1 (0%..100%)", text));
    }
    return value;
}

double parse_percentile(std::string_view text_in) {
    const std::string_view text = trim(text_in);
    double value = 0.0;
    std::string_view rest;
    if (!split_number(text, value, rest) || !(rest.empty() || rest == "%")) {
        throw UnitError(
            fmt::format("invalid percentile '{}': expected a percentage such as 99 or 99.9", text));
    }
    if (!std::isfinite(value) || !(value > 0.0) || !(value < 100.0)) {
        throw UnitError(fmt::format("percentile '{}' must be strictly between 0 and 100", text));
    }
    return value / 100.0;
}

} // namespace capplan::units
