#include "report/value.hpp"

#include <cmath>

#include <nlohmann/json.hpp>

#include "report/numbers.hpp"

namespace capplan::report {

Value real_or_null(double x) {
    if (!std::isfinite(x)) {
        return std::monostate{};
    }
    return x == 0.0 ? 0.0 : x;
}

std::string machine_text(const Value& v, const std::string& null_text) {
    struct Visitor {
        const std::string& null_text;
        std::string operator()(std::monostate) const { return null_text; }
        std::string operator()(std::int64_t x) const { return format_int(x); }
        std::string operator()(double x) const { return format_real_or(x, null_text); }
        std::string operator()(bool x) const { return x ? "true" : "false"; }
        std::string operator()(const std::string& x) const { return x; }
    };
    return std::visit(Visitor{null_text}, v);
}

nlohmann::ordered_json json_value(const Value& v) {
    struct Visitor {
        nlohmann::ordered_json operator()(std::monostate) const { return nullptr; }
        nlohmann::ordered_json operator()(std::int64_t x) const { return x; }
        nlohmann::ordered_json operator()(double x) const {
            if (!std::isfinite(x)) {
                return nullptr;
            }
            // Integral reals print as integers, as in CSV and --get ("1200", not "1200.0").
            constexpr double k_exact_integers = 9007199254740992.0; // 2^53
            if (std::floor(x) == x && std::abs(x) < k_exact_integers) {
                return static_cast<std::int64_t>(x);
            }
            return x;
        }
        nlohmann::ordered_json operator()(bool x) const { return x; }
        nlohmann::ordered_json operator()(const std::string& x) const { return x; }
    };
    return std::visit(Visitor{}, v);
}

std::optional<double> as_number(const Value& v) {
    if (const auto* i = std::get_if<std::int64_t>(&v)) {
        return static_cast<double>(*i);
    }
    if (const auto* x = std::get_if<double>(&v)) {
        return *x;
    }
    return std::nullopt;
}

bool is_text(const Value& v) {
    return std::holds_alternative<std::string>(v);
}

} // namespace capplan::report
