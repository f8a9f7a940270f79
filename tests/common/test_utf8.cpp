// The one UTF-8 decoder (common/utf8.hpp): well-formed sequences decode to their code points,
// every ill-formed kind of the Unicode standard (table 3-7) is refused.

#include <catch2/catch.hpp>

#include "common/utf8.hpp"

using capplan::is_valid_utf8;
using capplan::next_utf8;

TEST_CASE("Well-formed sequences decode to their code points", "[utf8]") {
    CHECK(next_utf8("A").code_point == 0x41);
    CHECK(next_utf8("\xc2\xb5s").code_point == 0xB5); // µ
    CHECK(next_utf8("\xc2\xb5s").length == 2);
    CHECK(next_utf8("\xe2\x82\xac").code_point == 0x20AC); // €
    CHECK(next_utf8("\xef\xbf\xbf").code_point == 0xFFFF);
    CHECK(next_utf8("\xf0\x9f\x98\x80").code_point == 0x1F600);
    CHECK(next_utf8("\xf4\x8f\xbf\xbf").code_point == 0x10FFFF);
    CHECK(next_utf8("").length == 0);
}

TEST_CASE("Ill-formed sequences are refused", "[utf8]") {
    CHECK(next_utf8("\x80").length == 0);             // a stray continuation byte
    CHECK(next_utf8("\xc0\xaf").length == 0);         // overlong '/'
    CHECK(next_utf8("\xe0\x80\xaf").length == 0);     // overlong, three bytes
    CHECK(next_utf8("\xed\xa0\x80").length == 0);     // a surrogate
    CHECK(next_utf8("\xf4\x90\x80\x80").length == 0); // above U+10FFFF
    CHECK(next_utf8("\xf5\x80\x80\x80").length == 0); // never a lead byte
    CHECK(next_utf8("\xe2\x82").length == 0);         // cut short
    CHECK(is_valid_utf8(""));
    CHECK(is_valid_utf8("plain ASCII, caf\xc3\xa9, \xe2\x82\xac"));
    CHECK_FALSE(is_valid_utf8("caf\xe9")); // Latin-1
    CHECK_FALSE(is_valid_utf8("ok\xc3"));
}
