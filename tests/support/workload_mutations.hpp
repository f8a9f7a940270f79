#pragma once
// Deterministic mutations of a workload file's text for the malformed-input test: each
// operator makes one kind of mistake a person (or a broken generator) makes, at a line chosen
// by a seeded generator. `must_fail` says whether every mutant of that kind is invalid (so the
// test can demand exit 2 rather than merely "exit 2 or a clean plan").

#include <algorithm>
#include <array>
#include <cstddef>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace capplan::test {

enum class Mutation {
    delete_line,      // a key or a table header disappears
    duplicate_key,    // a `key = value` line repeated
    wrong_type,       // the value becomes a string, boolean, array, table, date or time
    negative,         // a minus sign before the number (inside the quotes of a unit string)
    zero,             // the value becomes 0
    nan,              // nan, +nan or -nan
    inf,              // inf, +inf or -inf
    huge,             // 1e300, bare or as a string
    empty_string,     // ""
    unit_typo,        // a letter appended inside a string value ("15msx", "30%x")
    key_typo,         // a letter appended to the key
    truncate,         // the file cut at a random byte
    garbage_bytes,    // random bytes inserted at a random place
    invalid_utf8,     // a byte sequence that is not UTF-8 inserted at a random place
    control_char,     // a control character inside a value
    break_header,     // a table header loses its closing bracket
    header_typo,      // a table header names an unknown table
    duplicate_header, // a table header repeated at the end of the file
    deep_nesting,     // the value becomes 300 nested arrays
    long_key,         // the key becomes 20,000 characters long
    dotted_key,       // the key becomes 100 dotted parts
    long_value,       // the value becomes a 100,000-character string
};

inline constexpr std::array<Mutation, 22> k_all_mutations = {
    Mutation::delete_line,   Mutation::duplicate_key, Mutation::wrong_type,
    Mutation::negative,      Mutation::zero,          Mutation::nan,
    Mutation::inf,           Mutation::huge,          Mutation::empty_string,
    Mutation::unit_typo,     Mutation::key_typo,      Mutation::truncate,
    Mutation::garbage_bytes, Mutation::invalid_utf8,  Mutation::control_char,
    Mutation::break_header,  Mutation::header_typo,   Mutation::duplicate_header,
    Mutation::deep_nesting,  Mutation::long_key,      Mutation::dotted_key,
    Mutation::long_value};

inline const char* mutation_name(Mutation m) {
    constexpr std::array<const char*, k_all_mutations.size()> names = {
        "delete_line",   "duplicate_key", "wrong_type",
        "negative",      "zero",          "nan",
        "inf",           "huge",          "empty_string",
        "unit_typo",     "key_typo",      "truncate",
        "garbage_bytes", "invalid_utf8",  "control_char",
        "break_header",  "header_typo",   "duplicate_header",
        "deep_nesting",  "long_key",      "dotted_key",
        "long_value"};
    return names.at(static_cast<std::size_t>(m));
}

// Whether every mutant of this kind is an invalid workload.
inline bool must_fail(Mutation m) {
    switch (m) {
    case Mutation::duplicate_key:
    case Mutation::nan:
    case Mutation::inf:
    case Mutation::key_typo:
    case Mutation::invalid_utf8:
    case Mutation::control_char:
    case Mutation::break_header:
    case Mutation::header_typo:
    case Mutation::duplicate_header:
    case Mutation::deep_nesting:
    case Mutation::long_key:
    case Mutation::dotted_key:
    case Mutation::long_value:
        return true;
    default:
        return false;
    }
}

// A `key = value` line: byte offsets of the key and of the value (without a trailing comment).
struct Assignment {
    std::size_t line_begin = 0;
    std::size_t line_end = 0; // at the '\n' (or the end of the text)
    std::size_t key_begin = 0;
    std::size_t key_end = 0;
    std::size_t value_begin = 0;
    std::size_t value_end = 0;
};

// Single-bracket table headers ("[web]"): offsets of the line.
struct Header {
    std::size_t line_begin = 0;
    std::size_t line_end = 0;
};

struct Lines {
    std::vector<Assignment> assignments;
    std::vector<Header> headers;
};

inline Lines scan_lines(const std::string& text) {
    Lines out;
    std::size_t begin = 0;
    while (begin < text.size()) {
        std::size_t end = text.find('\n', begin);
        end = end == std::string::npos ? text.size() : end;
        const std::string_view line(text.data() + begin, end - begin);
        const std::size_t first = line.find_first_not_of(" \t");
        if (first != std::string_view::npos && line[first] == '[' &&
            line.substr(first, 2) != "[[") {
            out.headers.push_back({begin, end});
        } else if (first != std::string_view::npos && line[first] != '#' && line[first] != '[') {
            const std::size_t eq = line.find('=');
            if (eq != std::string_view::npos) {
                Assignment a;
                a.line_begin = begin;
                a.line_end = end;
                a.key_begin = begin + first;
                a.key_end = begin + line.find_last_not_of(" \t", eq - 1) + 1;
                const std::size_t v = line.find_first_not_of(" \t", eq + 1);
                a.value_begin = begin + (v == std::string_view::npos ? line.size() : v);
                // The value ends at a '#' outside quotes, trailing blanks dropped.
                bool quoted = false;
                std::size_t stop = line.size();
                for (std::size_t i = a.value_begin - begin; i < line.size(); ++i) {
                    if (line[i] == '"') {
                        quoted = !quoted;
                    } else if (line[i] == '#' && !quoted) {
                        stop = i;
                        break;
                    }
                }
                while (stop > a.value_begin - begin &&
                       (line[stop - 1] == ' ' || line[stop - 1] == '\t')) {
                    --stop;
                }
                a.value_end = begin + stop;
                out.assignments.push_back(a);
            }
        }
        begin = end + 1;
    }
    return out;
}

// `text` with one mutation of kind `m` at a place drawn from rng.
inline std::string mutate(const std::string& text, Mutation m, std::mt19937_64& rng) {
    const Lines lines = scan_lines(text);
    const auto pick = [&](std::size_t n) {
        return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng);
    };
    const Assignment& a = lines.assignments.at(pick(lines.assignments.size()));
    const Header& h = lines.headers.at(pick(lines.headers.size()));
    const std::string value = text.substr(a.value_begin, a.value_end - a.value_begin);
    const auto with_value = [&](const std::string& v) {
        return text.substr(0, a.value_begin) + v + text.substr(a.value_end);
    };
    const auto with_key = [&](const std::string& k) {
        return text.substr(0, a.key_begin) + k + text.substr(a.key_end);
    };
    const auto insert_at = [&](std::size_t at, const std::string& bytes) {
        return text.substr(0, at) + bytes + text.substr(at);
    };
    const auto one_of = [&](std::initializer_list<const char*> options) {
        return std::string(*(options.begin() + static_cast<std::ptrdiff_t>(pick(options.size()))));
    };
    const bool is_string = !value.empty() && value.front() == '"';
    switch (m) {
    case Mutation::delete_line: {
        const bool header = pick(4) == 0;
        const std::size_t b = header ? h.line_begin : a.line_begin;
        const std::size_t e = header ? h.line_end : a.line_end;
        return text.substr(0, b) + text.substr(std::min(e + 1, text.size()));
    }
    case Mutation::duplicate_key:
        return insert_at(
            a.line_end, std::string(1, '\n').append(text, a.line_begin, a.line_end - a.line_begin));
    case Mutation::wrong_type:
        return with_value(
            one_of({"\"text\"", "true", "[1, 2]", "{ a = 1 }", "1979-05-27", "07:32:00"}));
    case Mutation::negative:
        return is_string ? with_value("\"-" + value.substr(1)) : with_value("-" + value);
    case Mutation::zero:
        return with_value(one_of({"0", "0.0", "\"0\""}));
    case Mutation::nan:
        return with_value(one_of({"nan", "+nan", "-nan"}));
    case Mutation::inf:
        return with_value(one_of({"inf", "+inf", "-inf"}));
    case Mutation::huge:
        return with_value(
            one_of({"1e300", "\"1e300\"", "\"1e300ms\"", "\"1e300GB\"", "9223372036854775807"}));
    case Mutation::empty_string:
        return with_value("\"\"");
    case Mutation::unit_typo:
        return is_string && value.size() >= 2
                   ? with_value(value.substr(0, value.size() - 1) + one_of({"x", "s", "/"}) + "\"")
                   : with_value(value + "x");
    case Mutation::key_typo:
        return with_key(text.substr(a.key_begin, a.key_end - a.key_begin) + "x");
    case Mutation::truncate:
        return text.substr(0, pick(text.size()));
    case Mutation::garbage_bytes: {
        std::string bytes(1 + pick(16), '\0');
        for (char& c : bytes) {
            c = static_cast<char>(pick(256));
        }
        return insert_at(pick(text.size() + 1), bytes);
    }
    case Mutation::invalid_utf8:
        return insert_at(pick(text.size() + 1),
                         one_of({"\xff", "\xc3", "\xed\xa0\x80", "\xc0\xaf"}));
    case Mutation::control_char:
        return insert_at(a.value_begin + (value.size() > 1 ? 1 : 0),
                         one_of({"\x01", "\x7f", "\x1b[31m"}));
    case Mutation::break_header: {
        const std::size_t close = text.rfind(']', h.line_end);
        return text.substr(0, close) + text.substr(close + 1);
    }
    case Mutation::header_typo:
        return insert_at(text.rfind(']', h.line_end), "x");
    case Mutation::duplicate_header:
        return text + "\n" + text.substr(h.line_begin, h.line_end - h.line_begin) + "\n";
    case Mutation::deep_nesting:
        return with_value(std::string(300, '[') + std::string(300, ']'));
    case Mutation::long_key:
        return with_key(std::string(20000, 'k'));
    case Mutation::dotted_key: {
        std::string key = "a";
        for (int i = 1; i < 100; ++i) {
            key += ".a";
        }
        return with_key(key);
    }
    case Mutation::long_value:
        return with_value(std::string(1, '"').append(100000, 'x').append(1, '"'));
    }
    return text;
}

} // namespace capplan::test
