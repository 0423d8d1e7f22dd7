// Whole articles made inside the tests, read with build_article(): how the
// rules work together (order, context, hard-wrapped text).
#include "reader.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace docconv;
using namespace docconv::news_text;

namespace {

Document build(const std::string& text) {
  std::string why;
  auto document = build_article(text, why);
  INFO(why);
  REQUIRE(document);
  return *document;
}

std::vector<std::string> types(const Document& document) {
  std::vector<std::string> out;
  for (const Block& block : document.blocks) out.emplace_back(block_type_name(block.content));
  return out;
}

std::string text_of(const Block& block) {
  if (const auto* p = std::get_if<Paragraph>(&block.content)) return plain_text(p->content);
  if (const auto* h = std::get_if<Heading>(&block.content)) return plain_text(h->content);
  if (const auto* r = std::get_if<Removed>(&block.content)) return r->text;
  if (const auto* l = std::get_if<RelatedLink>(&block.content)) return plain_text(l->text);
  return {};
}

const std::string lead =
    "Oil prices rose on Monday as traders weighed the chances of new supply cuts by the "
    "producers' group, while a weaker dollar made crude cheaper for holders of other currencies.";
const std::string second =
    "Brent crude futures were up 80 cents at $82.10 a barrel by 0900 GMT, and U.S. West Texas "
    "Intermediate crude gained 75 cents, the largest daily rise in more than two weeks of trade.";
const std::string third =
    "Analysts said the market would stay tight for the rest of the year unless demand in China, "
    "the world's largest importer of crude oil, fell more sharply than most of them expected.";

std::string wrap(const std::string& paragraph, std::size_t width) {
  std::string out, line;
  std::size_t start = 0;
  while (start <= paragraph.size()) {
    std::size_t end = paragraph.find(' ', start);
    if (end == std::string::npos) end = paragraph.size();
    const std::string word = paragraph.substr(start, end - start);
    if (!line.empty() && line.size() + 1 + word.size() > width) {
      out += line + "\n";
      line.clear();
    }
    line += (line.empty() ? "" : " ") + word;
    start = end + 1;
  }
  return out + line + "\n";
}

}  // namespace

TEST_CASE("a hard-wrapped wire story: paragraphs joined, dateline, subheading") {
  const std::string text = "Oil rises on supply worries\n\n" +
                           wrap("LONDON (Reuters) - " + lead, 72) + "\n" + wrap(second, 72) +
                           "\nMarket Outlook\n\n" + wrap(third, 72);
  const Document document = build(text);
  CHECK(document.metadata.title == "Oil rises on supply worries");
  CHECK(document.metadata.dateline_place == "London");
  CHECK(document.metadata.agency == "Reuters");
  CHECK(document.metadata.date.empty());
  CHECK(document.metadata.extras.at("wrap_width") == "72");
  CHECK(types(document) ==
        std::vector<std::string>{"paragraph", "paragraph", "heading", "paragraph"});
  CHECK(text_of(document.blocks[0]) == lead);
  CHECK(text_of(document.blocks[1]) == second);
  CHECK(text_of(document.blocks[2]) == "Market Outlook");
  CHECK(text_of(document.blocks[3]) == third);
  CHECK(document.blocks[0].lines.first == 3);
  CHECK(document.blocks[0].lines.last > 3);
}

TEST_CASE("without a title line, the title is derived from the lead") {
  const Document document = build(lead + "\n\n" + second + "\n");
  CHECK(document.metadata.title_derived);
  CHECK(document.metadata.title ==
        "Oil prices rose on Monday as traders weighed the chances of new supply cuts by the "
        "producers'…");
  CHECK(types(document) == std::vector<std::string>{"paragraph", "paragraph"});
}

TEST_CASE("a short line ending with a period between paragraphs is a paragraph") {
  const Document document = build("Title\n\n" + lead + "\n\nThat was all.\n\n" + second + "\n");
  CHECK(types(document) == std::vector<std::string>{"paragraph", "paragraph", "paragraph"});
}

TEST_CASE("a heading needs prose after it and blank lines around it") {
  // Before a READ MORE line, at the end, or glued to a paragraph: not a heading.
  Document document = build("Title\n\n" + lead + "\n\nMarket Outlook\n\nREAD MORE: Other story\n");
  CHECK(types(document) == std::vector<std::string>{"paragraph", "paragraph", "related"});
  document = build("Title\n\n" + lead + "\n\nMarket Outlook\n");
  CHECK(types(document) == std::vector<std::string>{"paragraph", "paragraph"});
  document = build("Title\n\n" + lead + "\nMarket Outlook\n" + second + "\n");
  CHECK(types(document) == std::vector<std::string>{"paragraph", "paragraph", "paragraph"});
}

TEST_CASE("one paragraph per line: a short capitalised line before prose is a heading") {
  const Document document = build(lead + "\nMarket Outlook\n" + second + "\n");
  CHECK(types(document) == std::vector<std::string>{"paragraph", "heading", "paragraph"});
}

TEST_CASE("standfirst: only between title and dateline, or a summary without period") {
  Document document = build(
      "Title\n\nA one-sentence summary that ends with a period.\n\n"
      "LONDON (Reuters) - " +
      lead + "\n");
  CHECK(document.metadata.standfirst == "A one-sentence summary that ends with a period.");
  document =
      build("Title\n\nA first paragraph that ends with a period and no dateline follows.\n\n" +
            second + "\n");
  CHECK(document.metadata.standfirst.empty());
  CHECK(types(document) == std::vector<std::string>{"paragraph", "paragraph"});
}

TEST_CASE("photos in the body: caption above a credit line, and a lone credit") {
  const Document document =
      build("Title\n\n" + lead + "\n\nTraders at the exchange\n© Reuters/John Doe\n\n" + second +
            "\n\n© AP\n\n" + third + "\n");
  REQUIRE(types(document) ==
          std::vector<std::string>{"paragraph", "figure", "paragraph", "figure", "paragraph"});
  const auto& figure = std::get<Figure>(document.blocks[1].content);
  CHECK(plain_text(figure.caption) == "Traders at the exchange");
  CHECK(figure.credit == "Reuters/John Doe");
  CHECK(figure.credit_mark == "\u00a9");
  CHECK(figure.as_written.empty());
  CHECK(document.blocks[1].lines == SourceLines{5, 6});
  const auto& lone = std::get<Figure>(document.blocks[3].content);
  CHECK(lone.caption.empty());
  CHECK(lone.credit == "AP");
  CHECK(lone.credit_mark == "\u00a9");
}

TEST_CASE("a photo-bank line gives a figure that keeps the line as written, nothing removed") {
  const std::string line =
      "\u00a9 Sputnik / Stringer / Go to the mediabankNATO's multinational battalion in Poland.";
  const Document document = build("Title\n\n" + line + "\n\n" + lead + "\n");
  REQUIRE(types(document) == std::vector<std::string>{"figure", "paragraph"});
  const auto& figure = std::get<Figure>(document.blocks[0].content);
  CHECK(plain_text(figure.caption) == "NATO's multinational battalion in Poland.");
  CHECK(figure.credit == "Sputnik / Stringer");
  CHECK(figure.as_written == line);
}

TEST_CASE("quoted lines form one blockquote, bullets one list") {
  const Document document =
      build("Title\n\n" + lead + "\n> First quoted.\n> Second quoted.\n- one\n- two\n");
  REQUIRE(types(document) == std::vector<std::string>{"paragraph", "blockquote", "list"});
  CHECK(std::get<BlockQuote>(document.blocks[1].content).paragraphs.size() == 2);
  CHECK(std::get<BlockQuote>(document.blocks[1].content).marker == ">");
  CHECK(std::get<List>(document.blocks[2].content).items.size() == 2);
  CHECK(std::get<List>(document.blocks[2].content).marker == "-");
}

TEST_CASE("a change of bullet starts a new list: READ MORE keeps its label as written") {
  const Document document =
      build("Title\n\n" + lead + "\n- one\n- two\n* three\nRead more: Finns Disenchanted\n" +
            second + "\n");
  REQUIRE(types(document) ==
          std::vector<std::string>{"paragraph", "list", "list", "related", "paragraph"});
  CHECK(std::get<List>(document.blocks[1].content).items.size() == 2);
  CHECK(std::get<List>(document.blocks[2].content).marker == "*");
  CHECK(std::get<RelatedLink>(document.blocks[3].content).label == "Read more:");
}

TEST_CASE("chrome inside the body is removed, numbers in the body are kept") {
  Document document = build("Title\n\n" + lead + "\n\nSubscribe\n\n" + second + "\n");
  CHECK(types(document) == std::vector<std::string>{"paragraph", "removed", "paragraph"});
  document = build("Title\n\n" + lead + "\nVotes per district:\n12\n7\n0\n");
  CHECK(types(document) ==
        std::vector<std::string>{"paragraph", "paragraph", "paragraph", "paragraph", "paragraph"});
  document = build("Title\n\n" + lead + "\n\n0\n");
  CHECK(types(document) == std::vector<std::string>{"paragraph", "removed"});
  CHECK(std::get<Removed>(document.blocks[1].content).reason == "site chrome: counter");
}

TEST_CASE("leading chrome, then a dateline-first article with a related list") {
  const Document document = build("All news\n\nMOSCOW, June 5. /TASS/. " + lead + "\n" + second +
                                  "\n- Headline one\n- Headline two\n" + third + "\n");
  CHECK(document.metadata.title_derived);
  CHECK(document.metadata.in_source.dateline_text == "MOSCOW, June 5. /TASS/.");
  CHECK(document.metadata.date == PartialDate{0, 6, 5});
  CHECK(types(document) ==
        std::vector<std::string>{"removed", "paragraph", "paragraph", "list", "paragraph"});
  CHECK(text_of(document.blocks[1]) == lead);
}

TEST_CASE("a dateline is only looked for at the start of the first paragraph") {
  const Document document =
      build("Title\n\n" + lead + "\n\n" + second + "\n\nLONDON (Reuters) - " + third + "\n");
  CHECK(document.metadata.dateline_place.empty());
  CHECK(text_of(document.blocks[2]).starts_with("LONDON (Reuters) - "));
}

TEST_CASE("language follows the dominant script") {
  CHECK(build("Заголовок\n\nМинистр заявил, что переговоры закончились.\n").metadata.language ==
        "ru");
  CHECK(build("Title\n\n" + lead + "\n").metadata.language == "en");
}

TEST_CASE("override: --text-layout lines keeps every line a paragraph") {
  const std::string text = "Title\n\n" + wrap(lead, 72) + "\n" + wrap(second, 72);
  CHECK(build(text).blocks.size() == 2);
  ReaderOptions options;
  options.layout = ReaderOptions::Layout::lines;
  std::string why;
  const auto document = build_article(text, why, options);
  REQUIRE(document);
  CHECK(document->blocks.size() > 4);
  CHECK_FALSE(document->metadata.extras.contains("wrap_width"));
}

TEST_CASE("override: --text-layout wrapped joins lines of uneven length too") {
  const std::string text =
      "Title\n\nA short line\nand a much longer line that goes on and on.\n\n"
      "Second paragraph.\n- a list item stays one\n";
  CHECK(build(text).blocks.size() == 4);
  ReaderOptions options;
  options.layout = ReaderOptions::Layout::wrapped;
  std::string why;
  const auto document = build_article(text, why, options);
  REQUIRE(document);
  REQUIRE(types(*document) == std::vector<std::string>{"paragraph", "paragraph", "list"});
  CHECK(text_of(document->blocks[0]) == "A short line and a much longer line that goes on and on.");
}

TEST_CASE("override: --no-title, --no-subheadings, --keep-chrome") {
  const std::string text = "Oil rises\n\n" + lead + "\n\nMarket Outlook\n\n" + second +
                           "\n\nSubscribe\n\n" + third + "\n\nNewsfeed\n0\n";
  const Document automatic = build(text);
  CHECK(automatic.metadata.title == "Oil rises");
  CHECK(types(automatic) == std::vector<std::string>{"paragraph", "heading", "paragraph", "removed",
                                                     "paragraph", "removed", "removed"});
  std::string why;
  const auto no_title = build_article(text, why, reader_options({{"no-title", "true"}}));
  REQUIRE(no_title);
  CHECK(no_title->metadata.title_derived);
  CHECK(text_of(no_title->blocks[0]) == "Oil rises");
  const auto no_headings = build_article(text, why, reader_options({{"no-subheadings", "true"}}));
  REQUIRE(no_headings);
  CHECK(types(*no_headings)[1] == "paragraph");
  const auto keep = build_article(text, why, reader_options({{"keep-chrome", "true"}}));
  REQUIRE(keep);
  for (const Block& block : keep->blocks)
    CHECK_FALSE(std::holds_alternative<Removed>(block.content));
  CHECK(keep->blocks.size() == 7);
}

TEST_CASE("override: a bad --text-layout value is an error") {
  CHECK_THROWS_AS(reader_options({{"text-layout", "columns"}}), Error);
  CHECK(reader_options({}).max_lines == ReaderOptions::default_max_lines);
  CHECK(reader_options({{"max-lines", "12"}}).max_lines == 12);
  for (const char* bad : {"0", "-3", "12k", " 5", "99999999999", "1000000001"})
    CHECK_THROWS_WITH(reader_options({{"max-lines", bad}}),
                      Catch::Contains("--max-lines must be a whole number"));
  CHECK(reader_options({{"text-layout", "auto"}}).layout == ReaderOptions::Layout::automatic);
}

TEST_CASE("a bullet line right before a credit line stays a list item, not a caption") {
  const Document document =
      build("Title\n" + lead + "\n- Kremlin suspects Trump\n(C) Reuters\n" + second + "\n");
  REQUIRE(types(document) == std::vector<std::string>{"paragraph", "list", "figure", "paragraph"});
  CHECK(std::get<List>(document.blocks[1].content).items.size() == 1);
  const auto& credit = std::get<Figure>(document.blocks[2].content);
  CHECK(credit.caption.empty());
  CHECK(credit.credit == "Reuters");
  CHECK(credit.credit_mark == "(C)");
}
