// RFC 4180 CSV and TSV records with the formula guard (capplan(1) DESCRIPTION).

#include <catch2/catch.hpp>

#include "report/csv.hpp"
#include "report/text_table.hpp"

using namespace capplan::report;

TEST_CASE("CSV quoting, CRLF and the formula guard", "[csv]") {
    CHECK(csv_record({text_cell("a"), number_cell("1.5")}) == "a,1.5\r\n");
    CHECK(csv_record({text_cell("x,y"), text_cell("say \"hi\"")}) ==
          "\"x,y\",\"say \"\"hi\"\"\"\r\n");
    CHECK(csv_record({text_cell("two\nlines")}) == "\"two\nlines\"\r\n");
    CHECK(csv_record({text_cell("=cmd()"), text_cell("+1"), text_cell("@x"), text_cell("-y")}) ==
          "'=cmd(),'+1,'@x,'-y\r\n");
    CHECK(csv_record({text_cell("\tx")}) == "'\tx\r\n");
    // Numbers are never guarded: -3 stays a number.
    CHECK(csv_record({number_cell("-3")}) == "-3\r\n");
    CHECK(csv_record({text_cell("")}) == "\r\n");
}

TEST_CASE("TSV replaces tabs and line breaks", "[csv]") {
    CHECK(tsv_record({text_cell("a\tb"), text_cell("c\r\nd"), number_cell("2")}) ==
          "a b\tc  d\t2\n");
}

TEST_CASE("Text table aligns by code points", "[csv]") {
    TextTable t;
    t.add_column("name", Align::left);
    t.add_column("value", Align::right);
    t.add_row({"\u03bc", "1"});
    t.add_row({"longer", "22"});
    CHECK(t.render() == "name    value\n\u03bc           1\nlonger     22\n");
}
