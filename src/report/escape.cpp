#include "report/escape.hpp"

#include <cstdint>

namespace capplan::report {
namespace {

constexpr std::string_view k_replacement = "\xEF\xBF\xBD"; // U+FFFD

// Decodes one UTF-8 sequence at s[i]; returns the code point and advances i, or returns
// 0xFFFFFFFF and advances one byte for an invalid sequence (overlong, surrogate, > U+10FFFF).
std::uint32_t next_code_point(std::string_view s, std::size_t& i) {
    const auto byte = [&](std::size_t k) { return static_cast<std::uint8_t>(s[k]); };
    const std::uint8_t b0 = byte(i);
    if (b0 < 0x80) {
        ++i;
        return b0;
    }
    std::size_t length = 0;
    std::uint32_t cp = 0;
    if ((b0 & 0xE0U) == 0xC0U) {
        length = 2;
        cp = b0 & 0x1FU;
    } else if ((b0 & 0xF0U) == 0xE0U) {
        length = 3;
        cp = b0 & 0x0FU;
    } else if ((b0 & 0xF8U) == 0xF0U) {
        length = 4;
        cp = b0 & 0x07U;
    } else {
        ++i;
        return 0xFFFFFFFFU;
    }
    if (i + length > s.size()) {
        ++i;
        return 0xFFFFFFFFU;
    }
    for (std::size_t k = 1; k < length; ++k) {
        if ((byte(i + k) & 0xC0U) != 0x80U) {
            ++i;
            return 0xFFFFFFFFU;
        }
        cp = (cp << 6U) | (byte(i + k) & 0x3FU);
    }
    constexpr std::uint32_t k_min_for_length[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < k_min_for_length[length] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        ++i;
        return 0xFFFFFFFFU;
    }
    i += length;
    return cp;
}

bool allowed_in_xml(std::uint32_t cp) {
    if (cp < 0x20) {
        return cp == 0x09 || cp == 0x0A || cp == 0x0D;
    }
    return cp != 0xFFFE && cp != 0xFFFF;
}

std::string xml_escaped(std::string_view s, bool attribute) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t start = i;
        const std::uint32_t cp = next_code_point(s, i);
        if (cp == 0xFFFFFFFFU) {
            out += k_replacement;
            continue;
        }
        if (!allowed_in_xml(cp)) {
            continue;
        }
        switch (cp) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&apos;";
            break;
        case '\t':
            out += attribute ? "&#9;" : "\t";
            break;
        case '\n':
            out += attribute ? "&#10;" : "\n";
            break;
        case '\r':
            out += "&#13;"; // a raw CR would be normalised away even in text
            break;
        default:
            out.append(s.substr(start, i - start));
        }
    }
    return out;
}

} // namespace

std::string xml_text(std::string_view s) {
    return xml_escaped(s, false);
}

std::string xml_attribute(std::string_view s) {
    return xml_escaped(s, true);
}

std::string github_data(std::string_view s) {
    std::string out;
    for (const char c : s) {
        if (c == '%') {
            out += "%25";
        } else if (c == '\r') {
            out += "%0D";
        } else if (c == '\n') {
            out += "%0A";
        } else {
            out += c;
        }
    }
    return out;
}

std::string github_property(std::string_view s) {
    std::string out;
    for (const char c : github_data(s)) {
        if (c == ':') {
            out += "%3A";
        } else if (c == ',') {
            out += "%2C";
        } else {
            out += c;
        }
    }
    return out;
}

std::string markdown_text(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '&') {
            out += "&amp;";
        } else if (c == '<') {
            out += "&lt;";
        } else if (c == '>') {
            out += "&gt;";
        } else if (c == '\n') {
            out += "<br>";
        } else if (c == '\r') {
            if (i + 1 == s.size() || s[i + 1] != '\n') {
                out += "<br>";
            }
        } else if (static_cast<unsigned char>(c) < 0x20 && c != '\t') {
            continue;
        } else {
            out += c;
        }
    }
    return out;
}

std::string terminal_text(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        const auto u = static_cast<unsigned char>(c);
        if (c == '\r' && i + 1 < s.size() && s[i + 1] == '\n') {
            continue; // CRLF is a line break
        }
        if ((u < 0x20 && c != '\n' && c != '\t') || u == 0x7F) {
            out += k_replacement;
        } else {
            out += c;
        }
    }
    return out;
}

} // namespace capplan::report
