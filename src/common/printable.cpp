#include "common/printable.hpp"

#include <cstdint>

#include <fmt/format.h>

namespace capplan {
namespace {

// The length of the well-formed UTF-8 sequence at the start of text, or 0 when its first byte
// does not begin one (RFC 3629, table 3-7 of the Unicode standard).
std::size_t utf8_sequence(std::string_view text) noexcept {
    const auto byte = [&](std::size_t i) { return static_cast<std::uint8_t>(text[i]); };
    const std::uint8_t b0 = byte(0);
    if (b0 < 0x80) {
        return 1;
    }
    std::size_t n = 0;
    std::uint8_t lo = 0x80;
    std::uint8_t hi = 0xBF;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        n = 2;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        n = 3;
        lo = b0 == 0xE0 ? 0xA0 : 0x80; // no overlong forms
        hi = b0 == 0xED ? 0x9F : 0xBF; // no surrogates
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        n = 4;
        lo = b0 == 0xF0 ? 0x90 : 0x80; // no overlong forms
        hi = b0 == 0xF4 ? 0x8F : 0xBF; // at most U+10FFFF
    } else {
        return 0;
    }
    if (text.size() < n || byte(1) < lo || byte(1) > hi) {
        return 0;
    }
    for (std::size_t i = 2; i < n; ++i) {
        if (byte(i) < 0x80 || byte(i) > 0xBF) {
            return 0;
        }
    }
    return n;
}

} // namespace

bool is_valid_utf8(std::string_view text) noexcept {
    while (!text.empty()) {
        const std::size_t n = utf8_sequence(text);
        if (n == 0) {
            return false;
        }
        text.remove_prefix(n);
    }
    return true;
}

std::string printable(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    while (!text.empty()) {
        const char c = text.front();
        const std::size_t n = utf8_sequence(text);
        if (n > 1) {
            out.append(text.substr(0, n));
            text.remove_prefix(n);
            continue;
        }
        text.remove_prefix(1);
        if (n == 1 && c >= ' ' && c != '\x7f') {
            out += c;
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\t') {
            out += "\\t";
        } else if (c == '\r') {
            out += "\\r";
        } else {
            out += fmt::format("\\x{:02x}", static_cast<std::uint8_t>(c));
        }
    }
    return out;
}

std::string shorten_long_words(std::string_view text, std::size_t max_word) {
    constexpr std::string_view k_ellipsis = "...";
    const std::size_t tail = max_word / 4;
    const std::size_t head = max_word - tail - k_ellipsis.size();
    // Moves a cut point back to the start of the UTF-8 sequence it falls in.
    const auto boundary = [&](std::size_t at) {
        while (at > 0 && (static_cast<std::uint8_t>(text[at]) & 0xC0) == 0x80) {
            --at;
        }
        return at;
    };
    std::string out;
    std::size_t i = 0;
    while (i < text.size()) {
        if (text[i] == ' ') {
            out += ' ';
            ++i;
            continue;
        }
        std::size_t end = text.find(' ', i);
        end = end == std::string_view::npos ? text.size() : end;
        if (end - i <= max_word) {
            out.append(text.substr(i, end - i));
        } else {
            const std::size_t head_end = boundary(i + head);
            const std::size_t tail_start = boundary(end - tail);
            out.append(text.substr(i, head_end - i));
            out.append(k_ellipsis);
            out.append(text.substr(tail_start, end - tail_start));
        }
        i = end;
    }
    return out;
}

} // namespace capplan
