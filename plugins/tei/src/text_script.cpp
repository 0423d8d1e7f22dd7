#include "text_script.hpp"

#include <docconv/text.hpp>

#include <algorithm>
#include <array>
#include <string>

namespace docconv::tei {

Script script_of(char32_t c) {
  if ((c >= U'A' && c <= U'Z') || (c >= U'a' && c <= U'z') ||
      (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7))
    return Script::latin;
  if (c >= 0x370 && c <= 0x3FF) return Script::greek;
  if (c >= 0x400 && c <= 0x4FF) return Script::cyrillic;
  return Script::unknown;
}

Script script_of_language(std::string_view language) {
  static constexpr std::array<std::string_view, 9> cyrillic{"ru", "uk", "be", "bg", "mk",
                                                            "kk", "ky", "tg", "mn"};
  static constexpr std::array<std::string_view, 44> latin{
      "en", "de", "fr", "es", "it", "pt", "pl", "nl", "sv", "da", "no", "nb", "nn", "fi", "et",
      "lv", "lt", "cs", "sk", "sl", "hr", "bs", "ro", "hu", "tr", "az", "sq", "is", "ga", "cy",
      "eu", "ca", "gl", "mt", "id", "ms", "vi", "tl", "sw", "af", "lb", "fy", "uz", "tk"};
  const std::string_view primary = language.substr(0, language.find('-'));
  if (primary == "el") return Script::greek;
  if (std::find(cyrillic.begin(), cyrillic.end(), primary) != cyrillic.end())
    return Script::cyrillic;
  if (std::find(latin.begin(), latin.end(), primary) != latin.end()) return Script::latin;
  return Script::unknown;
}

Script dominant_script(std::string_view text) {
  std::array<std::size_t, 4> letters{};
  for (std::size_t at = 0; at < text.size();)
    ++letters[static_cast<std::size_t>(script_of(next_code_point(text, at)))];
  const std::size_t counted = letters[1] + letters[2] + letters[3];
  if (counted < 3) return Script::unknown;
  for (const Script script : {Script::latin, Script::greek, Script::cyrillic})
    if (2 * letters[static_cast<std::size_t>(script)] > counted) return script;
  return Script::unknown;
}

std::string_view script_subtag(Script script) {
  switch (script) {
    case Script::latin:
      return "Latn";
    case Script::greek:
      return "Grek";
    case Script::cyrillic:
      return "Cyrl";
    case Script::unknown:
      break;
  }
  return {};
}

}  // namespace docconv::tei
