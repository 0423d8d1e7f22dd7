// The reader through the real CLI: a set with broken files in it still
// converts, every problem named with its file; options and stdin.
#include "encode.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <random>
#include <string>

namespace {

using Json = nlohmann::json;
using docconv::test::run_cli;
using docconv::test::TempDir;
using docconv::test::write_file;

std::string fixture_text(const std::string& number) {
  for (const auto& path : docconv::test::news_fixtures())
    if (path.filename().string().starts_with(number + "_")) return docconv::test::read_file(path);
  return {};
}

}  // namespace

TEST_CASE("malformed inputs each get a clear warning and the rest of the set converts") {
  TempDir set;
  write_file(set / "a-good.txt", fixture_text("000"));
  write_file(set / "b-empty.txt", "");
  std::mt19937 random(99);
  std::string binary;
  for (int i = 0; i < 3000; ++i) binary += static_cast<char>(random() % 256);
  write_file(set / "c-binary.txt", binary);
  write_file(set / "d-chrome.txt", "All news\n\nSubscribe\n");
  write_file(set / "e-bad-byte.txt", "Title here\n\nCaf\xC3\xA9 na\xC3\xAFve bad \xFF byte.\n");
  write_file(set / "f-nul.txt", std::string("Title\n\nHello\0World, this is text.\n", 34));
  write_file(set / "g-good.txt", fixture_text("002"));

  const auto result = run_cli({"inspect", set.path().string()});
  INFO(result.err);
  CHECK(result.exit_code == 0);
  const Json json = Json::parse(result.out);
  REQUIRE(json["documents"].size() == 4);
  CHECK(json["documents"][0]["metadata"]["source"].get<std::string>().ends_with("a-good.txt"));
  CHECK(json["documents"][1]["metadata"]["source"].get<std::string>().ends_with("e-bad-byte.txt"));
  CHECK(json["documents"][2]["metadata"]["source"].get<std::string>().ends_with("f-nul.txt"));
  CHECK(json["documents"][3]["metadata"]["source"].get<std::string>().ends_with("g-good.txt"));

  const auto warned = [&](const std::string& file, const std::string& what) {
    for (const auto& line : docconv::test::lines(result.err))
      if (line.find(file) != std::string::npos && line.find(what) != std::string::npos) return true;
    return false;
  };
  CHECK(warned("b-empty.txt", "empty input"));
  CHECK(warned("c-binary.txt", "not a text file"));
  CHECK(warned("d-chrome.txt", "only site chrome"));
  CHECK(warned("e-bad-byte.txt", "byte offset 29"));
  CHECK(warned("f-nul.txt", "line 3, column 6"));
  CHECK(result.out.find("\xEF\xBF\xBD") != std::string::npos);  // U+FFFD in the JSON
}

TEST_CASE("the encoding option reaches the reader, detection is the default") {
  TempDir dir;
  const std::string title = "Заголовок статьи";
  write_file(dir / "ru.txt",
             docconv::news_text::test::to_windows_1251(title + "\n\nМинистр заявил это.\n"));
  auto result = run_cli({"inspect", (dir / "ru.txt").string()});
  REQUIRE(result.exit_code == 0);
  Json metadata = Json::parse(result.out)["documents"][0]["metadata"];
  CHECK(metadata["title"] == title);
  CHECK(metadata["language"] == "ru");
  result = run_cli({"inspect", "--encoding", "KOI8-R", (dir / "ru.txt").string()});
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  metadata = Json::parse(result.out)["documents"][0]["metadata"];
  CHECK(metadata["title"] != title);
  CHECK(metadata["extras"]["encoding"] == "KOI8-R");
  result = run_cli({"inspect", "--encoding", "no-such-thing", (dir / "ru.txt").string()});
  CHECK(result.exit_code != 0);
  CHECK_THAT(result.err, Catch::Contains("no-such-thing"));
}

TEST_CASE("standard input, and --lang / --year applied over what the reader found") {
  auto result = run_cli({"inspect", "-"}, {}, fixture_text("003"));
  REQUIRE(result.exit_code == 0);
  Json metadata = Json::parse(result.out)["documents"][0]["metadata"];
  CHECK(metadata["source"] == "-");
  CHECK(metadata["date"]["iso"] == "--06-05");
  result = run_cli({"inspect", "--lang", "de", "--year", "2017", "-"}, {}, fixture_text("003"));
  REQUIRE(result.exit_code == 0);
  metadata = Json::parse(result.out)["documents"][0]["metadata"];
  CHECK(metadata["language"] == "de");
  CHECK(metadata["date"]["iso"] == "2017-06-05");
}

TEST_CASE("the plugin describes itself: name, aliases, .txt, its options") {
  const auto result = run_cli({"plugins", "--json"});
  REQUIRE(result.exit_code == 0);
  const Json json = Json::parse(result.out);
  const Json* reader = nullptr;
  for (const Json& plugin : json["plugins"])
    if (plugin["name"] == "news-text") reader = &plugin;
  REQUIRE(reader != nullptr);
  CHECK((*reader)["kind"] == "reader");
  CHECK((*reader)["extensions"] == Json::array({".txt"}));
  CHECK((*reader)["aliases"].size() >= 2);
  std::vector<std::string> options;
  for (const Json& option : (*reader)["options"]) options.push_back(option["name"]);
  CHECK(options == std::vector<std::string>{"encoding", "text-layout", "no-title", "no-subheadings",
                                            "keep-chrome", "rules", "max-lines"});
}

TEST_CASE("the override options reach the reader through the CLI") {
  const auto path = docconv::test::news_fixtures().back();  // 004: three subheadings
  auto result = run_cli({"inspect", "--no-subheadings", "--keep-chrome", path.string()});
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  const Json document = Json::parse(result.out)["documents"][0];
  for (const Json& block : document["blocks"]) {
    CHECK(block["type"] != "heading");
    CHECK(block.value("reason", "") != "site chrome");
  }
  result = run_cli({"inspect", "--text-layout", "columns", path.string()});
  CHECK(result.exit_code != 0);
  CHECK_THAT(result.err, Catch::Contains("--text-layout"));
}

TEST_CASE("plain text without .txt is found by content, or named with -f txt") {
  TempDir dir;
  write_file(dir / "article.dump", fixture_text("004"));
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"inspect", (dir / "article.dump").string()},
        std::vector<std::string>{"inspect", "-f", "txt", (dir / "article.dump").string()}}) {
    const auto result = run_cli(args);
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    CHECK(Json::parse(result.out)["documents"][0]["metadata"]["agency"] == "TASS");
  }
}

TEST_CASE("inspect --lines prints every line with its class, for each input in order") {
  TempDir set;
  write_file(set / "a.txt",
             "Home\nNews\nSport\n\nHarbour bridge to close to cars for two years\n\n"
             "By Jane Porter\n\nThe city council voted on Tuesday to close the old "
             "harbour bridge to cars from next spring, engineers said.\n\nShare\n");
  write_file(set / "b.txt", fixture_text("002"));
  const auto result =
      run_cli({"inspect", "--lines", (set / "a.txt").string(), (set / "b.txt").string()});
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  const auto lines = docconv::test::lines(result.out);
  REQUIRE(lines.size() > 12);
  CHECK(lines[0] == "==> " + (set / "a.txt").string() + " <==");
  CHECK(lines[1] == "    1  chrome      Home  [site chrome]");
  CHECK(lines[4] == "    4  blank       ");
  CHECK(lines[5] == "    5  title       Harbour bridge to close to cars for two years");
  CHECK(lines[7] == "    7  byline      By Jane Porter  [byline]");
  CHECK(lines[9].starts_with("    9  paragraph   The city council voted"));
  CHECK(lines[11] == "   11  chrome      Share  [site chrome]");
  CHECK(lines[12] == "==> " + (set / "b.txt").string() + " <==");
}

TEST_CASE("a rules file adds phrases: a bad one is one error naming file and line") {
  TempDir set;
  write_file(set / "a.txt",
             "Harbour bridge to close to cars\n\nThe city council voted on "
             "Tuesday to close the old harbour bridge to cars, engineers said.\n\n"
             "Jetzt Probeabo sichern\n");
  write_file(set / "good.rules", "docconv-news-rules 1\n[chrome]\nJetzt Probeabo sichern\n");
  write_file(set / "bad.rules", "docconv-news-rules 1\n[chrom]\n");
  const auto without = run_cli({"inspect", "--lines", (set / "a.txt").string()});
  CHECK_THAT(without.out, Catch::Contains("paragraph   Jetzt Probeabo sichern"));
  const auto with = run_cli(
      {"inspect", "--lines", "--rules", (set / "good.rules").string(), (set / "a.txt").string()});
  CHECK_THAT(with.out, Catch::Contains("chrome      Jetzt Probeabo sichern  [site chrome]"));
  const auto bad =
      run_cli({"inspect", "--rules", (set / "bad.rules").string(), (set / "a.txt").string()});
  CHECK(bad.exit_code == 2);  // checked once before any input is read: a usage error
  CHECK_THAT(bad.err,
             Catch::Contains((set / "bad.rules").string() + ":2: unknown section [chrom]"));
  CHECK(docconv::test::lines(bad.err).size() == 1);
}
