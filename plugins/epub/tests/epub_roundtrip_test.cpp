// Round trip: read the produced EPUB back (libzip + pugixml) and check that
// every block of the source documents is there, in order, and nothing else.
#include "epub_book.hpp"
#include "sample_documents.hpp"

#include "host/convert.hpp"
#include "support.hpp"

#include <docconv/text.hpp>

#include <docconv/phrases.hpp>

#include <catch2/catch.hpp>

#include <variant>

using namespace docconv;
using namespace docconv::epub_test;
using namespace docconv::test;

namespace {

template <class... F>
struct overloaded : F... {
  using F::operator()...;
};
template <class... F>
overloaded(F...) -> overloaded<F...>;

std::string clean(const std::string& text) {
  return collapse_whitespace(xml_safe(text));
}
std::string clean(const Inlines& inlines) {
  return clean(plain_text(inlines));
}

std::string joined(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& part : parts) out += (out.empty() ? "" : " | ") + part;
  return out;
}

std::string joined_nonblank(const std::vector<Inlines>& items) {
  std::vector<std::string> texts;
  for (const auto& item : items)
    if (!clean(item).empty()) texts.push_back(clean(item));
  return joined(texts);
}

/// What a reader of the book should find, block by block, as "kind: text".
std::vector<std::string> expected_blocks(const Document& document) {
  std::vector<std::string> out;
  const auto add = [&](const std::string& kind, const std::string& text) {
    if (!text.empty()) out.push_back(kind + ": " + text);
  };
  for (const auto& block : document.blocks) {
    std::visit(overloaded{
                   [&](const Heading& h) { add("heading", clean(h.content)); },
                   [&](const Paragraph& p) { add("p", clean(p.content)); },
                   [&](const BlockQuote& q) { add("blockquote", joined_nonblank(q.paragraphs)); },
                   [&](const List& l) { add(l.ordered ? "ol" : "ul", joined_nonblank(l.items)); },
                   [&](const Figure& f) {
                     // Caption, the source's credit mark when there is a credit, credit.
                     const std::string mark = clean(f.credit).empty() ? "" : f.credit_mark;
                     add("figure", clean(plain_text(f.caption) + " " + mark + " " + f.credit));
                   },
                   [&](const RelatedLink& r) { add("related", clean(r.text)); },
                   [&](const Removed&) {},
               },
               block.content);
  }
  return out;
}

std::vector<std::string> child_texts(pugi::xml_node parent, const char* xpath) {
  std::vector<std::string> out;
  for (const auto& node : parent.select_nodes(xpath)) out.push_back(text_of(node.node()));
  return out;
}

/// What the page shows after its header, block by block, as "kind: text".
std::vector<std::string> found_blocks(pugi::xml_node article) {
  std::vector<std::string> out;
  for (const pugi::xml_node child : article.children()) {
    if (child.type() == pugi::node_pcdata) {
      if (!collapse_whitespace(child.value()).empty())
        out.push_back("unexpected text: " + collapse_whitespace(child.value()));
      continue;
    }
    const std::string name = child.name();
    if (name == "header") continue;
    if (name.size() == 2 && name[0] == 'h' && name[1] >= '2' && name[1] <= '6')
      out.push_back("heading: " + text_of(child));
    else if (name == "p")
      out.push_back("p: " + text_of(child));
    else if (name == "blockquote")
      out.push_back("blockquote: " + joined(child_texts(child, "p")));
    else if (name == "ul" || name == "ol")
      out.push_back(name + ": " + joined(child_texts(child, "li")));
    else if (name == "figure")
      out.push_back("figure: " + text_of(child));
    else if (name == "aside")
      for (const auto& text : child_texts(child, "ul/li")) out.push_back("related: " + text);
    else
      out.push_back("unexpected <" + name + ">: " + text_of(child));
  }
  return out;
}

std::vector<std::string> expected_paragraphs(const Document& document) {
  std::vector<std::string> out;
  for (const auto& block : document.blocks)
    if (const auto* paragraph = std::get_if<Paragraph>(&block.content))
      if (!clean(paragraph->content).empty()) out.push_back(clean(paragraph->content));
  return out;
}

/// `removed_text_is_unique`: the removed blocks' text appears nowhere else in
/// the articles, so finding it in the book means a removed block leaked. (Not
/// so for real scrapes: news-text removes duplicated captions, whose text the
/// figure rightly keeps, and one-word chrome such as "0".)
void check_round_trip(const Collection& collection, bool removed_text_is_unique) {
  const std::string bytes = write_epub(collection);
  const ZipReader book(bytes);
  std::vector<std::string> pages;
  for (const auto& page : spine_documents(book))
    if (page.find("/article-") != std::string::npos) pages.push_back(page);
  REQUIRE(pages.size() == collection.documents.size());

  for (std::size_t i = 0; i < pages.size(); ++i) {
    const Document& document = collection.documents[i];
    INFO(pages[i] << " from " << document.metadata.source);
    pugi::xml_document page;
    parse_xml(page, book.read(pages[i]), pages[i]);
    const pugi::xml_node article = page.select_node("/html/body/article").node();
    REQUIRE(article);

    // Every paragraph, in order, and nothing else.
    CHECK(child_texts(article, "p") == expected_paragraphs(document));
    // And every other block as well, in the order of the source.
    CHECK(found_blocks(article) == expected_blocks(document));

    const Metadata& meta = document.metadata;
    CHECK(child_texts(article, "header/h1") == std::vector<std::string>{clean(meta.title)});
    if (!meta.standfirst.empty())
      CHECK(child_texts(article, "header/p[@class='standfirst']") ==
            std::vector<std::string>{clean(meta.standfirst)});
    const auto one_or_none = [](const std::string& text) {
      return text.empty() ? std::vector<std::string>{} : std::vector<std::string>{text};
    };
    CHECK(child_texts(article, "header/p[@class='dateline']/span[@class='place']") ==
          one_or_none(clean(meta.dateline_place)));
    CHECK(child_texts(article, "header/p[@class='dateline']/span[@class='agency']") ==
          one_or_none(clean(meta.agency)));
    CHECK(child_texts(article, "header/p[@class='dateline']/time") ==
          one_or_none(Phrases::of(meta.language).date(meta.date)));
  }

  // Removed blocks are nowhere in the book.
  if (!removed_text_is_unique) return;
  for (const auto& entry : book.entries()) {
    const std::string content = book.read(entry.name);
    for (const auto& document : collection.documents)
      for (const auto& block : document.blocks)
        if (const auto* removed = std::get_if<Removed>(&block.content)) {
          INFO(entry.name << " contains removed text: " << removed->text);
          CHECK(content.find(removed->text) == std::string::npos);
        }
  }
}

class QuietReporter final : public host::Reporter {
 public:
  void warn(std::string_view, std::string_view) override {}
  void error(std::string_view where, std::string_view message) override {
    errors.push_back(std::string(where) + ": " + std::string(message));
  }
  std::vector<std::string> errors;
};

/// The news fixtures as the news-text reader plugin reads them.
Collection fixture_collection() {
  host::ReadRequest request;
  for (const auto& file : test::news_fixtures()) request.inputs.push_back(file.string());
  QuietReporter reporter;
  host::ConvertResult result;
  Collection collection;
  host::read_documents(
      test::project_plugins(), request, reporter,
      [&](Document&& document) { collection.documents.push_back(std::move(document)); }, result);
  INFO(reporter.errors.size() << " errors reading the fixtures");
  REQUIRE(reporter.errors.empty());
  return collection;
}

}  // namespace

TEST_CASE("round trip: the news fixtures as read by the news-text reader") {
  const Collection collection = fixture_collection();
  REQUIRE(collection.documents.size() == test::news_fixtures().size());
  check_round_trip(collection, false);
}

TEST_CASE("round trip: a realistic multi-article book") {
  check_round_trip(realistic_collection(7), true);
}

TEST_CASE("round trip: special characters, non-Latin text and invalid bytes") {
  Collection collection;
  collection.documents = {hostile_article(), realistic_article(1)};
  check_round_trip(collection, true);
}

TEST_CASE("round trip: links keep their text, only absolute web links become links") {
  Collection collection;
  collection.documents = {realistic_article(2), hostile_article()};
  const ZipReader book(write_epub(collection));
  pugi::xml_document page;
  parse_xml(page, book.read("EPUB/text/article-0001.xhtml"), "article 1");
  CHECK(std::string(page.select_node("//article/p/a").node().attribute("href").value()) ==
        "https://tass.com/politics/950000?from=docconv&n=2");
  CHECK(std::string(page.select_node("//aside//a").node().attribute("href").value()) ==
        "https://tass.com/world/1");
  CHECK(text_of(page.select_node("//article/p/em").node()) == "militarization");
  CHECK(text_of(page.select_node("//article/p/strong").node()) == "Sergey Lavrov");
  CHECK(text_of(page.select_node("//aside/p").node()) == "Read more");

  pugi::xml_document hostile;
  parse_xml(hostile, book.read("EPUB/text/article-0002.xhtml"), "article 2");
  std::vector<std::string> hrefs;
  for (const auto& link : hostile.select_nodes("//a"))
    hrefs.push_back(link.node().attribute("href").value());
  // The relative link and javascript: are text; the one with spaces is encoded.
  CHECK(hrefs == std::vector<std::string>{"https://example.org/a%20b?q=%C3%A9&x=1"});
  CHECK(hostile.select_nodes("//time[@datetime]").empty());  // no year: no datetime attribute
}
