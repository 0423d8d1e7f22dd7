// The tei writer on the real article set (fixtures/news) as the news-text
// reader reads it: valid TEI through the CLI, and nothing of the text lost.

#include "sample_articles.hpp"
#include "tei_runs.hpp"
#include "tei_text.hpp"

#include "host/registry.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <set>
#include <sstream>

using namespace docconv;
using namespace docconv::tei::test;
using docconv::test::TempDir;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> fixture_arguments() {
  std::vector<std::string> paths;
  for (const auto& path : docconv::test::news_fixtures()) paths.push_back(path.string());
  return paths;
}

/// The fixtures read in process by the news-text plugin, one document each.
std::vector<Document> read_fixtures() {
  const host::LoadedPlugin* plugin =
      docconv::test::project_plugins().find("news-text", PluginKind::reader);
  REQUIRE(plugin != nullptr);
  const auto reader = host::PluginRegistry::make_reader(*plugin);
  CollectedWarnings warnings;
  const OptionValues options;
  const ReadContext context{options, warnings};
  std::vector<Document> documents;
  for (const auto& path : docconv::test::news_fixtures()) {
    const std::string bytes = docconv::test::read_file(path);
    for (auto& document : reader->read(Input{path.string(), bytes}, context))
      documents.push_back(std::move(document));
  }
  return documents;
}

docconv::test::RunResult convert(std::vector<std::string> args) {
  std::vector<std::string> command{"convert"};
  command.insert(command.end(), args.begin(), args.end());
  return docconv::test::run_cli(command, {{"SOURCE_DATE_EPOCH", "1700000000"}});
}

/// Words separated by white space, a no-break space counting as white space.
std::multiset<std::string> words(std::string text) {
  for (std::size_t at = text.find("\u00a0"); at != std::string::npos; at = text.find("\u00a0"))
    text.replace(at, 2, " ");
  std::istringstream stream(text);
  std::multiset<std::string> found;
  for (std::string word; stream >> word;) found.insert(word);
  return found;
}

/// All text of an article's `text` element, as a reader of the TEI sees it,
/// less what docconv added: the reasons of removals and a derived title.
std::string visible_text(pugi::xml_node node) {
  std::string out;
  for (pugi::xml_node child : node.children()) {
    if (child.type() == pugi::node_pcdata) {
      out += child.value();
    } else if (child.type() == pugi::node_element) {
      const std::string_view type = child.attribute("type").value();
      const std::string_view name = child.name();
      if ((name == "note" && type == "reason") || (name == "head" && type == "derived")) continue;
      const bool inline_element = name == "placeName" || name == "date" || name == "orgName" ||
                                  name == "emph" || name == "hi" || name == "ref";
      out += inline_element ? visible_text(child) : ' ' + visible_text(child) + ' ';
    }
  }
  return out;
}

}  // namespace

TEST_CASE("the news fixtures validate against tei_all as a corpus, split, and one by one") {
  TempDir folder;
  const auto fixtures = fixture_arguments();
  std::vector<fs::path> files;

  auto args = fixtures;
  args.insert(args.end(), {"-o", (folder / "articles.tei.xml").string()});
  const auto corpus = convert(args);
  INFO(corpus.err);
  REQUIRE(corpus.exit_code == 0);
  files.push_back(folder / "articles.tei.xml");
  const auto parsed = parse_tei(docconv::test::read_file(folder / "articles.tei.xml"));
  CHECK(tei_articles(parsed).size() == fixtures.size());

  args = fixtures;
  args.insert(args.end(), {"--split", "-t", "tei", "-o", (folder / "split").string(), "--licence",
                           "CC BY 4.0", "--producer", "Example Archive"});
  const auto split = convert(args);
  INFO(split.err);
  REQUIRE(split.exit_code == 0);
  std::vector<fs::path> parts;
  for (const auto& entry : fs::directory_iterator(folder / "split")) parts.push_back(entry.path());
  CHECK(parts.size() == fixtures.size());
  files.insert(files.end(), parts.begin(), parts.end());

  for (std::size_t i = 0; i < fixtures.size(); ++i) {
    const fs::path single = folder / ("single-" + std::to_string(i) + ".xml");
    const auto run = convert({fixtures[i], "-o", single.string()});
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    CHECK(std::string_view(parse_tei(docconv::test::read_file(single)).document_element().name()) ==
          "TEI");
    files.push_back(single);
  }

  const JingResult result = validate_with_jing(files);
  INFO(result.messages);
  CHECK(result.messages.empty());
  CHECK(result.exit_code == 0);
}

TEST_CASE(
    "round trip on the news fixtures: the TEI gives back the reader's text of every article") {
  const auto documents = read_fixtures();
  REQUIRE(documents.size() == docconv::test::news_fixtures().size());
  const auto corpus = parse_tei(write_tei(collection_of(documents)));
  const auto articles = tei_articles(corpus);
  REQUIRE(articles.size() == documents.size());
  for (std::size_t i = 0; i < documents.size(); ++i) {
    INFO(documents[i].metadata.source);
    CHECK(tei_text(articles[i]) == model_text(documents[i]));
    const auto blocks = block_elements(articles[i]);
    REQUIRE(blocks.size() == documents[i].blocks.size());
    for (std::size_t b = 0; b < blocks.size(); ++b)
      CHECK(blocks[b].kind == kind_letter(documents[i].blocks[b].content));
  }
  const auto parts = write_tei_split(collection_of(documents));
  REQUIRE(parts.size() == documents.size());
  for (std::size_t i = 0; i < parts.size(); ++i)
    CHECK(tei_text(parse_tei(parts[i].second).document_element()) == model_text(documents[i]));
}

TEST_CASE("every word of a news fixture is in its TEI, but for markers TEI encodes as structure") {
  // "READ MORE:" becomes list[@type='related'], "- " a list item, and the
  // "|" between a caption and its credit the figure's head and note.
  const std::set<std::string> structure{"READ", "MORE:", "-", "|"};
  TempDir folder;
  auto args = fixture_arguments();
  args.insert(args.end(), {"-o", (folder / "articles.tei.xml").string()});
  REQUIRE(convert(args).exit_code == 0);
  const auto corpus = parse_tei(docconv::test::read_file(folder / "articles.tei.xml"));
  const auto articles = tei_articles(corpus);
  const auto fixtures = docconv::test::news_fixtures();
  REQUIRE(articles.size() == fixtures.size());
  for (std::size_t i = 0; i < fixtures.size(); ++i) {
    INFO(fixtures[i].filename().string());
    const auto input = words(docconv::test::read_file(fixtures[i]));
    const auto output = words(visible_text(articles[i].child("text")));
    std::vector<std::string> missing;
    std::set_difference(input.begin(), input.end(), output.begin(), output.end(),
                        std::back_inserter(missing));
    for (const auto& word : missing) {
      INFO("missing word: " << word);
      CHECK(structure.count(word) == 1);
    }
  }
}
