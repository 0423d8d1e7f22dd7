#include <docconv/text.hpp>

#include <catch2/catch.hpp>
#include <pugixml.hpp>

#include <cstdint>
#include <limits>
#include <random>
#include <string>
#include <vector>

using namespace docconv;

TEST_CASE("xml_safe keeps valid text unchanged") {
  const std::string text = "Tab\there, \"quotes\" & <tags>, «ёлка», 日本語, emoji 😀\r\n";
  CHECK(xml_safe(text) == text);
  CHECK(is_xml_safe(text));
}

TEST_CASE("xml_safe replaces what XML 1.0 cannot hold") {
  CHECK(xml_safe(std::string("a\0b", 3)) ==
        "a\xEF\xBF\xBD"
        "b");
  CHECK(xml_safe("a\x01\x1F"
                 "b") ==
        "a\xEF\xBF\xBD\xEF\xBF\xBD"
        "b");
  CHECK(xml_safe("\xEF\xBF\xBE") == "\xEF\xBF\xBD");                          // U+FFFE
  CHECK(xml_safe("\xED\xA0\x80") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // a surrogate
  CHECK(xml_safe("\xC0\xAF") == "\xEF\xBF\xBD\xEF\xBF\xBD");                  // overlong '/'
  CHECK(xml_safe("\xE2\x82") == "\xEF\xBF\xBD");  // a sequence cut short: one U+FFFD
  CHECK_FALSE(is_xml_safe(std::string("\0", 1)));
}

TEST_CASE("xml_safe replaces a bad byte wherever it stands after safe text") {
  const std::string safe = "Plain ASCII, then \u00e9 and \u041c and \U0001F600 and more ASCII.";
  for (std::size_t at = 0; at <= safe.size(); ++at) {
    if (at < safe.size() && (static_cast<unsigned char>(safe[at]) & 0xC0) == 0x80)
      continue;  // not between two characters
    INFO("at byte " << at);
    for (const std::string& bad : {std::string("\x01"), std::string("\x1F"), std::string("\x80"),
                                   std::string("\xFF"), std::string(1, '\0')}) {
      const std::string text = safe.substr(0, at) + bad + safe.substr(at);
      CHECK(xml_safe(text) == safe.substr(0, at) + "\xEF\xBF\xBD" + safe.substr(at));
      CHECK_FALSE(is_xml_safe(text));
    }
  }
}

TEST_CASE("xml_safe keeps the printable ASCII at the edges of its fast path") {
  // is_xml_safe checks eight ASCII bytes at a time: space (0x20) and DEL
  // (0x7F) are the edges of what passes, at every offset of the eight.
  for (std::size_t at = 0; at < 16; ++at) {
    for (const char edge : {' ', '\x7F', '~', '!'}) {
      std::string text(24, 'a');
      text[at] = edge;
      INFO("byte " << at << " is " << static_cast<int>(edge));
      CHECK(is_xml_safe(text));
      CHECK(xml_safe(text) == text);
    }
  }
}

TEST_CASE("xml_safe output is always safe, for any bytes") {
  std::mt19937 random(20261123);
  std::uniform_int_distribution<int> byte(0, 255);
  std::uniform_int_distribution<int> length(0, 64);
  for (int i = 0; i < 5000; ++i) {
    std::string bytes(static_cast<std::size_t>(length(random)), '\0');
    for (auto& c : bytes) c = static_cast<char>(byte(random));
    const auto safe = xml_safe(bytes);
    INFO("case " << i);
    REQUIRE(is_xml_safe(safe));
    REQUIRE(xml_safe(safe) == safe);
  }
}

TEST_CASE("utf8_sequence_at tells well-formed sequences from maximal ill-formed subparts") {
  struct Case {
    std::string bytes;
    std::size_t length;
    bool well_formed;
  };
  const std::vector<Case> cases = {
      {"a", 1, true},
      {"\xD0\xB9", 2, true},          // й
      {"\xE2\x82\xAC", 3, true},      // €
      {"\xF0\x9F\x98\x80", 4, true},  // 😀
      {"\xC0\xAF", 1, false},         // never a lead byte
      {"\x80", 1, false},             // a continuation byte alone
      {"\xE2\x82", 2, false},         // cut short: one U+FFFD for both bytes
      {"\xE2\x82"
       "a",
       2, false},
      {"\xE0\x80\x80", 1, false},      // overlong: E0 needs A0-BF next
      {"\xED\xA0\x80", 1, false},      // a surrogate: ED needs 80-9F next
      {"\xF4\x90\x80\x80", 1, false},  // above U+10FFFF
      {"\xF0\x9F\x98"
       "a",
       3, false},
      {"\xF5\x80", 1, false},
  };
  for (const auto& c : cases) {
    INFO("bytes of length " << c.bytes.size() << " starting "
                            << int(static_cast<unsigned char>(c.bytes[0])));
    const Utf8Sequence sequence = utf8_sequence_at(c.bytes, 0);
    CHECK(sequence.length == c.length);
    CHECK(sequence.well_formed == c.well_formed);
  }
}

TEST_CASE("every code point survives encode_utf8 and next_code_point") {
  for (char32_t cp = 0; cp <= 0x10FFFF; cp += (cp < 0x3000 ? 1 : 97)) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    std::string text;
    append_utf8(text, cp);
    INFO("U+" << std::hex << static_cast<unsigned>(cp));
    REQUIRE(utf8_sequence_at(text, 0).well_formed);
    REQUIRE(utf8_sequence_at(text, 0).length == text.size());
    std::size_t pos = 0;
    REQUIRE(next_code_point(text, pos) == cp);
    REQUIRE(pos == text.size());
    REQUIRE(first_code_point("x" + text) == 'x');
    REQUIRE(last_code_point("x" + text) == cp);
  }
  CHECK(first_code_point("") == 0);
  CHECK(last_code_point("") == 0);
  CHECK(without_last_code_point("ab\u00BB") == "ab");
  CHECK(without_last_code_point("\U0001F600") == "");
  CHECK(without_last_code_point("") == "");
}

TEST_CASE("next_code_point stays inside text that is cut short") {
  const std::string cut = "\xF0\x9F";
  std::size_t pos = 0;
  CHECK(next_code_point(cut, pos) == 0xFFFD);
  CHECK(pos == 1);
}

TEST_CASE("XML escaping for text nodes and attribute values") {
  CHECK(escape_xml_text("a < b && c > \"d\" 'e'") == "a &lt; b &amp;&amp; c &gt; \"d\" 'e'");
  CHECK(escape_xml_text("line\r\nnext\ttab") == "line&#13;\nnext\ttab");
  CHECK(escape_xml_attribute("say \"hi\" <b>\tand\nbye") ==
        "say &quot;hi&quot; &lt;b&gt;&#9;and&#10;bye");
  CHECK(escape_xml_text(std::string("bad\0byte\xC0", 9)) ==
        "bad\xEF\xBF\xBD"
        "byte\xEF\xBF\xBD");
  CHECK(escape_xml_text("«ёлка» 😀") == "«ёлка» 😀");
}

TEST_CASE("an XML parser reads back exactly the escaped text, for any bytes") {
  std::mt19937 random(20261203);
  const std::vector<std::string> pieces = {"<",
                                           ">",
                                           "&",
                                           "\"",
                                           "'",
                                           "\t",
                                           "\n",
                                           "\r",
                                           "\r\n",
                                           "]]>",
                                           "&amp;",
                                           "\xFF",
                                           "\xED\xA0\x80",
                                           " ",
                                           "ё",
                                           std::string(1, '\0'),
                                           "\x01",
                                           "a",
                                           "😀"};
  std::uniform_int_distribution<std::size_t> pick(0, pieces.size() - 1);
  for (int i = 0; i < 2000; ++i) {
    std::string text;
    for (int k = 0; k < 12; ++k) text += pieces[pick(random)];
    const std::string xml =
        "<a x=\"" + escape_xml_attribute(text) + "\">" + escape_xml_text(text) + "</a>";
    pugi::xml_document document;
    INFO("case " << i << ": " << xml);
    REQUIRE(document.load_buffer(xml.data(), xml.size()));
    CHECK(document.child("a").attribute("x").value() == xml_safe(text));
    CHECK(document.child("a").text().get() == xml_safe(text));
  }
}

TEST_CASE("slugs are short lower-case ASCII words") {
  CHECK(slugify("Lavrov: There are no threats in Baltic region") ==
        "lavrov-there-are-no-threats-in-baltic-region");
  CHECK(slugify("../../etc/passwd") == "etc-passwd");
  CHECK(slugify("«Ёлка»") == "article");
  CHECK(slugify("") == "article");
  CHECK(slugify("one two three", 8) == "one-two");
  CHECK(slugify("abcdefghij", 4) == "abcd");  // one long word is cut inside
  std::string long_title(2000, 'a');
  long_title += " b";  // not `string + " b"`: GCC 12 warns falsely on it (bug 105651)
  CHECK(slugify(long_title).size() <= 60);
}

TEST_CASE("split file names are numbered, stable and never paths") {
  CHECK(split_file_name(3, "Lavrov: No threats", ".md") == "0003-lavrov-no-threats.md");
  CHECK(split_file_name(12345, "/", ".xml") == "12345-article.xml");
  CHECK(split_file_name(1, "a/b\\c", ".md").find('/') == std::string::npos);
}

TEST_CASE("language tags: BCP 47 as written, or from a POSIX locale name") {
  for (const char* tag : {"en", "ru", "tlh", "zh-Hant-TW", "en-GB", "sr-Latn", "x-house", "de-1996",
                          "en-x-a", "de-a-bcd-x-q"})
    CHECK(docconv::language_tag(tag) == std::optional<std::string>(tag));
  CHECK(docconv::language_tag("ru_RU.UTF-8") == "ru-RU");
  CHECK(docconv::language_tag("en_GB@euro") == "en-GB");
  for (const char* not_tag :
       {"", "e", "x", "POSIX", "toolong", "-en", "en-", "en--GB", "en-toolongsub", "not a tag",
        "e\xffn", "en GB", "en-x", "en-a-b", "en-a"})
    CHECK_FALSE(docconv::language_tag(not_tag).has_value());
}

TEST_CASE("utc_timestamp: SOURCE_DATE_EPOCH as a W3C dateTime in UTC, years 1970 to 9999") {
  CHECK(utc_timestamp(0) == "1970-01-01T00:00:00Z");
  CHECK(utc_timestamp(1700000000) == "2023-11-14T22:13:20Z");
  CHECK(utc_timestamp(951782400) == "2000-02-29T00:00:00Z");
  CHECK(utc_timestamp(-5) == "1970-01-01T00:00:00Z");
  CHECK(utc_timestamp(253402300799) == "9999-12-31T23:59:59Z");
  CHECK(utc_timestamp(std::numeric_limits<std::int64_t>::max()) == "9999-12-31T23:59:59Z");
}

TEST_CASE("trim takes ASCII white space off both ends only") {
  CHECK(trim("  a b \t\r\n") == "a b");
  CHECK(trim("\v\f") == "");
  CHECK(trim("") == "");
  CHECK(trim("\u00a0a\u00a0") == "\u00a0a\u00a0");  // not ASCII: kept
}

TEST_CASE("join skips empty parts") {
  CHECK(join({"Moscow", "", "June 5"}, ", ") == "Moscow, June 5");
  CHECK(join({"", ""}, ", ") == "");
  CHECK(join({}, ", ") == "");
  CHECK(join({"a"}, " \u00b7 ") == "a");
}
