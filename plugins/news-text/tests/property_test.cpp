// Property: whatever a dump looks like, every word of it ends up in the
// document (body, metadata or a removed block), in order, and nothing in the
// document is made up. Inputs are generated from a seeded std::mt19937 out of
// the kinds of lines news dumps contain, mixed at random.
#include "decode.hpp"
#include "phrase_rules.hpp"
#include "reader.hpp"
#include "rules.hpp"
#include "support.hpp"
#include "utf8.hpp"
#include "word_stream.hpp"

#include <docconv/text.hpp>

#include <catch2/catch.hpp>

#include <random>
#include <set>
#include <string>
#include <vector>

using namespace docconv::news_text;
using namespace docconv::news_text::test;

namespace {

class Generator {
 public:
  explicit Generator(unsigned seed) : random_(seed) {}

  std::string article() {
    std::vector<std::string> lines;
    if (chance(30)) lines.push_back(pick(chrome_));
    if (chance(80)) lines.push_back(words(3, 12, true, ""));
    if (chance(50)) lines.push_back(words(6, 20, true, ""));  // a standfirst
    if (chance(40)) add_photo(lines);
    const int paragraphs = 1 + static_cast<int>(random_() % 12);
    for (int i = 0; i < paragraphs; ++i) add_body_line(lines, i == 0);
    if (chance(30))
      for (int i = 0; i < 4; ++i) lines.push_back(pick(chrome_));
    if (chance(20)) lines.push_back("0");
    if (chance(10)) lines.push_back("Заголовок открываемого материала");
    return join(lines);
  }

 private:
  bool chance(int percent) { return static_cast<int>(random_() % 100) < percent; }
  const std::string& pick(const std::vector<std::string>& from) {
    return from[random_() % from.size()];
  }

  std::string words(int min, int max, bool capitalised, const std::string& end) {
    const int count = min + static_cast<int>(random_() % static_cast<unsigned>(max - min + 1));
    std::string out;
    for (int i = 0; i < count; ++i) {
      if (i > 0) out += chance(5) ? "\u00a0" : " ";
      std::string word = pick(vocabulary_);
      if (i == 0 && capitalised && word[0] >= 'a' && word[0] <= 'z')
        word[0] = static_cast<char>(word[0] - 32);
      out += word;
    }
    return out + end;
  }

  void add_photo(std::vector<std::string>& lines) {
    const std::string caption = words(3, 8, true, "");
    const std::string credit = "AP Photo/" + words(1, 2, true, "");
    switch (random_() % 4) {
      case 0:
        lines.push_back(caption + " | " + words(1, 3, true, ""));
        break;
      case 1:
        lines.push_back("\u00a9 " + credit + " / Go to the mediabank" + caption);
        lines.push_back(caption + " - Sputnik International");
        break;
      case 2:
        lines.push_back(caption + " " + credit);
        lines.push_back(caption);
        lines.push_back("\u00a9 " + credit);
        break;
      default:
        lines.push_back(caption);
        lines.push_back("\u00a9 " + credit);
    }
  }

  void add_body_line(std::vector<std::string>& lines, bool first) {
    if (first && chance(60)) {
      lines.push_back(pick(datelines_) + " " + words(5, 40, true, "."));
      return;
    }
    switch (random_() % 10) {
      case 0:
        lines.push_back(words(2, 8, true, ""));
        break;  // a subheading, maybe
      case 1:
        lines.push_back("READ MORE: " + words(3, 10, true, ""));
        break;
      case 2:
        for (int i = 0; i < 3; ++i) lines.push_back("- " + words(3, 10, true, ""));
        break;
      case 3:
        lines.push_back("> " + words(5, 20, true, "."));
        break;
      case 4:
        lines.push_back(pick(chrome_));
        break;
      case 5:
        lines.push_back(std::to_string(random_() % 100));
        break;
      case 6:
        lines.push_back(words(1, 6, false, chance(50) ? "." : ""));
        break;
      default:
        lines.push_back(words(8, 80, true, chance(80) ? "." : "\u201d"));
    }
  }

  // Lines separated by blank lines, by single line ends, or hard-wrapped.
  std::string join(const std::vector<std::string>& lines) {
    const int style = static_cast<int>(random_() % 3);
    std::string text;
    for (const std::string& line : lines) {
      text += style == 2 && line.size() > 70 ? wrap(line, 60 + random_() % 20) : line;
      text += style == 0 ? "\n" : "\n\n";
      if (chance(5)) text += "   \n";
    }
    if (chance(20)) {  // other line ends
      const std::string end = chance(50) ? "\r\n" : "\r";
      std::string converted;
      for (const char c : text) converted += c == '\n' ? end : std::string(1, c);
      text = converted;
    }
    return text;
  }

  static std::string wrap(const std::string& line, std::size_t width) {
    std::string out, current;
    std::size_t start = 0;
    while (start <= line.size()) {
      std::size_t end = line.find(' ', start);
      if (end == std::string::npos) end = line.size();
      const std::string word = line.substr(start, end - start);
      if (!current.empty() && current.size() + 1 + word.size() > width) {
        out += current + "\n";
        current.clear();
      }
      current += (current.empty() ? "" : " ") + word;
      start = end + 1;
    }
    return out + current;
  }

  std::mt19937 random_;
  const std::vector<std::string> vocabulary_{
      "the",       "minister", "said",   "NATO",        "Russia’s",
      "\"We",      "do",       "not",    "security,\"", "$10.5",
      "billion",   "—",        "–",      "|",           "©",
      "-",         "0",        "MOSCOW", "(Reuters)",   "June",
      "5.",        "/TASS/.",  "READ",   "MORE:",       "Subscribe",
      "All",       "news",     "Москва", "заявил",      "“quoted”",
      "U.S.",      "Mr.",      "e.g.",   "(File)",      "Photo/Name",
      "mediabank", "…",        "it’s",   "Zapad-2017",  "a",
      "of",        "in",       "to",     "and",         "drills",
      "Poland",    "Baltic",   "region", "Lavrov",      ":",
      "?"};
  const std::vector<std::string> chrome_{"All news",
                                         "Subscribe",
                                         "Newsfeed",
                                         "loader",
                                         "Chats",
                                         "log in or register",
                                         "To participate in the discussion"};
  const std::vector<std::string> datelines_{
      "MOSCOW, June 5. /TASS/.",   "MOSCOW (Sputnik)\u00a0\u2014", "LONDON (Reuters) -",
      "WASHINGTON (AP) \u2014",    "PARIS, March 3 (AFP) -",       "BEIJING, May 2 (Xinhua) --",
      "KYIV, Ukraine (AP) \u2014", "МОСКВА, 5 июня. /ТАСС/."};
};

void check_words_kept(const std::string& bytes, unsigned seed) {
  INFO("seed " << seed << ", input:\n" << bytes);
  const DecodedInput decoded = decode_input(bytes, "");
  std::string why;
  const auto document = build_article(decoded.text, why);
  const auto in = input_words(decoded.text);
  if (!document) {
    // Only inputs without article text may give no document.
    INFO(why);
    for (const auto& full_line : docconv::test::lines(decoded.text)) {
      const std::string_view line = trim(full_line);
      if (line.empty()) continue;
      CHECK((is_chrome_phrase(line) || is_counter(line) ||
             line == "Заголовок открываемого материала"));
    }
    return;
  }
  const auto out = document_words(*document);
  CHECK(missing_in_order(in, out) == "");
  // Exactly the input's words, in order: nothing lost, nothing made up.
  CHECK(out == in);
  CHECK(docconv::is_xml_safe(document->metadata.title));
  for (const auto& block : document->blocks) CHECK(block.lines.first >= 1);
}

}  // namespace

TEST_CASE("words in = words out, exactly and in order, on 3000 generated dumps") {
  for (unsigned seed = 1; seed <= 3000; ++seed) {
    Generator generator(seed);
    check_words_kept(generator.article(), seed);
  }
}

TEST_CASE("words in = words out on random mixes of fixture-like lines") {
  const std::vector<std::string> lines{
      "All news",
      "Subscribe",
      "0",
      "Newsfeed",
      "READ MORE:\u00a0Finns Disenchanted With NATO",
      "- Putin believes NATO expansion policy is short-sighted",
      "NATO drills in Poland",
      "\u00a9 AP Photo/Czarek Sokolowski",
      "NATO drills in Poland AP Photo/Czarek Sokolowski",
      "MOSCOW, June 6. /TASS/. There are no threats that would justify it.",
      "Airspace Over Baltic Region",
      "\"We are convinced,\" the minister said.",
      "Andrey Kelin, director (DEC) | Youtube snapshot",
      "> A quoted line.",
      "",
      "\u00a9\u00a0Sputnik / Stringer\u00a0/\u00a0Go to the mediabankNATO's battalion. (File)",
      "Заголовок открываемого материала",
      "12",
      "Chats"};
  std::mt19937 random(2024);
  for (unsigned round = 0; round < 2000; ++round) {
    std::string text;
    const unsigned count = 1 + random() % 14;
    for (unsigned i = 0; i < count; ++i) text += lines[random() % lines.size()] + "\n";
    check_words_kept(text, round);
  }
}

namespace {

// Text made of what defeats the eight-byte paths: capitals, runs of spaces,
// tabs and line ends, NBSP, curly quotes, Cyrillic, at random places.
std::string scan_test_text(std::mt19937& random) {
  static const std::vector<std::string> pieces{
      "a",      "Z", "e",  "M",      " ",       "  ",      "\t",     "\n",
      ".",      ",", "7",  "\u00a0", "\u2019",  "\u201c",  "\u0416", "\u0436",
      "\u00c9", "-", "ab", "Word",   "letters", "ONE TWO", "x y",    "q"};
  std::string text;
  const unsigned count = random() % 60;
  for (unsigned i = 0; i < count; ++i) text += pieces[random() % pieces.size()];
  return text;
}

// fold_phrase() one code point at a time: white space runs made one space,
// trimmed, each other character folded alone.
std::string folded_slowly(std::string_view text) {
  std::string out;
  bool space = false;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t start = pos;
    const char32_t cp = next_code_point(text, pos);
    if (is_space(cp)) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += fold_phrase(text.substr(start, pos - start));
  }
  return out;
}

}  // namespace

TEST_CASE("folding, its census hash and word counts agree with a character-by-character reading") {
  std::mt19937 random(77);
  for (unsigned round = 0; round < 20000; ++round) {
    const std::string text = scan_test_text(random);
    INFO("text: [" << text << "]");
    const std::string folded = fold_phrase(text);
    REQUIRE(folded == folded_slowly(text));
    // The census key depends on the folded text only, however it was written.
    CHECK(fold_hash(text) == fold_hash(folded));
    CHECK(fold_hash(" " + text + "\t") == fold_hash(text));
    const std::size_t words = split_words(text).size();
    CHECK(count_words(text) == words);
    const std::size_t limit = random() % 12;
    CHECK(count_words_up_to(text, limit) == std::min(words, limit + 1));
  }
  // Different texts, different keys (no collision among these).
  CHECK(fold_hash("Subscribe to our newsletter") != fold_hash("Subscribe to our newsletters"));
  CHECK(fold_hash("abcdefgh") != fold_hash("abcdefg"));
  CHECK(fold_hash("") != fold_hash("a"));
}

TEST_CASE("the eight-byte tests look at each byte of a chunk") {
  for (unsigned position = 0; position < 8; ++position)
    for (unsigned byte = 0; byte < 0x80; ++byte) {
      std::string chunk = "mmmmmmmm";
      chunk[position] = static_cast<char>(byte);
      const std::uint64_t bytes = eight_bytes_at(chunk, 0);
      std::string lowered = chunk;
      for (char& c : lowered)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 0x20);
      CHECK(ascii_lower_case(bytes) == eight_bytes_at(lowered, 0));
      const std::uint64_t spaces = ascii_bytes_equal(bytes, ' ');
      CHECK(spaces == (byte == ' ' ? std::uint64_t{0x80} << (8 * position) : 0));
      CHECK(any_byte_below(bytes, 0x20) == (byte < 0x20));
    }
}
