// Documents for property tests: text full of Markdown metacharacters.
#pragma once

#include <docconv/model.hpp>

#include <random>
#include <string>
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

class Generator {
 public:
  explicit Generator(unsigned seed) : random_(seed) {}

  std::string text(std::size_t max_tokens) {
    std::string out;
    const std::size_t tokens = below(max_tokens + 1);
    for (std::size_t i = 0; i < tokens; ++i) {
      const double roll = uniform();
      if (roll < 0.35)
        out += pick(words);
      else if (roll < 0.55)
        out += ' ';
      else
        out += pick(metacharacters);
    }
    return out;
  }

  Inlines inlines() {
    Inlines out;
    const std::size_t runs = 1 + below(4);
    for (std::size_t i = 0; i < runs; ++i) {
      const double roll = uniform();
      const InlineKind kind = roll < 0.6    ? InlineKind::text
                              : roll < 0.75 ? InlineKind::emphasis
                              : roll < 0.9  ? InlineKind::strong
                                            : InlineKind::link;
      out.push_back(Inline{kind, text(12), kind == InlineKind::link ? url() : ""});
    }
    return out;
  }

  std::vector<Inlines> several_inlines() {
    std::vector<Inlines> out(1 + below(3));
    for (auto& item : out) item = inlines();
    return out;
  }

  Block block() {
    const double roll = uniform();
    if (roll < 0.4) return {Paragraph{inlines()}, {}};
    if (roll < 0.5) return {Heading{static_cast<int>(below(7)), inlines()}, {}};
    if (roll < 0.62) return {List{chance(0.5), several_inlines()}, {}};
    if (roll < 0.72) return {BlockQuote{several_inlines()}, {}};
    if (roll < 0.8) return {Figure{inlines(), text(4), chance(0.3) ? url() : ""}, {}};
    if (roll < 0.92) return {RelatedLink{inlines(), chance(0.7) ? url() : ""}, {}};
    return {Removed{text(8), chance(0.5) ? text(3) : ""}, {}};
  }

  Document document(std::size_t blocks) {
    Document document;
    document.metadata.title = text(10);
    if (chance(0.3)) document.metadata.standfirst = text(10);
    if (chance(0.3)) document.metadata.dateline_place = text(3);
    if (chance(0.3)) document.metadata.agency = text(2);
    if (chance(0.3)) document.metadata.authors = {text(3), text(3)};
    if (chance(0.5))
      document.metadata.date = {chance(0.5) ? 2017 : 0, 1 + static_cast<int>(below(12)),
                                1 + static_cast<int>(below(28))};
    for (std::size_t i = 0; i < blocks; ++i) document.blocks.push_back(block());
    return document;
  }

  bool chance(double p) { return uniform() < p; }
  std::size_t below(std::size_t n) {
    return std::uniform_int_distribution<std::size_t>(0, n - 1)(random_);
  }

 private:
  double uniform() { return std::uniform_real_distribution<double>(0, 1)(random_); }
  const std::string& pick(const std::vector<std::string>& from) { return from[below(from.size())]; }
  std::string url() {
    static const std::vector<std::string> urls = {
        "https://example.com/a_(b)", "/path with space",     "a&amp;b",      "<x>",   "\\",
        "http://x.y/?q=1&r=[2]",     "https://ru.example/Ж", "mailto:a@b.c", "a)b(c", "\ttab"};
    return pick(urls);
  }
  std::mt19937 random_;
};

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
