// Documents for property tests: text full of Markdown metacharacters.
#pragma once

#include "sample_documents.hpp"

#include <docconv/model.hpp>

#include <string>
#include <utility>
#include <vector>

namespace docconv::markdown_test {

// Everything that means something somewhere in CommonMark, alone and in the
// combinations that make blocks, links, entities, HTML and autolinks.
inline const std::vector<std::string> metacharacters = {"\\",          "\\\\",    "`",
                                                        "``",          "```",     "*",
                                                        "**",          "***",     "_",
                                                        "__",          "___",     "~",
                                                        "~~~",         "[",       "]",
                                                        "(",           ")",       "[a](b)",
                                                        "![i](j)",     "[x]",     "[y]: /url",
                                                        "]:",          "<",       ">",
                                                        "<a>",         "</p>",    "<http://x.y>",
                                                        "<a@b.c>",     "<1@x.y>", "<+_@a>",
                                                        "<=",          "<3",      "<!--",
                                                        "-->",         "<?",      "<![CDATA[",
                                                        "#",           "# ",      "## ",
                                                        "######",      "#######", "-",
                                                        "- ",          "--",      "---",
                                                        "+",           "+ ",      "=",
                                                        "===",         "1.",      "1. ",
                                                        "2)",          "3) ",     "123456789.",
                                                        "1234567890.", "&",       "&amp;",
                                                        "&#35;",       "&#x41;",  "&copy;",
                                                        "&bogus;",     "&#;",     "AT&T",
                                                        "!",           "|",       "{",
                                                        "}",           ":",       ";",
                                                        "\"",          "'",       "$",
                                                        "%",           "^",       "@",
                                                        "?",           ".",       ",",
                                                        "é",           "—",       "“",
                                                        "”",           "«",       "»",
                                                        "\u00a0",      "\u2003",  "→",
                                                        "€",           "😀",       "Ж",
                                                        "\u2028",      " ",       "  ",
                                                        "\t",          "\n",      "\r\n",
                                                        "    ",        "a_b",     "2 * 3"};

inline const std::vector<std::string> words = {"a",  "word",   "Foo",   "x1",     "snake_case", "2",
                                               "10", "Moscow", "1990s", "e-mail", "don't"};

// Choices whose text is made of Markdown's metacharacters and plain words
// (two words for every three metacharacters, and some spaces), for
// docconv::test::DocumentGenerator.
inline docconv::test::RandomChoices markdown_choices(unsigned seed) {
  std::vector<std::string> pieces = metacharacters;
  for (int copies = 0; copies < 6; ++copies) {
    pieces.insert(pieces.end(), words.begin(), words.end());
    pieces.push_back(" ");
    pieces.push_back(" ");
  }
  return docconv::test::RandomChoices(seed, std::move(pieces));
}

// Every metacharacter at the start, in the middle, at the end, alone,
// doubled and inside a word, in every kind of block and inline.
inline Document every_position_document() {
  Document document;
  document.metadata.title = "Metacharacters";
  for (const auto& m : metacharacters) {
    const std::vector<std::string> texts = {m,
                                            m + " x",
                                            "x " + m,
                                            "x " + m + " y",
                                            "x" + m + "y",
                                            m + m,
                                            m + " " + m + " " + m,
                                            " " + m + " "};
    for (const auto& t : texts) {
      document.blocks.push_back({Paragraph{text_run(t)}, {}});
      document.blocks.push_back({Heading{2, text_run(t)}, {}});
      document.blocks.push_back({List{m.size() % 2 == 0, {text_run(t), text_run(t)}}, {}});
      document.blocks.push_back({BlockQuote{{text_run(t)}}, {}});
      document.blocks.push_back({Paragraph{{{InlineKind::text, "x ", {}},
                                            {InlineKind::emphasis, t + "y", {}},
                                            {InlineKind::text, t, {}},
                                            {InlineKind::strong, "b" + t, {}},
                                            {InlineKind::link, t, "u"},
                                            {InlineKind::text, t, {}}}},
                                 {}});
    }
    document.metadata.standfirst += m;
  }
  return document;
}

}  // namespace docconv::markdown_test
