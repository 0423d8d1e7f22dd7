// news-text: which script a text is written in, and the language that suggests.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace docconv::news_text {

enum class Script {
  none,  ///< No letters at all.
  latin,
  cyrillic,
  greek,
  arabic,
  hebrew,
  han,
  kana,
  hangul,
  devanagari,
  thai,
  georgian,
  armenian,
  other
};

Script script_of(char32_t cp);

/// The script most letters of `text` belong to, looking at no more than
/// `max_letters` letters (so that huge inputs cost little).
Script dominant_script(std::string_view text, std::size_t max_letters = 100000);

/// A BCP 47 language tag guessed from the dominant script and, for Latin and
/// Cyrillic text, from frequent function words: "en", "ru", "uk", "de", ...
/// Empty when the text has no letters.
std::string detect_language(std::string_view text);
/// The same, when the caller has dominant_script(text) already (it is not free).
std::string detect_language(std::string_view text, Script dominant);

}  // namespace docconv::news_text
