// Every kind of TEI file the writer produces validates against TEI P5
// tei_all (fixtures/schemas/tei_all.rng) with jing, with no message at all.

#include "sample_documents.hpp"
#include "source_inputs.hpp"
#include "tei_runs.hpp"

#include "support.hpp"

#include <catch2/catch.hpp>

using namespace docconv;
using namespace docconv::tei::test;
using namespace docconv::test;
using docconv::test::TempDir;
namespace fs = std::filesystem;

namespace {

fs::path save(const TempDir& folder, const std::string& name, const std::string& xml) {
  const fs::path path = folder / name;
  docconv::test::write_file(path, xml);
  return path;
}

}  // namespace

TEST_CASE("every shape of output validates against tei_all: corpus, split files, single articles") {
  TempDir folder;
  std::vector<fs::path> files;
  const auto samples = all_samples();

  Collection corpus = collection_of(samples);
  corpus.metadata.title = "NATO & the Balkans";
  corpus.metadata.authors = {"A. Archivist"};
  corpus.metadata.source_date_epoch = 1700000000;
  const OptionValues options{{"licence", "CC BY 4.0"},
                             {"licence-url", "https://creativecommons.org/licenses/by/4.0/"},
                             {"publisher", "Example Archive"}};
  files.push_back(save(folder, "corpus-with-options.tei.xml", write_tei(corpus, options)));
  files.push_back(save(folder, "corpus-plain.tei.xml", write_tei(collection_of(samples))));

  Collection russian = collection_of({non_latin_article(), non_latin_article()});
  russian.metadata.language = "ru";
  files.push_back(save(folder, "corpus-ru.tei.xml", write_tei(russian)));

  for (const auto& [name, xml] : write_tei_split(collection_of(samples), options))
    files.push_back(save(folder, "split-" + name, xml));

  // Single articles: full, derived title, no dateline, only removed blocks,
  // special characters, non-Latin text.
  for (std::size_t i = 0; i < samples.size(); ++i)
    files.push_back(save(folder, "single-" + std::to_string(i + 1) + ".tei.xml",
                         write_tei(collection_of({samples[i]}))));
  Document empty_article;
  files.push_back(save(folder, "single-empty.tei.xml", write_tei(collection_of({empty_article}))));

  // Bodies that are only a figure, or only headings whose levels jump about,
  // with a dateline before the first division.
  Document figure_only;
  figure_only.blocks.push_back({Figure{text_run("A caption"), "A credit", "a.jpg"}, {1, 1}});
  Document headings_only;
  headings_only.metadata.dateline_place = "Moscow";
  for (const int level : {3, 1, 4, 2, 2})
    headings_only.blocks.push_back({Heading{level, text_run("Heading")}, {}});
  files.push_back(save(folder, "corpus-edge-bodies.tei.xml",
                       write_tei(collection_of({figure_only, headings_only}))));

  const JingResult result = validate_with_jing(files);
  INFO(result.messages);
  CHECK(result.messages.empty());
  CHECK(result.exit_code == 0);
}

TEST_CASE("what news-text reads validates: every marker form, split files, a generated corpus") {
  // Bullets, quote marks, READ MORE labels and credit marks as label, a
  // photo-bank line as figure/ab with derived caption and credit, removed
  // chrome and duplicate captions: read from real dumps by the real reader.
  TempDir folder;
  std::vector<fs::path> files;
  const auto read_all = [](const std::vector<SourceInput>& inputs) {
    std::vector<Document> documents;
    for (const auto& input : inputs)
      for (auto& document : read_news_text(input.name, input.bytes))
        documents.push_back(std::move(document));
    return documents;
  };
  const auto markers = read_all(marker_inputs());
  REQUIRE(markers.size() == marker_inputs().size());
  files.push_back(save(folder, "markers.tei.xml", write_tei(collection_of(markers))));
  for (const auto& [name, xml] : write_tei_split(collection_of(markers)))
    files.push_back(save(folder, "markers-split-" + name, xml));
  files.push_back(save(folder, "markers-single.tei.xml", write_tei(collection_of({markers[0]}))));

  const auto generated = read_all(generated_inputs(300));
  REQUIRE(generated.size() == 300);
  files.push_back(save(folder, "generated.tei.xml", write_tei(collection_of(generated))));

  const JingResult result = validate_with_jing(files);
  INFO(result.messages);
  CHECK(result.messages.empty());
  CHECK(result.exit_code == 0);
}

TEST_CASE("the jing check fails on a file that breaks the schema") {
  // Proves that the validation above can fail: pandoc's mistake, an empty publicationStmt.
  TempDir folder;
  std::string xml = write_tei(collection_of({article_without_dateline()}));
  const std::size_t start = xml.find("<publicationStmt>");
  const std::size_t end = xml.find("</publicationStmt>");
  REQUIRE(start != std::string::npos);
  REQUIRE(end != std::string::npos);
  xml.replace(start, end - start, "<publicationStmt>");
  const JingResult result = validate_with_jing({save(folder, "broken.tei.xml", xml)});
  CHECK(result.exit_code != 0);
  CHECK_THAT(result.messages, Catch::Contains("publicationStmt"));
}

TEST_CASE("near-duplicates: a marked corpus and one with the copy left out validate and say so") {
  TempDir folder;
  const auto convert = [&](const std::string& mode, const fs::path& output,
                           std::vector<std::string> more) {
    std::vector<std::string> args{"convert", "--near-duplicates", mode};
    for (const auto& path : news_fixtures()) args.push_back(path.string());
    args.insert(args.end(), more.begin(), more.end());
    args.insert(args.end(), {"-o", output.string()});
    const auto result = run_cli(args);
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
  };
  convert("mark", folder / "marked.tei.xml", {});
  convert("drop", folder / "dropped.tei.xml", {});
  convert("mark", folder / "split", {"--split", "-t", "tei"});
  std::vector<fs::path> files{folder / "marked.tei.xml", folder / "dropped.tei.xml"};
  for (const auto& name : file_names(folder / "split")) files.push_back(folder / "split" / name);
  const JingResult validation = validate_with_jing(files);
  INFO(validation.messages);
  CHECK(validation.exit_code == 0);
  CHECK(validation.messages.empty());

  const auto marked = parse_tei(read_file(folder / "marked.tei.xml"));
  const auto related = marked.select_nodes("//TEI/teiHeader//relatedItem[@type='nearDuplicateOf']");
  REQUIRE(related.size() == 1);
  CHECK(std::string(related.first().node().attribute("target").value()) == "#a0001");
  CHECK(marked.select_node("//TEI[@xml:id='a0002']/teiHeader//note[@type='nearDuplicate']/measure")
            .node()
            .attribute("quantity")
            .as_double() > 0.8);

  const auto dropped = parse_tei(read_file(folder / "dropped.tei.xml"));
  CHECK(dropped.select_nodes("/teiCorpus/TEI").size() == news_fixtures().size() - 1);
  const auto listed = dropped.select_nodes(
      "/teiCorpus/teiHeader//note[@type='nearDuplicatesLeftOut']//bibl/idno[@type='file']");
  REQUIRE(listed.size() == 1);
  CHECK(fs::path(listed.first().node().text().get()).filename() == "001_0ad67a5ab6efaf56.txt");

  // One article left: a TEI of its own, whose header lists its copy and
  // points at itself, not at a --split file that is not there.
  fs::create_directory(folder / "twice");
  fs::copy_file(news_fixtures()[0], folder / "twice" / "a.txt");
  fs::copy_file(news_fixtures()[0], folder / "twice" / "b.txt");
  const auto single = run_cli({"convert", "--near-duplicates", "drop", (folder / "twice").string(),
                               "-o", (folder / "single.tei.xml").string()});
  REQUIRE(single.exit_code == 0);
  const auto alone = parse_tei(read_file(folder / "single.tei.xml"));
  REQUIRE(alone.select_node("/TEI").node());
  CHECK(std::string(alone
                        .select_node("/TEI/teiHeader//note[@type='nearDuplicatesLeftOut']//"
                                     "relatedItem")
                        .node()
                        .attribute("target")
                        .value()) == "#a0001");
  const JingResult single_validation = validate_with_jing({folder / "single.tei.xml"});
  INFO(single_validation.messages);
  CHECK(single_validation.exit_code == 0);

  // Split: the copy's file points into the original's file.
  const auto split_copy = parse_tei(read_file(folder / "split" / file_names(folder / "split")[1]));
  const std::string target =
      split_copy.select_node("//relatedItem").node().attribute("target").value();
  CHECK(target == file_names(folder / "split")[0] + "#a0001");
}
