#pragma once
// Escaping untrusted text (workload names, budget ids and messages, file names) for each
// output format, so that any text survives every format (capplan(1) capplan check).

#include <string>
#include <string_view>

namespace capplan::report {

// XML 1.0 character data: & < > " ' as entities; characters XML 1.0 does not allow (controls
// other than tab, LF and CR; U+FFFE, U+FFFF; surrogates) are dropped; bytes that are not UTF-8
// become U+FFFD.
[[nodiscard]] std::string xml_text(std::string_view s);

// An XML attribute value (in double quotes): xml_text, and tab, LF and CR as character
// references so attribute normalisation keeps them.
[[nodiscard]] std::string xml_attribute(std::string_view s);

// GitHub workflow command data (after `::`): % CR LF as %25 %0D %0A.
[[nodiscard]] std::string github_data(std::string_view s);

// A GitHub workflow command property value (file=, title=): github_data, and : , as %3A %2C.
[[nodiscard]] std::string github_property(std::string_view s);

// Markdown text that may be untrusted: & < > as HTML entities (no raw HTML, no fake hidden
// marker), a line break as <br>; other control characters dropped. (Grid::markdown escapes
// `|` in table cells.)
[[nodiscard]] std::string markdown_text(std::string_view s);

// Text for a terminal: CRLF becomes LF; other control characters than LF and tab (escape
// sequences, a lone CR) become U+FFFD.
[[nodiscard]] std::string terminal_text(std::string_view s);

} // namespace capplan::report
