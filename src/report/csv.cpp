#include "report/csv.hpp"

#include <utility>

namespace capplan::report {
namespace {

bool needs_formula_guard(std::string_view text) {
    if (text.empty()) {
        return false;
    }
    const char c = text.front();
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

std::string guarded(const Cell& cell) {
    if (cell.is_text && needs_formula_guard(cell.text)) {
        return "'" + cell.text;
    }
    return cell.text;
}

std::string csv_field(const std::string& text) {
    if (text.find_first_of(",\"\r\n") == std::string::npos) {
        return text;
    }
    std::string out = "\"";
    for (const char c : text) {
        if (c == '"') {
            out += '"';
        }
        out += c;
    }
    out += '"';
    return out;
}

std::string tsv_field(std::string text) {
    for (char& c : text) {
        if (c == '\t' || c == '\n' || c == '\r') {
            c = ' ';
        }
    }
    return text;
}

} // namespace

Cell text_cell(std::string text) {
    return Cell{std::move(text), true};
}
Cell number_cell(std::string text) {
    return Cell{std::move(text), false};
}

std::string csv_record(const std::vector<Cell>& cells) {
    std::string out;
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (i > 0) {
            out += ',';
        }
        out += csv_field(guarded(cells[i]));
    }
    out += "\r\n";
    return out;
}

std::string tsv_record(const std::vector<Cell>& cells) {
    std::string out;
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (i > 0) {
            out += '\t';
        }
        out += tsv_field(guarded(cells[i]));
    }
    out += '\n';
    return out;
}

} // namespace capplan::report
