#include "language.hpp"

#include "utf8.hpp"

#include <array>
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

// Each function word with the set of languages (bits, by index in
// latin_languages) it belongs to: one hash lookup per word of the text, which
// the reader does for every article (it was the reader's largest cost).
const std::unordered_map<std::string, unsigned>& latin_function_words() {
  static const std::unordered_map<std::string, unsigned> words = [] {
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
    std::unordered_map<std::string, unsigned> map;
    for (std::size_t language = 0; language < lists.size(); ++language)
      for (const std::string_view word : lists[language]) map[std::string(word)] |= 1U << language;
    return map;
  }();
  return words;
}

// No function word above is longer than this, in bytes of lower-case UTF-8.
constexpr std::size_t longest_function_word = 5;

// Function words are matched in lower case; only ASCII and Latin-1 upper case
// occurs at the start of a sentence often enough to matter. Writes into `out`
// so that one buffer serves every word; stops once `out` is longer than any
// function word, since it cannot become one.
void lower_word(std::string_view word, std::string& out) {
  out.clear();
  std::size_t pos = 0;
  while (pos < word.size() && out.size() <= longest_function_word) {
    const auto byte = static_cast<unsigned char>(word[pos]);
    if (byte < 0x80) {  // most text: no decoding needed
      ++pos;
      if (byte >= 'A' && byte <= 'Z')
        out += static_cast<char>(byte - 'A' + 'a');
      else if ((byte >= 'a' && byte <= 'z') || (byte >= '0' && byte <= '9'))
        out += static_cast<char>(byte);
      continue;
    }
    char32_t cp = next_code_point(word, pos);
    if (is_upper(cp)) cp += (cp >= 0x400 && cp <= 0x40F) ? 0x50 : 0x20;
    if (is_word_character(cp)) append_utf8(out, cp);
  }
}

std::string guess_latin_language(std::string_view text) {
  const auto& function_words = latin_function_words();
  std::array<std::size_t, latin_languages.size()> votes{};
  std::size_t seen = 0;
  std::string lower;
  for (const std::string_view word : split_words(text.substr(0, 20000))) {
    lower_word(word, lower);
    if (const auto found = function_words.find(lower); found != function_words.end())
      for (std::size_t language = 0; language < votes.size(); ++language)
        if ((found->second >> language) & 1U) ++votes[language];
    if (++seen > 3000) break;
  }
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
    const auto byte = static_cast<unsigned char>(text[pos]);
    // ASCII, most text, needs no decoding: letters are Latin, the rest none.
    const Script script = byte < 0x80 ? script_of(static_cast<char32_t>(text[pos++]))
                                      : script_of(next_code_point(text, pos));
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
