#include "common/utf8.hpp"

namespace capplan {

Utf8Sequence next_utf8(std::string_view text) noexcept {
    if (text.empty()) {
        return {};
    }
    const auto byte = [&](std::size_t i) { return static_cast<std::uint8_t>(text[i]); };
    const std::uint8_t b0 = byte(0);
    if (b0 < 0x80) {
        return {b0, 1};
    }
    // The length and the first code-point bits from the lead byte, and the range of the second
    // byte: narrower after E0 (no overlong), ED (no surrogates), F0 (no overlong), F4 (at most
    // U+10FFFF); C0, C1 and F5..FF never lead.
    std::size_t n = 0;
    std::uint32_t cp = 0;
    std::uint8_t lo = 0x80;
    std::uint8_t hi = 0xBF;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        n = 2;
        cp = b0 & 0x1FU;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        n = 3;
        cp = b0 & 0x0FU;
        lo = b0 == 0xE0 ? 0xA0 : 0x80;
        hi = b0 == 0xED ? 0x9F : 0xBF;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        n = 4;
        cp = b0 & 0x07U;
        lo = b0 == 0xF0 ? 0x90 : 0x80;
        hi = b0 == 0xF4 ? 0x8F : 0xBF;
    } else {
        return {};
    }
    if (text.size() < n || byte(1) < lo || byte(1) > hi) {
        return {};
    }
    for (std::size_t i = 1; i < n; ++i) {
        if (byte(i) < 0x80 || byte(i) > 0xBF) {
            return {};
        }
        cp = (cp << 6U) | (byte(i) & 0x3FU);
    }
    return {cp, n};
}

bool is_valid_utf8(std::string_view text) noexcept {
    while (!text.empty()) {
        const std::size_t n = next_utf8(text).length;
        if (n == 0) {
            return false;
        }
        text.remove_prefix(n);
    }
    return true;
}

} // namespace capplan
