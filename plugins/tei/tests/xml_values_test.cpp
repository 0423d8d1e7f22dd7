// Attribute values with schema datatypes: what tei_all would reject must
// never be produced.

#include "../src/xml_values.hpp"

#include <catch2/catch.hpp>

using namespace docconv;
using namespace docconv::tei;

TEST_CASE("@when is a W3C date for every partial date that exists, and empty otherwise") {
  CHECK(when_value({2017, 6, 5}) == "2017-06-05");
  CHECK(when_value({0, 6, 5}) == "--06-05");
  CHECK(when_value({2017, 6, 0}) == "2017-06");
  CHECK(when_value({2017, 0, 0}) == "2017");
  CHECK(when_value({0, 6, 0}) == "--06");
  CHECK(when_value({0, 0, 0}).empty());
  CHECK(when_value({2016, 2, 29}) == "2016-02-29");
  CHECK(when_value({0, 2, 29}) == "--02-29");  // some year has it
  CHECK(when_value({2017, 2, 29}).empty());
  CHECK(when_value({1900, 2, 29}).empty());
  CHECK(when_value({2000, 2, 29}) == "2000-02-29");
  CHECK(when_value({0, 4, 31}).empty());
  CHECK(when_value({0, 13, 1}).empty());
  CHECK(when_value({0, -1, 1}).empty());
  CHECK(when_value({0, 0, 5}).empty());  // a day of no month
  CHECK(when_value({10000, 1, 1}).empty());
  CHECK(when_value({-5, 1, 1}).empty());
}

TEST_CASE("pointers have no white space and no characters URIs exclude") {
  CHECK(pointer("https://example.org/a?b=c&d=e#f") == "https://example.org/a?b=c&d=e#f");
  CHECK(pointer("images/a b.jpg") == "images/a%20b.jpg");
  CHECK(pointer("x\ty\nz") == "x%09y%0Az");
  CHECK(pointer("<\"{|}\\^`>") == "%3C%22%7B%7C%7D%5C%5E%60%3E");
  CHECK(pointer("https://ru.wikipedia.org/wiki/\u041c\u043e\u0441\u043a\u0432\u0430") ==
        "https://ru.wikipedia.org/wiki/\u041c\u043e\u0441\u043a\u0432\u0430");  // IRIs stay
  CHECK(pointer("bad\xff") == "bad\xef\xbf\xbd");
  CHECK(pointer("").empty());
}

TEST_CASE("type names are XML names without spaces") {
  CHECK(name_token("site chrome") == "site-chrome");
  CHECK(name_token("Source URL (canonical)") == "source-url-canonical");
  CHECK(name_token("2nd source") == "n-2nd-source");
  CHECK(name_token("").empty());
}

TEST_CASE("language tags are checked before they reach xml:lang") {
  for (const char* tag : {"en", "ru", "zh-Hant-TW", "en-GB", "x-private", "sr-Latn"})
    CHECK(is_language_tag(tag));
  for (const char* tag : {"", "e", "not a language tag!", "en_GB", "-en", "en-", "toolongtag"})
    CHECK_FALSE(is_language_tag(tag));
  CHECK(language_name("ru") == "Russian");
  CHECK(language_name("en-GB") == "English");
  CHECK(language_name("tlh") == "tlh");
}

TEST_CASE("token lists keep their words as name tokens, no space or control inside") {
  CHECK(docconv::tei::token_list("site chrome") == "site chrome");
  CHECK(docconv::tei::token_list("duplicate\u00a0caption") == "duplicate caption");
  CHECK(docconv::tei::token_list("  a\tb\u2028c\u200bd  ") == "a b c d");
  CHECK(docconv::tei::token_list(" \u00a0 ").empty());
  CHECK(docconv::tei::token_list("Site Chrome!") == "site chrome");
}
