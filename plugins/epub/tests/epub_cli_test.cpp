// The epub writer through the real docconv executable: format from the
// extension, options in --help and on the command line, reproducible files.
#include "epub_book.hpp"
#include "sample_documents.hpp"

#include "support.hpp"

#include <catch2/catch.hpp>

using namespace docconv;
using namespace docconv::epub_test;
using namespace docconv::test;

namespace {

std::vector<std::string> convert_fixtures(const std::filesystem::path& output) {
  std::vector<std::string> args{"convert"};
  for (const auto& file : test::news_fixtures()) args.push_back(file.string());
  args.push_back("-o");
  args.push_back(output.string());
  return args;
}

}  // namespace

TEST_CASE("docconv convert fixtures/news/*.txt -o articles.epub writes the book") {
  test::TempDir folder;
  const auto result = test::run_cli(convert_fixtures(folder / "articles.epub"));
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  const ZipReader book(test::read_file(folder / "articles.epub"));
  std::size_t articles = 0;
  for (const auto& page : spine_documents(book))
    if (page.find("/article-") != std::string::npos) ++articles;
  CHECK(articles == test::news_fixtures().size());

  SECTION("two runs give the same bytes, with or without SOURCE_DATE_EPOCH") {
    REQUIRE(test::run_cli(convert_fixtures(folder / "again.epub")).exit_code == 0);
    CHECK(test::read_file(folder / "again.epub") == test::read_file(folder / "articles.epub"));
    const test::Environment epoch{{"SOURCE_DATE_EPOCH", "1700000000"}};
    REQUIRE(test::run_cli(convert_fixtures(folder / "e1.epub"), epoch).exit_code == 0);
    REQUIRE(test::run_cli(convert_fixtures(folder / "e2.epub"), epoch).exit_code == 0);
    CHECK(test::read_file(folder / "e1.epub") == test::read_file(folder / "e2.epub"));
  }

  SECTION("--title, --author, --lang, --css and --cover reach the book") {
    test::write_file(folder / "style.css", "p { margin: 0; }\n");
    test::write_file(folder / "cover.png", one_pixel_png());
    auto args = convert_fixtures(folder / "custom.epub");
    for (const char* arg : {"--title", "Baltic & NATO", "--author", "Desk", "--lang", "en-GB"})
      args.emplace_back(arg);
    args.insert(args.end(), {"--css", (folder / "style.css").string(), "--cover",
                             (folder / "cover.png").string()});
    const auto custom = test::run_cli(args);
    INFO(custom.err);
    REQUIRE(custom.exit_code == 0);
    const ZipReader custom_book(test::read_file(folder / "custom.epub"));
    const std::string opf = custom_book.read("EPUB/package.opf");
    CHECK(opf.find("<dc:title>Baltic &amp; NATO</dc:title>") != std::string::npos);
    CHECK(opf.find("<dc:creator>Desk</dc:creator>") != std::string::npos);
    CHECK(opf.find("<dc:language>en-GB</dc:language>") != std::string::npos);
    CHECK(custom_book.read("EPUB/style/book.css") == "p { margin: 0; }\n");
    CHECK(custom_book.read("EPUB/images/cover.png") == one_pixel_png());
  }

  SECTION("a cover that is not an image fails the conversion and writes nothing") {
    test::write_file(folder / "cover.txt", "not an image");
    auto args = convert_fixtures(folder / "broken.epub");
    args.insert(args.end(), {"--cover", (folder / "cover.txt").string()});
    const auto broken = test::run_cli(args);
    CHECK(broken.exit_code != 0);
    CHECK(broken.err.find("not a PNG or JPEG image") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(folder / "broken.epub"));
  }
}

TEST_CASE("docconv convert --help lists the epub writer's options") {
  const auto help = test::run_cli({"convert", "--help", "-t", "epub"});
  CHECK(help.exit_code == 0);
  CHECK(help.out.find("--css FILE") != std::string::npos);
  CHECK(help.out.find("--cover IMAGE") != std::string::npos);
}

TEST_CASE("near-duplicates: the copy's page links to the original, or the copy is left out") {
  test::TempDir folder;
  auto marked_args = convert_fixtures(folder / "marked.epub");
  auto dropped_args = convert_fixtures(folder / "dropped.epub");
  dropped_args.insert(dropped_args.begin() + 1, {"--near-duplicates", "drop"});
  REQUIRE(test::run_cli(marked_args).exit_code == 0);
  REQUIRE(test::run_cli(dropped_args).exit_code == 0);

  const ZipReader marked(test::read_file(folder / "marked.epub"));
  const std::string copy_page = marked.read("EPUB/text/article-0002.xhtml");
  pugi::xml_document page;
  parse_xml(page, copy_page, "article-0002.xhtml");
  const pugi::xml_node note = page.select_node("//*[@class='near-duplicate']").node();
  REQUIRE(note);
  CHECK(text_of(note).rfind("Repeats an earlier article (", 0) == 0);
  CHECK(std::string(note.child("a").attribute("href").value()) == "article-0001.xhtml");
  CHECK(marked.read("EPUB/text/article-0001.xhtml").find("near-duplicate") == std::string::npos);

  const ZipReader dropped(test::read_file(folder / "dropped.epub"));
  std::size_t articles = 0;
  for (const auto& spine_page : spine_documents(dropped))
    if (spine_page.find("/article-") != std::string::npos) ++articles;
  CHECK(articles == test::news_fixtures().size() - 1);

  for (const auto& validation : epubcheck({folder / "marked.epub", folder / "dropped.epub"})) {
    INFO(validation.file << "\n" << validation.output);
    CHECK(validation.exit_code == 0);
    CHECK(validation.problems.empty());
  }
}
