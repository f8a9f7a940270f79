#pragma once
// A plain-text table for people: a header row, aligned columns separated by two spaces,
// numbers right-aligned. Pure: returns the text, prints nothing.

#include <string>
#include <vector>

namespace capplan::report {

enum class Align { left, right };

class TextTable {
public:
    // Adds a column; cells of this column are aligned as given (the header follows the cells).
    void add_column(std::string header, Align align);
    // Adds a row; it must have one cell per column.
    void add_row(std::vector<std::string> cells);
    // The table, each line ending in '\n', trailing spaces trimmed. Widths count UTF-8 code
    // points, so `μ` or `≥` occupy one column.
    [[nodiscard]] std::string render() const;

private:
    std::vector<std::string> m_headers;
    std::vector<Align> m_aligns;
    std::vector<std::vector<std::string>> m_rows;
};

} // namespace capplan::report
