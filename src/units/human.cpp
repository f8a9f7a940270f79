#include "units/human.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include <fmt/format.h>

namespace capplan::units {
namespace {

std::string with_separators(double rounded) {
    std::string digits = fmt::format("{:.0f}", std::abs(rounded));
    std::string out;
    const std::size_t n = digits.size();
    for (std::size_t i = 0; i < n; ++i) {
        out += digits[i];
        const std::size_t left = n - 1 - i;
        if (left > 0 && left % 3 == 0) {
            out += ',';
        }
    }
    return rounded < 0 ? fmt::format("-{}", out) : out;
}

// Three significant figures, trailing zeros dropped ("12.3", "0.05", "1").
std::string three_significant(double x) {
    std::string s = fmt::format("{:.3g}", x);
    if (s.find('e') != std::string::npos) {
        // Very small magnitudes: keep the exponent form, it is rare in tables.
        return s;
    }
    return s;
}

// "$" for USD, "€", "£", "¥" for EUR, GBP, JPY; "CODE " for any other currency.
std::string currency_symbol(std::string_view currency) {
    struct Symbol {
        std::string_view code;
        std::string_view symbol;
    };
    static constexpr std::array<Symbol, 4> k_symbols = {
        {{"USD", "$"}, {"EUR", "\u20ac"}, {"GBP", "\u00a3"}, {"JPY", "\u00a5"}}};
    for (const auto& s : k_symbols) {
        if (s.code == currency) {
            return std::string(s.symbol);
        }
    }
    return fmt::format("{} ", currency);
}

} // namespace

std::string human_number(double x) {
    if (!std::isfinite(x)) {
        return x > 0 ? "unbounded" : "n/a";
    }
    if (x == 0.0) {
        return "0";
    }
    if (std::abs(x) >= 999.5) {
        return with_separators(std::round(x));
    }
    return three_significant(x);
}

std::string human_duration(double s) {
    if (!std::isfinite(s)) {
        return "unbounded";
    }
    if (s == 0.0) {
        return "0 s";
    }
    const double a = std::abs(s);
    if (a < 1e-3) {
        return human_number(s * 1e6) + " us";
    }
    if (a < 1.0) {
        return human_number(s * 1e3) + " ms";
    }
    if (a < 120.0) {
        return human_number(s) + " s";
    }
    if (a < 7200.0) {
        return human_number(s / 60.0) + " min";
    }
    if (a < 3 * 86400.0) {
        return human_number(s / 3600.0) + " h";
    }
    return human_number(s / 86400.0) + " d";
}

std::string human_money(double amount, std::string_view currency) {
    if (!std::isfinite(amount)) {
        return "n/a";
    }
    const std::string symbol = currency_symbol(currency);
    const double a = std::abs(amount);
    std::string digits;
    if (a == 0.0) {
        digits = "0";
    } else if (a >= 99.995) {
        digits = with_separators(std::round(a));
    } else if (a >= 0.9995) {
        digits = fmt::format("{:.2f}", a);
    } else {
        // Three significant figures in fixed notation, trailing zeros dropped.
        const int decimals = std::min(12, 2 - static_cast<int>(std::floor(std::log10(a))));
        digits = fmt::format("{:.{}f}", a, decimals);
        while (digits.back() == '0') {
            digits.pop_back();
        }
    }
    return fmt::format("{}{}{}", amount < 0 ? "-" : "", symbol, digits);
}

std::string human_monthly_cost(double amount, std::string_view currency) {
    return fmt::format("{}/mo", human_money(amount, currency));
}

std::string human_rate(double per_second) {
    return human_number(per_second) + "/s";
}

std::string human_percent(double fraction) {
    if (!std::isfinite(fraction)) {
        return "n/a";
    }
    const double p = fraction * 100.0;
    if (p == 0.0) {
        return "0 %";
    }
    if (std::abs(p) < 0.01) {
        return fmt::format("{:.2g} %", p);
    }
    if (std::abs(p) >= 99.95 && std::abs(p) < 100.0) {
        // Do not round 99.97 % up to a misleading 100 %.
        return fmt::format("{:.4g} %", p);
    }
    return human_number(p) + " %";
}

} // namespace capplan::units
