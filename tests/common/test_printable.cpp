// One-line, valid UTF-8 diagnostics (common/printable.hpp, errors.hpp): escapes for control
// characters and bytes that are not UTF-8, shortened runaway words.

#include <catch2/catch.hpp>

#include <string>

#include "common/errors.hpp"
#include "common/printable.hpp"
#include "common/utf8.hpp"

using capplan::is_valid_utf8;
using capplan::printable;
using capplan::shorten_long_words;

TEST_CASE("printable escapes control characters and bad bytes", "[printable]") {
    CHECK(printable("web.cpu_time") == "web.cpu_time");
    CHECK(printable("caf\xc3\xa9") == "caf\xc3\xa9");
    CHECK(printable("a\nb\tc\rd") == "a\\nb\\tc\\rd");
    CHECK(printable(std::string("\x00\x01\x7f", 3)) == "\\x00\\x01\\x7f");
    CHECK(printable("x\xff.toml") == "x\\xff.toml");
    CHECK(printable("\xc3") == "\\xc3");
    CHECK(is_valid_utf8(printable("\xed\xa0\x80\xff\xfe")));
}

TEST_CASE("shorten_long_words keeps messages readable", "[printable]") {
    CHECK(shorten_long_words("unknown key 'abc' in [web]", 20) == "unknown key 'abc' in [web]");
    const std::string key = "'" + std::string(1000, 'k') + "'";
    const std::string shortened = shorten_long_words("unknown key " + key + " in the workload", 40);
    CHECK(shortened.size() < 80);
    CHECK(shortened.rfind("unknown key 'kkk", 0) == 0);
    CHECK(shortened.find("...") != std::string::npos);
    CHECK(shortened.find("kk' in the workload") != std::string::npos);
    // A cut never splits a UTF-8 sequence.
    std::string euros;
    for (int i = 0; i < 100; ++i) {
        euros += "\xe2\x82\xac";
    }
    CHECK(is_valid_utf8(shorten_long_words(euros, 30)));
}

TEST_CASE("Diagnostics are one line of UTF-8", "[printable][errors]") {
    using capplan::InputError;
    using capplan::IoError;
    using capplan::UsageError;
    CHECK(render_diagnostic(InputError("a\nb.toml", 2, 1, "unknown key 'x\ny'")) ==
          "capplan: a\\nb.toml:2:1: error: unknown key 'x\\ny'");
    CHECK(render_diagnostic(UsageError("--users", "invalid user count '1\xff'")) ==
          "capplan: --users: error: invalid user count '1\\xff'");
    CHECK(render_diagnostic(IoError("x\xff.toml", "cannot open", "no such file")) ==
          "capplan: x\\xff.toml: error: cannot open: no such file");
    const std::string long_message =
        "unknown key '" + std::string(100000, 'k') + "' in the workload; did you mean 'web'?";
    const std::string line = render_diagnostic(InputError("app.toml", 2, 1, long_message));
    CHECK(line.size() < 250);
    CHECK(line.find("did you mean 'web'?") != std::string::npos); // the hint survives
}
