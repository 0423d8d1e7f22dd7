// The real fixtures, read by the news-text reader: they read back as the
// model, Pandoc reads their front matter, and the output is kept as a
// reviewed golden file (fixtures/golden/articles.md). Set DOCCONV_ACCEPT=1 to
// rewrite the golden file after a deliberate change, then review its diff.
#include "markdown_tree.hpp"
#include "support.hpp"
#include "writer_support.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>

using namespace docconv;
using namespace docconv::markdown_test;

namespace {

class IgnoredDiagnostics final : public Diagnostics {
 public:
  void warn(std::string_view, std::string_view) override {}
};

// The fixtures as the news-text reader reads them, named relative to the
// repository so that the output does not depend on where it is checked out.
Collection fixture_articles() {
  const auto* reader_plugin = test::project_plugins().find("news-text", PluginKind::reader);
  REQUIRE(reader_plugin != nullptr);
  const auto reader = host::PluginRegistry::make_reader(*reader_plugin);
  IgnoredDiagnostics diagnostics;
  const OptionValues options;
  Collection collection;
  for (const auto& path : test::news_fixtures()) {
    const std::string bytes = test::read_file(path);
    const std::string name = "fixtures/news/" + path.filename().string();
    for (auto& document : reader->read(Input{name, bytes}, ReadContext{options, diagnostics}))
      collection.documents.push_back(std::move(document));
  }
  REQUIRE(collection.documents.size() == test::news_fixtures().size());
  return collection;
}

}  // namespace

TEST_CASE("the fixtures read back as the model, with every option") {
  const Collection collection = fixture_articles();
  for (const OptionValues& options :
       {OptionValues{}, OptionValues{{"wrap", "72"}}, OptionValues{{"keep-removed", "true"}}}) {
    const bool keep_removed = options.count("keep-removed") != 0;
    CAPTURE(options.size(), keep_removed);
    const auto difference =
        check_one_file(collection, write_markdown(collection, options).text, keep_removed);
    if (!difference.empty()) FAIL(difference.substr(0, 6000));
  }
}

TEST_CASE("the fixtures come out as the reviewed golden file") {
  const auto golden = test::fixtures_dir() / "golden" / "articles.md";
  const std::string markdown = write_markdown(fixture_articles()).text;
  if (test::accepting_new_results()) {
    std::filesystem::create_directories(golden.parent_path());
    test::write_file(golden, markdown);
    WARN("rewrote " << golden << ": review it before committing");
  }
  REQUIRE(std::filesystem::exists(golden));
  CHECK(test::read_file(golden) == markdown);
}

TEST_CASE("Pandoc reads the fixture articles' front matter") {
  const Collection collection = fixture_articles();
  const auto written = write_markdown(collection, {}, true);
  REQUIRE(written.parts.size() == collection.documents.size());
  test::TempDir dir;
  for (std::size_t i = 0; i < written.parts.size(); ++i) {
    const Metadata& metadata = collection.documents[i].metadata;
    const auto& [name, markdown] = written.parts[i];
    CAPTURE(name);
    test::write_file(dir / name, markdown);
    const auto result = test::run("/usr/bin/pandoc", {"-f", "commonmark+yaml_metadata_block", "-t",
                                                      "json", (dir / name).string()});
    REQUIRE(result.exit_code == 0);
    const auto meta = nlohmann::json::parse(result.out).at("meta");
    std::string title;
    for (const auto& node : meta.at("title").at("c"))
      title += node.at("t") == "Str" ? node.at("c").get<std::string>() : " ";
    CHECK(title == metadata.title);
    if (!metadata.language.empty())
      CHECK(meta.at("lang").at("c").at(0).at("c") == metadata.language);
    if (metadata.date.year != 0)  // a date without its year stays in the dateline
      CHECK(meta.at("date").at("c").at(0).at("c") == iso_date(metadata.date));
    else
      CHECK_FALSE(meta.contains("date"));
  }
}
