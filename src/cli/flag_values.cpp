#include "cli/flag_values.hpp"

#include <cmath>

#include <fmt/format.h>

#include "common/errors.hpp"
#include "units/quantity.hpp"

namespace capplan::cli {

std::int64_t parse_whole_flag(const char* flag, const std::string& text, std::int64_t min,
                              std::int64_t max) {
    double x = 0.0;
    bool ok = true;
    try {
        x = units::parse_count(text);
    } catch (const units::UnitError&) {
        ok = false;
    }
    ok = ok && x >= static_cast<double>(min) && x <= static_cast<double>(max) && x == std::floor(x);
    if (!ok) {
        throw UsageError(flag,
                         fmt::format("'{}' is not a whole number from {} to {}", text, min, max));
    }
    return static_cast<std::int64_t>(x);
}

} // namespace capplan::cli
