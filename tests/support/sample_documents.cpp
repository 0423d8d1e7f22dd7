#include "sample_documents.hpp"

#include <docconv/testing.hpp>

#include <limits>
#include <string>
#include <utility>

using std::string_literals::operator""s;

namespace docconv::test {
namespace {

using testing::block;
using testing::heading;
using testing::paragraph;
using testing::related;
using testing::removed;

// Makes articles of one collection differ where writers show it: title,
// agency, date, the first link.
void number_in_collection(Document& document, std::size_t number) {
  const std::string n = std::to_string(number);
  Metadata& m = document.metadata;
  m.title += ", part " + n;
  m.agency = m.publisher = number % 2 == 0 ? "Sputnik" : "TASS";
  m.date = PartialDate{2017, 6, static_cast<int>(1 + number % 28)};
  for (auto& block : document.blocks)
    if (auto* paragraph = std::get_if<Paragraph>(&block.content))
      for (auto& run : paragraph->content)
        if (run.kind == InlineKind::link) {
          run.target = "https://tass.com/politics/950000?from=docconv&n=" + n;
          return;
        }
}

}  // namespace

Document realistic_article(std::size_t number) {
  Document document = testing::sample_collection().documents.at(0);
  if (number > 0) number_in_collection(document, number);
  return document;
}

Collection realistic_collection(std::size_t count) {
  Collection collection;
  for (std::size_t i = 1; i <= count; ++i) collection.documents.push_back(realistic_article(i));
  return collection;
}

Document derived_title_article() {
  Document document;
  Metadata& m = document.metadata;
  m.title = "Russian Foreign Minister Sergey Lavrov has said that he will discuss with his\u2026";
  m.title_derived = true;
  m.agency = "TASS";
  m.dateline_place = "Moscow";
  m.date = PartialDate{2017, 6, 5};
  m.language = "en";
  m.source = "003_055dbd569b79eb43.txt";
  document.blocks.push_back(
      paragraph("Russian Foreign Minister Sergey Lavrov has said that he will discuss with his "
                "Belarussian counterpart Vladimir Makey coordinated action.",
                1));
  document.blocks.push_back(
      block(List{false,
                 {text_run("Putin points to NATO's non-cooperation"),
                  text_run("MP rips Montenegrin top envoy\u2019s \u2018display\u2019 for NATO")},
                 "-"},
            3, 4));
  document.blocks.push_back(paragraph("\"This sharply narrows variants for cooperation.\"", 5));
  // A photo-bank line: caption and credit cut out of it, the line kept as written.
  document.blocks.push_back(
      block(Figure{text_run("Sergey Lavrov"), "Sputnik / Stringer", "", "\u00a9",
                   "\u00a9 Sputnik / Stringer / Go to the mediabankSergey Lavrov"},
            7, 7));
  return document;
}

Document article_without_dateline() {
  Document document;
  document.metadata.title = "US using political pressure to draw Balkans into its orbit: Russia";
  document.metadata.language = "en";
  document.metadata.authors = {"Staff writer"};
  document.blocks.push_back(paragraph("The United States is using political pressure.", 5));
  document.blocks.push_back(paragraph("Moscow is concerned about such attempts.", 7));
  return document;
}

Document only_removed_article() {
  Document document;
  document.metadata.source = "chrome-only.txt";
  document.blocks.push_back(removed("Subscribe", "site chrome", 1, 1));
  document.blocks.push_back(removed("log in or register", "site chrome", 2, 2));
  document.blocks.push_back(block(Removed{"loader", ""}, 0, 0));
  return document;
}

Document special_characters_article() {
  return testing::sample_collection().documents.at(1);
}

Document non_latin_article() {
  return testing::sample_collection().documents.at(2);
}

Document hostile_article() {
  Document document;
  Metadata& m = document.metadata;
  std::string title =
      "../../etc/passwd <script>alert(\"x\")</script> & 'quotes' / "
      "\u041b\u0430\u0432\u0440\u043e\u0432 \u0627\u0644\u0639\u0631\u0628\u064a\u0629 "
      "\u4e2d\u6587 ";
  while (title.size() < 2000)
    title += "\u0417\u0430\u0433\u043e\u043b\u043e\u0432\u043e\u043a <&> ";
  m.title = title;
  m.standfirst = "Standfirst with ]]> and <!-- a comment --> and \x01 a control character";
  m.agency = "R&D <News>";
  m.dateline_place = "\u041c\u041e\u0421\u041a\u0412\u0410";
  m.date = PartialDate{0, 3, 8};
  m.language = "ru";
  m.authors = {"\u0418\u0432\u0430\u043d \"Vanya\" \u041f\u0435\u0442\u0440\u043e\u0432"};
  m.source = "../hostile.txt";
  auto& b = document.blocks;
  b.push_back(heading("<h2> & \"heading\" \u65e5\u672c\u8a9e", 1));
  b.push_back(
      paragraph("Invalid UTF-8 \xC3\x28 and \xFF bytes, a control \x07 and emoji "
                "\xF0\x9F\x98\x80.",
                2));
  b.push_back(block(
      Paragraph{{{InlineKind::link, "a relative link", "../secret.html"},
                 {InlineKind::text, " and ", {}},
                 {InlineKind::link, "a link with spaces", "https://example.org/a b?q=\u00e9&x=1"}}},
      3, 3));
  b.push_back(block(Figure{text_run("Caption <b>not bold</b>"),
                           "Credit & \u00a9 \u0424\u043e\u0442\u043e", "../../image.jpg"},
                    4, 4));
  b.push_back(related("READ MORE: javascript:alert(1)", "javascript:alert(1)", 5));
  b.push_back(paragraph("   ", 6));  // blank: writers leave it out
  b.push_back(heading("A level-1 heading in the body", 7, 1));
  b.push_back(
      paragraph("\u0645\u0631\u062d\u0628\u0627 \u0628\u0627\u0644\u0639\u0627\u0644\u0645 mixed "
                "with English.",
                8));
  return document;
}

std::vector<Document> all_samples() {
  return {realistic_article(),    derived_title_article(),      article_without_dateline(),
          only_removed_article(), special_characters_article(), hostile_article(),
          non_latin_article()};
}

Collection collection_of(std::vector<Document> documents) {
  Collection collection;
  collection.documents = std::move(documents);
  return collection;
}

std::string one_pixel_png() {
  static constexpr unsigned char bytes[] = {
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48,
      0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x02, 0x00, 0x00,
      0x00, 0x90, 0x77, 0x53, 0xde, 0x00, 0x00, 0x00, 0x0c, 0x49, 0x44, 0x41, 0x54, 0x78,
      0x9c, 0x63, 0x38, 0x63, 0xcc, 0x00, 0x00, 0x02, 0xce, 0x01, 0x00, 0x69, 0x34, 0xbf,
      0x08, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82};
  return std::string(reinterpret_cast<const char*>(bytes), sizeof bytes);
}

// ---- Generated documents ------------------------------------------------

const std::vector<std::string>& hostile_pieces() {
  static const std::vector<std::string> pieces = {
      // words, in several scripts
      "a", "word", "Foo", "x1", "2", "1990s", "e-mail", "don't", "Moscow",
      "\u041c\u043e\u0441\u043a\u0432\u0430", "\u6771\u4eac", "\u0645\u0631\u062d\u0628\u0627",
      "\u05e9\u05dc\u05d5\u05dd", "e\u0301", "\U0001F600", "\u00e9t\u00e9",
      // markup and paths
      "<", ">", "&", "&amp;", "&#65;", "]]>", "<!--", "-->", "<b>", "</p>", "\"", "'", "../", "/",
      "\\", "?", "#", "%2e",
      // white space
      " ", " ", " ", "\t", "\n", "\r\n", "\u00a0", "\u2028",
      // what XML 1.0 cannot hold, and bytes that are not UTF-8
      "\x01", "\x1f", std::string(1, '\0'), "\xef\xbf\xbe", "\xff", "\xc3\x28", "\xed\xa0\x80"};
  return pieces;
}

RandomChoices::RandomChoices(unsigned seed, std::vector<std::string> pieces)
    : engine_(seed), pieces_(std::move(pieces)) {}

std::size_t RandomChoices::below(std::size_t n) {
  return std::uniform_int_distribution<std::size_t>(0, n - 1)(engine_);
}

bool RandomChoices::chance(double p) {
  return std::uniform_real_distribution<double>(0, 1)(engine_) < p;
}

std::string RandomChoices::text(std::size_t size) {
  std::string out;
  const std::size_t pieces = below(size + 1);
  for (std::size_t i = 0; i < pieces; ++i) out += pieces_[below(pieces_.size())];
  return out;
}

std::string RandomChoices::target() {
  static const std::vector<std::string> targets = {"https://example.com/a_(b)",
                                                   "/path with space",
                                                   "a&amp;b",
                                                   "<x>",
                                                   "\\",
                                                   "http://x.y/?q=1&r=[2]",
                                                   "https://ru.example/\u0416",
                                                   "mailto:a@b.c",
                                                   "a)b(c",
                                                   "\ttab",
                                                   "../secret.html",
                                                   "javascript:alert(\"x\")",
                                                   ""};
  return targets[below(targets.size())];
}

Inlines DocumentGenerator::inlines() {
  Inlines out(choices_.below(5));
  for (auto& run : out) {
    const std::size_t roll = choices_.below(20);
    run.kind = roll < 12   ? InlineKind::text
               : roll < 15 ? InlineKind::emphasis
               : roll < 18 ? InlineKind::strong
                           : InlineKind::link;
    run.text = choices_.text(12);
    if (run.kind == InlineKind::link) run.target = choices_.target();
  }
  return out;
}

std::string DocumentGenerator::maybe_text(double p, std::size_t size) {
  return choices_.chance(p) ? choices_.text(size) : std::string();
}

std::vector<Inlines> DocumentGenerator::several_inlines() {
  std::vector<Inlines> out(choices_.below(4));
  for (auto& item : out) item = inlines();
  return out;
}

BlockContent DocumentGenerator::content() {
  const std::size_t roll = choices_.below(100);
  if (roll < 40) return Paragraph{inlines()};
  if (roll < 50) return Heading{1 + static_cast<int>(choices_.below(6)), inlines()};
  if (roll < 62) {
    const bool ordered = choices_.chance(0.5);
    return List{ordered, several_inlines(), maybe_text(0.3, 1)};
  }
  if (roll < 72) return BlockQuote{several_inlines(), maybe_text(0.3, 1)};
  if (roll < 80) {
    Figure figure{inlines(), choices_.text(4), {}};
    if (choices_.chance(0.3)) figure.image = choices_.target();
    figure.credit_mark = maybe_text(0.3, 1);
    figure.as_written = maybe_text(0.2, 8);
    return figure;
  }
  if (roll < 92) {
    RelatedLink link{inlines(), {}};
    if (choices_.chance(0.7)) link.target = choices_.target();
    link.label = maybe_text(0.5, 2);
    return link;
  }
  return Removed{choices_.text(8), maybe_text(0.5, 3)};
}

SourceLines DocumentGenerator::source_lines() {
  SourceLines lines;
  if (choices_.chance(0.7)) {
    lines.first = choices_.below(std::numeric_limits<std::size_t>::max());
    lines.last = lines.first + choices_.below(256);  // may wrap: readers' lines are any size_t
  }
  return lines;
}

Block DocumentGenerator::block() {
  BlockContent made = content();
  return Block{std::move(made), source_lines()};
}

PartialDate DocumentGenerator::date() {
  if (choices_.chance(0.8))
    return {choices_.chance(0.5) ? 1990 + static_cast<int>(choices_.below(40)) : 0,
            1 + static_cast<int>(choices_.below(12)), 1 + static_cast<int>(choices_.below(28))};
  // Anything, out of range too: a reader's date is not checked.
  return {static_cast<int>(choices_.below(10002)) - 1, static_cast<int>(choices_.below(15)) - 1,
          static_cast<int>(choices_.below(34)) - 1};
}

std::string DocumentGenerator::language() {
  switch (choices_.below(4)) {
    case 0:
      return "";
    case 1:
      return "en";
    case 2:
      return "ru";
    default:
      return choices_.text(2);
  }
}

Metadata DocumentGenerator::metadata() {
  Metadata m;
  m.title = choices_.text(10);
  m.title_derived = choices_.chance(0.2);
  m.standfirst = maybe_text(0.3, 10);
  m.authors.resize(choices_.below(3));
  for (auto& author : m.authors) author = choices_.text(3);
  m.publisher = maybe_text(0.3, 2);
  m.agency = maybe_text(0.3, 2);
  m.dateline_place = maybe_text(0.3, 3);
  if (choices_.chance(0.6)) m.date = date();
  m.language = language();
  m.source = maybe_text(0.5, 4);
  for (std::size_t i = choices_.below(3); i > 0; --i) {
    std::string key = choices_.text(2);
    m.identifiers[std::move(key)] = choices_.target();
  }
  for (std::size_t i = choices_.below(3); i > 0; --i) {
    std::string key = choices_.text(2);
    m.extras[std::move(key)] = choices_.text(4);
  }
  m.in_source.title = source_lines();
  m.in_source.standfirst = source_lines();
  m.in_source.byline = source_lines();
  m.in_source.dateline = source_lines();
  m.in_source.dateline_text = maybe_text(0.4, 6);
  return m;
}

Document DocumentGenerator::document(std::size_t blocks) {
  Document made;
  made.metadata = metadata();
  for (std::size_t i = 0; i < blocks; ++i) made.blocks.push_back(block());
  return made;
}

Collection DocumentGenerator::collection(std::size_t documents, std::size_t blocks) {
  Collection made;
  made.metadata.title = maybe_text(0.5, 6);
  made.metadata.authors.resize(choices_.below(3));
  for (auto& author : made.metadata.authors) author = choices_.text(3);
  made.metadata.language = language();
  made.metadata.publisher = maybe_text(0.3, 2);
  if (choices_.chance(0.3))
    made.metadata.source_date_epoch = static_cast<std::int64_t>(choices_.below(4102444801));
  for (std::size_t i = choices_.below(documents + 1); i > 0; --i)
    made.documents.push_back(document(choices_.below(blocks + 1)));
  return made;
}

}  // namespace docconv::test
