#pragma once
// A rectangular table for people that renders as aligned text (TextTable) or as a
// GitHub-flavoured Markdown table. Shared by the plan, check and diff renderings.

#include <string>
#include <vector>

#include "report/text_table.hpp"

namespace capplan::report {

struct Grid {
    std::vector<std::string> headers;
    std::vector<Align> aligns;                  // one per header
    std::vector<std::vector<std::string>> rows; // one cell per header

    // Aligned text (TextTable::render).
    [[nodiscard]] std::string text() const;
    // A GFM table: `|` in cells is escaped as `\|` and line breaks become spaces; cells are
    // otherwise written as given (escape HTML before, where the text is untrusted).
    [[nodiscard]] std::string markdown() const;
};

} // namespace capplan::report
