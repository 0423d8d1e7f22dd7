#include "sample_articles.hpp"

#include <string>
#include <utility>

namespace docconv::epub_test {
namespace {

Block block(BlockContent content) {
  return Block{std::move(content), {}};
}

Paragraph paragraph(std::string text) {
  return Paragraph{text_run(std::move(text))};
}

Heading heading(std::string text) {
  return Heading{2, text_run(std::move(text))};
}

}  // namespace

Document realistic_article(std::size_t number) {
  const std::string n = std::to_string(number);
  Document document;
  Metadata& meta = document.metadata;
  meta.title = "Lavrov: there are no threats in the Baltic region, part " + n;
  meta.standfirst = "According to the diplomat, Russia negatively assesses NATO\u2019s course";
  meta.agency = number % 2 == 0 ? "Sputnik" : "TASS";
  meta.dateline_place = "MOSCOW";
  meta.date = PartialDate{2017, 6, static_cast<int>(1 + number % 28)};
  meta.language = "en";
  meta.source = "fixtures/news/article-" + n + ".txt";

  auto& blocks = document.blocks;
  blocks.push_back(block(Removed{"All news", "site chrome"}));
  blocks.push_back(
      block(Figure{text_run("NATO drills in Poland"), "\u00a9 AP Photo/Czarek Sokolowski", ""}));
  blocks.push_back(block(Paragraph{{
      {InlineKind::text,
       "There are no threats that would justify the militarization of the Baltic Sea region, ",
       {}},
      {InlineKind::emphasis, "Russian Foreign Minister Sergey Lavrov", {}},
      {InlineKind::text, " said on Monday (item " + n + "), according to ", {}},
      {InlineKind::link, "TASS", "https://tass.com/politics/950000?from=epub&n=" + n},
      {InlineKind::text, ".", {}},
  }}));
  blocks.push_back(block(paragraph(
      "\"We are convinced that there are no threats in this region,\" the minister said.")));
  blocks.push_back(block(RelatedLink{
      text_run("Editor Explains How NATO, EU Benefit From Silencing Russian Media"), ""}));
  blocks.push_back(block(RelatedLink{text_run("What are the 'Ingredients' of a New Cold War?"),
                                     "https://sputniknews.com/analysis/201711.html"}));
  blocks.push_back(block(heading("Russia does not have plans to attack NATO countries")));
  blocks.push_back(block(Paragraph{{
      {InlineKind::strong, "The diplomat stressed", {}},
      {InlineKind::text,
       " that Russia has never planned and does not plan to attack any NATO member country.",
       {}},
  }}));
  blocks.push_back(block(Removed{removed_marker, "site chrome"}));
  blocks.push_back(
      block(BlockQuote{{text_run("I am confident that serious and honest politicians know that."),
                        text_run("We do not have any plans like this.")}}));
  blocks.push_back(
      block(List{false, {text_run("Finland"), text_run("Sweden"), text_run("the Baltic states")}}));
  blocks.push_back(block(heading("Russia will react to NATO\u2019s actions")));
  blocks.push_back(
      block(paragraph("The minister stressed that Russia reserves its sovereign right to react.")));
  blocks.push_back(
      block(List{true, {text_run("first, the drills"), text_run("second, the infrastructure")}}));
  blocks.push_back(block(paragraph(
      "International maritime drills BALTOPS-2016 have started today, report " + n + ".")));
  blocks.push_back(block(
      Removed{"Newsfeed\n0\nTo participate in the discussion log in or register", "site chrome"}));
  return document;
}

Collection realistic_collection(std::size_t count) {
  Collection collection;
  for (std::size_t i = 1; i <= count; ++i) collection.documents.push_back(realistic_article(i));
  return collection;
}

Document hostile_article() {
  Document document;
  Metadata& meta = document.metadata;
  std::string title =
      "../../etc/passwd <script>alert(\"x\")</script> & 'quotes' / "
      "\u041b\u0430\u0432\u0440\u043e\u0432 \u0627\u0644\u0639\u0631\u0628\u064a\u0629 "
      "\u4e2d\u6587 ";
  while (title.size() < 2000)
    title += "\u0417\u0430\u0433\u043e\u043b\u043e\u0432\u043e\u043a <&> ";
  meta.title = title;
  meta.standfirst = "Standfirst with ]]> and <!-- a comment --> and \x01 a control character";
  meta.agency = "R&D <News>";
  meta.dateline_place = "\u041c\u041e\u0421\u041a\u0412\u0410";
  meta.date = PartialDate{0, 3, 8};  // no year: not a valid datetime attribute
  meta.language = "ru";
  meta.authors = {"\u0418\u0432\u0430\u043d \"Vanya\" \u041f\u0435\u0442\u0440\u043e\u0432"};
  meta.source = "hostile.txt";
  auto& blocks = document.blocks;
  blocks.push_back(block(heading("<h2> & \"heading\" \u65e5\u672c\u8a9e")));
  blocks.push_back(
      block(paragraph("Invalid UTF-8 \xC3\x28 and \xFF bytes, a NUL-free control \x07 and emoji "
                      "\xF0\x9F\x98\x80.")));
  blocks.push_back(
      block(paragraph("\u0420\u0443\u0441\u0441\u043a\u0438\u0439 \u0442\u0435\u043a\u0441\u0442 "
                      "</p><p>not markup</p> &amp; &lt;")));
  blocks.push_back(block(Paragraph{
      {{InlineKind::link, "a relative link", "../secret.html"},
       {InlineKind::text, " and ", {}},
       {InlineKind::link, "a link with spaces", "https://example.org/a b?q=\u00e9&x=1"}}}));
  blocks.push_back(block(Figure{text_run("Caption <b>not bold</b>"),
                                "Credit & \u00a9 \u0424\u043e\u0442\u043e", "../../image.jpg"}));
  blocks.push_back(
      block(RelatedLink{text_run("READ MORE: javascript:alert(1)"), "javascript:alert(1)"}));
  blocks.push_back(block(paragraph("   ")));  // blank: left out
  blocks.push_back(block(Heading{1, text_run("A level-1 heading in the body")}));
  blocks.push_back(
      block(paragraph("\u0645\u0631\u062d\u0628\u0627 \u0628\u0627\u0644\u0639\u0627\u0644\u0645 "
                      "mixed with English.")));
  return document;
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

}  // namespace docconv::epub_test
