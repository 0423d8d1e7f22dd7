// The fix-up workflow of docs/news-text.md ("When it gets an article
// wrong"), through the real CLI: inspect, edit the JSON, convert it.
#include "support.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>

namespace test = docconv::test;

namespace {

std::string fixture(const std::string& prefix) {
  for (const auto& path : test::news_fixtures())
    if (path.filename().string().starts_with(prefix)) return path.string();
  FAIL("no fixture " << prefix);
  return {};
}

}  // namespace

TEST_CASE("a title fixed and a removed line taken back in the JSON reach the book") {
  test::TempDir dir;
  const auto shown = test::run_cli({"inspect", fixture("001_")});
  REQUIRE(shown.exit_code == 0);
  auto model = nlohmann::json::parse(shown.out);
  auto& document = model["documents"][0];
  document["metadata"]["title"] = "Moscow says Washington pulls the Balkans towards NATO";
  std::string taken_back;
  for (auto& block : document["blocks"]) {
    if (block["type"] != "removed") continue;
    taken_back = block["text"];
    block = {{"type", "paragraph"}, {"lines", block["lines"]}, {"text", taken_back}};
    break;
  }
  REQUIRE_FALSE(taken_back.empty());
  test::write_file(dir / "fixed.json", model.dump(2));

  const auto markdown =
      test::run_cli({"convert", (dir / "fixed.json").string(), "-o", (dir / "fixed.md").string()});
  INFO(markdown.err);
  REQUIRE(markdown.exit_code == 0);
  const std::string text = test::read_file(dir / "fixed.md");
  CHECK(text.find("Moscow says Washington pulls the Balkans towards NATO") != std::string::npos);
  // A paragraph, not a comment: its line as Markdown writes it (apostrophes
  // escaped for Pandoc's smart punctuation).
  std::string as_markdown;
  for (const char c : taken_back) as_markdown += c == '\'' ? std::string("\\'") : std::string(1, c);
  CHECK(text.find("\n" + as_markdown + "\n") != std::string::npos);

  const auto epub = test::run_cli(
      {"convert", (dir / "fixed.json").string(), "-o", (dir / "fixed.epub").string()});
  INFO(epub.err);
  CHECK(epub.exit_code == 0);
}

TEST_CASE("a misspelt key is named in one warning, and the rest of the edit is taken") {
  test::TempDir dir;
  const auto shown = test::run_cli({"inspect", fixture("003_")});
  REQUIRE(shown.exit_code == 0);
  auto model = nlohmann::json::parse(shown.out);
  model["documents"][0]["metadata"]["titel"] = "A title in the wrong key";
  model["documents"][0]["metadata"]["standfirst"] = "An edited standfirst.";
  test::write_file(dir / "typo.json", model.dump(2));
  const auto run =
      test::run_cli({"convert", (dir / "typo.json").string(), "-o", (dir / "typo.md").string()});
  CHECK(run.exit_code == 0);
  CHECK_THAT(run.err, Catch::Contains((dir / "typo.json").string() +
                                      ": ignored 1 field docconv does not know: "
                                      "documents[0].metadata.titel"));
  CHECK(test::read_file(dir / "typo.md").find("An edited standfirst.") != std::string::npos);
}

TEST_CASE("a broken edit is one error naming the file and the field, and the rest converts") {
  test::TempDir dir;
  const auto shown = test::run_cli({"inspect", fixture("002_")});
  REQUIRE(shown.exit_code == 0);
  auto model = nlohmann::json::parse(shown.out);
  model["documents"][0]["blocks"][1]["type"] = "paragrahp";
  test::write_file(dir / "broken.json", model.dump(2));

  const auto run = test::run_cli({"convert", (dir / "broken.json").string(), fixture("000_"), "-o",
                                  (dir / "out.md").string()});
  CHECK(run.exit_code == 1);
  CHECK_THAT(run.err, Catch::Contains((dir / "broken.json").string() +
                                      ": json: documents[0].blocks[1].type: unknown block type "
                                      "\"paragrahp\""));
  CHECK(test::read_file(dir / "out.md").find("US using political pressure") != std::string::npos);
}

TEST_CASE("another program's JSON beside the dumps is skipped, and named on its own is refused") {
  test::TempDir dir;
  std::filesystem::create_directories(dir / "dumps");
  std::filesystem::copy_file(fixture("000_"), dir / "dumps" / "000.txt");
  test::write_file(dir / "dumps" / "meta.json", R"({"scraper": "x", "pages": 1})");
  const auto folder =
      test::run_cli({"convert", (dir / "dumps").string(), "-o", (dir / "out.md").string()});
  INFO(folder.err);
  CHECK(folder.exit_code == 0);
  CHECK_THAT(folder.err, Catch::Contains("skipped 1 file no reader claims: meta.json"));
  CHECK_THAT(folder.err, Catch::Contains("(1 article from 1 input)"));

  const auto named = test::run_cli(
      {"convert", (dir / "dumps" / "meta.json").string(), "-o", (dir / "meta.md").string()});
  CHECK(named.exit_code == 1);
  CHECK_THAT(named.err,
             Catch::Contains("meta.json: json: the document: \"model_version\" is missing"));
}

TEST_CASE("a field name holding a line break is named on one line") {
  test::TempDir dir;
  const auto shown = test::run_cli({"inspect", fixture("003_")});
  REQUIRE(shown.exit_code == 0);
  auto model = nlohmann::json::parse(shown.out);
  model["documents"][0]["metadata"]["tit\nle"] = "x";
  test::write_file(dir / "odd.json", model.dump(2));
  const auto run =
      test::run_cli({"convert", (dir / "odd.json").string(), "-o", (dir / "odd.md").string()});
  CHECK(run.exit_code == 0);
  CHECK_THAT(run.err, Catch::Contains("documents[0].metadata.tit\\nle\n"));
}
