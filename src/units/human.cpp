#include "units/human.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include <fmt/format.h>

namespace capplan::units {
namespace {

// Below this a number for people reads as "< 0.000001" (never an exponent, never a 0).
constexpr double k_smallest_number = 1e-6;

// A number's text with "," between the thousands of its whole part ("-1234.57" → "-1,234.57").
std::string grouped(const std::string& s) {
    const std::size_t first = !s.empty() && s[0] == '-' ? 1 : 0;
    const std::size_t dot = std::min(s.find('.'), s.size());
    std::string out = s.substr(0, first);
    for (std::size_t i = first; i < dot; ++i) {
        out += s[i];
        const std::size_t left = dot - 1 - i;
        if (left > 0 && left % 3 == 0) {
            out += ',';
        }
    }
    return out + s.substr(dot);
}

std::string with_separators(double rounded) {
    return grouped(fmt::format("{:.0f}", rounded == 0.0 ? 0.0 : rounded));
}

// A fixed-notation text without trailing zeros after its point ("1.50" → "1.5", "2.00" → "2").
std::string without_trailing_zeros(std::string s) {
    if (s.find('.') != std::string::npos) {
        while (s.back() == '0') {
            s.pop_back();
        }
        if (s.back() == '.') {
            s.pop_back();
        }
    }
    return s;
}

// `digits` significant figures in fixed notation, trailing zeros dropped ("12.3", "0.05",
// "0.000463", "1"), never an exponent, no separators.
std::string significant(double x, int digits) {
    if (x == 0.0) {
        return "0";
    }
    // The decimals that keep the figures, counted after rounding (so that 9.996 at three
    // gives "10", not "10.0"): the exponent of x in scientific notation at that precision.
    const std::string scientific = fmt::format("{:.{}e}", std::abs(x), digits - 1);
    const std::size_t e = scientific.find('e');
    int magnitude = 0;
    const char* first = scientific.data() + e + 1 + (scientific[e + 1] == '+' ? 1 : 0);
    if (std::from_chars(first, scientific.data() + scientific.size(), magnitude).ec !=
        std::errc()) {
        magnitude = 0;
    }
    return without_trailing_zeros(fmt::format("{:.{}f}", x, std::max(0, digits - 1 - magnitude)));
}

std::string three_significant(double x) {
    return significant(x, 3);
}

// Three significant figures at most, trailing zeros dropped, no separators (so that
// parse_size_bytes reads it back): 1.5, 13.1, 512, 1000.
std::string compact(double x) {
    const int decimals = x < 10.0 ? 2 : (x < 100.0 ? 1 : 0);
    return without_trailing_zeros(fmt::format("{:.{}f}", x, decimals));
}

// |bytes| in the largest unit that keeps the number at least 1 once rounded (to an integer in
// bytes), among the first `units` of the system's: the number and the unit's name.
std::pair<double, std::string_view> scale_bytes(double bytes, SizeSystem system,
                                                std::size_t units) {
    static constexpr std::array<std::string_view, 7> k_si = {"B",  "KB", "MB", "GB",
                                                             "TB", "PB", "EB"};
    static constexpr std::array<std::string_view, 7> k_iec = {"B",   "KiB", "MiB", "GiB",
                                                              "TiB", "PiB", "EiB"};
    const double base = system == SizeSystem::si ? 1e3 : 1024.0;
    double value = std::abs(bytes);
    std::size_t unit = 0;
    while (unit + 1 < units && value >= base - 0.5) {
        value /= base;
        ++unit;
    }
    return {unit == 0 ? std::round(value) : value, (system == SizeSystem::si ? k_si : k_iec)[unit]};
}

} // namespace

std::string human_significant(double x, int digits) {
    if (!std::isfinite(x)) {
        return x > 0 ? "unbounded" : "n/a";
    }
    digits = std::clamp(digits, 1, 15);
    if (std::abs(x) >= std::max(999.5, std::pow(10.0, digits) - 0.5)) {
        return with_separators(std::round(x));
    }
    return grouped(significant(x, digits)); // "1,234.57"
}

std::string exact_number(double x) {
    if (!std::isfinite(x)) {
        return x > 0 ? "inf" : (x < 0 ? "-inf" : "nan");
    }
    if (x == 0.0) {
        return "0";
    }
    std::array<char, 400> buf{};
    const auto r = std::to_chars(buf.data(), buf.data() + buf.size(), x, std::chars_format::fixed);
    return r.ec == std::errc() ? std::string(buf.data(), r.ptr) : fmt::format("{}", x);
}

std::string human_number(double x) {
    if (!std::isfinite(x)) {
        return x > 0 ? "unbounded" : "n/a";
    }
    if (x == 0.0) {
        return "0";
    }
    if (std::abs(x) < k_smallest_number) {
        return x > 0 ? "< 0.000001" : "> -0.000001"; // a 0 only for an exact zero
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
    if (a < 0.5e-9) {
        return s > 0 ? "< 1 ns" : "> -1 ns"; // below the smallest unit's step; 0 only for 0
    }
    if (a < 0.9995e-6) {
        return human_number(s * 1e9) + " ns";
    }
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

std::string human_monthly_cost(double amount, const std::string& currency) {
    return fmt::format("{}/mo", human_money(amount, currency));
}

std::string human_rate(double per_second) {
    return human_number(per_second) + "/s";
}

namespace {

constexpr int k_max_percent_decimals = 10; // twelve significant digits near 100 %

// p with `decimals` decimals.
std::string fixed(double p, int decimals) {
    return fmt::format("{:.{}f}", p, decimals);
}

// The number of decimals of a number's text ("99.99" → 2, "100" → 0).
int decimals_of(const std::string& text) {
    const std::size_t dot = text.find('.');
    return dot == std::string::npos ? 0 : static_cast<int>(text.size() - dot - 1);
}

// p (≠ reference) with the fewest decimals from `least` on that tell it from the reference,
// or nothing when ten do not.
std::optional<std::string> apart(double p, double reference, int least) {
    for (int d = least; d <= k_max_percent_decimals; ++d) {
        std::string text = fixed(p, d);
        if (text != fixed(reference, d)) {
            return text;
        }
    }
    return std::nullopt;
}

} // namespace

std::string human_percent(double fraction) {
    if (!std::isfinite(fraction)) {
        return "n/a";
    }
    const double p = fraction * 100.0;
    if (p == 0.0) {
        return "0 %";
    }
    const std::string text = human_number(p);
    if (p != 100.0 && text == "100") {
        if (const auto told = apart(p, 100.0, 1)) {
            return *told + " %";
        }
        return p < 100.0 ? "> 99.9999999999 %" : "< 100.0000000001 %";
    }
    return text + " %";
}

std::string human_percent_against(double fraction, double target) {
    if (!std::isfinite(fraction) || !std::isfinite(target)) {
        return human_percent(fraction);
    }
    if (fraction == 0.0 || fraction == 1.0) {
        return human_percent(fraction);
    }
    const double p = fraction * 100.0;
    const std::string target_text = human_percent(target);
    const std::string target_number = target_text.substr(0, target_text.size() - 2);
    const int least = std::min(decimals_of(target_number) + 1, k_max_percent_decimals);
    if (fraction == target) {
        return fixed(p, least) + " %";
    }
    if (const auto told = apart(p, target * 100.0, least)) {
        return *told + " %";
    }
    return fmt::format("{} {}", fraction < target ? "<" : ">", target_text);
}

std::string human_size(double bytes, SizeSystem system) {
    if (!std::isfinite(bytes)) {
        return bytes > 0 ? "unbounded" : "n/a";
    }
    const auto [value, unit] = scale_bytes(bytes, system, 6); // parse_size_bytes stops at PB
    return fmt::format("{}{} {}", bytes < 0 ? "-" : "", compact(value), unit);
}

std::string human_bytes(double bytes) {
    if (!std::isfinite(bytes)) {
        return "n/a";
    }
    // human_number, not three_significant: 1000..1023 KiB must not print as "1e+03 KiB".
    const auto [value, unit] = scale_bytes(bytes, SizeSystem::iec, 7);
    return fmt::format("{} {}", human_number(std::copysign(value, bytes)), unit);
}

std::string human_money(double amount, const std::string& currency) {
    if (!std::isfinite(amount)) {
        return "n/a";
    }
    std::string number;
    const double a = std::abs(amount);
    if (a == 0.0) {
        number = "0";
    } else if (a < 1.0) {
        number = three_significant(a);
    } else if (a < 100.0) {
        number = fmt::format("{:.2f}", a);
    } else {
        number = with_separators(std::round(a));
    }
    const std::string sign = amount < 0 ? "-" : "";
    if (currency == "USD") {
        return fmt::format("{}${}", sign, number);
    }
    return fmt::format("{}{} {}", sign, number, currency);
}

std::string counted(const std::string& count, std::string_view noun, std::string_view plural) {
    if (count == "1") {
        return fmt::format("1 {}", noun);
    }
    return plural.empty() ? fmt::format("{} {}s", count, noun)
                          : fmt::format("{} {}", count, plural);
}

std::string counted(std::int64_t count, std::string_view noun, std::string_view plural) {
    return counted(fmt::format("{}", count), noun, plural);
}

std::string users_text(double users, int digits) {
    return counted(human_users(users, digits), "user");
}

int users_digits(const std::vector<double>& users) {
    for (int digits = 3; digits < 15; ++digits) {
        bool apart = true;
        for (std::size_t i = 1; i < users.size() && apart; ++i) {
            apart = users[i] == users[i - 1] ||
                    human_users(users[i], digits) != human_users(users[i - 1], digits);
        }
        if (apart) {
            return digits;
        }
    }
    return 15;
}

std::string human_users(double users, int digits) {
    if (!std::isfinite(users)) {
        return "n/a";
    }
    digits = std::clamp(digits, 3, 15);
    // Each suffix starts where the smaller one would round to 1000 at these digits ("999,999"
    // is "1M", not "1e+03k"); above that the count of billions takes separators ("1,000B" =
    // 10^12).
    const double a = std::abs(users);
    const double rounds_up = 1000.0 - 0.5 * std::pow(10.0, 3 - digits);
    if (a >= rounds_up * 1e6) {
        return human_significant(users / 1e9, digits) + "B";
    }
    if (a >= rounds_up * 1e3) {
        return human_significant(users / 1e6, digits) + "M";
    }
    if (a >= 1e4) {
        return human_significant(users / 1e3, digits) + "k";
    }
    return human_significant(users, digits);
}

} // namespace capplan::units
