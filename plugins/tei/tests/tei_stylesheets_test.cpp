// The TEI as its consumers see it: rendered to HTML by the TEI Consortium's
// own stylesheets (fixtures/tei-stylesheets, html/html.xsl) with Saxon-HE,
// each article's title is shown once, and the text the reader removed (site
// chrome) is shown only in the back matter, as written, its reason not
// mixed into it.

#include "sample_documents.hpp"
#include "source_inputs.hpp"
#include "tei_runs.hpp"

#include "support.hpp"

#include <docconv/text.hpp>

#include <catch2/catch.hpp>

#include <pugixml.hpp>

#include <algorithm>

#include <string>
#include <vector>

using namespace docconv;
using namespace docconv::tei::test;
using docconv::test::collection_of;
using docconv::test::TempDir;
namespace fs = std::filesystem;

namespace {

std::vector<Document> read_inputs(const std::vector<fs::path>& paths) {
  std::vector<Document> documents;
  for (const auto& path : paths)
    for (auto& document : read_news_text(path.string(), docconv::test::read_file(path)))
      documents.push_back(std::move(document));
  return documents;
}

std::vector<fs::path> russian_dumps() {
  std::vector<fs::path> paths;
  for (const auto& entry : fs::directory_iterator(docconv::test::fixtures_dir() / "news-dev"))
    if (entry.path().filename().string().rfind("ru-", 0) == 0 && entry.path().extension() == ".txt")
      paths.push_back(entry.path());
  std::sort(paths.begin(), paths.end());
  return paths;
}

// `tei` rendered by html/html.xsl as XHTML, parsed.
pugi::xml_document render(const TempDir& folder, const std::string& tei) {
  const fs::path source = folder / "corpus.tei.xml";
  const fs::path rendered = folder / "corpus.xhtml";
  docconv::test::write_file(source, tei);
  const auto run = docconv::test::run(
      DOCCONV_JAVA,
      {"-jar", DOCCONV_SAXON_JAR, "-s:" + source.string(),
       "-xsl:" + (docconv::test::fixtures_dir() / "tei-stylesheets" / "html" / "html.xsl").string(),
       "-o:" + rendered.string(), "outputMethod=xml"});
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  pugi::xml_document html;
  REQUIRE(html.load_file(rendered.c_str()));
  return html;
}

std::string text_of(pugi::xml_node node) {
  std::string text;
  for (const pugi::xpath_node& piece : node.select_nodes(".//text()")) text += piece.node().value();
  return collapse_whitespace(text);
}

std::size_t occurrences(std::string_view text, std::string_view part) {
  std::size_t count = 0;
  for (std::size_t at = text.find(part); at != std::string_view::npos;
       at = text.find(part, at + part.size()))
    ++count;
  return count;
}

// Each member's title (its titleStmt's), as many times as the page shows it.
std::vector<std::pair<std::string, std::size_t>> titles_shown(const pugi::xml_document& tei,
                                                              const pugi::xml_document& html) {
  const std::string page = text_of(html.document_element().child("body"));
  std::vector<std::pair<std::string, std::size_t>> shown;
  for (const pugi::xpath_node& title :
       tei.select_nodes("/teiCorpus/TEI/teiHeader/fileDesc/titleStmt/title")) {
    const std::string text = collapse_whitespace(title.node().text().as_string());
    shown.emplace_back(text, occurrences(page, text));
  }
  return shown;
}

bool has_class(pugi::xml_node node, std::string_view name) {
  const std::string classes = std::string(" ") + node.attribute("class").value() + " ";
  return classes.find(" " + std::string(name) + " ") != std::string::npos;
}

bool inside_back_matter(pugi::xml_node node) {
  for (; node; node = node.parent())
    if (has_class(node, "tei_back")) return true;
  return false;
}

}  // namespace

TEST_CASE("the TEI Consortium's stylesheets show each title once and removed text apart") {
  std::vector<Document> documents = read_inputs(docconv::test::news_fixtures());
  for (auto& document : read_inputs(russian_dumps())) documents.push_back(std::move(document));
  REQUIRE(documents.size() >= 10);
  const std::string tei_text = write_tei(collection_of(documents));
  const pugi::xml_document tei = parse_tei(tei_text);
  TempDir folder;
  const pugi::xml_document html = render(folder, tei_text);

  const auto titles = titles_shown(tei, html);
  REQUIRE(titles.size() == documents.size());
  for (const auto& [title, count] : titles) {
    INFO(title);
    CHECK(count == 1);
  }

  const auto removed = tei.select_nodes("//back/div/ab[@type='removed']");
  REQUIRE(removed.size() >= 5);  // the fixtures' chrome and duplicate captions
  for (const pugi::xpath_node& ab : removed) {
    const std::string id = ab.node().attribute("xml:id").value();
    INFO(id);
    const pugi::xml_node shown = html.select_node(("//*[@id='" + id + "']").c_str()).node();
    REQUIRE(shown);
    CHECK(inside_back_matter(shown));
    // Its text as written, without its reason ("Subscribesite chrome").
    CHECK(text_of(shown) == collapse_whitespace(ab.node().child("surplus").text().as_string()));
  }
}

TEST_CASE("the title check of the stylesheet test fails on a title shown twice") {
  // Proves the check above can fail: a body head repeating the title, as
  // docconv wrote it before, makes the stylesheets show it twice.
  Document article = read_inputs({docconv::test::news_fixtures().front()}).front();
  Document other = read_inputs({docconv::test::news_fixtures().back()}).front();
  std::string tei_text = write_tei(collection_of({article, other}));
  const std::size_t body = tei_text.find("<body>");
  REQUIRE(body != std::string::npos);
  tei_text.insert(body + 6, "<head>" + escape_xml_text(article.metadata.title) + "</head>");
  TempDir folder;
  const auto titles = titles_shown(parse_tei(tei_text), render(folder, tei_text));
  REQUIRE(titles.size() == 2);
  CHECK(titles[0].second == 2);
  CHECK(titles[1].second == 1);
}
