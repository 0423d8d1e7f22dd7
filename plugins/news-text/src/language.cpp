#include "language.hpp"

#include "utf8.hpp"

#include <array>
#include <bit>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace docconv::news_text {
namespace {

struct ScriptRange {
  char32_t first;
  char32_t last;
  Script script;
};

constexpr std::array script_ranges{
    ScriptRange{'A', 'Z', Script::latin},          ScriptRange{'a', 'z', Script::latin},
    ScriptRange{0x00C0, 0x024F, Script::latin},    ScriptRange{0x1E00, 0x1EFF, Script::latin},
    ScriptRange{0x0370, 0x03FF, Script::greek},    ScriptRange{0x1F00, 0x1FFF, Script::greek},
    ScriptRange{0x0400, 0x052F, Script::cyrillic}, ScriptRange{0x0530, 0x058F, Script::armenian},
    ScriptRange{0x0590, 0x05FF, Script::hebrew},   ScriptRange{0x0600, 0x06FF, Script::arabic},
    ScriptRange{0x0750, 0x077F, Script::arabic},   ScriptRange{0x0900, 0x097F, Script::devanagari},
    ScriptRange{0x0E00, 0x0E7F, Script::thai},     ScriptRange{0x10A0, 0x10FF, Script::georgian},
    ScriptRange{0x1100, 0x11FF, Script::hangul},   ScriptRange{0x3040, 0x30FF, Script::kana},
    ScriptRange{0x3400, 0x4DBF, Script::han},      ScriptRange{0x4E00, 0x9FFF, Script::han},
    ScriptRange{0xAC00, 0xD7AF, Script::hangul},
};

constexpr std::size_t script_count = static_cast<std::size_t>(Script::other) + 1;

// Function words frequent enough that a few sentences contain several.
// Languages in alphabetical order: ties are settled in this order (see below).
constexpr std::array<std::string_view, 8> latin_languages{"de", "en", "es", "fr",
                                                          "it", "nl", "pl", "pt"};

// No function word below is longer than this, in bytes of lower-case UTF-8.
constexpr std::size_t longest_function_word = 5;

// A word of up to 8 bytes packed into one integer, first byte lowest: words
// hold no NUL bytes, so different words give different keys. Hashing an
// integer is much cheaper than hashing a string, and the reader looks up
// most words of every article.
std::uint64_t packed_word(std::string_view word) {
  std::uint64_t key = 0;
  for (std::size_t i = 0; i < word.size(); ++i)
    key |= std::uint64_t{static_cast<unsigned char>(word[i])} << (8 * i);
  return key;
}

// Each function word (by packed_word()) with the set of languages (bits, by
// index in latin_languages) it belongs to: one hash lookup per short word of
// the text, which the reader does for every article.
const std::unordered_map<std::uint64_t, unsigned>& latin_function_words() {
  static const std::unordered_map<std::uint64_t, unsigned> words = [] {
    const std::array<std::array<std::string_view, 11>, latin_languages.size()> lists{{
        {"der", "die", "und", "das", "ist", "nicht", "mit", "ein", "eine", "sich", "auf"},
        {"the", "and", "of", "to", "is", "that", "was", "with", "for", "on", "said"},
        {"el", "los", "las", "y", "que", "en", "por", "una", "con", "para", "del"},
        {"le", "la", "les", "et", "des", "est", "une", "dans", "du", "pour", "qui"},
        {"il", "di", "che", "è", "della", "per", "gli", "una", "sono", "con", "non"},
        {"de", "het", "een", "en", "van", "is", "niet", "op", "dat", "zijn", "met"},
        {"i", "w", "nie", "się", "na", "że", "jest", "do", "z", "to", "jak"},
        {"o", "os", "que", "não", "uma", "com", "para", "do", "da", "em", "são"},
    }};
    std::unordered_map<std::uint64_t, unsigned> map;
    for (std::size_t language = 0; language < lists.size(); ++language)
      for (const std::string_view word : lists[language]) map[packed_word(word)] |= 1U << language;
    return map;
  }();
  return words;
}

// A word in lower case, built a character at a time, as far as it can still
// be a function word, and kept packed as by packed_word(). Function words are
// matched in lower case; only ASCII and Latin-1 upper case occurs at the start
// of a sentence often enough to matter.
class LowerWord {
 public:
  void add(char32_t cp) {
    // Once longer than any function word, it cannot become one: stop there.
    if (size_ > longest_function_word) return;
    if (cp < 0x80) {  // most text: a letter or digit is kept, other ASCII dropped
      if (cp >= 'A' && cp <= 'Z')
        add_byte(static_cast<unsigned char>(cp - 'A' + 'a'));
      else if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9'))
        add_byte(static_cast<unsigned char>(cp));
      return;
    }
    if (is_upper(cp)) cp += (cp >= 0x400 && cp <= 0x40F) ? 0x50 : 0x20;
    if (!is_word_character(cp)) return;
    char bytes[4];
    const std::size_t length = encode_utf8(cp, bytes);
    for (std::size_t i = 0; i < length; ++i) add_byte(static_cast<unsigned char>(bytes[i]));
  }

  /// add() of an ASCII letter or digit already in lower case.
  void add_lower_ascii(unsigned char byte) {
    if (size_ <= longest_function_word) add_byte(byte);
  }

  void clear() {
    key_ = 0;
    size_ = 0;
  }

  /// Longer (or empty) words are no function words: they need no lookup.
  bool may_be_function_word() const { return size_ > 0 && size_ <= longest_function_word; }
  /// packed_word() of the word; only when may_be_function_word().
  std::uint64_t key() const { return key_; }

 private:
  void add_byte(unsigned char byte) {
    if (size_ < sizeof key_) key_ |= std::uint64_t{byte} << (8 * size_);
    ++size_;
  }

  std::uint64_t key_ = 0;
  std::size_t size_ = 0;  // in bytes, counted past what the key holds
};

// What an ASCII byte is to function_word_votes(): white space, a character
// words drop (punctuation), or a letter or digit, given in lower case.
constexpr unsigned char ascii_space = 1;
constexpr unsigned char ascii_dropped = 0;
constexpr std::array<unsigned char, 0x80> ascii_in_words = [] {
  std::array<unsigned char, 0x80> table{};
  for (unsigned c = 0; c < 0x80; ++c) {
    if (c == ' ' || (c >= 0x09 && c <= 0x0D))
      table[c] = ascii_space;
    else if (c >= 'A' && c <= 'Z')
      table[c] = static_cast<unsigned char>(c - 'A' + 'a');
    else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
      table[c] = static_cast<unsigned char>(c);
  }
  return table;
}();

// One language with at least 40 votes and over three times any other's.
bool clear_lead(const std::array<std::size_t, latin_languages.size()>& votes) {
  std::size_t first = 0, second = 0;
  for (const std::size_t count : votes) {
    if (count > first) {
      second = first;
      first = count;
    } else if (count > second) {
      second = count;
    }
  }
  return first >= 40 && first > 3 * second;
}

// Counts the function words of each language among the first 3001 words of
// `text`, or fewer once one language clearly leads. Words are split as
// split_words() does and lowered in the same pass: this runs over every
// article, and a second pass per word cost more than the lookup.
std::array<std::size_t, latin_languages.size()> function_word_votes(std::string_view text) {
  const auto& function_words = latin_function_words();
  std::array<std::size_t, latin_languages.size()> votes{};
  std::size_t seen = 0;
  LowerWord word;
  const auto end_word = [&] {  // false once enough words were seen
    if (const auto found =
            word.may_be_function_word() ? function_words.find(word.key()) : function_words.end();
        found != function_words.end())
      for (unsigned languages = found->second; languages != 0; languages &= languages - 1)
        ++votes[static_cast<std::size_t>(std::countr_zero(languages))];
    word.clear();
    ++seen;
    // A clear lead settles it: most articles need a few hundred words, not all.
    if (seen % 32 == 0 && clear_lead(votes)) return false;
    return seen <= 3000;
  };
  bool in_word = false;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const auto byte = static_cast<unsigned char>(text[pos]);
    bool space = false;
    if (byte < 0x80) {  // ASCII, most text: one table lookup says what it is
      ++pos;
      const unsigned char ascii = ascii_in_words[byte];
      space = ascii == ascii_space;
      if (!space && ascii != ascii_dropped) word.add_lower_ascii(ascii);
    } else {
      const char32_t cp = next_code_point(text, pos);
      space = is_space(cp);
      if (!space) word.add(cp);
    }
    if (!space) {
      in_word = true;
    } else if (in_word) {
      in_word = false;
      if (!end_word()) return votes;
    }
  }
  if (in_word) end_word();
  return votes;
}

std::string guess_latin_language(std::string_view text) {
  const auto votes = function_word_votes(text.substr(0, 20000));
  std::string_view best = "en";  // the default for Latin text that gives no clue
  std::size_t best_votes = 0;
  for (std::size_t language = 0; language < votes.size(); ++language) {
    const std::size_t count = votes[language];
    if (count > best_votes ||
        (count != 0 && count == best_votes && latin_languages[language] == "en")) {
      best = latin_languages[language];
      best_votes = count;
    }
  }
  return std::string(best);
}

std::string guess_cyrillic_language(std::string_view text) {
  // Ukrainian uses і, ї, є, ґ, which Russian does not have.
  std::size_t ukrainian = 0, letters = 0;
  std::size_t pos = 0;
  const std::string_view sample = text.substr(0, 200000);
  while (pos < sample.size()) {
    const char32_t cp = next_code_point(sample, pos);
    if (script_of(cp) != Script::cyrillic) continue;
    ++letters;
    if (cp == 0x456 || cp == 0x457 || cp == 0x454 || cp == 0x491 || cp == 0x406 || cp == 0x407 ||
        cp == 0x404 || cp == 0x490)
      ++ukrainian;
  }
  return ukrainian * 100 > letters ? "uk" : "ru";
}

bool contains_kana(std::string_view text) {
  const std::string_view sample = text.substr(0, 200000);
  std::size_t pos = 0;
  while (pos < sample.size())
    if (script_of(next_code_point(sample, pos)) == Script::kana) return true;
  return false;
}

// 1 for the ASCII letters, 0 for the other ASCII bytes.
constexpr std::array<std::uint8_t, 0x80> is_ascii_letter = [] {
  std::array<std::uint8_t, 0x80> table{};
  for (unsigned c = 0; c < 0x80; ++c) table[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  return table;
}();

// How many ASCII letters the 8 bytes of `chunk` hold, or nothing when one of
// them is not ASCII. Word-at-a-time ("Bit Twiddling Hacks"): setting bit 5
// makes upper-case letters lower case; adding 0x80 - 'a' to a byte below 0x80
// sets its top bit when it is 'a' or above, adding 0x7F - 'z' when it is
// above 'z'; no byte carries into the next.
std::optional<std::size_t> ascii_letters_in_eight_bytes(std::string_view chunk) {
  const std::uint64_t bytes = eight_bytes_at(chunk, 0);
  if (any_byte_above_7f(bytes)) return std::nullopt;
  const std::uint64_t lower = bytes | (every_byte_1 * 0x20);
  const std::uint64_t from_a = lower + every_byte_1 * (0x80 - 'a');
  const std::uint64_t above_z = lower + every_byte_1 * (0x7F - 'z');
  return count_marked_bytes(from_a & ~above_z & every_byte_80);
}

}  // namespace

Script script_of(char32_t cp) {
  if (cp < 'A') return Script::none;
  for (const ScriptRange& range : script_ranges)
    if (cp >= range.first && cp <= range.last) return range.script;
  if (cp < 0x80 || !is_word_character(cp)) return Script::none;
  return Script::other;
}

Script dominant_script(std::string_view text, std::size_t max_letters) {
  std::array<std::size_t, script_count> counts{};
  std::size_t letters = 0;
  std::size_t pos = 0;
  while (pos < text.size() && letters < max_letters) {
    // Eight ASCII bytes at a time while the letter limit cannot be passed.
    if (pos + 8 <= text.size() && letters + 8 < max_letters) {
      if (const auto ascii_letters = ascii_letters_in_eight_bytes(text.substr(pos, 8))) {
        counts[static_cast<std::size_t>(Script::latin)] += *ascii_letters;
        letters += *ascii_letters;
        pos += 8;
        continue;
      }
    }
    const auto byte = static_cast<unsigned char>(text[pos]);
    if (byte < 0x80) {
      // ASCII, most text, needs no decoding nor a range search (nor a branch):
      // letters are Latin, the rest none.
      const unsigned letter = is_ascii_letter[byte];
      counts[static_cast<std::size_t>(Script::latin)] += letter;
      letters += letter;
      ++pos;
      continue;
    }
    const Script script = script_of(next_code_point(text, pos));
    if (script == Script::none) continue;
    ++counts[static_cast<std::size_t>(script)];
    ++letters;
  }
  std::size_t best = 0;
  for (std::size_t i = 1; i < script_count; ++i)
    if (counts[i] > counts[best]) best = i;
  return counts[best] == 0 ? Script::none : static_cast<Script>(best);
}

std::string detect_language(std::string_view text) {
  return detect_language(text, dominant_script(text));
}

std::string detect_language(std::string_view text, Script dominant) {
  switch (dominant) {
    case Script::none:
      return {};
    case Script::latin:
      return guess_latin_language(text);
    case Script::cyrillic:
      return guess_cyrillic_language(text);
    case Script::greek:
      return "el";
    case Script::arabic:
      return "ar";
    case Script::hebrew:
      return "he";
    case Script::han:
      return contains_kana(text) ? "ja" : "zh";
    case Script::kana:
      return "ja";
    case Script::hangul:
      return "ko";
    case Script::devanagari:
      return "hi";
    case Script::thai:
      return "th";
    case Script::georgian:
      return "ka";
    case Script::armenian:
      return "hy";
    case Script::other:
      return {};
  }
  return {};
}

}  // namespace docconv::news_text
