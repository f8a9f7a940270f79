#include "report/escape.hpp"

#include <cstdint>

#include "common/utf8.hpp"

namespace capplan::report {
namespace {

constexpr std::string_view k_replacement = "\xEF\xBF\xBD"; // U+FFFD

// Decodes one UTF-8 sequence at s[i]; returns the code point and advances i, or returns
// 0xFFFFFFFF and advances one byte for an invalid sequence (overlong, surrogate, > U+10FFFF).
std::uint32_t next_code_point(std::string_view s, std::size_t& i) {
    const Utf8Sequence sequence = next_utf8(s.substr(i));
    if (sequence.length == 0) {
        ++i;
        return 0xFFFFFFFFU;
    }
    i += sequence.length;
    return sequence.code_point;
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
