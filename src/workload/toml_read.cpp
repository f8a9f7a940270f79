#include "workload/toml_read.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

#include "common/edit_distance.hpp"
#include "common/errors.hpp"
#include "units/quantity.hpp"
#include "units/size.hpp"

namespace capplan::workload {
namespace {

bool is_bare_key_char(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-';
}

// A cursor over the text that tracks 1-based line and column (in bytes).
struct Cursor {
    std::string_view text;
    std::size_t at = 0;
    std::uint32_t line = 1;
    std::uint32_t column = 1;

    [[nodiscard]] bool done() const { return at >= text.size(); }
    [[nodiscard]] char peek(std::size_t ahead = 0) const {
        return at + ahead < text.size() ? text[at + ahead] : '\0';
    }
    void advance() {
        if (text[at] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
        ++at;
    }
    // Skips a quoted string starting at the current quote (basic, literal, multi-line).
    void skip_string() {
        const char quote = peek();
        const bool multi_line = peek(1) == quote && peek(2) == quote;
        const bool basic = quote == '"';
        for (int i = 0; i < (multi_line ? 3 : 1); ++i) {
            advance();
        }
        while (!done()) {
            if (basic && peek() == '\\') {
                advance();
                if (!done()) {
                    advance();
                }
                continue;
            }
            if (peek() == quote && (!multi_line || (peek(1) == quote && peek(2) == quote))) {
                for (int i = 0; i < (multi_line ? 3 : 1); ++i) {
                    advance();
                }
                return;
            }
            if (!multi_line && peek() == '\n') {
                return; // unterminated: the parser reports it
            }
            advance();
        }
    }
};

} // namespace

std::vector<std::pair<const toml::key*, const toml::node*>>
in_source_order(const toml::table& table) {
    std::vector<std::pair<const toml::key*, const toml::node*>> out;
    for (const auto& [key, value] : table) {
        out.emplace_back(&key, &value);
    }
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
        const auto& pa = a.first->source().begin;
        const auto& pb = b.first->source().begin;
        return pa.line != pb.line ? pa.line < pb.line : pa.column < pb.column;
    });
    return out;
}

std::string describe_type(const toml::node& node) {
    switch (node.type()) {
    case toml::node_type::table:
        return "a table";
    case toml::node_type::array:
        return "an array";
    case toml::node_type::string:
        return "a string";
    case toml::node_type::integer:
        return "an integer";
    case toml::node_type::floating_point:
        return "a floating-point number";
    case toml::node_type::boolean:
        return "a boolean";
    case toml::node_type::date:
        return "a date";
    case toml::node_type::time:
        return "a time";
    case toml::node_type::date_time:
        return "a date-time";
    case toml::node_type::none:
        break;
    }
    return "nothing";
}

TomlReader::TomlReader(std::string display_name) : m_display_name(std::move(display_name)) {}

void TomlReader::fail(const toml::source_region& where, const std::string& message) const {
    throw InputError(m_display_name, where.begin.line, where.begin.column, message);
}

void TomlReader::fail_at(const toml::node& where, const std::string& message) const {
    fail(where.source(), message);
}

void TomlReader::wrong_type(const toml::node& node, const std::string& what,
                            const std::string& expected) const {
    fail_at(node, what + " must be " + expected + ", not " + describe_type(node));
}

// Counts the parts of every chain `seg . seg . seg` outside comments (a quoted string is one
// segment). Only a dotted key can make a chain of more than two parts (a float has two), so the
// check never refuses a valid value.
void TomlReader::check_dotted_keys(std::string_view text) const {
    Cursor c{text};
    std::size_t parts = 0;
    bool after_dot = false;
    std::uint32_t start_line = 0;
    std::uint32_t start_column = 0;
    const auto segment = [&](std::uint32_t line, std::uint32_t column) {
        if (after_dot && parts > 0) {
            ++parts;
        } else {
            parts = 1;
            start_line = line;
            start_column = column;
        }
        after_dot = false;
        if (parts > k_max_key_parts) {
            throw InputError(m_display_name, start_line, start_column,
                             "key has more than " + std::to_string(k_max_key_parts) +
                                 " dotted parts");
        }
    };
    while (!c.done()) {
        const char ch = c.peek();
        const std::uint32_t line = c.line;
        const std::uint32_t column = c.column;
        if (ch == '#') {
            while (!c.done() && c.peek() != '\n') {
                c.advance();
            }
        } else if (ch == '"' || ch == '\'') {
            c.skip_string();
            segment(line, column);
        } else if (is_bare_key_char(ch)) {
            while (!c.done() && is_bare_key_char(c.peek())) {
                c.advance();
            }
            segment(line, column);
        } else if (ch == '.' && parts > 0 && !after_dot) {
            after_dot = true;
            c.advance();
        } else if (ch == ' ' || ch == '\t') {
            c.advance();
        } else {
            parts = 0;
            after_dot = false;
            c.advance();
        }
    }
}

toml::table TomlReader::parse(std::string_view text) const {
    if (text.size() > k_max_toml_bytes) {
        throw InputError(m_display_name, 0, 0, std::string(k_file_too_large));
    }
    check_dotted_keys(text);
    try {
        return toml::parse(text, std::string_view(m_display_name));
    } catch (const toml::parse_error& e) {
        fail(e.source(), "invalid TOML: " + std::string(e.description()));
    }
}

void TomlReader::check_keys(const toml::table& table, const std::vector<std::string>& allowed,
                            const std::string& context) const {
    for (const auto& [key, value] : in_source_order(table)) {
        const std::string name(key->str());
        bool known = false;
        for (const std::string& a : allowed) {
            known = known || a == name;
        }
        if (!known) {
            std::string message = "unknown key '";
            message.append(name).append("' in ").append(context);
            if (const auto suggestion = closest_match(name, allowed)) {
                message.append("; did you mean '").append(*suggestion).append("'?");
            }
            fail(key->source(), message);
        }
    }
}

double TomlReader::number(const toml::node& node, const std::string& what) const {
    if (const auto* i = node.as_integer()) {
        return static_cast<double>(i->get());
    }
    const auto* f = node.as_floating_point();
    if (f == nullptr) {
        wrong_type(node, what, "a number");
    }
    const double x = f->get();
    if (!std::isfinite(x)) {
        fail_at(node, what + " must be a finite number, not " + (std::isnan(x) ? "nan" : "inf"));
    }
    return x;
}

std::int64_t TomlReader::integer(const toml::node& node, const std::string& what) const {
    const auto* i = node.as_integer();
    if (i == nullptr) {
        wrong_type(node, what, "an integer");
    }
    return i->get();
}

bool TomlReader::boolean(const toml::node& node, const std::string& what) const {
    const auto* b = node.as_boolean();
    if (b == nullptr) {
        wrong_type(node, what, "true or false");
    }
    return b->get();
}

std::string TomlReader::string(const toml::node& node, const std::string& what) const {
    const auto* s = node.as_string();
    if (s == nullptr) {
        wrong_type(node, what, "a string");
    }
    return s->get();
}

double TomlReader::duration_s(const toml::node& node, const std::string& what) const {
    if (const auto* s = node.as_string()) {
        try {
            return units::parse_duration_s(s->get(), false);
        } catch (const units::UnitError& e) {
            fail_at(node, what + ": " + e.what());
        }
    }
    if (!node.is_number()) {
        wrong_type(node, what, "a duration (seconds, or a string such as \"10ms\")");
    }
    return number(node, what);
}

double TomlReader::rate_per_s(const toml::node& node, const std::string& what) const {
    if (const auto* s = node.as_string()) {
        try {
            return units::parse_rate_per_s(s->get(), false);
        } catch (const units::UnitError& e) {
            fail_at(node, what + ": " + e.what());
        }
    }
    if (!node.is_number()) {
        wrong_type(node, what, "a rate (per second, or a string such as \"3/s\")");
    }
    return number(node, what);
}

double TomlReader::size_bytes(const toml::node& node, const std::string& what,
                              bool allow_bare_bytes) const {
    if (const auto* s = node.as_string()) {
        try {
            return units::parse_size_bytes(s->get(), false);
        } catch (const units::UnitError& e) {
            fail_at(node, what + ": " + e.what());
        }
    }
    if (!node.is_number() || !allow_bare_bytes) {
        wrong_type(node, what,
                   allow_bare_bytes ? "a size (bytes, or a string such as \"2GiB\")"
                                    : "a size string such as \"600KB\" or \"2GiB\"");
    }
    const double x = number(node, what);
    if (x < 0.0) {
        fail_at(node, what + " must not be negative");
    }
    return x;
}

double TomlReader::ratio(const toml::node& node, const std::string& what) const {
    double x = 0.0;
    if (const auto* s = node.as_string()) {
        try {
            x = units::parse_ratio(s->get());
        } catch (const units::UnitError& e) {
            fail_at(node, what + ": " + e.what());
        }
    } else if (node.is_number()) {
        x = number(node, what);
    } else {
        wrong_type(node, what, "a probability (a number in [0, 1] or a string such as \"30%\")");
    }
    if (!(x >= 0.0 && x <= 1.0)) {
        fail_at(node, what + " must be between 0 and 1");
    }
    return x;
}

} // namespace capplan::workload
