// The tables of formats (cli/formats.hpp): one row per -f format drives the help list, the
// error for an unknown format and the dispatch.

#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "cli/commands.hpp"
#include "cli/formats.hpp"
#include "common/errors.hpp"

using capplan::UsageError;
using capplan::cli::find_format;
using capplan::cli::join_names;
using Names = std::vector<std::string>;

namespace {

struct Row {
    std::string_view name;
    int id;
};

const Row k_rows[] = {{"table", 1}, {"json", 2}, {"csv", 3}};

std::string error_of(const std::string& given) {
    try {
        (void)find_format(k_rows, given, "queue");
    } catch (const UsageError& e) {
        return e.diagnostic();
    }
    return "no error";
}

} // namespace

TEST_CASE("join_names lists names as the help and the errors write them", "[formats]") {
    CHECK(join_names({}, " or ").empty());
    CHECK(join_names({"table"}, " or ") == "table");
    CHECK(join_names({"table", "json"}, " or ") == "table or json");
    CHECK(join_names({"table", "json", "csv"}, " or ") == "table, json or csv");
    CHECK(join_names({"table", "json", "csv"}, ", ") == "table, json, csv");
}

TEST_CASE("find_format picks the named row, the first when none is named", "[formats]") {
    CHECK(find_format(k_rows, "", "queue").id == 1);
    CHECK(find_format(k_rows, "json", "queue").id == 2);
    CHECK(find_format(k_rows, "csv", "queue").id == 3);
    // The line capplan(1) DIAGNOSTICS shows for a bad flag value; names are case-sensitive.
    CHECK(error_of("xml") ==
          "capplan: --format: error: unknown format 'xml' for queue (use table, json or csv)");
    CHECK(error_of("JSON") ==
          "capplan: --format: error: unknown format 'JSON' for queue (use table, json or csv)");
}

TEST_CASE("Every command lists its formats with table, the default, first", "[formats]") {
    // The -f lists of capplan(1) OPTIONS, in the order the help text gives them.
    CHECK(capplan::cli::plan_formats() == Names{"table", "json", "csv", "tsv", "markdown"});
    CHECK(capplan::cli::check_formats() == Names{"table", "json", "markdown", "github", "junit"});
    CHECK(capplan::cli::diff_formats() == Names{"table", "json", "csv", "markdown"});
    CHECK(capplan::cli::models_formats() == Names{"table", "json", "csv"});
    CHECK(capplan::cli::network_formats() == Names{"table", "json", "csv"});
    CHECK(capplan::cli::queue_formats() == Names{"table", "json", "csv"});
}
