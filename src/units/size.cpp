#include "units/size.hpp"

#include <array>
#include <cmath>
#include <string>

#include <fmt/format.h>

#include "units/number_text.hpp"
#include "units/quantity.hpp"

namespace capplan::units {
namespace {

struct SizeUnit {
    std::string_view name;
    double factor;
};

constexpr double k_kib = 1024.0;

// Byte units: SI powers of 10^3 and IEC powers of 2^10. "kB" is the SI spelling of "KB".
constexpr std::array<SizeUnit, 12> k_size_units = {{{"B", 1.0},
                                                    {"KB", 1e3},
                                                    {"kB", 1e3},
                                                    {"MB", 1e6},
                                                    {"GB", 1e9},
                                                    {"TB", 1e12},
                                                    {"PB", 1e15},
                                                    {"KiB", k_kib},
                                                    {"MiB", k_kib* k_kib},
                                                    {"GiB", k_kib* k_kib* k_kib},
                                                    {"TiB", k_kib* k_kib* k_kib* k_kib},
                                                    {"PiB", k_kib* k_kib* k_kib* k_kib* k_kib}}};

double size_factor(std::string_view unit) {
    for (const auto& u : k_size_units) {
        if (u.name == unit) {
            return u.factor;
        }
    }
    return -1.0;
}

bool is_prefix_letter(char c) {
    return c == 'K' || c == 'k' || c == 'M' || c == 'G' || c == 'T' || c == 'P';
}

char upper(char c) {
    return c == 'k' ? 'K' : c;
}

// A unit that counts bits: "b", "Kb", "Gbit", "Mibit", "bits".
bool is_bit_unit(std::string_view unit) {
    if (unit.find("bit") != std::string_view::npos) {
        return true;
    }
    return !unit.empty() && unit.back() == 'b' && unit.size() <= 3;
}

// The byte unit a bit unit was probably meant as ("Gb" → "GB", "Mibit" → "MiB").
std::string byte_spelling(std::string_view unit) {
    std::string out;
    for (const char c : unit.substr(0, unit.find('b'))) {
        out += c;
    }
    if (!out.empty()) {
        out[0] = upper(out[0]);
    }
    return out + "B";
}

} // namespace

double parse_size_bytes(std::string_view text_in, bool allow_bare_bytes) {
    const std::string_view text = detail::trim(text_in);
    double value = 0.0;
    std::string_view unit;
    if (!detail::split_number(text, value, unit)) {
        throw UnitError(fmt::format("invalid size '{}': expected a number and a unit such as "
                                    "600KB or 2GiB",
                                    text));
    }
    double factor = 1.0;
    if (unit.empty()) {
        if (!allow_bare_bytes) {
            throw UnitError(fmt::format("size '{}' has no unit: write e.g. {}B, {}KB or {}GiB",
                                        text, text, text, text));
        }
    } else {
        factor = size_factor(unit);
    }
    if (factor < 0.0) {
        const std::string_view number = text.substr(0, text.size() - unit.size());
        const std::string_view digits = detail::trim(number);
        if (is_bit_unit(unit)) {
            throw UnitError(fmt::format("size '{}' is in bits: capplan sizes are bytes; write "
                                        "{}{} (divide by 8 for bits)",
                                        text, digits, byte_spelling(unit)));
        }
        if ((unit.size() == 1 && is_prefix_letter(unit[0])) ||
            (unit.size() == 2 && is_prefix_letter(unit[0]) && unit[1] == 'i')) {
            const char prefix = upper(unit[0]);
            const auto power = std::string_view("KMGTP").find(prefix) + 1;
            throw UnitError(fmt::format("size '{}' is ambiguous: write {}{}B (10^{}) or {}{}iB "
                                        "(2^{})",
                                        text, digits, prefix, 3 * power, digits, prefix,
                                        10 * power));
        }
        throw UnitError(fmt::format("invalid size '{}': unknown unit '{}' (use B, KB, MB, GB, "
                                    "TB, PB or KiB, MiB, GiB, TiB, PiB)",
                                    text, unit));
    }
    const double bytes =
        detail::scale_decimal(text.substr(0, text.size() - unit.size()), value, factor);
    if (!std::isfinite(bytes)) {
        throw UnitError(fmt::format("size '{}' is too large", text));
    }
    if (bytes < 0.0) {
        throw UnitError(fmt::format("size '{}' is negative", text));
    }
    return bytes;
}

} // namespace capplan::units
