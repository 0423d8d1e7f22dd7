// The tei writer on the real article set (fixtures/news) as the news-text
// reader reads it: valid TEI through the CLI, and nothing of the text lost.

#include "sample_documents.hpp"
#include "tei_runs.hpp"
#include "tei_text.hpp"

#include "support.hpp"

#include <catch2/catch.hpp>
using namespace docconv;
using namespace docconv::tei::test;
using namespace docconv::test;
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
  std::vector<Document> documents;
  for (const auto& path : docconv::test::news_fixtures())
    for (auto& document : read_news_text(path.string(), docconv::test::read_file(path)))
      documents.push_back(std::move(document));
  return documents;
}

docconv::test::RunResult convert(std::vector<std::string> args) {
  std::vector<std::string> command{"convert"};
  command.insert(command.end(), args.begin(), args.end());
  return docconv::test::run_cli(command, {{"SOURCE_DATE_EPOCH", "1700000000"}});
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
                           "CC BY 4.0", "--publisher", "Example Archive"});
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

TEST_CASE("round trip on the news fixtures: the TEI rebuilds each input file's text exactly") {
  // Through the CLI, as a user runs it: the corpus and each --split file. The
  // text rebuilt from the TEI alone (docs/tei.md) must equal the input file's
  // text modulo white space, markers and removed chrome included.
  TempDir folder;
  const auto fixtures = docconv::test::news_fixtures();
  auto args = fixture_arguments();
  args.insert(args.end(), {"-o", (folder / "articles.tei.xml").string()});
  REQUIRE(convert(args).exit_code == 0);
  const auto corpus = parse_tei(docconv::test::read_file(folder / "articles.tei.xml"));
  const auto articles = tei_articles(corpus);
  REQUIRE(articles.size() == fixtures.size());

  args = fixture_arguments();
  args.insert(args.end(), {"--split", "-t", "tei", "-o", (folder / "split").string()});
  REQUIRE(convert(args).exit_code == 0);
  const auto parts = docconv::test::file_names(folder / "split");  // sorted: input order
  REQUIRE(parts.size() == fixtures.size());

  for (std::size_t i = 0; i < fixtures.size(); ++i) {
    INFO(fixtures[i].filename().string());
    const std::string input = docconv::test::read_file(fixtures[i]);
    CHECK(difference_modulo_white_space(rebuilt_text(articles[i]), input) == "");
    const auto part = parse_tei(docconv::test::read_file(folder / "split" / parts[i]));
    CHECK(difference_modulo_white_space(rebuilt_text(part.document_element()), input) == "");
  }
}

TEST_CASE(
    "round trip on the news fixtures in process: the model's text as written, block by block") {
  const auto documents = read_fixtures();
  REQUIRE(documents.size() == docconv::test::news_fixtures().size());
  const auto corpus = parse_tei(write_tei(collection_of(documents)));
  const auto articles = tei_articles(corpus);
  REQUIRE(articles.size() == documents.size());
  for (std::size_t i = 0; i < documents.size(); ++i) {
    INFO(documents[i].metadata.source);
    CHECK(difference_modulo_white_space(rebuilt_text(articles[i]), as_written_text(documents[i])) ==
          "");
    CHECK(difference_modulo_white_space(
              as_written_text(documents[i]),
              docconv::test::read_file(docconv::test::news_fixtures()[i])) == "");
    const auto blocks = block_elements(articles[i]);
    REQUIRE(blocks.size() == documents[i].blocks.size());
    for (std::size_t b = 0; b < blocks.size(); ++b)
      CHECK(blocks[b].kind == kind_letter(documents[i].blocks[b].content));
  }
}
