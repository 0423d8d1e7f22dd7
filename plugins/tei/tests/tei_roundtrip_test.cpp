// Round trip: the text of every article, body and boilerplate, can be rebuilt
// from the TEI alone, in order, equal to the model's text modulo white space.

#include "sample_articles.hpp"
#include "tei_runs.hpp"
#include "tei_text.hpp"

#include <catch2/catch.hpp>

#include <random>

using namespace docconv;
using namespace docconv::tei::test;

namespace {

void check_round_trip(const std::vector<Document>& documents,
                      const std::vector<pugi::xml_node>& articles) {
  REQUIRE(articles.size() == documents.size());
  for (std::size_t i = 0; i < documents.size(); ++i) {
    INFO("article " << i + 1);
    CHECK(tei_text(articles[i]) == model_text(documents[i]));
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
                                               "\u00a9"};
  std::uniform_int_distribution<std::size_t> count(0, 12);
  std::uniform_int_distribution<std::size_t> pick(0, pieces.size() - 1);
  std::string text;
  for (std::size_t n = count(random); n > 0; --n) text += pieces[pick(random)];
  return text;
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
      block.content = BlockQuote{{random_inlines(random), random_inlines(random)}};
      break;
    case 3:
      block.content = List{line % 2 == 0, {random_inlines(random), random_inlines(random)}};
      break;
    case 4:
      block.content = Figure{random_inlines(random), random_text(random), random_text(random)};
      break;
    case 5:
      block.content = RelatedLink{random_inlines(random), random_text(random)};
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
  for (int n = 0; n < 60; ++n) documents.push_back(random_document(random));
  const auto document = parse_tei(write_tei(collection_of(documents)));
  check_round_trip(documents, tei_articles(document));
}

TEST_CASE("round trip: the rebuilt text keeps what white space collapsing must not touch") {
  // A guard on the test helpers themselves: no-break spaces are text, and
  // formatting runs join without a space.
  Document document;
  document.blocks.push_back(Block{
      Paragraph{Inlines{{InlineKind::text, "a\u00a0b", {}}, {InlineKind::emphasis, "c", {}}}}, {}});
  const auto parsed = parse_tei(write_tei(collection_of({document})));
  CHECK(tei_text(parsed.document_element()) == "a\u00a0bc");
  CHECK(model_text(document) == "a\u00a0bc");
}
