#pragma once
// Well-formed UTF-8 (RFC 3629; the Unicode standard, table 3-7): one decoder for every place
// that must tell text from bytes (diagnostics, --set values, XML and terminal output).

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace capplan {

// One UTF-8 sequence: its code point and its length in bytes (1..4); length 0 means the bytes
// do not begin a well-formed sequence (a stray continuation byte, an overlong form, a
// surrogate, a code point above U+10FFFF, or a sequence cut short).
struct Utf8Sequence {
    std::uint32_t code_point = 0;
    std::size_t length = 0;
};

// The sequence at the start of text; {0, 0} for empty text.
[[nodiscard]] Utf8Sequence next_utf8(std::string_view text) noexcept;

// True when all of text is well-formed UTF-8.
[[nodiscard]] bool is_valid_utf8(std::string_view text) noexcept;

} // namespace capplan
