// Numbers as people and tools read them (capplan(1) OUTPUT): whole numbers without exponents in
// every machine format and in --get, so that `sort -n` and spreadsheets order them.

#include <catch2/catch.hpp>

#include <sstream>
#include <string>
#include <vector>

#include "support/test_files.hpp"

namespace {

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        if (!line.empty() && line.back() == '\r') {
            line.pop_back(); // CSV ends its records with CRLF (RFC 4180)
        }
        out.push_back(line);
    }
    return out;
}

} // namespace

TEST_CASE("sort -n orders the rows of --get over a 1..10M sweep", "[cli][numbers]") {
    // The command: at 2 points per decade the users run 1, 3, ..., 1M, 3M, 10M; with
    // exponents (1e+05) sort -n read 100k as 1 and misordered them.
    const std::string command = "capplan plan --users 1..10M --per-decade 2 --get web.servers";
    const std::vector<std::string> rows = lines_of(capplan::test::run_shell(command));
    REQUIRE(rows.size() == 15);
    CHECK(lines_of(capplan::test::run_shell(command + " | sort -s -n -k1,1")) == rows);
    for (const std::string& row : rows) {
        INFO(row);
        CHECK(row.find_first_of("eE") == std::string::npos);
    }
    CHECK(rows[10].rfind("100000\t", 0) == 0);
    CHECK(rows.back().rfind("10000000\t", 0) == 0);
}

TEST_CASE("CSV and TSV print whole user counts as integers", "[cli][numbers]") {
    for (const char* format : {"csv", "tsv"}) {
        INFO(format);
        const std::vector<std::string> rows = lines_of(capplan::test::run_shell(
            std::string("capplan plan --users 100k,1M,10M --fields users -f ") + format));
        CHECK(rows == std::vector<std::string>{"users", "100000", "1000000", "10000000"});
    }
}

TEST_CASE("The table's users column tells close points apart", "[cli][numbers]") {
    const std::string table =
        capplan::test::run_shell("capplan plan --users 543.6k,544.4k,1M --fields web.servers");
    CHECK(table.find("\n543.6k ") != std::string::npos);
    CHECK(table.find("\n544.4k ") != std::string::npos);
    CHECK(table.find("\n    1M ") != std::string::npos);
}

TEST_CASE("Singular and plural agree", "[cli][numbers]") {
    // At 10k users the built-in workload runs one worker (its jobs: 10k × 0.3 active × 2 jobs a
    // day, 0.17/s at the peak, far below one worker's capacity).
    const std::string point = capplan::test::run_shell("capplan plan --users 10k");
    CHECK(point.find(" 1 worker ") != std::string::npos);
    CHECK(point.find("1 workers") == std::string::npos);
    // An unreachable p99 warns at 1 user, in the table's warnings.
    const std::string warned =
        capplan::test::run_shell("capplan plan --users 1 --set 'slo.latency_p99=\"1ms\"'");
    CHECK(warned.find("at 1 user:") != std::string::npos);
    CHECK(warned.find("at 1 users") == std::string::npos);
    CHECK(warned.find("1 web server of") != std::string::npos);
}
