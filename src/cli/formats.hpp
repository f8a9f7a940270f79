#pragma once
// A command's table of output formats: one row per format, its -f name and its renderer, the
// default first. The table drives the -f help (through the command's *_formats() of
// commands.hpp), the error for an unknown format and the dispatch, so a new format is one row
// and one renderer (ARCHITECTURE.md, checklist "A new format").

#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "common/errors.hpp"

namespace capplan::cli {

// One row of a command's table: the -f name and the renderer, a function of type Render
// (e.g. `std::string(const report::PlanDiff&)`). A command whose rows need more says so in a
// struct of its own with the same `name` and `render`.
template <class Render>
struct Format {
    std::string_view name;
    Render* render;
};

// "a, b, c" with `last` before the last name instead (", " or " or ": "a, b or c").
[[nodiscard]] inline std::string join_names(const std::vector<std::string>& names,
                                            std::string_view last) {
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i > 0) {
            out += i + 1 == names.size() ? last : std::string_view(", ");
        }
        out += names[i];
    }
    return out;
}

// The names of the rows of a table (any array of rows with a `name`), in order.
template <class Table>
[[nodiscard]] std::vector<std::string> format_names(const Table& table) {
    std::vector<std::string> names;
    for (const auto& row : table) {
        names.emplace_back(row.name);
    }
    return names;
}

// The row called `given`, the first row (the default) when `given` is empty. Any other name
// throws UsageError("--format", "unknown format 'GIVEN' for COMMAND (use A, B or C)").
template <class Table>
[[nodiscard]] const auto& find_format(const Table& table, const std::string& given,
                                      std::string_view command) {
    for (const auto& row : table) {
        if (given.empty() || given == row.name) {
            return row;
        }
    }
    throw UsageError("--format", fmt::format("unknown format '{}' for {} (use {})", given, command,
                                             join_names(format_names(table), " or ")));
}

} // namespace capplan::cli
