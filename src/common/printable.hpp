#pragma once
// Making text that came from the user safe to print on one line (capplan(1) DIAGNOSTICS: one line
// each) and to put in JSON (which needs valid UTF-8). File names, flag values and --set arguments
// can hold any bytes; only TOML files are checked for UTF-8 by the parser.

#include <cstddef>
#include <string>
#include <string_view>

namespace capplan {

// text with every control character (U+0000..U+001F, U+007F) written as an escape (`\n`, `\t`,
// `\r`, `\x01`) and every byte that is not part of well-formed UTF-8 as `\xNN`; well-formed
// printable text is returned unchanged. The result is valid UTF-8 without line breaks.
[[nodiscard]] std::string printable(std::string_view text);

// text with every run of non-blank characters longer than max_word shortened to its first
// and last characters around `...` (the run keeps max_word characters in all), so that a
// megabyte-long key or value echoed in a message stays readable. UTF-8 sequences are never
// split. max_word must be at least 16.
[[nodiscard]] std::string shorten_long_words(std::string_view text, std::size_t max_word);

} // namespace capplan
