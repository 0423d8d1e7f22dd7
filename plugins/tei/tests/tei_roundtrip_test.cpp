// Round trip at the level of the model: the source text of every article as
// the model keeps it (with its markers, in source-line order) can be rebuilt
// from the TEI alone, equal modulo white space. tei_source_text_test.cpp does
// the same against real input files.

#include "sample_documents.hpp"
#include "tei_runs.hpp"
#include "tei_text.hpp"

#include <catch2/catch.hpp>

#include <random>

using namespace docconv;
using namespace docconv::tei::test;
using namespace docconv::test;

namespace {

void check_round_trip(const std::vector<Document>& documents,
                      const std::vector<pugi::xml_node>& articles) {
  REQUIRE(articles.size() == documents.size());
  for (std::size_t i = 0; i < documents.size(); ++i) {
    INFO("article " << i + 1);
    CHECK(difference_modulo_white_space(rebuilt_text(articles[i]), as_written_text(documents[i])) ==
          "");
    const auto blocks = block_elements(articles[i]);
    REQUIRE(blocks.size() == documents[i].blocks.size());
    for (std::size_t b = 0; b < blocks.size(); ++b)
      CHECK(blocks[b].kind == kind_letter(documents[i].blocks[b].content));
  }
}

/// Text made of pieces that are awkward for XML and for white-space handling.
std::string random_text(std::mt19937& random) {
  static const std::vector<std::string> pieces{"word",
                                               "NATO",
                                               " ",
                                               "  ",
                                               "\n",
                                               "\t",
                                               "<",
                                               ">",
                                               "&",
                                               "&amp;",
                                               "\"",
                                               "'",
                                               "]]>",
                                               "--",
                                               "\u00a0",
                                               "\u2014",
                                               "\u041c\u043e\u0441\u043a\u0432\u0430",
                                               "\U0001F600",
                                               "\x01",
                                               "\xff",
                                               "\xef\xbf\xbf",
                                               ".",
                                               "READ MORE:",
                                               "\u00a9",
                                               "(c)",
                                               "|",
                                               "\u2022"};
  std::uniform_int_distribution<std::size_t> count(0, 12);
  std::uniform_int_distribution<std::size_t> pick(0, pieces.size() - 1);
  std::string text;
  for (std::size_t n = count(random); n > 0; --n) text += pieces[pick(random)];
  return text;
}

/// Empty (no marker) as often as one, which may be any text.
std::string random_marker(std::mt19937& random) {
  return random() % 2 == 0 ? std::string() : random_text(random);
}

Inlines random_inlines(std::mt19937& random) {
  std::uniform_int_distribution<int> kind(0, 3);
  Inlines inlines;
  for (int n = std::uniform_int_distribution<int>(0, 4)(random); n > 0; --n)
    inlines.push_back(
        {static_cast<InlineKind>(kind(random)), random_text(random), random_text(random)});
  return inlines;
}

Block random_block(std::mt19937& random, std::size_t line) {
  Block block;
  block.lines = {line, line + std::uniform_int_distribution<std::size_t>(0, 3)(random)};
  switch (std::uniform_int_distribution<int>(0, 6)(random)) {
    case 0:
      block.content =
          Heading{std::uniform_int_distribution<int>(1, 4)(random), random_inlines(random)};
      break;
    case 1:
      block.content = Paragraph{random_inlines(random)};
      break;
    case 2:
      block.content =
          BlockQuote{{random_inlines(random), random_inlines(random)}, random_marker(random)};
      break;
    case 3:
      block.content = List{
          line % 2 == 0, {random_inlines(random), random_inlines(random)}, random_marker(random)};
      break;
    case 4:
      block.content =
          Figure{random_inlines(random), random_text(random), random_text(random),
                 random_marker(random), random() % 3 == 0 ? random_text(random) : std::string()};
      break;
    case 5:
      block.content =
          RelatedLink{random_inlines(random), random_text(random), random_marker(random)};
      break;
    default:
      block.content = Removed{random_text(random), random_text(random)};
      break;
  }
  return block;
}

Document random_document(std::mt19937& random) {
  Document document;
  Metadata& m = document.metadata;
  m.title = random_text(random);
  m.title_derived = random() % 4 == 0;
  m.standfirst = random_text(random);
  m.dateline_place = random_text(random);
  m.agency = random_text(random);
  m.date = PartialDate{static_cast<int>(random() % 3000), static_cast<int>(random() % 14),
                       static_cast<int>(random() % 33)};
  m.language = random() % 2 == 0 ? "en" : random_text(random);
  // The reader's line numbers of the front matter, and the dateline as
  // written, or none of them (the writer then composes a dateline of its own).
  const auto random_line = [&random] {
    const std::size_t line = random() % 60;
    return SourceLines{line, line};
  };
  if (random() % 2 == 0) m.in_source.title = random_line();
  if (random() % 2 == 0) m.in_source.standfirst = random_line();
  if (random() % 2 == 0) {
    m.in_source.dateline_text = random_text(random);
    m.in_source.dateline = random_line();
  }
  for (std::size_t n = random() % 15, line = 1; n > 0; --n, line += 4)
    document.blocks.push_back(random_block(random, line));
  return document;
}

}  // namespace

TEST_CASE("round trip: a corpus of articles gives back every article's text in order") {
  const auto samples = all_samples();
  const auto document = parse_tei(write_tei(collection_of(samples)));
  check_round_trip(samples, tei_articles(document));
}

TEST_CASE("round trip: each article alone, and each --split file") {
  const auto samples = all_samples();
  for (const auto& sample : samples) {
    const auto document = parse_tei(write_tei(collection_of({sample})));
    check_round_trip({sample}, tei_articles(document));
  }
  const auto parts = write_tei_split(collection_of(samples));
  REQUIRE(parts.size() == samples.size());
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const auto document = parse_tei(parts[i].second);
    check_round_trip({samples[i]}, tei_articles(document));
  }
}

TEST_CASE("round trip: generated articles with hostile text survive") {
  std::mt19937 random(20171123);  // fixed: the same articles on every run
  std::vector<Document> documents;
  for (int n = 0; n < 200; ++n) documents.push_back(random_document(random));
  const auto document = parse_tei(write_tei(collection_of(documents)));
  check_round_trip(documents, tei_articles(document));
}

TEST_CASE("round trip helpers: only white space is ignored, order and every mark count") {
  // A guard on the test helpers themselves, so that the checks above can fail.
  CHECK(without_white_space("a\u00a0b \t\n c\u2009d\u3000e") == "abcde");
  CHECK(without_white_space("\u2014-\u00a9|>") == "\u2014-\u00a9|>");
  CHECK(difference_modulo_white_space("a b", "ab") == "");
  CHECK(difference_modulo_white_space("> a", "a") != "");
  CHECK(difference_modulo_white_space("b a", "a b") != "");

  Document document;
  document.metadata.title = "Title";
  document.metadata.in_source.title = {2, 2};
  document.metadata.in_source.dateline_text = "MOSCOW, June 5.";
  document.metadata.in_source.dateline = {4, 4};
  document.metadata.dateline_place = "Moscow";
  document.blocks.push_back(Block{Removed{"chrome", "site chrome"}, {1, 1}});
  document.blocks.push_back(
      Block{Paragraph{Inlines{{InlineKind::text, "a\u00a0b", {}}, {InlineKind::emphasis, "c", {}}}},
            {4, 4}});
  document.blocks.push_back(Block{List{false, {text_run("item")}, "-"}, {3, 3}});
  const auto parsed = parse_tei(write_tei(collection_of({document})));
  // Source-line order: chrome (line 1, in back), title, the list, then the
  // dateline and the paragraph that share line 4, the dateline first.
  CHECK(without_white_space(rebuilt_text(parsed.document_element())) ==
        "chromeTitle-itemMOSCOW,June5.abc");
  CHECK(without_white_space(as_written_text(document)) == "chromeTitle-itemMOSCOW,June5.abc");
}
