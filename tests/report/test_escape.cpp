// Escaping untrusted text for each output format (report/escape.hpp, capplan(1) capplan check).

#include <catch2/catch.hpp>

#include <string>

#include "report/escape.hpp"
#include "xml_check.hpp"

using namespace capplan::report;
using capplan::test::parse_xml;

TEST_CASE("XML text and attributes: entities, dropped controls, UTF-8", "[escape][xml]") {
    CHECK(xml_text("a & b < c > d \"e\" 'f'") ==
          "a &amp; b &lt; c &gt; d &quot;e&quot; &apos;f&apos;");
    // Controls XML 1.0 forbids are dropped; tab and LF stay in text; CR is a reference.
    CHECK(xml_text(std::string("x\x01y\x1Bz\x7F", 6)) == "xyz\x7F");
    CHECK(xml_text("a\tb\nc\rd") == "a\tb\nc&#13;d");
    CHECK(xml_attribute("a\tb\nc\rd") == "a&#9;b&#10;c&#13;d");
    // U+FFFE and U+FFFF are not XML characters; other non-ASCII text passes unchanged.
    CHECK(xml_text("\xEF\xBF\xBE\xEF\xBF\xBF\xC3\xA9\xE2\x86\x92") == "\xC3\xA9\xE2\x86\x92");
    // Bytes that are not UTF-8 (a lone continuation, a truncated sequence, an overlong form,
    // a surrogate) become U+FFFD.
    CHECK(xml_text("a\x80z") == "a\xEF\xBF\xBDz");
    CHECK(xml_text("a\xC3") == "a\xEF\xBF\xBD");
    CHECK(xml_text("\xC0\xAF") == "\xEF\xBF\xBD\xEF\xBF\xBD");
    CHECK(xml_text("\xED\xA0\x80") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST_CASE("Escaped text makes well-formed XML whatever the input", "[escape][xml]") {
    // Every byte value, in text and in an attribute.
    std::string all;
    for (int c = 0; c < 256; ++c) {
        all += static_cast<char>(c);
    }
    const std::string doc =
        "<r a=\"" + xml_attribute(all) + "\">" + xml_text(all) + "<![CDATA[" + "]]></r>";
    // The CDATA section above is outside what the checker accepts: prove it can fail first.
    CHECK_THROWS(parse_xml(doc));
    const std::string good = "<r a=\"" + xml_attribute(all) + "\">" + xml_text(all) + "</r>";
    const auto root = parse_xml(good);
    // Printable ASCII survives both ways exactly.
    const std::string printable = all.substr(0x20, 0x7F - 0x20);
    CHECK(root.text.find(printable) != std::string::npos);
    CHECK(root.attributes.at("a").find(printable) != std::string::npos);
    CHECK(root.attributes.at("a").find("\t\n\r") != std::string::npos);
    // The checker rejects what the escaping prevents.
    CHECK_THROWS(parse_xml("<r>a & b</r>"));
    CHECK_THROWS(parse_xml("<r>a < b</r>"));
    CHECK_THROWS(parse_xml("<r a=\"x\" a=\"y\"/>"));
    CHECK_THROWS(parse_xml(std::string("<r>\x01</r>")));
    CHECK_THROWS(parse_xml("<r><s></r></s>"));
    CHECK_THROWS(parse_xml("<r/><r/>"));
}

TEST_CASE("GitHub workflow command escaping", "[escape][github]") {
    // GitHub workflow commands: % CR LF in the message; also : and , in properties.
    CHECK(github_data("100% done\r\nnext: a, b") == "100%25 done%0D%0Anext: a, b");
    CHECK(github_property("100% done\r\nnext: a, b") == "100%25 done%0D%0Anext%3A a%2C b");
    // % first: an input "%0A" stays literal text after decoding.
    CHECK(github_data("%0A") == "%250A");
}

TEST_CASE("Markdown and terminal text", "[escape][markdown]") {
    CHECK(markdown_text("<!-- capplan-check --> & </details>") ==
          "&lt;!-- capplan-check --&gt; &amp; &lt;/details&gt;");
    CHECK(markdown_text("one\ntwo\r\nthree\rfour") == "one<br>two<br>three<br>four");
    CHECK(markdown_text(std::string("a\x1B[31mb", 7)) == "a[31mb");
    CHECK(terminal_text(std::string("a\x1B[31mb\n\tc", 10)) == "a\xEF\xBF\xBD[31mb\n\tc");
    CHECK(terminal_text("a\r\nb\rc") == "a\nb\xEF\xBF\xBD"
                                        "c");
}
