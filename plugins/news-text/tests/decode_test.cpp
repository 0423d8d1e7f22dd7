// Encodings, line ends, bad bytes and bad characters, binary and empty
// inputs: all made inside the tests.
#include "decode.hpp"
#include "encode.hpp"
#include "probe.hpp"
#include "reader.hpp"
#include "support.hpp"

#include <docconv/plugin.hpp>
#include <docconv/text.hpp>

#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

using namespace docconv::news_text;
using namespace docconv::news_text::test;

namespace {

const std::string russian =
    "Министр иностранных дел России Сергей Лавров заявил, что Москва не видит угрозы "
    "в Балтийском регионе. «Мы убеждены, что таких угроз нет», — сказал он журналистам.";
const std::string western =
    "Le ministre a déclaré que la “sécurité” de l’Europe était menacée – une idée reçue, "
    "naïve peut-être, mais très répandue à Paris et à Genève.";

struct ReadOutcome {
  std::vector<docconv::Document> documents;
  std::vector<std::string> warnings;
};

ReadOutcome read(std::string_view bytes, const docconv::OptionValues& options = {}) {
  NewsTextReader reader;
  docconv::test::CollectingDiagnostics diagnostics;
  ReadOutcome outcome;
  outcome.documents =
      reader.read(docconv::Input{"input.txt", bytes}, docconv::ReadContext{options, diagnostics});
  outcome.warnings = diagnostics.warnings;
  return outcome;
}

std::string article(const std::string& body) {
  return "A Title\n\n" + body + "\n";
}

std::string first_paragraph(const docconv::Document& document) {
  for (const auto& block : document.blocks)
    if (const auto* paragraph = std::get_if<docconv::Paragraph>(&block.content))
      return docconv::plain_text(paragraph->content);
  return {};
}

}  // namespace

TEST_CASE("UTF-8 with and without BOM") {
  const DecodedInput plain = decode_input(russian, "");
  CHECK(plain.encoding == "UTF-8");
  CHECK(plain.text == russian);
  CHECK(plain.warnings.empty());
  const DecodedInput with_bom = decode_input("\xEF\xBB\xBF" + russian, "");
  CHECK(with_bom.encoding == "UTF-8");
  CHECK(with_bom.text == russian);
}

TEST_CASE("UTF-16 LE and BE with BOM, including a surrogate pair") {
  const std::string text = western + " " + russian + " \U0001F600";
  for (const bool big_endian : {false, true}) {
    const DecodedInput decoded = decode_input(to_utf16(text, big_endian), "");
    CHECK(decoded.encoding == (big_endian ? "UTF-16BE" : "UTF-16LE"));
    CHECK(decoded.text == text);
    CHECK(decoded.warnings.empty());
  }
}

TEST_CASE("UTF-16 without BOM is recognised by its NUL bytes when the text is Latin") {
  for (const bool big_endian : {false, true}) {
    const std::string bytes = to_utf16(article(western), big_endian).substr(2);
    CHECK(detect_utf16_without_bom(bytes) == (big_endian ? "UTF-16BE" : "UTF-16LE"));
    const auto outcome = read(bytes);
    REQUIRE(outcome.documents.size() == 1);
    CHECK(first_paragraph(outcome.documents[0]) == western);
  }
  CHECK(detect_utf16_without_bom(western) == "");
  CHECK(detect_utf16_without_bom(std::string(100, '\0')) == "");
}

TEST_CASE("windows-1251 Cyrillic is detected and converted") {
  const DecodedInput decoded = decode_input(to_windows_1251(russian), "");
  CHECK(decoded.encoding == "WINDOWS-1251");
  CHECK(decoded.text == russian);
  CHECK(decoded.warnings.empty());
  const auto outcome = read(to_windows_1251("Заголовок статьи\n\n" + russian + "\n"));
  REQUIRE(outcome.documents.size() == 1);
  CHECK(outcome.documents[0].metadata.language == "ru");
  CHECK(outcome.documents[0].metadata.title == "Заголовок статьи");
  CHECK(outcome.documents[0].metadata.extras.at("encoding") == "WINDOWS-1251");
}

TEST_CASE("windows-1252 Western text is detected and converted") {
  const DecodedInput decoded = decode_input(to_windows_1252(western), "");
  CHECK(decoded.encoding == "WINDOWS-1252");
  CHECK(decoded.text == western);
  const auto outcome = read(to_windows_1252(article(western)));
  REQUIRE(outcome.documents.size() == 1);
  CHECK(outcome.documents[0].metadata.language == "fr");
}

TEST_CASE("the encoding option overrides detection") {
  const std::string bytes = to_windows_1251(russian);
  CHECK(decode_input(bytes, "windows-1251").text == russian);
  const DecodedInput koi8 = decode_input(bytes, "KOI8-R");
  CHECK(koi8.encoding == "KOI8-R");
  CHECK(koi8.text != russian);
  CHECK(docconv::is_xml_safe(koi8.text));
  // Through the reader's option: Cyrillic UTF-16 without BOM (no NUL bytes to
  // recognise it by) is read when named.
  const std::string utf16 = to_utf16(article(russian), false).substr(2);
  CHECK(read(utf16).documents.empty());
  const auto outcome = read(utf16, {{"encoding", "UTF-16LE"}});
  REQUIRE(outcome.documents.size() == 1);
  CHECK(first_paragraph(outcome.documents[0]) == russian);
}

TEST_CASE("an unknown encoding option is an error") {
  CHECK_THROWS_AS(decode_input("text", "no-such-encoding"), docconv::Error);
  CHECK_THROWS_WITH(read("text", {{"encoding", "no-such-encoding"}}),
                    Catch::Contains("no-such-encoding"));
}

TEST_CASE("CRLF and lone CR line ends read like LF") {
  const std::string lf = "A Title\n\nFirst paragraph here.\n\nSecond paragraph here.\n";
  std::string crlf, cr;
  for (const char c : lf) {
    crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
    cr += c == '\n' ? '\r' : c;
  }
  const auto expected = read(lf);
  REQUIRE(expected.documents.size() == 1);
  CHECK(expected.documents[0].blocks.size() == 2);
  for (const std::string& bytes : {crlf, cr}) {
    const DecodedInput decoded = decode_input(bytes, "");
    CHECK(decoded.text == lf);
    const auto outcome = read(bytes);
    REQUIRE(outcome.documents.size() == 1);
    CHECK(outcome.documents[0].blocks == expected.documents[0].blocks);
    CHECK(outcome.warnings.empty());
  }
  CHECK(decode_input("a\r\r\nb", "").text == "a\n\nb");
}

TEST_CASE("invalid UTF-8 becomes U+FFFD with one warning naming the file and byte offset") {
  const std::string bytes =
      article("Café, naïve, résumé — fine. Bad \xFF byte and \xC3 more \xED\xA0\x80.");
  const std::size_t offset = bytes.find('\xFF');
  const auto outcome = read(bytes);
  REQUIRE(outcome.warnings.size() == 1);
  CHECK_THAT(outcome.warnings[0], Catch::StartsWith("input.txt: "));
  CHECK_THAT(outcome.warnings[0], Catch::Contains("byte offset " + std::to_string(offset)));
  // An encoded surrogate is three ill-formed bytes, each one U+FFFD, as the
  // WHATWG decoder and Python's "replace" make it.
  CHECK_THAT(outcome.warnings[0], Catch::Contains("5 replaced"));
  REQUIRE(outcome.documents.size() == 1);
  const std::string text = first_paragraph(outcome.documents[0]);
  CHECK(text == "Café, naïve, résumé — fine. Bad \uFFFD byte and \uFFFD more \uFFFD\uFFFD\uFFFD.");
  CHECK(docconv::is_xml_safe(text));
}

TEST_CASE("a BOM shifts the reported byte offset like any other byte") {
  const std::string bytes = "\xEF\xBB\xBFok é \xFF";  // BOM 0-2, "ok " 3-5, é 6-7, ' ' 8
  const DecodedInput decoded = decode_input(bytes, "");
  REQUIRE(decoded.warnings.size() == 1);
  CHECK_THAT(decoded.warnings[0], Catch::Contains("byte offset 9"));
}

TEST_CASE("bad UTF-16 (a lone surrogate) becomes U+FFFD with a warning") {
  std::string bytes = to_utf16("Title\n\nText é", false);
  bytes += std::string("\x00\xD8", 2) + std::string("A\x00", 2);  // lone high surrogate, then 'A'
  const DecodedInput decoded = decode_input(bytes, "");
  REQUIRE(decoded.warnings.size() == 1);
  CHECK_THAT(decoded.warnings[0], Catch::Contains("UTF-16LE"));
  CHECK(decoded.text.ends_with("Text é\uFFFDA"));
}

TEST_CASE("NUL and other control characters are replaced and reported") {
  // Few enough control bytes (3 in about 100) not to make the input look binary.
  const std::string bytes =
      article(std::string("Hello\0World\x01 and\x1B more.", 23) +
              " The rest of the paragraph is ordinary text, long enough to be text.");
  const auto outcome = read(bytes);
  REQUIRE(outcome.warnings.size() == 1);
  CHECK_THAT(outcome.warnings[0], Catch::Contains("3 characters not allowed"));
  CHECK_THAT(outcome.warnings[0], Catch::Contains("line 3, column 6"));
  REQUIRE(outcome.documents.size() == 1);
  CHECK(
      first_paragraph(outcome.documents[0]).starts_with("Hello\uFFFDWorld\uFFFD and\uFFFD more."));
}

TEST_CASE("U+FFFE and U+FFFF are replaced, tabs stay") {
  const DecodedInput decoded = decode_input("a\xEF\xBF\xBE b\xEF\xBF\xBF\tc", "");
  CHECK(decoded.text == "a\uFFFD b\uFFFD\tc");
  CHECK(decoded.warnings.size() == 1);
}

TEST_CASE("binary input: a warning and no document") {
  std::mt19937 random(7);
  std::string bytes;
  for (int i = 0; i < 5000; ++i) bytes += static_cast<char>(random() % 256);
  CHECK(looks_binary(bytes));
  const auto outcome = read(bytes);
  CHECK(outcome.documents.empty());
  REQUIRE(outcome.warnings.size() == 1);
  CHECK_THAT(outcome.warnings[0], Catch::Contains("not a text file"));
  CHECK_FALSE(looks_binary(russian));
}

TEST_CASE("empty and blank inputs: a warning and no document") {
  for (const std::string& bytes :
       {std::string(), std::string(" \n\n\t \r\n"), std::string("\xEF\xBB\xBF")}) {
    const auto outcome = read(bytes);
    CHECK(outcome.documents.empty());
    REQUIRE(outcome.warnings.size() == 1);
    CHECK_THAT(outcome.warnings[0], Catch::Contains("empty input"));
  }
}

TEST_CASE("chrome-only input: a warning and no document") {
  const auto outcome = read("All news\n\nSubscribe\nNewsfeed\n0\nlog in or register\n");
  CHECK(outcome.documents.empty());
  REQUIRE(outcome.warnings.size() == 1);
  CHECK_THAT(outcome.warnings[0], Catch::Contains("only site chrome"));
}

TEST_CASE("random bytes never give invalid UTF-8 or XML-forbidden characters") {
  std::mt19937 random(12345);
  const std::vector<std::string> pieces{"abc ",
                                        "é",
                                        "Ж",
                                        "\xFF",
                                        "\xC3",
                                        "\x00",
                                        "\r",
                                        "\n",
                                        "\xEF\xBF\xBE",
                                        "\xED\xA0\x80",
                                        "\xF4\x90\x80\x80",
                                        "—"};
  for (int round = 0; round < 2000; ++round) {
    std::string bytes;
    const int length = static_cast<int>(random() % 40);
    for (int i = 0; i < length; ++i) {
      const std::string& piece = pieces[random() % pieces.size()];
      bytes += piece == std::string("\x00") ? std::string(1, '\0') : piece;
    }
    const DecodedInput decoded = decode_input(bytes, "");
    INFO(round);
    CHECK(docconv::is_xml_safe(decoded.text));
    CHECK(decoded.text.find('\r') == std::string::npos);
    CHECK(decoded.warnings.size() <= 2);
  }
}

TEST_CASE("probe: plain text yes, binary and archives no, markup barely") {
  CHECK(probe_plain_text("Some text\n\nMore text.") == 50);
  CHECK(probe_plain_text("\xEF\xBB\xBFSome text") == 60);
  CHECK(probe_plain_text(to_utf16("text", false)) == 60);
  CHECK(probe_plain_text(to_utf16("Latin text in UTF-16", true).substr(2)) == 40);
  CHECK(probe_plain_text(to_windows_1251(russian)) == 30);
  CHECK(probe_plain_text("<?xml version=\"1.0\"?><a/>") == 10);
  CHECK(probe_plain_text("  {\"json\": 1}") == 10);
  CHECK(probe_plain_text("PK\x03\x04rest of a zip") == 0);
  CHECK(probe_plain_text(std::string("\x7F"
                                     "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0",
                                     18)) == 0);
  CHECK(probe_plain_text("") == 0);
  // A head cut inside a multi-byte character is still UTF-8.
  CHECK(probe_plain_text(russian.substr(0, 1 + russian.find("Министр") + 2)) == 50);
}

// No time limit here: timed tests fail on loaded machines. How the time grows
// with the input is measured by scripts/bench (docs/performance.md).
TEST_CASE("a 50 MB single-line file and a million-line file are read whole, up to --max-lines") {
  // The reader itself takes any size: the host's --max-input-size bounds the bytes.
  std::string line;
  line.reserve(std::size_t{50} << 20);
  while (line.size() < (std::size_t{50} << 20)) line += "word, another word — and “more” text. ";
  auto outcome = read(line);
  REQUIRE(outcome.documents.size() == 1);
  CHECK(outcome.documents[0].metadata.title_derived);
  CHECK(outcome.documents[0].blocks.size() == 1);

  std::string many;
  for (int i = 0; i < 1000000; ++i) many += "Line " + std::to_string(i) + " of the text.\n";
  CHECK_THROWS_WITH(read(many), "has 1000000 lines, more than --max-lines (100000)");
  outcome = read(many, {{"max-lines", "1000000"}});
  REQUIRE(outcome.documents.size() == 1);
  CHECK(outcome.documents[0].blocks.size() == 1000000);
  CHECK_THROWS_WITH(read(many, {{"max-lines", "999999"}}),
                    "has 1000000 lines, more than --max-lines (999999)");
}
