// Books in the articles' language: a Russian and a German set (the dumps of
// fixtures/news-dev) give books whose generated text (title, title page,
// contents, landmarks, datelines, bylines) is in their language. Their
// title page, contents and first article page are reviewed golden files
// (fixtures/golden/epub-ru, fixtures/golden/epub-de); DOCCONV_ACCEPT=1
// rewrites them.

#include "epub_book.hpp"

#include "support.hpp"

#include <docconv/phrases.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

using namespace docconv;
using namespace docconv::epub_test;
namespace fs = std::filesystem;

namespace {

// The book docconv makes of the dumps of fixtures/news-dev named LANGUAGE-*.txt.
std::string book_of_dumps(const std::string& language, const test::TempDir& folder) {
  std::vector<std::string> dumps;
  for (const auto& entry : fs::directory_iterator(test::fixtures_dir() / "news-dev"))
    if (entry.path().filename().string().starts_with(language + "-") &&
        entry.path().extension() == ".txt")
      dumps.push_back(entry.path().string());
  std::sort(dumps.begin(), dumps.end());
  REQUIRE(dumps.size() >= 3);
  std::vector<std::string> args{"convert"};
  args.insert(args.end(), dumps.begin(), dumps.end());
  const fs::path book = folder / (language + ".epub");
  args.insert(args.end(), {"-o", book.string()});
  const auto converted = test::run_cli(args);
  INFO(converted.err);
  REQUIRE(converted.exit_code == 0);
  return test::read_file(book);
}

const std::vector<std::string> golden_pages{"EPUB/text/title.xhtml", "EPUB/nav.xhtml",
                                            "EPUB/text/article-0001.xhtml"};

}  // namespace

TEST_CASE("Russian and German sets give books whose generated text is in their language") {
  test::TempDir folder;
  const Phrases& english = Phrases::of("en");
  for (const std::string language : {"ru", "de"}) {
    INFO(language);
    const ZipReader book(book_of_dumps(language, folder));
    const Phrases& phrases = Phrases::of(language);
    const std::string title_page = book.read("EPUB/text/title.xhtml");
    const std::string nav = book.read("EPUB/nav.xhtml");
    CHECK_THAT(title_page, Catch::Contains(phrases.collection_title()));
    CHECK_THAT(nav, Catch::Contains("<h1>" + phrases.contents() + "</h1>"));
    CHECK_THAT(nav, Catch::Contains(phrases.title_page()));
    for (const std::string& page : {title_page, nav})
      for (const std::string* word : {&english.collection_title(), &english.contents(),
                                      &english.title_page(), &english.landmarks()})
        CHECK_THAT(page, !Catch::Contains(*word));
    CHECK_THAT(title_page, !Catch::Contains(" article"));

    for (const std::string& name : golden_pages) {
      INFO(name);
      const fs::path golden =
          test::fixtures_dir() / "golden" / ("epub-" + language) / fs::path(name).filename();
      const std::string page = book.read(name);
      if (test::accepting_new_results()) {
        fs::create_directories(golden.parent_path());
        test::write_file(golden, page);
        WARN("rewrote " << golden << ": review it before committing");
      }
      REQUIRE(fs::exists(golden));
      CHECK(test::read_file(golden) == page);
    }
  }
}
