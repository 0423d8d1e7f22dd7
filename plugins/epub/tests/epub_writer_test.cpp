// The epub writer's container, package metadata, navigation, options and
// reproducibility, checked by reading its output back with libzip and pugixml.
#include "epub_book.hpp"
#include "sample_documents.hpp"

#include "support.hpp"

#include <zip.h>
#include <docconv/phrases.hpp>

#include <catch2/catch.hpp>
#include <docconv/text.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <functional>
#include <regex>
#include <set>
#include <thread>

using namespace docconv;
using namespace docconv::epub_test;
using namespace docconv::test;

namespace {

pugi::xml_document parsed(const ZipReader& book, const std::string& name) {
  pugi::xml_document document;
  parse_xml(document, book.read(name), name);
  return document;
}

std::vector<std::string> texts(const pugi::xml_document& document, const char* xpath) {
  std::vector<std::string> out;
  for (const auto& found : document.select_nodes(xpath))
    out.push_back(found.attribute() ? collapse_whitespace(found.attribute().value())
                                    : text_of(found.node()));
  return out;
}

std::size_t subheadings(const Document& document) {
  return static_cast<std::size_t>(std::count_if(
      document.blocks.begin(), document.blocks.end(),
      [](const Block& block) { return std::holds_alternative<Heading>(block.content); }));
}

std::string first_text(const pugi::xml_document& document, const char* xpath) {
  const auto found = texts(document, xpath);
  return found.empty() ? std::string("<none>") : found.front();
}

const std::string tiny_png = one_pixel_png();

}  // namespace

TEST_CASE("the container starts with an uncompressed mimetype entry without extra field") {
  const std::string bytes = write_epub(realistic_collection(3));
  // What EPUB reading systems sniff: the first local header, byte for byte.
  REQUIRE(bytes.size() > 60);
  CHECK(bytes.substr(0, 4) == std::string("PK\x03\x04", 4));
  CHECK(bytes.substr(30, 8) == "mimetype");
  CHECK(bytes[28] == 0);  // extra field length, low byte
  CHECK(bytes[29] == 0);
  CHECK(bytes.substr(38, 20) == "application/epub+zip");

  const ZipReader book(bytes);
  const auto entries = book.entries();
  REQUIRE(entries.front().name == "mimetype");
  CHECK(entries.front().compression == ZIP_CM_STORE);
  CHECK(entries.front().local_extra_fields == 0);
  CHECK(entries.front().central_extra_fields == 0);
  for (std::size_t i = 1; i < entries.size(); ++i) {
    INFO(entries[i].name);
    CHECK(entries[i].compression == ZIP_CM_DEFLATE);
  }
  CHECK(book.read("mimetype") == "application/epub+zip");
}

TEST_CASE("the book has a page per article in input order, with generated file names") {
  Collection collection = realistic_collection(3);
  collection.documents.insert(collection.documents.begin() + 1, hostile_article());
  const ZipReader book(write_epub(collection));
  const std::vector<std::string> expected{
      "EPUB/text/title.xhtml",        "EPUB/nav.xhtml",
      "EPUB/text/article-0001.xhtml", "EPUB/text/article-0002.xhtml",
      "EPUB/text/article-0003.xhtml", "EPUB/text/article-0004.xhtml"};
  CHECK(spine_documents(book) == expected);
  for (const auto& entry : book.entries()) {
    INFO(entry.name);
    CHECK(std::regex_match(entry.name, std::regex("[A-Za-z0-9_./-]+")));
    CHECK(entry.name.find("..") == std::string::npos);
    if (entry.name.find("text/") != std::string::npos) {
      CHECK(entry.name.size() > 6);
      CHECK(entry.name.substr(entry.name.size() - 6) == ".xhtml");
    }
  }
  // The hostile title is in the second page, intact as text.
  const auto page = parsed(book, "EPUB/text/article-0002.xhtml");
  const std::string title = first_text(page, "//h1");
  CHECK(title.size() >= 1900);
  CHECK(title.rfind("../../etc/passwd <script>alert(\"x\")</script> & 'quotes' / ", 0) == 0);
  CHECK(page.select_nodes("//script").empty());
}

TEST_CASE("package metadata: title, language, creators, dates, accessibility") {
  Collection collection = realistic_collection(5);
  const ZipReader book(write_epub(collection));
  const auto opf = parsed(book, "EPUB/package.opf");
  CHECK(opf.child("package").attribute("version").value() == std::string("3.0"));
  // The title every writer gives a set without --title; the count is on the title page.
  CHECK(first_text(opf, "//dc:title") == "News articles");
  CHECK(first_text(opf, "//dc:language") == "en");
  CHECK(texts(opf, "//dc:creator") == std::vector<std::string>{"TASS", "Sputnik"});
  CHECK(texts(opf, "//dc:publisher") == std::vector<std::string>{"TASS", "Sputnik"});
  CHECK(first_text(opf, "//dc:date") == "2017-06-06");  // the latest article (number 5)
  CHECK(first_text(opf, "//meta[@property='dcterms:modified']") == "2017-06-06T00:00:00Z");
  const std::string identifier = first_text(opf, "//dc:identifier[@id='book-id']");
  CHECK(std::regex_match(
      identifier,
      std::regex("urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")));
  CHECK(texts(opf, "//meta[@property='schema:accessibilityFeature']") ==
        std::vector<std::string>{"tableOfContents", "readingOrder", "structuralNavigation"});
  CHECK(first_text(opf, "//meta[@property='schema:accessMode']") == "textual");
  CHECK(first_text(opf, "//meta[@property='schema:accessModeSufficient']") == "textual");
  CHECK(first_text(opf, "//meta[@property='schema:accessibilityHazard']") == "none");
  CHECK_FALSE(first_text(opf, "//meta[@property='schema:accessibilitySummary']").empty());
  // English, and said to be, whatever the book's language.
  CHECK(first_text(opf, "//meta[@property='schema:accessibilitySummary']/@xml:lang") == "en");

  SECTION("the command line wins over the documents") {
    collection.metadata.title = "Baltic <security> & NATO";
    collection.metadata.language = "de";
    collection.metadata.authors = {"A. Editor"};
    collection.metadata.publisher = "Press & Co";
    collection.metadata.source_date_epoch = 1500000000;  // 2017-07-14T02:40:00Z
    const std::string bytes = write_epub(collection);
    const ZipReader overridden(bytes);
    const auto opf2 = parsed(overridden, "EPUB/package.opf");
    CHECK(first_text(opf2, "//dc:title") == "Baltic <security> & NATO");
    CHECK(first_text(opf2, "//dc:language") == "de");
    CHECK(texts(opf2, "//dc:creator") == std::vector<std::string>{"A. Editor"});
    CHECK(texts(opf2, "//dc:publisher") == std::vector<std::string>{"Press & Co"});
    CHECK(first_text(opf2, "//meta[@property='dcterms:modified']") == "2017-07-14T02:40:00Z");
    // DOS stamp of 2017-07-14 02:40:00: date (37 << 9 | 7 << 5 | 14), time (2 << 11 | 40 << 5).
    for (const auto& [time, date] : central_dos_stamps(bytes)) {
      CHECK(date == ((37 << 9) | (7 << 5) | 14));
      CHECK(time == ((2 << 11) | (40 << 5)));
    }
  }

  SECTION("a locale name is not a language; without any, the book says und") {
    for (auto& document : collection.documents) document.metadata.language = "C";
    std::vector<std::string> warnings;
    const ZipReader fallback(write_epub(collection, {}, &warnings));
    CHECK(first_text(parsed(fallback, "EPUB/package.opf"), "//dc:language") == "und");
    CHECK(warnings.size() == collection.documents.size());
    const auto page = parsed(fallback, "EPUB/text/article-0001.xhtml");
    CHECK(page.child("html").attribute("lang").value() == std::string("und"));
  }

  SECTION("POSIX spellings are repaired, the most common language wins") {
    collection.documents[0].metadata.language = "ru_RU.UTF-8";
    collection.documents[1].metadata.language = "ru";
    collection.documents[2].metadata.language = "ru";
    collection.documents[3].metadata.language = "ru";
    const ZipReader mixed(write_epub(collection));
    CHECK(first_text(parsed(mixed, "EPUB/package.opf"), "//dc:language") == "ru");
    const auto page = parsed(mixed, "EPUB/text/article-0001.xhtml");
    CHECK(page.child("html").attribute("lang").value() == std::string("ru-RU"));
    CHECK(page.child("html").attribute("xml:lang").value() == std::string("ru-RU"));
  }
}

TEST_CASE("every page says its language") {
  Collection collection = realistic_collection(2);
  collection.documents.push_back(hostile_article());
  const ZipReader book(write_epub(collection));
  for (const auto& entry : book.entries()) {
    if (entry.name.size() < 6 || entry.name.substr(entry.name.size() - 6) != ".xhtml") continue;
    INFO(entry.name);
    const auto page = parsed(book, entry.name);
    const std::string lang = page.child("html").attribute("lang").value();
    CHECK_FALSE(lang.empty());
    CHECK(page.child("html").attribute("xml:lang").value() == lang);
  }
  CHECK(parsed(book, "EPUB/text/article-0003.xhtml").child("html").attribute("lang").value() ==
        std::string("ru"));
}

TEST_CASE("nav.xhtml lists every article with its details and sections, the NCX agrees") {
  Collection collection = realistic_collection(4);
  collection.documents.push_back(hostile_article());
  const ZipReader book(write_epub(collection));
  const auto nav = parsed(book, "EPUB/nav.xhtml");
  const auto articles = nav.select_nodes("//nav[@id='toc']/ol/li");
  REQUIRE(articles.size() == collection.documents.size());
  for (std::size_t i = 0; i < articles.size(); ++i) {
    const Metadata& meta = collection.documents[i].metadata;
    const pugi::xml_node item = articles[i].node();
    const pugi::xml_node link = item.child("a");
    INFO("article " << i + 1);
    CHECK(std::string(link.attribute("href").value()) ==
          "text/article-000" + std::to_string(i + 1) + ".xhtml");
    CHECK(text_of(link.child("small")) ==
          collapse_whitespace(meta.agency + ", " + Phrases::of(meta.language).date(meta.date)));
    // As plain text (Calibre's contents panel) title and details stay apart.
    CHECK_THAT(text_of(link), Catch::EndsWith("\u2014 " + text_of(link.child("small"))));
    CHECK(text_of(link).rfind(
              collapse_whitespace(i < 4 ? meta.title : std::string("../../etc/passwd")), 0) == 0);
    CHECK(item.select_nodes("ol/li/a").size() == subheadings(collection.documents[i]));
  }
  const auto first_sections = texts(nav, "//nav[@id='toc']/ol/li[1]/ol/li/a");
  CHECK(first_sections ==
        std::vector<std::string>{
            "Russia does not have plans to attack NATO countries", "Details of the talks",
            "NATO used Ukraine conflict to find new reason to justify its existence"});
  CHECK(std::string(nav.select_node("//nav[@id='toc']/ol/li[1]/ol/li[2]/a")
                        .node()
                        .attribute("href")
                        .value()) == "text/article-0001.xhtml#section-2");
  for (const auto& anchor : nav.select_nodes("//a")) CHECK_FALSE(text_of(anchor.node()).empty());
  CHECK(texts(nav, "//nav[@epub:type='landmarks']/ol/li/a") ==
        std::vector<std::string>{"Title page", "Contents", "Articles"});

  // Every section anchor exists in its page.
  for (const auto& link : nav.select_nodes("//nav[@id='toc']//a")) {
    const std::string href = link.node().attribute("href").value();
    const auto hash = href.find('#');
    if (hash == std::string::npos) continue;
    const auto page = parsed(book, "EPUB/" + href.substr(0, hash));
    CHECK(page.select_nodes(("//*[@id='" + href.substr(hash + 1) + "']").c_str()).size() == 1);
  }

  const auto ncx = parsed(book, "EPUB/toc.ncx");
  const auto points = ncx.select_nodes("/ncx/navMap/navPoint");
  REQUIRE(points.size() == collection.documents.size() + 1);  // the title page first
  CHECK(text_of(points[1].node().child("navLabel")) ==
        collapse_whitespace(collection.documents[0].metadata.title));
  std::size_t all_subheadings = 0;
  for (const auto& document : collection.documents) all_subheadings += subheadings(document);
  CHECK(ncx.select_nodes("//navPoint/navPoint").size() == all_subheadings);
  std::set<std::string> play_orders;
  for (const auto& point : ncx.select_nodes("//navPoint"))
    play_orders.insert(point.node().attribute("playOrder").value());
  CHECK(play_orders.size() == 1 + collection.documents.size() + all_subheadings);
  CHECK(first_text(ncx, "//meta[@name='dtb:uid']/@content") ==
        first_text(parsed(book, "EPUB/package.opf"), "//dc:identifier"));
}

TEST_CASE("two runs give byte-identical books, the identifier follows the content") {
  const Collection collection = realistic_collection(6);
  const std::string first = write_epub(collection);
  const std::string second = write_epub(collection);
  CHECK(first == second);

  Collection changed = collection;
  changed.documents[3].blocks.push_back({Paragraph{text_run("One more sentence.")}, {}});
  const auto identifier = [](const std::string& bytes) {
    return first_text(parsed(ZipReader(bytes), "EPUB/package.opf"), "//dc:identifier");
  };
  CHECK(identifier(first) == identifier(second));
  CHECK(identifier(write_epub(changed)) != identifier(first));

  // Removed blocks are not in the book, so they do not change it.
  Collection without_chrome = collection;
  for (auto& document : without_chrome.documents)
    std::erase_if(document.blocks, [](const Block& block) {
      return std::holds_alternative<Removed>(block.content);
    });
  CHECK(write_epub(without_chrome) == first);

  // Without SOURCE_DATE_EPOCH every entry has the same fixed stamp (1980-01-01 00:00).
  for (const auto& [time, date] : central_dos_stamps(first)) {
    CHECK(time == 0);
    CHECK(date == ((0 << 9) | (1 << 5) | 1));
  }
}

TEST_CASE("options: css replaces the stylesheet, cover adds a cover page") {
  test::TempDir folder;
  const std::string css = "body { font-family: serif; }\n";
  test::write_file(folder / "book.css", css);
  test::write_file(folder / "cover.png", tiny_png);
  const Collection collection = realistic_collection(2);
  const ZipReader book(write_epub(collection, {{"css", (folder / "book.css").string()},
                                               {"cover", (folder / "cover.png").string()}}));
  CHECK(book.read("EPUB/style/book.css") == css);
  CHECK(book.read("EPUB/images/cover.png") == tiny_png);
  const auto opf = parsed(book, "EPUB/package.opf");
  CHECK(first_text(opf, "//item[@properties='cover-image']/@href") == "images/cover.png");
  CHECK(first_text(opf, "//item[@properties='cover-image']/@media-type") == "image/png");
  CHECK(spine_documents(book).front() == "EPUB/text/cover.xhtml");
  const auto cover = parsed(book, "EPUB/text/cover.xhtml");
  CHECK(std::string(cover.select_node("//img").node().attribute("src").value()) ==
        "../images/cover.png");
  CHECK_FALSE(std::string(cover.select_node("//img").node().attribute("alt").value()).empty());
  CHECK(texts(parsed(book, "EPUB/nav.xhtml"), "//nav[@epub:type='landmarks']/ol/li/a").front() ==
        "Cover");

  SECTION("the default stylesheet has no pixel sizes") {
    const ZipReader plain(write_epub(collection));
    const std::string default_css = plain.read("EPUB/style/book.css");
    CHECK(default_css.find("serif") != std::string::npos);
    CHECK_FALSE(std::regex_search(default_css, std::regex("[0-9]px")));
    CHECK_FALSE(plain.contains("EPUB/text/cover.xhtml"));
  }
}

TEST_CASE("unusable options and inputs give clear errors") {
  test::TempDir folder;
  test::write_file(folder / "cover.gif", "GIF89a....");
  const Collection collection = realistic_collection(1);
  CHECK_THROWS_WITH(write_epub(collection, {{"cover", (folder / "cover.gif").string()}}),
                    Catch::Contains("not a PNG or JPEG image"));
  CHECK_THROWS_WITH(write_epub(collection, {{"css", (folder / "missing.css").string()}}),
                    Catch::Contains("--css") && Catch::Contains("cannot be read"));
  CHECK_THROWS_WITH(write_epub(Collection{}), Catch::Contains("no articles"));
}

TEST_CASE("a cover cut short or with a broken header is refused, a whole one taken") {
  test::TempDir folder;
  const Collection collection = realistic_collection(1);
  const auto refused = [&](const std::string& bytes, const std::string& what) {
    test::write_file(folder / "cover.img", bytes);
    CHECK_THROWS_WITH(write_epub(collection, {{"cover", (folder / "cover.img").string()}}),
                      Catch::Contains(what));
  };
  std::string bad_crc = tiny_png;
  bad_crc[29] = static_cast<char>(bad_crc[29] ^ 0x01);  // a byte of the IHDR chunk's CRC
  std::string zero_width = tiny_png;
  zero_width[19] = '\0';
  refused(bad_crc, "a broken PNG");
  refused(zero_width, "a broken PNG");
  refused(tiny_png.substr(0, tiny_png.size() - 5), "a broken PNG");
  refused(tiny_png.substr(0, 20), "a broken PNG");
  refused("\xFF\xD8\xFF\xE0 a JPEG that never ends", "a broken JPEG");
  test::write_file(folder / "cover.jpg", "\xFF\xD8\xFF\xE0 tiny but whole \xFF\xD9");
  CHECK_NOTHROW(write_epub(collection, {{"cover", (folder / "cover.jpg").string()}}));
}

TEST_CASE("the plugin declares itself as a binary writer of .epub with its options") {
  const auto* plugin = test::project_plugins().find("epub", PluginKind::writer);
  REQUIRE(plugin != nullptr);
  CHECK(plugin->info.extensions == std::vector<std::string>{".epub"});
  CHECK(plugin->info.binary_output);
  CHECK_FALSE(plugin->info.supports_split);
  std::vector<std::string> names;
  for (const auto& option : plugin->info.options) names.push_back(option.name);
  CHECK(names == std::vector<std::string>{"css", "cover"});
}

TEST_CASE("a large set is written whole and in order (lists longer than a piece)") {
  // The contents, manifest and spine are written in pieces (512 items, 64 KiB).
  const Collection collection = realistic_collection(3000);
  const std::string bytes = write_epub(collection);
  const ZipReader book(bytes);
  const auto spine = spine_documents(book);
  REQUIRE(spine.size() == 2 + collection.documents.size());
  CHECK(spine.back() == "EPUB/text/article-3000.xhtml");
  const auto last = parsed(book, "EPUB/text/article-3000.xhtml");
  CHECK(first_text(last, "//h1") == collection.documents.back().metadata.title);
  CHECK(parsed(book, "EPUB/nav.xhtml").select_nodes("//nav[@id='toc']/ol/li").size() == 3000);
}

TEST_CASE("an article without a title gets one, marked as made up, and a TOC entry with text") {
  Collection collection = realistic_collection(2);
  collection.documents[1].metadata.title = "  \n ";
  collection.documents[0].metadata.title_derived = true;
  const ZipReader book(write_epub(collection));
  const auto untitled = parsed(book, "EPUB/text/article-0002.xhtml");
  CHECK(first_text(untitled, "//h1") == "Article 2");
  CHECK(first_text(untitled, "//h1/@class") == "title derived");
  // Cut from the lead by the reader: not shown, since the lead follows it.
  CHECK(first_text(parsed(book, "EPUB/text/article-0001.xhtml"), "//h1/@class") ==
        "title derived from-lead");
  CHECK_THAT(book.read("EPUB/style/book.css"),
             Catch::Contains("h1.from-lead { position: absolute;"));
  const auto nav = parsed(book, "EPUB/nav.xhtml");
  CHECK(text_of(nav.select_node("//nav[@id='toc']/ol/li[2]/a").node()).rfind("Article 2", 0) == 0);
}

namespace {

// The most threads this process had while `run` ran, sampled every 200 µs
// (at least once), the sampling thread included.
std::size_t peak_threads_during(const std::function<void()>& run) {
  std::atomic<bool> done{false};
  std::atomic<std::size_t> peak{0};
  std::thread sampler([&] {
    do {
      std::size_t count = 0;
      for ([[maybe_unused]] const auto& task :
           std::filesystem::directory_iterator("/proc/self/task"))
        ++count;
      peak = std::max<std::size_t>(peak, count);
      std::this_thread::sleep_for(std::chrono::microseconds(200));
    } while (!done);
  });
  run();
  done = true;
  sampler.join();
  return peak;
}

std::size_t threads_now() {
  return peak_threads_during([] {});
}

}  // namespace

TEST_CASE("the book is the same for any -j, -j 1 starts no thread, -j N at most N - 1 threads",
          "[jobs]") {
  const Collection collection = realistic_collection(400);
  std::string one_job;
  const std::size_t idle = threads_now();  // this thread and the sampler
  CHECK(peak_threads_during([&] { one_job = write_epub(collection, {}, nullptr, 1); }) == idle);
  for (const std::size_t jobs : {2, 3, 8}) {
    std::string book;
    const std::size_t peak =
        peak_threads_during([&] { book = write_epub(collection, {}, nullptr, jobs); });
    CHECK(peak > idle);
    CHECK(peak <= idle + jobs - 1);
    CHECK(book == one_job);
  }
}

TEST_CASE("the title page counts the articles and spans their dates, in the book's language") {
  const auto extent = [](std::vector<PartialDate> dates, const std::string& language) {
    Collection collection;
    for (const auto& date : dates) {
      Document article = realistic_article();
      article.metadata.date = date;
      article.metadata.language = language;
      collection.documents.push_back(article);
    }
    const ZipReader book(write_epub(collection));
    return first_text(parsed(book, "EPUB/text/title.xhtml"), "//p[@class='book-extent']");
  };
  CHECK(extent({{2017, 6, 5}, {2017, 6, 6}}, "en") ==
        "2 articles \u00b7 June 5, 2017 \u2013 June 6, 2017");
  CHECK(extent({{2017, 6, 5}}, "en") == "1 article \u00b7 June 5, 2017");
  // A date without a year cannot be placed among dated ones: it does not widen their span.
  CHECK(extent({{2017, 6, 5}, {0, 8, 19}, {2017, 6, 6}}, "ru") ==
        "3 \u0441\u0442\u0430\u0442\u044c\u0438 \u00b7 5 \u0438\u044e\u043d\u044f 2017 \u2013 6 "
        "\u0438\u044e\u043d\u044f 2017");
  CHECK(extent({{0, 8, 19}, {0, 6, 5}}, "de") == "2 Artikel \u00b7 5. Juni \u2013 19. August");
}
