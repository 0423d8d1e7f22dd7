// DAISY Ace, the accessibility checker publishers run on EPUBs, on three
// books: the fixtures (English), a Russian set and a hostile one. Ace is
// installed by scripts/setup (pinned, into .tools/ace) and drives Debian's
// Chromium; a missing Ace fails this test rather than skipping it.
#include "epub_book.hpp"
#include "sample_documents.hpp"

#include "support.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <future>

using namespace docconv;
using namespace docconv::epub_test;

namespace {

std::filesystem::path ace_cli() {
  return test::source_dir() / ".tools" / "ace" / "node_modules" / ".bin" / "ace-cli";
}

struct AceResult {
  std::string outcome;                  ///< "pass" or "fail", for the whole book
  std::vector<std::string> violations;  ///< "page: rule (impact)"
  std::vector<std::string> missing_metadata;
  std::string log;
};

AceResult run_ace(const std::filesystem::path& book, const std::filesystem::path& report_dir) {
  const auto run =
      test::run(ace_cli(), {"--silent", "--force", "--outdir", report_dir.string(), book.string()},
                {{"PUPPETEER_EXECUTABLE_PATH", "/usr/bin/chromium"}});
  AceResult result;
  result.log = run.out + run.err;
  if (run.exit_code != 0 || !std::filesystem::exists(report_dir / "report.json")) return result;
  const auto report = nlohmann::json::parse(test::read_file(report_dir / "report.json"));
  result.outcome = report.at("earl:result").at("earl:outcome").get<std::string>();
  for (const auto& page : report.at("assertions"))
    for (const auto& assertion : page.value("assertions", nlohmann::json::array()))
      if (assertion.at("earl:result").at("earl:outcome") != "pass")
        result.violations.push_back(
            page.at("earl:testSubject").at("url").get<std::string>() + ": " +
            assertion.at("earl:test").at("dct:title").get<std::string>() + " (" +
            assertion.at("earl:test").value("earl:impact", std::string("?")) + ")");
  for (const auto& name : report.at("a11y-metadata").at("missing"))
    result.missing_metadata.push_back(name.get<std::string>());
  return result;
}

// A hostile article whose related links come in three separate groups: three
// "Read more" landmarks on one page.
Document article_with_three_asides() {
  Document document = test::hostile_article();
  const Block related = document.blocks.at(4);  // the javascript: related link
  for (int i = 0; i < 2; ++i) {
    document.blocks.push_back(document.blocks.at(1));  // a paragraph between
    document.blocks.push_back(related);
  }
  return document;
}

}  // namespace

TEST_CASE("DAISY Ace finds no violation in an English, a Russian and a hostile book") {
  REQUIRE(std::filesystem::exists(ace_cli()));  // scripts/setup installs it
  test::TempDir folder;
  test::write_file(folder / "cover.png", test::one_pixel_png());

  std::vector<std::string> english{"convert"};
  for (const auto& file : test::news_fixtures()) english.push_back(file.string());
  english.insert(english.end(), {"-o", (folder / "english.epub").string()});
  std::vector<std::string> russian{"convert"};
  for (const auto& entry : std::filesystem::directory_iterator(test::fixtures_dir() / "news-dev"))
    if (entry.path().filename().string().starts_with("ru-") && entry.path().extension() == ".txt")
      russian.push_back(entry.path().string());
  REQUIRE(russian.size() >= 4);
  russian.insert(russian.end(), {"-o", (folder / "russian.epub").string()});
  for (const auto& args : {english, russian}) {
    const auto converted = test::run_cli(args);
    INFO(converted.err);
    REQUIRE(converted.exit_code == 0);
  }
  Collection hostile = test::collection_of(test::all_samples());
  hostile.documents.push_back(article_with_three_asides());
  hostile.metadata.title = "Title with <markup> & \"quotes\"";
  test::write_file(folder / "hostile.epub",
                   write_epub(hostile, {{"cover", (folder / "cover.png").string()}}));

  // Chromium takes a few seconds per book: all three at once.
  std::vector<std::future<AceResult>> runs;
  for (const auto* name : {"english", "russian", "hostile"})
    runs.push_back(std::async(std::launch::async, run_ace, folder / (std::string(name) + ".epub"),
                              folder / (std::string(name) + "-ace")));
  const char* const names[] = {"english", "russian", "hostile"};
  for (std::size_t i = 0; i < runs.size(); ++i) {
    const AceResult result = runs[i].get();
    std::string violations;
    for (const auto& violation : result.violations) violations += "\n  " + violation;
    INFO(names[i] << ".epub:" << violations << "\n" << result.log);
    CHECK(result.outcome == "pass");
    CHECK(result.violations.empty());
    // The conformance claim (dcterms:conformsTo) and who makes it are there;
    // a certifier's credential and report are not claimed.
    CHECK(result.missing_metadata ==
          std::vector<std::string>{"a11y:certifierCredential", "a11y:certifierReport"});
  }
}

TEST_CASE("a contents entry's text has no white space the writer added") {
  // Readers that show the contents as plain text (Calibre's panel) keep every
  // space and line break inside a link.
  Collection collection = test::realistic_collection(3);
  const ZipReader book(write_epub(collection));
  pugi::xml_document nav;
  parse_xml(nav, book.read("EPUB/nav.xhtml"), "nav.xhtml");
  const auto links = nav.select_nodes("//*[local-name()='nav'][@id='toc']//*[local-name()='a']");
  REQUIRE(links.size() >= 3);
  for (const auto& link : links) {
    std::string raw;  // the text as it is, not collapsed
    for (const auto& node : link.node().select_nodes(".//text()")) raw += node.node().value();
    INFO(raw);
    CHECK(raw.find('\n') == std::string::npos);
    CHECK(raw.find("  ") == std::string::npos);
  }
  CHECK(std::string(nav.select_node("//*[@id='toc']").node().attribute("role").value()) ==
        "doc-toc");
}

TEST_CASE("subheadings nest by their levels and never skip one") {
  // The model's levels 3, 3, 5, 2, 4: siblings stay siblings, and no
  // heading is more than one level below the one it belongs under.
  Document document;
  document.metadata.title = "Levels";
  for (const int level : {3, 3, 5, 2, 4})
    document.blocks.push_back(Block{Heading{level, text_run("Heading")}, {}});
  const ZipReader book(write_epub(test::collection_of({document})));
  pugi::xml_document page;
  parse_xml(page, book.read("EPUB/text/article-0001.xhtml"), "article page");
  std::vector<std::string> names;
  for (const auto& heading :
       page.select_nodes("//*[local-name()='article']/*[starts-with(local-name(), 'h') and "
                         "local-name() != 'header']"))
    names.emplace_back(heading.node().name());
  CHECK(names == std::vector<std::string>{"h2", "h2", "h3", "h2", "h3"});
}
