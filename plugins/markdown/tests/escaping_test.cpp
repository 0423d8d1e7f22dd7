// The escaping proof: whatever the text, cmark reads the writer's output back
// as exactly the model's text, with no markup the model did not have.
#include "markdown_samples.hpp"
#include "markdown_tree.hpp"
#include "writer_support.hpp"

#include <catch2/catch.hpp>

#include <random>

using namespace docconv;
using namespace docconv::markdown_test;

TEST_CASE("every metacharacter in every position reads back as itself") {
  Collection collection;
  collection.documents.push_back(every_position_document());
  for (const std::string wrap : {"0", "1", "12"}) {
    CAPTURE(wrap);
    const auto written = write_markdown(collection, {{"wrap", wrap}});
    const auto difference = check_one_file(collection, written.text, false);
    CHECK(difference.empty());
    if (!difference.empty()) FAIL(difference.substr(0, 4000));
  }
}

TEST_CASE("text XML cannot carry reads back as xml_safe() makes it, at any offset") {
  // The writer checks text in 8-byte steps and only calls xml_safe() for text
  // that needs it: a bad byte must be caught wherever it sits.
  const std::vector<std::string> bad = {"\x01", "\x0B",         "\x1F",         "\xFF",
                                        "\xC3", "\xEF\xBF\xBE", "\xED\xA0\x80", "\x7F"};
  Collection collection;
  Document document;
  for (const std::string& piece : bad)
    for (std::size_t offset = 0; offset < 18; ++offset)
      for (const std::string before : {"", "\t", "\n", "é"}) {
        const std::string text =
            "Text " + before + std::string(offset, 'a') + piece + "b tail, long enough to chunk";
        document.blocks.push_back(Block{Paragraph{text_run(text)}, {1, 1}});
      }
  collection.documents.push_back(document);
  const auto written = write_markdown(collection);
  const auto difference = check_one_file(collection, written.text, false);
  CHECK(difference.empty());
  if (!difference.empty()) FAIL(difference.substr(0, 4000));
}

TEST_CASE("thousands of generated paragraphs read back as the same text") {
  std::size_t blocks = 0;
  for (unsigned seed = 1; seed <= 600; ++seed) {
    auto choices = markdown_choices(seed);
    Collection collection;
    collection.documents.push_back(test::DocumentGenerator(choices).document(25));
    blocks += 25;
    const bool keep_removed = choices.chance(0.5);
    OptionValues options{
        {"wrap", choices.chance(0.5) ? "0" : std::to_string(1 + choices.below(60))}};
    if (keep_removed) options["keep-removed"] = "true";
    const auto written = write_markdown(collection, options);
    const auto difference = check_one_file(collection, written.text, keep_removed);
    if (!difference.empty()) {
      CAPTURE(seed, options.at("wrap"), keep_removed);
      FAIL(difference.substr(0, 6000));
    }
  }
  CHECK(blocks == 15000);
}

namespace {

// The body of a split output for one paragraph: its single line.
std::string paragraph_markdown(const std::string& text, bool heading = false) {
  Document document;
  document.metadata.title = "t";
  document.blocks.push_back(heading ? Block{Heading{2, text_run(text)}, {}}
                                    : Block{Paragraph{text_run(text)}, {}});
  Collection collection;
  collection.documents.push_back(document);
  const auto written = write_markdown(collection, {}, true);
  REQUIRE(written.parts.size() == 1);
  auto body = split_front_matter(written.parts[0].second).second;
  REQUIRE(body.size() >= 2);
  REQUIRE(body.front() == '\n');
  REQUIRE(body.back() == '\n');
  return body.substr(1, body.size() - 2);
}

}  // namespace

TEST_CASE("ordinary prose is written as it is") {
  for (const std::string text :
       {"AT&T and a < b and R&D and 50% off", "Hello (again)! e-mail, C# and F#, the 1990s",
        "x=y, 5 > 3, 3.14, -5 and +1, a@b.c, 10:30, Dr. Who",
        "Closing” — dashes, apostrophes’, Кириллица, «ёлки», 😀", "Tom & Jerry; price: 5 euros",
        "a <= b, I <3 it, x<5%, (b)!"}) {
    CHECK(paragraph_markdown(text) == text);
  }
}

TEST_CASE("markup characters are escaped where they would be read as markup") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"- not a list", "\\- not a list"},
      {"+ not a list", "\\+ not a list"},
      {"* not a list", "\\* not a list"},
      {"1. not a list", "1\\. not a list"},
      {"2017) was", "2017\\) was"},
      {"# not a heading", "\\# not a heading"},
      {"> not a quote", "\\> not a quote"},
      {"---", "\\-\\--"},
      {"~~~ fence", "\\~\\~\\~ fence"},
      {"*not emphasis*", "\\*not emphasis\\*"},
      {"_not emphasis_", "\\_not emphasis\\_"},
      {"[not](a link)", "\\[not\\](a link)"},
      {"see [x](y)", "see \\[x\\](y)"},
      {"`code`", "\\`code\\`"},
      {"<b>bold</b>", "\\<b>bold\\</b>"},
      {"<http://x.y> <a@b.c> <1+x@y.z> <!-- c --> <?php",
       "\\<http://x.y> \\<a@b.c> \\<1+x@y.z> \\<!\\-- c \\--> \\<?php"},
      {"&amp; &#35; &copy;", "\\&amp; \\&#35; \\&copy;"},
      {"ends with \\", "ends with \\\\"},
      {"\\*", "\\\\\\*"},
      {" leading and trailing\t", "&#32;leading and trailing&#9;"},
      {"line\nbreak", "line&#10;break"},
      // Pandoc's Markdown and commonmark_x: smart punctuation, subscript and
      // superscript, math, citations, emoji, spans, fancy lists, line blocks,
      // definitions, fenced divs, raw TeX, tasks.
      {"Russia's \"quote\"", "Russia\\'s \\\"quote\\\""},
      {"-- and --- and ...", "\\-- and \\-\\-- and \\..."},
      {"H~2~O and 2^10^", "H\\~2\\~O and 2\\^10\\^"},
      {"$5 and $6", "\\$5 and \\$6"},
      {"@smith says, write to a@b.c", "\\@smith says, write to a@b.c"},
      {"a :smile: at 10:30", "a \\:smile: at 10:30"},
      {"[citation needed] and [1]{.x}", "\\[citation needed\\] and \\[1\\]\\{.x}"},
      {"a. not a list", "a\\. not a list"},
      {"iv) not a list", "iv\\) not a list"},
      {"(a) not a list", "\\(a) not a list"},
      {"#. not a list", "\\#. not a list"},
      {"| not a line block", "\\| not a line block"},
      {": not a definition", "\\: not a definition"},
      {"::: not a div", "\\::: not a div"},
      {"\\emph{not TeX}", "\\\\emph\\{not TeX}"},
      {"[x] not a task", "\\[x\\]&#32;not a task"},
      {"snake_case and 2 * 3", "snake\\_case and 2 \\* 3"},
      {"“Quotes” and ‘quotes’", "&#8220;Quotes” and &#8216;quotes’"},
  };
  for (const auto& [text, markdown] : cases) {
    CAPTURE(text);
    CHECK(paragraph_markdown(text) == markdown);
  }
  CHECK(paragraph_markdown("C #", true) == "## C \\#");
  CHECK(paragraph_markdown("# 1", true) == "## # 1");
  CHECK(paragraph_markdown("C ##", true) == "## C \\#\\#");  // Pandoc strips any unescaped
}
