#include "report/grid.hpp"

#include <fmt/format.h>

namespace capplan::report {

std::string Grid::text() const {
    TextTable t;
    for (std::size_t i = 0; i < headers.size(); ++i) {
        t.add_column(headers[i], aligns[i]);
    }
    for (const auto& r : rows) {
        t.add_row(r);
    }
    return t.render();
}

std::string Grid::markdown() const {
    auto escape = [](const std::string& cell) {
        std::string out;
        for (const char c : cell) {
            if (c == '|') {
                out += "\\|";
            } else if (c == '\n' || c == '\r') {
                out += ' ';
            } else {
                out += c;
            }
        }
        return out;
    };
    std::string out = "|";
    for (const auto& h : headers) {
        out += fmt::format(" {} |", escape(h));
    }
    out += "\n|";
    for (const Align a : aligns) {
        out += a == Align::right ? "---:|" : "---|";
    }
    out += "\n";
    for (const auto& r : rows) {
        out += "|";
        for (const auto& cell : r) {
            out += fmt::format(" {} |", escape(cell));
        }
        out += "\n";
    }
    return out;
}

} // namespace capplan::report
