// Golden structure of the five fixture dumps, read through the real CLI
// (`docconv inspect`), and the words-in = words-out property on them, read
// through the plugin loaded by the host.
#include "support.hpp"
#include "word_stream.hpp"

#include <docconv/plugin.hpp>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace {

using Json = nlohmann::json;
namespace fs = std::filesystem;
using docconv::test::news_fixtures;
using docconv::test::run_cli;

fs::path fixture(const std::string& number) {
  for (const fs::path& path : news_fixtures())
    if (path.filename().string().starts_with(number + "_")) return path;
  FAIL("no fixture " << number);
  return {};
}

Json inspect(const fs::path& path) {
  const auto result = run_cli({"inspect", path.string()});
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  const Json json = Json::parse(result.out);
  REQUIRE(json["documents"].size() == 1);
  return json["documents"][0];
}

std::vector<Json> blocks_of(const Json& document, const std::string& type) {
  std::vector<Json> found;
  for (const Json& block : document["blocks"])
    if (block["type"] == type) found.push_back(block);
  return found;
}

std::vector<std::string> texts(const std::vector<Json>& blocks) {
  std::vector<std::string> out;
  for (const Json& block : blocks) out.push_back(block["text"].get<std::string>());
  return out;
}

std::vector<std::string> removed_with_reason(const Json& document, const std::string& reason) {
  std::vector<std::string> out;
  for (const Json& block : blocks_of(document, "removed"))
    if (block["reason"] == reason) out.push_back(block["text"].get<std::string>());
  return out;
}

void check_no_dateline(const Json& metadata) {
  CHECK(metadata["dateline_place"] == "");
  CHECK(metadata["agency"] == "");
  CHECK(metadata["date"]["month"] == 0);
  CHECK(metadata["date"]["day"] == 0);
}

void check_dateline(const Json& metadata, const std::string& agency, int month, int day) {
  CHECK(metadata["dateline_place"] == "Moscow");
  CHECK(metadata["agency"] == agency);
  CHECK(metadata["date"]["year"] == 0);  // not in the text: --year supplies it
  CHECK(metadata["date"]["month"] == month);
  CHECK(metadata["date"]["day"] == day);
}

// The dateline is metadata now, not text of the first paragraph.
void check_first_paragraph_starts(const Json& document, const std::string& start) {
  const auto paragraphs = blocks_of(document, "paragraph");
  REQUIRE_FALSE(paragraphs.empty());
  CHECK(paragraphs.front()["text"].get<std::string>().starts_with(start));
}

}  // namespace

TEST_CASE("000: title, one piped caption|credit figure, no dateline, 11 paragraphs") {
  const Json document = inspect(fixture("000"));
  const Json& metadata = document["metadata"];
  CHECK(metadata["title"] == "US using political pressure to draw Balkans into its orbit: Russia");
  CHECK(metadata["title_derived"] == false);
  CHECK(metadata["standfirst"] == "");
  CHECK(metadata["language"] == "en");
  check_no_dateline(metadata);
  const auto figures = blocks_of(document, "figure");
  REQUIRE(figures.size() == 1);
  CHECK(figures[0]["caption"] ==
        "Andrey Kelin, director of the Russian Foreign Ministry's Department of European "
        "Cooperation (DEC)");
  CHECK(figures[0]["credit"] == "Youtube snapshot");
  CHECK(blocks_of(document, "paragraph").size() == 11);
  CHECK(blocks_of(document, "heading").empty());
  CHECK(blocks_of(document, "removed").empty());
  check_first_paragraph_starts(document, "The United States is using political pressure");
}

TEST_CASE("001: Sputnik figure, duplicate and chrome removed, standfirst, dateline, links") {
  const Json document = inspect(fixture("001"));
  const Json& metadata = document["metadata"];
  CHECK(metadata["title"] ==
        "US Using Political Pressure to Draw Balkans Into NATO - Russian Foreign Ministry");
  CHECK(metadata["title_derived"] == false);
  CHECK(metadata["standfirst"].get<std::string>().starts_with(
      "The director of the Russian Foreign Ministry's Department of European Cooperation"));
  check_dateline(metadata, "Sputnik", 0, 0);
  CHECK(metadata["date"]["iso"] == "");
  check_first_paragraph_starts(document, "The United States is using political pressure");

  const auto figures = blocks_of(document, "figure");
  REQUIRE(figures.size() == 1);
  CHECK(figures[0]["credit"] == "Sputnik / Stringer");
  CHECK(figures[0]["caption"] == "NATO's multinational battalion in Poland. (File)");
  CHECK(removed_with_reason(document, "duplicate caption") ==
        std::vector<std::string>{
            "NATO's multinational battalion in Poland. (File) - Sputnik International"});

  const auto related = texts(blocks_of(document, "related"));
  REQUIRE(related.size() == 4);
  CHECK(related[0] == "Editor Explains How NATO, EU Benefit From Silencing Russian Media");
  CHECK(related[1] == "What are the 'Ingredients' of\u00a0a New Cold War?");

  CHECK(texts(blocks_of(document, "heading")) ==
        std::vector<std::string>{"Airspace Over Baltic Region",
                                 "Concerns Over Russian-Belarusian Zapad-2017\u00a0Drills",
                                 "Russia's Position on\u00a0Donbass"});

  // "Subscribe" in the head, and the seven lines after the article.
  const Json& blocks = document["blocks"];
  CHECK(removed_with_reason(document, "site chrome").front() == "Subscribe");
  const std::vector<std::string> trailing{
      "Newsfeed", "0",     "To participate in the discussion", "log in or register",
      "loader",   "Chats", "Заголовок открываемого материала"};
  REQUIRE(blocks.size() >= trailing.size());
  for (std::size_t i = 0; i < trailing.size(); ++i) {
    const Json& block = blocks[blocks.size() - trailing.size() + i];
    CHECK(block["type"] == "removed");
    CHECK(block["text"] == trailing[i]);
    CHECK(block["reason"].get<std::string>().starts_with("site chrome"));
  }
}

TEST_CASE("002: 'All news' removed, title, standfirst, TASS dateline with date") {
  const Json document = inspect(fixture("002"));
  const Json& metadata = document["metadata"];
  CHECK(document["blocks"][0]["type"] == "removed");
  CHECK(document["blocks"][0]["text"] == "All news");
  CHECK(document["blocks"][0]["reason"] == "site chrome");
  CHECK(metadata["title"] == "Russia's top diplomat shares his view on NATO’s actions in Balkans");
  CHECK(metadata["title_derived"] == false);
  CHECK(metadata["standfirst"].get<std::string>().starts_with("Lavrov believes that"));
  check_dateline(metadata, "TASS", 2, 19);
  CHECK(metadata["date"]["iso"] == "--02-19");
  CHECK(metadata["in_source"]["dateline_text"] == "MOSCOW, February 19. /TASS/.");
  check_first_paragraph_starts(document, "NATO’s actions in the Balkans");
  CHECK(blocks_of(document, "paragraph").size() == 6);
}

TEST_CASE("003: derived title, TASS dateline, a list of five headlines, one paragraph per line") {
  const Json document = inspect(fixture("003"));
  const Json& metadata = document["metadata"];
  CHECK(metadata["title_derived"] == true);
  const std::string title = metadata["title"];
  CHECK(title.starts_with("Russian Foreign Minister Sergey Lavrov has said that"));
  CHECK(title.ends_with("…"));
  CHECK(docconv::test::lines(title).size() == 1);
  std::size_t characters = 0;
  for (const char c : title) characters += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  CHECK(characters <= 100);
  check_dateline(metadata, "TASS", 6, 5);
  CHECK(metadata["date"]["iso"] == "--06-05");
  check_first_paragraph_starts(document, "Russian Foreign Minister Sergey Lavrov");

  const auto lists = blocks_of(document, "list");
  REQUIRE(lists.size() == 1);
  CHECK(lists[0]["ordered"] == false);
  REQUIRE(lists[0]["items"].size() == 5);
  CHECK(lists[0]["items"][0] ==
        "Putin points to NATO's non-cooperation as undermining war on terror");
  CHECK(lists[0]["lines"] == Json::array({3, 7}));
  // Every other line is a paragraph of its own.
  const auto paragraphs = blocks_of(document, "paragraph");
  CHECK(paragraphs.size() == 7);
  for (const Json& paragraph : paragraphs) CHECK(paragraph["lines"][0] == paragraph["lines"][1]);
  CHECK(document["blocks"].size() == 8);
}

TEST_CASE("004: title, standfirst, one figure with its two variants removed, 3 subheadings") {
  const Json document = inspect(fixture("004"));
  const Json& metadata = document["metadata"];
  CHECK(removed_with_reason(document, "site chrome") == std::vector<std::string>{"All news"});
  CHECK(metadata["title"] ==
        "Lavrov: There are no threats in Baltic region that would justify its militarization");
  CHECK(metadata["standfirst"].get<std::string>().starts_with("According to the diplomat"));
  check_dateline(metadata, "TASS", 6, 6);
  const auto figures = blocks_of(document, "figure");
  REQUIRE(figures.size() == 1);
  CHECK(figures[0]["caption"] == "NATO drills in Poland");
  CHECK(figures[0]["credit"] == "AP Photo/Czarek Sokolowski");
  CHECK(removed_with_reason(document, "duplicate caption") ==
        std::vector<std::string>{"NATO drills in Poland"});
  CHECK(removed_with_reason(document, "duplicate credit") ==
        std::vector<std::string>{"© AP Photo/Czarek Sokolowski"});
  CHECK(texts(blocks_of(document, "heading")) ==
        std::vector<std::string>{
            "Russia does not have plans to attack NATO countries",
            "Russia will react to NATO’s actions by measures it deems appropriate",
            "NATO used Ukraine conflict to find new reason to justify its existence"});
  check_first_paragraph_starts(document, "There are no threats that would justify");
  // The sentence that the dump repeats comes through twice, word for word.
  std::size_t repeats = 0;
  for (const auto& text : texts(blocks_of(document, "paragraph")))
    repeats += text.starts_with("\"We do not hide our negative attitude toward NATO’s course");
  CHECK(repeats == 2);
}

TEST_CASE("inspect reads all five fixtures in one call, in order") {
  std::vector<std::string> args{"inspect"};
  for (const auto& path : news_fixtures()) args.push_back(path.string());
  const auto result = run_cli(args);
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  const Json json = Json::parse(result.out);
  REQUIRE(json["documents"].size() == 5);
  for (std::size_t i = 0; i < 5; ++i)
    CHECK(json["documents"][i]["metadata"]["source"] == args[i + 1]);
}

namespace {}  // namespace

TEST_CASE("the words of each fixture are the document's, in order (plugin via the host)") {
  const auto* plugin =
      docconv::test::project_plugins().find("news-text", docconv::PluginKind::reader);
  REQUIRE(plugin != nullptr);
  for (const auto& path : news_fixtures()) {
    INFO(path.filename().string());
    const std::string bytes = docconv::test::read_file(path);
    auto reader = docconv::host::PluginRegistry::make_reader(*plugin);
    docconv::test::CollectingDiagnostics diagnostics;
    const docconv::OptionValues options;
    const auto documents = reader->read(docconv::Input{path.string(), bytes},
                                        docconv::ReadContext{options, diagnostics});
    CHECK(diagnostics.warnings.empty());
    REQUIRE(documents.size() == 1);
    const auto in = docconv::news_text::test::input_words(bytes);
    const auto out = docconv::news_text::test::document_words(documents[0]);
    CHECK(docconv::news_text::test::missing_in_order(in, out) == "");
    CHECK(in.size() > 100);
    // Exactly: the model holds the words as written, markers included, and nothing more.
    CHECK(out == in);
  }
}
