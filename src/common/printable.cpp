#include "common/printable.hpp"

#include <cstdint>

#include <fmt/format.h>

#include "common/utf8.hpp"

namespace capplan {

std::string printable(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    while (!text.empty()) {
        const char c = text.front();
        const std::size_t n = next_utf8(text).length;
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
