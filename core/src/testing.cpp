#include <docconv/testing.hpp>
#include <docconv/text.hpp>
#include <docconv/visit.hpp>

#include <fmt/format.h>

#include <ostream>
#include <string>
#include <utility>

using std::string_literals::operator""s;

namespace docconv::testing {

MemorySink::MemorySink(bool split) : split_(split) {}
MemorySink::~MemorySink() = default;

bool MemorySink::split() const {
  return split_;
}

std::ostream& MemorySink::stream() {
  if (split_) throw Error("the writer asked for one output stream, but --split was given");
  return main_;
}

std::ostream& MemorySink::open_part(std::string_view file_name) {
  if (!split_) throw Error("the writer opened a part, but --split was not given");
  // What the host's file output refuses too: hidden or unsafe names, and a name twice.
  if (file_name.empty() || file_name.front() == '.' ||
      file_name.find_first_of("/\\") != std::string_view::npos)
    throw Error(fmt::format("the writer opened a part named '{}', which is not a plain file name",
                            file_name));
  for (const auto& [name, stream] : parts_)
    if (name == file_name) throw Error(fmt::format("the writer opened {} twice", file_name));
  parts_.emplace_back(std::string(file_name), std::make_unique<std::ostringstream>());
  return *parts_.back().second;
}

std::string MemorySink::name() const {
  return "<memory>";
}

std::string MemorySink::text() const {
  return main_.str();
}

std::vector<std::pair<std::string, std::string>> MemorySink::parts() const {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& [name, stream] : parts_) out.emplace_back(name, stream->str());
  return out;
}

void CollectingDiagnostics::warn(std::string_view where, std::string_view message) {
  warnings.push_back(std::string(where) + ": " + std::string(message));
}

Block block(BlockContent content, std::size_t first, std::size_t last) {
  return Block{std::move(content), SourceLines{first, last}};
}

Block paragraph(std::string text, std::size_t line) {
  return block(Paragraph{text_run(std::move(text))}, line, line);
}

Block heading(std::string text, std::size_t line, int level) {
  return block(Heading{level, text_run(std::move(text))}, line, line);
}

Block removed(std::string text, std::string reason, std::size_t first, std::size_t last) {
  return block(Removed{std::move(text), std::move(reason)}, first, last);
}

Block related(std::string text, std::string target, std::size_t line, std::string label) {
  return block(RelatedLink{text_run(std::move(text)), std::move(target), std::move(label)}, line,
               line);
}

namespace {

// Every block kind and every inline kind, as the news-text reader makes
// them from a TASS dump, with source lines on every block.
Document english_article() {
  Document document;
  Metadata& m = document.metadata;
  m.title = "Lavrov: There are no threats in Baltic region that would justify its militarization";
  m.standfirst =
      "According to the diplomat, Russia negatively assesses NATO\u2019s course on involving "
      "other countries in NATO military activities";
  m.publisher = "TASS";
  m.agency = "TASS";
  m.dateline_place = "Moscow";
  m.date = PartialDate{0, 6, 6};
  m.language = "en";
  m.source = "fixtures/news/004_6902fbf2ab0facc4.txt";
  m.identifiers["url"] = "https://tass.com/politics/880000?utm source=feed";
  m.in_source = {.title = {3, 3},
                 .standfirst = {5, 5},
                 .byline = {},
                 .dateline = {10, 12},
                 .dateline_text = "MOSCOW, June 6. /TASS/."};
  m.extras["encoding"] = "UTF-8";

  auto& b = document.blocks;
  b.push_back(removed("All news", "site chrome", 1, 1));
  b.push_back(block(
      Figure{text_run("NATO drills in Poland"), "AP Photo/Czarek Sokolowski", "", "|"}, 6, 6));
  b.push_back(removed("NATO drills in Poland\n\u00a9 AP Photo/Czarek Sokolowski",
                      "duplicate caption", 7, 8));
  b.push_back(block(Paragraph{Inlines{
                        {InlineKind::text, "There are no threats that would justify the ", {}},
                        {InlineKind::emphasis, "militarization", {}},
                        {InlineKind::text, " of the Baltic Sea region, ", {}},
                        {InlineKind::strong, "Sergey Lavrov", {}},
                        {InlineKind::text, " said on Monday (", {}},
                        {InlineKind::link, "full text", "https://example.org/a b"},
                        {InlineKind::text, ").", {}},
                    }},
                    10, 12));
  b.push_back(paragraph(
      "\u201cWe are convinced that there are no threats in this region,\u201d the minister said.",
      14));
  b.push_back(
      related("Putin believes NATO expansion policy is short-sighted", "", 16, "READ MORE:"));
  b.push_back(heading("Russia does not have plans to attack NATO countries", 18));
  b.push_back(paragraph("The diplomat stressed that\u00a0Russia has never planned to attack.", 20));
  b.push_back(heading("Details of the talks", 22, 3));
  b.push_back(block(BlockQuote{{text_run("We do not hide our negative attitude."),
                                text_run("Here Russia\u2019s sovereign rights come into force.")},
                               ">"},
                    24, 26));
  b.push_back(block(List{false,
                         {text_run("Finland"), text_run("Sweden"), text_run("the Baltic states")},
                         "\u2022"},
                    28, 30));
  b.push_back(block(List{true, {text_run("first point"), text_run("second point")}}, 31, 32));
  b.push_back(
      heading("NATO used Ukraine conflict to find new reason to justify its existence", 34));
  b.push_back(paragraph("It cost $10.5 billion \u2014 or so they say.", 36));
  b.push_back(related("Russia warns NATO against military buildup", "https://tass.com/world/1", 38,
                      "Read more :"));
  b.push_back(removed("Newsfeed\n0\nTo participate in the discussion\nlog in or register",
                      "site chrome", 40, 43));
  return document;
}

// Markup characters, "]]>", quotes, characters XML 1.0 forbids, invalid
// UTF-8, a date that does not exist and a language that is no tag.
Document markup_article() {
  Document document;
  Metadata& m = document.metadata;
  m.title = "<b>Tags</b> & \"quotes\" & 'apostrophes' ]]> --> <!-- \x01\x1f control";
  m.standfirst = "Invalid UTF-8 \xff\xfe here and a lone surrogate \xed\xa0\x80 there";
  m.agency = "A&B <News>";
  m.dateline_place = "S\u00e3o Paulo & \"Rio\"";
  m.date = PartialDate{0, 2, 30};  // no such day: the date has no @when
  m.language = "not a language tag!";
  m.source = "weird <name> & \"quotes\".txt";
  m.identifiers["Source URL (canonical)"] = "http://example.org/?a=1&b=<2>";
  m.extras["scraped at"] = "2017-06-05 & later";
  document.blocks.push_back(heading("1 < 2 && 3 > 2", 2, 2));
  document.blocks.push_back(
      paragraph("Tab\there, CR\r, NUL \0 gone, U+FFFE \xef\xbf\xbe, U+FFFF \xef\xbf\xbf"s, 3));
  document.blocks.push_back(paragraph("&amp; is not an entity here; nor is &#65; or &lt;", 4));
  document.blocks.push_back(
      block(Paragraph{Inlines{{InlineKind::link, "a <link>", "javascript:alert(\"x\") <b>"},
                              {InlineKind::emphasis, "", {}},
                              {InlineKind::strong, "]]>", {}}}},
            5, 5));
  document.blocks.push_back(
      related("READ MORE: \"Quoted\" <headline> & more", "http://example.org/x y?q=\"z\"", 6));
  document.blocks.push_back(block(Figure{{}, "\u00a9 Credit only & more", "images/a b.jpg"}, 7, 7));
  document.blocks.push_back(heading("Deeper", 8, 4));
  document.blocks.push_back(heading("Back up", 9, 2));
  document.blocks.push_back(
      removed("\x02 chrome <div> & \"stuff\"", "site chrome & \"junk\"", 10, 10));
  document.blocks.push_back(
      block(List{false, {text_run("<item> & more"), text_run("]]>")}, "<&>"}, 11, 12));
  document.blocks.push_back(block(BlockQuote{{text_run("quoted \x01 & <more>")}, "&gt;"}, 13, 13));
  document.blocks.push_back(block(
      Figure{text_run("caption <b>"), "credit & co", "", "(c)", "(c) \x03 <as> written"}, 14, 14));
  return document;
}

// Cyrillic, CJK, Arabic, Hebrew, emoji, combining marks.
Document non_latin_article() {
  Document document;
  Metadata& m = document.metadata;
  m.title =
      "\u041b\u0430\u0432\u0440\u043e\u0432: \u0443\u0433\u0440\u043e\u0437 \u043d\u0435\u0442";
  m.standfirst =
      "\u65b0\u95fb\u6458\u8981 \u2014 \u0645\u0644\u062e\u0635 \u0627\u0644\u062e\u0628\u0631";
  m.dateline_place = "\u041c\u043e\u0441\u043a\u0432\u0430";
  m.agency = "\u0422\u0410\u0421\u0421";
  m.date = PartialDate{2016, 6, 6};
  m.language = "ru";
  m.authors = {"\u0418\u0432\u0430\u043d \u041f\u0435\u0442\u0440\u043e\u0432"};
  // The place in capitals and the date in Russian, as the source wrote them.
  m.in_source.dateline_text =
      "\u041c\u041e\u0421\u041a\u0412\u0410, 6 \u0438\u044e\u043d\u044f /\u0422\u0410\u0421\u0421/";
  document.blocks.push_back(paragraph(
      "\u0417\u0430\u0433\u043e\u0432\u043e\u043b\u043e\u0432\u043e\u043a \u0441\u0442\u0430\u0442"
      "\u044c\u0438 \U0001F600 e\u0301 \u05e2\u05d1\u05e8\u05d9\u05ea",
      1));
  document.blocks.push_back(
      heading("\u041f\u043e\u0434\u0437\u0430\u0433\u043e\u043b\u043e\u0432"
              "\u043e\u043a",
              3));
  document.blocks.push_back(paragraph("\u6771\u4eac \u3068 \u5317\u4eac", 5));
  document.blocks.push_back(removed(
      "\u0417\u0430\u0433\u043e\u043b\u043e\u0432\u043e\u043a \u043c\u0430\u0442\u0435\u0440\u0438"
      "\u0430\u043b\u0430",
      "stray Cyrillic line", 7, 7));
  return document;
}

}  // namespace

Collection sample_collection() {
  Collection collection;
  collection.metadata.title = "Sample articles";
  collection.metadata.authors = {"docconv"};
  collection.metadata.language = "en";
  collection.documents = {english_article(), markup_article(), non_latin_article()};
  return collection;
}

WriterRun run_writer(Writer& writer, const Collection& collection, bool split,
                     const OptionValues& options) {
  MemorySink sink(split);
  CollectingDiagnostics diagnostics;
  const WriteContext context{collection.metadata, sink, options, diagnostics};
  writer.begin(context);
  for (const auto& document : collection.documents) writer.add(document);
  writer.finish();
  return WriterRun{split ? std::string() : sink.text(), sink.parts(),
                   std::move(diagnostics.warnings)};
}

ReaderRun run_reader(Reader& reader, std::string_view bytes, std::string name,
                     const OptionValues& options) {
  CollectingDiagnostics diagnostics;
  const Input input{std::move(name), bytes};
  const ReadContext context{options, diagnostics};
  auto documents = reader.read(input, context);
  return ReaderRun{std::move(documents), std::move(diagnostics.warnings)};
}

namespace {

// Letters and digits; beyond ASCII everything but the punctuation,
// symbols, spaces and emoji that writers may typeset differently.
bool is_word_code_point(char32_t cp) {
  if (cp < 0x80)
    return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  return cp > 0xBF && cp != 0xD7 && cp != 0xF7 && !(cp >= 0x2000 && cp <= 0x2BFF) &&
         !(cp >= 0x3000 && cp <= 0x303F) && cp < 0xD800;
}

void add_words(std::vector<std::string>& words, std::string_view text) {
  std::size_t start = std::string_view::npos;
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t here = pos;
    const Utf8Sequence sequence = utf8_sequence_at(text, pos);
    std::size_t next = pos;
    const bool word = sequence.well_formed && is_word_code_point(next_code_point(text, next));
    pos += sequence.length;
    if (word && start == std::string_view::npos) start = here;
    if (!word && start != std::string_view::npos) {
      words.emplace_back(text.substr(start, here - start));
      start = std::string_view::npos;
    }
  }
  if (start != std::string_view::npos) words.emplace_back(text.substr(start));
}

}  // namespace

std::vector<std::string> visible_words(const Document& document) {
  std::vector<std::string> words;
  const auto add = [&](const Inlines& inlines) { add_words(words, plain_text(inlines)); };
  add_words(words, document.metadata.title);
  add_words(words, document.metadata.standfirst);
  for (const auto& block : document.blocks)
    visit_block(block.content, overloaded{
                                   [&](const Heading& heading) { add(heading.content); },
                                   [&](const Paragraph& paragraph) { add(paragraph.content); },
                                   [&](const BlockQuote& quote) {
                                     for (const auto& paragraph : quote.paragraphs) add(paragraph);
                                   },
                                   [&](const List& list) {
                                     for (const auto& item : list.items) add(item);
                                   },
                                   [&](const Figure& figure) { add(figure.caption); },
                                   [&](const RelatedLink& link) { add(link.text); },
                                   [](const Removed&) {},
                               });
  return words;
}

}  // namespace docconv::testing
