// The generated news corpus is deterministic and reads as news: every generated
// article gives one document with a title, a dateline agency and paragraphs.
#include "news_corpus.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <set>
#include <string>

using docconv::test::TempDir;

TEST_CASE("the same seed and index give the same article and others differ") {
  CHECK(docconv::test::generate_article(1, 42) == docconv::test::generate_article(1, 42));
  CHECK(docconv::test::generate_article(1, 42) != docconv::test::generate_article(1, 43));
  CHECK(docconv::test::generate_article(1, 42) != docconv::test::generate_article(2, 42));
}

TEST_CASE("generated articles read as news with titles and datelines of every agency") {
  TempDir corpus;
  constexpr std::size_t articles = 60;
  const auto bytes = docconv::test::write_corpus(corpus.path(), articles, 1);
  CHECK(bytes > articles * 1000);
  const auto result = docconv::test::run_cli({"inspect", corpus.path().string()});
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  CHECK(result.err.empty());
  const auto model = nlohmann::json::parse(result.out);
  const auto& documents = model.is_array() ? model : model.at("documents");
  REQUIRE(documents.size() == articles);
  std::set<std::string> agencies;
  std::set<std::string> block_kinds;
  for (const auto& document : documents) {
    CHECK_FALSE(document.at("metadata").at("title").get<std::string>().empty());
    agencies.insert(document.at("metadata").value("agency", ""));
    for (const auto& block : document.at("blocks")) block_kinds.insert(block.value("type", ""));
  }
  CHECK(agencies.size() >= 6);
  CHECK(agencies.count("") == 0);
  for (const char* kind : {"paragraph", "heading", "figure", "related", "list"}) {
    INFO(kind);
    CHECK(block_kinds.count(kind) == 1);
  }
}
