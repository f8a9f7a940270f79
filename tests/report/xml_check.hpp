#pragma once
// A small XML 1.0 well-formedness checker for the tests (no XML library is a dependency):
// one root element, nested tags that match, quoted and unique attributes, only the five
// predefined entities and character references, no raw `<` or `&` in text or attributes,
// valid UTF-8 and only the characters XML 1.0 allows. It returns the element tree with
// decoded text and attributes, or throws std::runtime_error naming the offset of the problem.

#include <cstdint>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace capplan::test {

struct XmlElement {
    std::string name;
    std::map<std::string, std::string> attributes; // decoded
    std::vector<XmlElement> children;
    std::string text; // decoded character data directly inside, concatenated

    // Every descendant (and this element) with this name, in document order.
    void collect(const std::string& wanted, std::vector<const XmlElement*>& out) const {
        if (name == wanted) {
            out.push_back(this);
        }
        for (const auto& c : children) {
            c.collect(wanted, out);
        }
    }
};

class XmlChecker {
public:
    explicit XmlChecker(std::string_view text) : m_s(text) {}

    XmlElement parse() {
        if (m_s.substr(0, 5) == "<?xml") {
            const auto end = m_s.find("?>");
            if (end == std::string_view::npos) {
                fail("unterminated XML declaration");
            }
            m_i = end + 2;
        }
        skip_space();
        XmlElement root = element();
        skip_space();
        if (m_i != m_s.size()) {
            fail("content after the root element");
        }
        return root;
    }

private:
    [[noreturn]] void fail(const std::string& what) const {
        throw std::runtime_error("XML not well-formed at byte " + std::to_string(m_i) + ": " +
                                 what);
    }

    void skip_space() {
        while (m_i < m_s.size() &&
               (m_s[m_i] == ' ' || m_s[m_i] == '\t' || m_s[m_i] == '\n' || m_s[m_i] == '\r')) {
            ++m_i;
        }
    }

    static bool name_char(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '-' || c == '_' || c == '.' || c == ':';
    }

    std::string name() {
        const std::size_t start = m_i;
        while (m_i < m_s.size() && name_char(m_s[m_i])) {
            ++m_i;
        }
        if (m_i == start) {
            fail("expected a name");
        }
        return std::string(m_s.substr(start, m_i - start));
    }

    // One UTF-8 character at m_i, checked against the XML 1.0 Char production; appended.
    void character(std::string& out) {
        const auto b0 = static_cast<std::uint8_t>(m_s[m_i]);
        std::size_t length = b0 < 0x80               ? 1
                             : (b0 & 0xE0U) == 0xC0U ? 2
                             : (b0 & 0xF0U) == 0xE0U ? 3
                             : (b0 & 0xF8U) == 0xF0U ? 4
                                                     : 0;
        if (length == 0 || m_i + length > m_s.size()) {
            fail("invalid UTF-8");
        }
        std::uint32_t cp = length == 1 ? b0 : b0 & (0xFFU >> (length + 1));
        for (std::size_t k = 1; k < length; ++k) {
            const auto b = static_cast<std::uint8_t>(m_s[m_i + k]);
            if ((b & 0xC0U) != 0x80U) {
                fail("invalid UTF-8");
            }
            cp = (cp << 6U) | (b & 0x3FU);
        }
        const bool allowed = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) ||
                             (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
        if (!allowed) {
            fail("character not allowed in XML 1.0");
        }
        out.append(m_s.substr(m_i, length));
        m_i += length;
    }

    void reference(std::string& out) {
        const auto end = m_s.find(';', m_i);
        if (end == std::string_view::npos) {
            fail("unterminated reference");
        }
        const std::string_view ref = m_s.substr(m_i + 1, end - m_i - 1);
        static const std::map<std::string_view, char> named = {
            {"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''}};
        if (const auto it = named.find(ref); it != named.end()) {
            out += it->second;
        } else if (ref.size() > 1 && ref[0] == '#') {
            const bool hex = ref[1] == 'x';
            const std::string digits(ref.substr(hex ? 2 : 1));
            if (digits.empty() ||
                digits.find_first_not_of(hex ? "0123456789abcdefABCDEF" : "0123456789") !=
                    std::string::npos) {
                fail("bad character reference");
            }
            const unsigned long cp = std::stoul(digits, nullptr, hex ? 16 : 10);
            if (cp != 0x9 && cp != 0xA && cp != 0xD && (cp < 0x20 || cp > 0x7F)) {
                fail("character reference outside the cases this checker decodes");
            }
            out += static_cast<char>(cp);
        } else {
            fail("unknown entity '" + std::string(ref) + "'");
        }
        m_i = end + 1;
    }

    std::string attribute_value() {
        if (m_i >= m_s.size() || (m_s[m_i] != '"' && m_s[m_i] != '\'')) {
            fail("attribute value must be quoted");
        }
        const char quote = m_s[m_i++];
        std::string out;
        while (m_i < m_s.size() && m_s[m_i] != quote) {
            if (m_s[m_i] == '<') {
                fail("raw '<' in an attribute value");
            }
            if (m_s[m_i] == '&') {
                reference(out);
            } else {
                character(out);
            }
        }
        if (m_i >= m_s.size()) {
            fail("unterminated attribute value");
        }
        ++m_i;
        return out;
    }

    XmlElement element() {
        if (m_i >= m_s.size() || m_s[m_i] != '<') {
            fail("expected '<'");
        }
        ++m_i;
        XmlElement e;
        e.name = name();
        for (;;) {
            skip_space();
            if (m_s.substr(m_i, 2) == "/>") {
                m_i += 2;
                return e;
            }
            if (m_i < m_s.size() && m_s[m_i] == '>') {
                ++m_i;
                break;
            }
            const std::string key = name();
            skip_space();
            if (m_i >= m_s.size() || m_s[m_i] != '=') {
                fail("expected '=' after an attribute name");
            }
            ++m_i;
            skip_space();
            if (!e.attributes.emplace(key, attribute_value()).second) {
                fail("duplicate attribute '" + key + "'");
            }
        }
        for (;;) {
            if (m_i >= m_s.size()) {
                fail("unterminated element <" + e.name + ">");
            }
            if (m_s.substr(m_i, 2) == "</") {
                m_i += 2;
                if (name() != e.name) {
                    fail("mismatched end tag of <" + e.name + ">");
                }
                skip_space();
                if (m_i >= m_s.size() || m_s[m_i] != '>') {
                    fail("expected '>'");
                }
                ++m_i;
                return e;
            }
            if (m_s[m_i] == '<') {
                e.children.push_back(element());
            } else if (m_s[m_i] == '&') {
                reference(e.text);
            } else if (m_s.substr(m_i, 3) == "]]>") {
                fail("']]>' in text");
            } else {
                character(e.text);
            }
        }
    }

    std::string_view m_s;
    std::size_t m_i = 0;
};

// Parses `text` as XML 1.0; throws std::runtime_error when it is not well-formed.
inline XmlElement parse_xml(std::string_view text) {
    return XmlChecker(text).parse();
}

} // namespace capplan::test
