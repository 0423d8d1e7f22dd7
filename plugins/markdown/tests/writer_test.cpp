// The markdown writer's output for known articles: the mapping of
// docs/markdown.md, its options, split output and the CLI.
#include "markdown_tree.hpp"
#include "support.hpp"
#include "writer_support.hpp"

#include "host/output.hpp"

#include <docconv/text.hpp>

#include <catch2/catch.hpp>

#include <filesystem>

using namespace docconv;
using namespace docconv::markdown_test;

namespace {

Block block(BlockContent content) {
  return Block{std::move(content), {}};
}

Document lavrov_article() {
  Document document;
  Metadata& m = document.metadata;
  m.title = "Lavrov: there are no threats";
  m.standfirst = "Russia's top diplomat spoke in Helsinki.";
  m.authors = {"Anna Smith"};
  m.publisher = "TASS";
  m.agency = "TASS";
  m.dateline_place = "Helsinki";
  m.date = {2017, 6, 5};
  m.language = "en";
  m.source = "lavrov.txt";
  document.blocks = {
      block(Paragraph{{{InlineKind::text, "HELSINKI, June 5. Russia sees ", {}},
                       {InlineKind::emphasis, "no", {}},
                       {InlineKind::text, " threats.", {}}}}),
      block(Heading{2, text_run("Baltic region")}),
      block(List{false, {text_run("first"), text_run("second")}}),
      block(List{true, {text_run("one"), text_run("two")}}),
      block(BlockQuote{{text_run("We are not a threat"), text_run("Second paragraph")}}),
      block(Figure{text_run("Sergey Lavrov"), "Reuters", "lavrov.jpg"}),
      block(RelatedLink{text_run("Earlier talks"), "https://example.com/talks"}),
      block(RelatedLink{text_run("No link"), ""}),
      block(Removed{"Subscribe now", "site chrome"}),
      block(Paragraph{text_run("1. Not a list.")}),
  };
  return document;
}

std::size_t characters(std::string_view utf8) {
  std::size_t count = 0;
  for (const char c : utf8) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return count;
}

Collection one(Document document) {
  Collection collection;
  collection.documents.push_back(std::move(document));
  return collection;
}

const std::string lavrov_body = R"(HELSINKI, June 5. Russia sees *no* threats.

## Baltic region

- first
- second

1. one
2. two

> We are not a threat
>
> Second paragraph

*Sergey Lavrov* — Reuters

**Read more:**

- [Earlier talks](https://example.com/talks)
- No link

1\. Not a list.
)";

}  // namespace

TEST_CASE("the plugin describes itself") {
  const host::PluginInfo& info = markdown_plugin().info;
  CHECK(info.name == "markdown");
  CHECK(info.kind == PluginKind::writer);
  CHECK(info.aliases == std::vector<std::string>{"md", "commonmark"});
  CHECK(info.extensions == std::vector<std::string>{".md", ".markdown"});
  CHECK(info.supports_split);
  CHECK_FALSE(info.binary_output);
  REQUIRE(info.options.size() == 2);
  CHECK(info.options[0].name == "wrap");
  CHECK_FALSE(info.options[0].is_flag);
  CHECK(info.options[1].name == "keep-removed");
  CHECK(info.options[1].is_flag);
}

TEST_CASE("one file: the set's front matter, then each article under its title") {
  const auto written = write_markdown(one(lavrov_article()));
  // Written before the first article: no count, and no language unless --lang gives one.
  CHECK(written.text ==
        "---\n"
        "title: \"News articles\"\n"
        "lang: \"en\"\n"
        "---\n"
        "\n"
        "# Lavrov: there are no threats\n"
        "\n"
        "*By Anna Smith · Helsinki, June 5, 2017 (TASS)*\n"
        "\n"
        "**Russia\\'s top diplomat spoke in Helsinki.**\n"
        "\n" +
            lavrov_body);
  CHECK(check_one_file(one(lavrov_article()), written.text, false).empty());
}

TEST_CASE("one file: each article is written when it is added, none is held back") {
  // What keeps memory flat however many articles there are: the output after
  // each add() already holds that article, and finish() adds nothing.
  const auto writer = markdown_plugin().object().make_writer();
  docconv::testing::MemorySink sink;
  docconv::test::CollectingDiagnostics diagnostics;
  const CollectionMetadata collection;
  const OptionValues options;
  const WriteContext context{collection, sink, options, diagnostics};
  writer->begin(context);
  CHECK(sink.text().empty());  // the front matter takes the first article's language
  Document first = lavrov_article();
  Document second = lavrov_article();
  second.metadata.title = "Second article";
  writer->add(first);
  const std::string after_first = sink.text();
  CHECK_THAT(after_first, Catch::StartsWith("---\ntitle: \"News articles\"\nlang: \"en\"\n---\n"));
  CHECK_THAT(after_first, Catch::EndsWith(lavrov_body));
  writer->add(second);
  const std::string after_second = sink.text();
  CHECK(after_second.starts_with(after_first));
  CHECK_THAT(after_second.substr(after_first.size()), Catch::StartsWith("\n# Second article\n"));
  writer->finish();
  CHECK(sink.text() == after_second);
  CHECK(check_one_file(Collection{{}, {first, second}}, after_second, false).empty());
}

TEST_CASE("split: one file per article, with the article's front matter") {
  Collection collection = one(lavrov_article());
  Document second;
  second.metadata.title = "Second: \"quoted\" title";
  second.blocks.push_back(block(Paragraph{text_run("Text.")}));
  collection.documents.push_back(second);
  const auto written = write_markdown(collection, {}, true);
  CHECK(written.text.empty());
  REQUIRE(written.parts.size() == 2);
  CHECK(written.parts[0].first == "0001-lavrov-there-are-no-threats.md");
  CHECK(written.parts[0].second ==
        "---\n"
        "title: \"Lavrov: there are no threats\"\n"
        "subtitle: \"Russia\\\\'s top diplomat spoke in Helsinki.\"\n"
        "author:\n"
        "  - \"Anna Smith\"\n"
        "date: \"2017-06-05\"\n"
        "publisher: \"TASS\"\n"
        "lang: \"en\"\n"
        "dateline:\n"
        "  place: \"Helsinki\"\n"
        "  date: \"June 5, 2017\"\n"
        "  agency: \"TASS\"\n"
        "source: \"lavrov.txt\"\n"
        "---\n"
        "\n" +
            lavrov_body);
  CHECK(written.parts[1].first == "0002-second-quoted-title.md");
  CHECK(written.parts[1].second ==
        "---\ntitle: \"Second: \\\\\\\"quoted\\\\\\\" title\"\n---\n\nText.\n");
}

TEST_CASE("the keep-removed option keeps removed text as HTML comments") {
  Document document = lavrov_article();
  document.blocks.push_back(block(Removed{"a --> b\r\nc", ""}));
  const auto written = write_markdown(one(document), {{"keep-removed", "true"}});
  CHECK_THAT(
      written.text,
      Catch::Contains("- No link\n\n<!-- removed (site chrome): Subscribe now -->\n\n1\\. Not"));
  CHECK_THAT(written.text, Catch::EndsWith("\n\n<!-- removed: a - -> b\nc -->\n"));
  CHECK(check_one_file(one(document), written.text, true).empty());
  CHECK_THAT(write_markdown(one(document)).text, !Catch::Contains("Subscribe"));
}

TEST_CASE("the wrap option breaks paragraphs into lines of at most N characters") {
  std::string long_text;
  for (int i = 0; i < 60; ++i) long_text += "word" + std::to_string(i) + (i % 7 == 0 ? " - " : " ");
  Document document;
  document.metadata.title = "Wrapped";
  document.blocks = {block(Paragraph{text_run(long_text)}),
                     block(List{true, {text_run(long_text)}}),
                     block(BlockQuote{{text_run(long_text)}})};
  const auto written = write_markdown(one(document), {{"wrap", "30"}});
  const auto body = split_front_matter(written.text).second;
  std::size_t lines = 0;
  for (const auto& line : test::lines(body)) {
    ++lines;
    CHECK(line.size() <= 30);
  }
  CHECK(lines > 3 * long_text.size() / 30);
  CHECK_THAT(body, Catch::Contains("\n   word"));  // ordered item continuation, indented
  CHECK_THAT(body, Catch::Contains("\n> word"));
  CHECK(check_one_file(one(document), written.text, false).empty());
  // No line starts with "-": it would be a list item.
  for (const auto& line : test::lines(body)) CHECK(line.rfind("- ", 0) == std::string::npos);
}

TEST_CASE("lists in a row stay separate lists") {
  Document document;
  document.metadata.title = "Lists";
  document.blocks = {block(List{false, {text_run("a")}}),
                     block(List{false, {text_run("b")}}),
                     block(Removed{"x", "y"}),
                     block(List{false, {text_run("c")}}),
                     block(List{true, {text_run("d")}}),
                     block(List{true, {text_run("e")}}),
                     block(RelatedLink{text_run("f"), ""}),
                     block(List{false, {text_run("g")}})};
  const auto written = write_markdown(one(document));
  CHECK_THAT(written.text, Catch::EndsWith("- a\n\n<!-- -->\n\n* b\n\n<!-- -->\n\n- c\n\n1. "
                                           "d\n\n<!-- -->\n\n1) e\n\n**Read more:**\n\n- "
                                           "f\n\n<!-- -->\n\n* g\n"));
  CHECK(check_one_file(one(document), written.text, false).empty());
}

TEST_CASE("a --wrap that is not a number is refused") {
  for (const std::string value : {"", "abc", "-3", "12x"}) {
    CAPTURE(value);
    CHECK_THROWS_WITH(write_markdown(one(lavrov_article()), {{"wrap", value}}),
                      Catch::Contains("--wrap expects a number"));
  }
}

TEST_CASE("the CLI writes Markdown to standard output and to split files") {
  const auto fixture = test::news_fixtures().at(0).string();
  SECTION("-o - writes to standard output") {
    const auto result = test::run_cli({"convert", fixture, "-o", "-", "-t", "md", "--wrap", "50"});
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    CHECK_THAT(result.out, Catch::StartsWith("---\ntitle: \"News articles\"\n"));
    // Headings are one line whatever their length; paragraphs are wrapped.
    for (const auto& line : test::lines(split_front_matter(result.out).second))
      if (line.front() != '#') CHECK(characters(line) <= 50);
  }
  SECTION("--split -o DIR writes one file per article") {
    test::TempDir dir;
    std::vector<std::string> args{"convert"};
    for (const auto& path : test::news_fixtures()) args.push_back(path.string());
    args.insert(args.end(), {"--split", "-o", (dir / "out").string(), "-t", "commonmark"});
    const auto result = test::run_cli(args);
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    std::size_t files = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir / "out")) {
      ++files;
      CHECK(entry.path().extension() == ".md");
      CHECK_THAT(test::read_file(entry.path()), Catch::StartsWith("---\ntitle: \""));
    }
    CHECK(files == test::news_fixtures().size());
  }
}
