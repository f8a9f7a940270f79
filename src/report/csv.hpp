#pragma once
// RFC 4180 CSV and TSV records (capplan(1) DESCRIPTION): CSV fields containing `,` `"` CR or LF are
// quoted with `"` doubled, records end in CRLF; TSV replaces tabs and line breaks in cells with
// spaces and ends records in LF. Text cells that begin with `=`, `+`, `-`, `@`, tab or CR are
// prefixed with `'` so a spreadsheet does not run them as formulas (numbers are never guarded).

#include <string>
#include <string_view>
#include <vector>

namespace capplan::report {

// One cell: its text and whether it is text (guarded) or a number (written as is).
struct Cell {
    std::string text;
    bool is_text = false;
};

[[nodiscard]] Cell text_cell(std::string text);
[[nodiscard]] Cell number_cell(std::string text);

// One CSV record, CRLF-terminated.
[[nodiscard]] std::string csv_record(const std::vector<Cell>& cells);

// One TSV record, LF-terminated.
[[nodiscard]] std::string tsv_record(const std::vector<Cell>& cells);

} // namespace capplan::report
