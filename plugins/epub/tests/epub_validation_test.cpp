// EPUBCheck, the reference validator, on the books the writer makes: no
// fatal error, no error, no warning. One JVM per book, two books at a time.
#include "epub_book.hpp"
#include "sample_documents.hpp"

#include "support.hpp"

#include <catch2/catch.hpp>

using namespace docconv;
using namespace docconv::epub_test;
using namespace docconv::test;

TEST_CASE("EPUBCheck finds nothing to report in the books") {
  test::TempDir folder;
  test::write_file(folder / "cover.png", one_pixel_png());

  Collection single;
  single.documents = {realistic_article(1)};
  single.documents[0].metadata.date = PartialDate{2017, 0, 0};  // a year only
  Collection hostile;
  hostile.metadata.title =
      "Title with <markup> & \"quotes\" \u2014 "
      "\u0417\u0430\u0433\u043e\u043b\u043e\u0432\u043e\u043a";
  hostile.documents = {hostile_article(), hostile_article()};
  hostile.documents[1].metadata.title.clear();  // a title the writer has to make up
  hostile.documents[1].metadata.title_derived = true;
  hostile.documents[1].metadata.date = PartialDate{2017, 6, 0};  // year and month

  const std::vector<std::pair<std::string, std::string>> books{
      {"multi.epub", write_epub(realistic_collection(12))},
      {"single.epub", write_epub(single)},
      {"hostile-with-cover.epub",
       write_epub(hostile, {{"cover", (folder / "cover.png").string()}})},
  };
  // The fixtures, end to end: news-text reader, epub writer, real executable.
  std::vector<std::string> convert{"convert"};
  for (const auto& file : test::news_fixtures()) convert.push_back(file.string());
  convert.insert(convert.end(), {"-o", (folder / "fixtures.epub").string()});
  const auto converted = test::run_cli(convert);
  INFO(converted.err);
  REQUIRE(converted.exit_code == 0);

  // The reader's development corpus as a folder: 48 dumps of 38 sites, their
  // .labels and .expect files beside them skipped with one warning.
  const auto dev =
      test::run_cli({"convert", (test::source_dir() / "fixtures" / "news-dev").string(), "-o",
                     (folder / "dev.epub").string()});
  INFO(dev.err);
  REQUIRE(dev.exit_code == 0);
  CHECK_THAT(dev.err, Catch::Contains("(48 articles from 48 inputs)"));
  CHECK_THAT(dev.err, Catch::Contains("skipped 97 files no reader claims: LABELS.md, "
                                      "de-spiegel-1.expect, de-spiegel-1.labels and 94 more"));

  std::vector<std::filesystem::path> files{folder / "fixtures.epub", folder / "dev.epub"};
  for (const auto& [name, bytes] : books) {
    test::write_file(folder / name, bytes);
    files.push_back(folder / name);
  }

  for (const Validation& validation : epubcheck(files)) {
    INFO(validation.file.filename().string() << ":\n" << validation.output);
    CHECK(validation.exit_code == 0);
    CHECK(validation.problems.empty());
    CHECK(validation.output.find("No errors or warnings detected") != std::string::npos);
  }
}

TEST_CASE("an empty set gives a clear error, not an empty book") {
  CHECK_THROWS_WITH(write_epub(Collection{}), Catch::Contains("no articles to put in the book"));
}
