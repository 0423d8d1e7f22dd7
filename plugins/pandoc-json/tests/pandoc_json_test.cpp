// The pandoc-json writer, read back by the pandoc that Debian ships: every
// output format converts, the plain text holds every word in order, and what
// Pandoc reads is what docconv wrote.
#include "pandoc_json_writer.hpp"
#include "sample_documents.hpp"
#include "support.hpp"

#include <docconv/testing.hpp>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace test = docconv::test;
namespace testing = docconv::testing;
namespace fs = std::filesystem;

namespace {

const fs::path pandoc = DOCCONV_PANDOC;

test::RunResult run_pandoc(const std::vector<std::string>& args) {
  return test::run(pandoc, args);
}

// The words of `text`, by the rule of testing::visible_words.
std::vector<std::string> words_of(const std::string& text) {
  docconv::Document document;
  document.blocks.push_back(testing::paragraph(text, 1));
  return testing::visible_words(document);
}

// The first word of `expected` that is not found, in order, in `actual`;
// empty when all are.
std::string first_missing(const std::vector<std::string>& expected,
                          const std::vector<std::string>& actual) {
  std::size_t at = 0;
  for (const auto& word : expected) {
    while (at < actual.size() && actual[at] != word) ++at;
    if (at == actual.size()) return word;
    ++at;
  }
  return {};
}

std::vector<std::string> expected_words(const std::vector<docconv::Document>& documents) {
  std::vector<std::string> words;
  for (const auto& document : documents)
    for (auto& word : testing::visible_words(document)) words.push_back(std::move(word));
  return words;
}

// The text of Pandoc inlines (Str and Space only, as the writer makes titles).
std::string text_of(const nlohmann::json& inlines) {
  std::string out;
  for (const auto& inline_node : inlines)
    out += inline_node["t"] == "Space" ? std::string(" ") : inline_node["c"].get<std::string>();
  return out;
}

std::vector<docconv::Document> read_fixtures() {
  const auto* plugin = test::project_plugins().find("news-text", docconv::PluginKind::reader);
  REQUIRE(plugin != nullptr);
  auto reader = docconv::host::PluginRegistry::make_reader(*plugin);
  std::vector<docconv::Document> documents;
  for (const auto& path : test::news_fixtures()) {
    const std::string bytes = test::read_file(path);
    for (auto& document : testing::run_reader(*reader, bytes, path.string()).documents)
      documents.push_back(std::move(document));
  }
  return documents;
}

std::string write_ast(const docconv::Collection& collection,
                      const docconv::OptionValues& options = {}) {
  docconv::pandoc_json::PandocJsonWriter writer;
  return testing::run_writer(writer, collection, false, options).text;
}

// pandoc -f json FILE -t plain, checked to succeed.
std::string plain_text_of(const fs::path& file) {
  const auto plain = run_pandoc({"-f", "json", "-t", "plain", "--wrap=none", file.string()});
  INFO(plain.err);
  REQUIRE(plain.exit_code == 0);
  return plain.out;
}

// What `pandoc -f json -t json` makes of `ast` equals `ast`, key order aside.
void check_pandoc_keeps(const fs::path& file) {
  const auto again = run_pandoc({"-f", "json", "-t", "json", file.string()});
  INFO(again.err);
  REQUIRE(again.exit_code == 0);
  const auto written = nlohmann::json::parse(test::read_file(file));
  const auto read = nlohmann::json::parse(again.out);
  CHECK(read == written);
  if (read != written) {
    // The first article that differs, to see what Pandoc changed.
    for (std::size_t i = 0; i < written["blocks"].size(); ++i)
      if (i >= read["blocks"].size() || read["blocks"][i] != written["blocks"][i]) {
        INFO("article " << i << "\nwritten: " << written["blocks"][i].dump().substr(0, 3000)
                        << "\nread:    " << read["blocks"][i].dump().substr(0, 3000));
        CHECK(false);
        break;
      }
  }
}

}  // namespace

TEST_CASE("the fixtures become DOCX, ODT, HTML and plain text through pandoc") {
  test::TempDir dir;
  const auto ast = dir / "articles.pandoc.json";
  const auto converted =
      test::run_cli({"convert", (test::fixtures_dir() / "news").string(), "-o", ast.string()});
  INFO(converted.err);
  REQUIRE(converted.exit_code == 0);
  for (const char* format : {"docx", "odt", "html"}) {
    const auto out = dir / (std::string("articles.") + format);
    const auto made = run_pandoc({"-f", "json", ast.string(), "-s", "-o", out.string()});
    INFO(format << ": " << made.err);
    CHECK(made.exit_code == 0);
    CHECK(fs::file_size(out) > 1000);
  }
  const std::string missing =
      first_missing(expected_words(read_fixtures()), words_of(plain_text_of(ast)));
  CHECK(missing.empty());
  check_pandoc_keeps(ast);
  const std::string html = test::read_file(dir / "articles.html");
  CHECK_THAT(html, Catch::Contains("<title>News articles</title>"));
  CHECK_THAT(html, Catch::Contains("class=\"dateline\""));
  CHECK_THAT(html, Catch::Contains("<span class=\"dateline\" data-place=\"Moscow\""));
}

TEST_CASE("generated documents with every block kind and hostile text keep every word, in order") {
  test::TempDir dir;
  for (unsigned seed = 1; seed <= 6; ++seed) {
    test::RandomChoices choices(seed);
    test::DocumentGenerator generator(choices);
    const docconv::Collection collection = generator.collection(12, 14);
    const auto ast = dir / ("generated-" + std::to_string(seed) + ".pandoc.json");
    test::write_file(ast, write_ast(collection));
    INFO("seed " << seed);
    const std::string missing =
        first_missing(expected_words(collection.documents), words_of(plain_text_of(ast)));
    CHECK(missing.empty());
    check_pandoc_keeps(ast);
  }
}

TEST_CASE("the SDK's samples keep every word, and removed text only when asked") {
  test::TempDir dir;
  const docconv::Collection samples = testing::sample_collection();
  const auto ast = dir / "samples.pandoc.json";
  test::write_file(ast, write_ast(samples));
  const std::string plain = plain_text_of(ast);
  CHECK(first_missing(expected_words(samples.documents), words_of(plain)).empty());
  CHECK_THAT(plain, !Catch::Contains("Newsfeed"));  // site chrome, removed by the reader
  check_pandoc_keeps(ast);

  const auto kept = dir / "kept.pandoc.json";
  test::write_file(kept, write_ast(samples, {{"keep-removed", "true"}}));
  CHECK_THAT(plain_text_of(kept), Catch::Contains("Newsfeed"));
  const auto ast_json = nlohmann::json::parse(test::read_file(kept));
  CHECK_THAT(ast_json.dump(), Catch::Contains(R"(["reason","site chrome"])"));
  check_pandoc_keeps(kept);
}

TEST_CASE("one AST per article with --split, each with its own title") {
  test::TempDir dir;
  const auto out = dir / "parts";
  const auto converted = test::run_cli({"convert", (test::fixtures_dir() / "news").string(), "-t",
                                        "pandoc", "--split", "-o", out.string()});
  INFO(converted.err);
  REQUIRE(converted.exit_code == 0);
  const auto files = test::file_names(out);
  REQUIRE(files.size() == test::news_fixtures().size());
  for (const auto& file : files) {
    CHECK_THAT(file, Catch::EndsWith(".pandoc.json"));
    const auto ast = nlohmann::json::parse(test::read_file(out / file));
    REQUIRE(ast["blocks"].size() == 1);
    CHECK(ast["meta"]["title"]["t"] == "MetaInlines");
    // The file's title is its article's: the Header that opens the article Div.
    const auto& header = ast["blocks"][0]["c"][1][0];
    REQUIRE(header["t"] == "Header");
    CHECK(text_of(ast["meta"]["title"]["c"]) == text_of(header["c"][2]));
    CHECK_FALSE(text_of(header["c"][2]).empty());
    const auto html = run_pandoc({"-f", "json", "-t", "html", "-s", (out / file).string()});
    CHECK(html.exit_code == 0);
  }
}

TEST_CASE("the Lua filter of the docs runs: datelines dropped") {
  test::TempDir dir;
  const auto ast = dir / "one.pandoc.json";
  const auto converted =
      test::run_cli({"convert", test::news_fixtures().back().string(), "-o", ast.string()});
  REQUIRE(converted.exit_code == 0);
  const std::string with = plain_text_of(ast);
  CHECK_THAT(with, Catch::Contains("MOSCOW, June 6. /TASS/."));
  const auto filtered = run_pandoc(
      {"-f", "json", "-t", "plain", "--wrap=none", "--lua-filter",
       (test::source_dir() / "docs" / "examples" / "pandoc" / "drop-datelines.lua").string(),
       ast.string()});
  INFO(filtered.err);
  REQUIRE(filtered.exit_code == 0);
  CHECK_THAT(filtered.out, !Catch::Contains("/TASS/"));
  CHECK_THAT(filtered.out, Catch::Contains("There are no threats that would justify"));
}

TEST_CASE("a dateline made from the metadata stands alone, and links are never nested") {
  docconv::Document document;
  document.metadata.title = "Title";
  document.metadata.dateline_place = "Moscow";
  document.metadata.in_source.dateline = {3, 3};  // the paragraph, but no dateline as written
  document.blocks.push_back(testing::paragraph("The first paragraph.", 3));
  document.blocks.push_back(testing::block(
      docconv::RelatedLink{{{docconv::InlineKind::link, "inner", "https://a.example"}},
                           "https://b.example"},
      5, 5));
  document.blocks.push_back(testing::block(
      docconv::Figure{
          {{docconv::InlineKind::link, "caption link", "https://c.example"}}, "", "photo.jpg"},
      6, 6));
  const auto article = nlohmann::json::parse(docconv::pandoc_json::article_json(document, 1, {}));
  const auto& blocks = article["c"][1];
  // Header, the generated dateline on its own, then the paragraph untouched.
  REQUIRE(blocks.size() == 5);
  CHECK(blocks[1]["t"] == "Para");
  CHECK(blocks[1]["c"].size() == 1);
  CHECK(blocks[1]["c"][0]["c"][0][1] == nlohmann::json::array({"dateline", "generated"}));
  CHECK(blocks[2]["c"][0] == nlohmann::json{{"t", "Str"}, {"c", "The"}});
  // The related link's Link holds no Link; the image description holds none
  // (the caption under it keeps its link).
  const auto& related_link = blocks[3]["c"][1][0]["c"][0];
  REQUIRE(related_link["t"] == "Link");
  CHECK(related_link["c"][1].dump().find("\"Link\"") == std::string::npos);
  CHECK(related_link["c"][1][0] == nlohmann::json{{"t", "Str"}, {"c", "inner"}});
  const auto& image = blocks[4]["c"][1][0]["c"][0];
  REQUIRE(image["t"] == "Image");
  CHECK(image["c"][1].dump().find("\"Link\"") == std::string::npos);
  CHECK(blocks[4]["c"][1][1].dump().find("\"Link\"") != std::string::npos);
}

TEST_CASE("an article that repeats an earlier one names it in its Div's attributes") {
  docconv::Document document;
  document.metadata.title = "Copy";
  document.blocks.push_back(testing::paragraph("Text.", 3));
  document.metadata.near_duplicate_of = docconv::NearDuplicateOf{2, "Original", "a.txt", 0.9};
  const auto article = nlohmann::json::parse(docconv::pandoc_json::article_json(document, 5, {}));
  const auto& attributes = article["c"][0][2];
  CHECK(attributes.dump().find(R"(["near-duplicate-of","article-2"])") != std::string::npos);
  CHECK(attributes.dump().find(R"(["similarity","0.90"])") != std::string::npos);
  document.metadata.near_duplicate_of.reset();
  const auto plain = nlohmann::json::parse(docconv::pandoc_json::article_json(document, 5, {}));
  CHECK(plain["c"][0][2].dump().find("near-duplicate") == std::string::npos);
}

TEST_CASE(
    "words of every length are written whole: longer than the writer's buffer, and at the "
    "text's end") {
  // Words are copied in 16-byte chunks while the text goes on past them, and
  // a word too long for the writer's 4 KiB buffer goes around it.
  std::vector<std::string> words;
  for (const std::size_t length : {1, 15, 16, 17, 31, 33, 4090, 10000, 17})
    words.push_back(std::string(length, static_cast<char>('a' + words.size())));
  std::string text;
  for (const auto& word : words) text += (text.empty() ? "" : " ") + word;
  docconv::Document document;
  document.metadata.title = "Lengths";
  document.blocks.push_back(docconv::Block{docconv::Paragraph{docconv::text_run(text)}, {}});
  const auto div = nlohmann::json::parse(
      docconv::pandoc_json::article_json(document, 1, docconv::pandoc_json::Options{}));
  const auto& para = div["c"][1][1];  // after the title's Header
  REQUIRE(para["t"] == "Para");
  std::vector<std::string> written;
  for (const auto& inline_node : para["c"])
    if (inline_node["t"] == "Str") written.push_back(inline_node["c"]);
  CHECK(written == words);
}
