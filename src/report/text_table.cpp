#include "report/text_table.hpp"

#include <algorithm>
#include <cassert>
#include <utility>

namespace capplan::report {
namespace {

std::size_t display_width(const std::string& s) {
    // Count UTF-8 lead bytes (continuation bytes are 10xxxxxx).
    return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0U) != 0x80U;
    }));
}

} // namespace

void TextTable::add_column(std::string header, Align align) {
    m_headers.push_back(std::move(header));
    m_aligns.push_back(align);
}

void TextTable::add_row(std::vector<std::string> cells) {
    assert(cells.size() == m_headers.size());
    m_rows.push_back(std::move(cells));
}

std::string TextTable::render() const {
    std::vector<std::size_t> widths(m_headers.size());
    for (std::size_t c = 0; c < m_headers.size(); ++c) {
        widths[c] = display_width(m_headers[c]);
        for (const auto& row : m_rows) {
            widths[c] = std::max(widths[c], display_width(row[c]));
        }
    }
    auto line = [&](const std::vector<std::string>& cells) {
        std::string out;
        for (std::size_t c = 0; c < cells.size(); ++c) {
            const std::string pad(widths[c] - display_width(cells[c]), ' ');
            if (c > 0) {
                out += "  ";
            }
            out += m_aligns[c] == Align::right ? pad + cells[c] : cells[c] + pad;
        }
        while (!out.empty() && out.back() == ' ') {
            out.pop_back();
        }
        return out + "\n";
    };
    std::string out = line(m_headers);
    for (const auto& row : m_rows) {
        out += line(row);
    }
    return out;
}

} // namespace capplan::report
