#include "xml_values.hpp"

#include <docconv/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <vector>

namespace docconv::tei {

std::string name_token(std::string_view text) {
  std::string token = slugify(text, 40);
  if (text.empty()) return {};
  if (token.front() >= '0' && token.front() <= '9') token = "n-" + token;
  return token;
}

std::string token_list(std::string_view text) {
  std::vector<std::string> tokens;
  std::string word;
  const auto end_word = [&] {
    // slugify() makes up "article" for what has no letter or digit to keep.
    if (std::any_of(word.begin(), word.end(), [](char c) {
          return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        }))
      tokens.push_back(slugify(word, 40));
    word.clear();
  };
  for (std::size_t at = 0; at < text.size();) {
    const std::size_t start = at;
    const char32_t c = next_code_point(text, at);
    // Any space or control ends a word; slugify() drops what else is not ASCII.
    if (c <= 0x20 || (c >= 0x7F && c <= 0xA0) || c == 0x1680 || (c >= 0x2000 && c <= 0x200F) ||
        (c >= 0x2028 && c <= 0x202F) || (c >= 0x205F && c <= 0x206F) || c == 0x3000 || c == 0xFEFF)
      end_word();
    else
      word.append(text.substr(start, at - start));
  }
  end_word();
  return join(tokens, " ");
}

namespace {

bool needs_percent_encoding(unsigned char c) {
  if (c <= 0x20 || c == 0x7F) return true;
  constexpr std::string_view excluded = "\"<>\\^`{|}";
  return excluded.find(static_cast<char>(c)) != std::string_view::npos;
}

}  // namespace

std::string pointer(std::string_view text) {
  const std::string safe = xml_safe(text);
  std::string out;
  for (const char c : safe) {
    const auto byte = static_cast<unsigned char>(c);
    if (needs_percent_encoding(byte))
      out += fmt::format("%{:02X}", byte);
    else
      out += c;
  }
  return out;
}

bool is_language_tag(std::string_view tag) {
  // Written as it is into xml:lang, so already in BCP 47's form ("en-GB", not "en_GB").
  const auto canonical = language_tag(tag);
  return canonical && *canonical == tag;
}

std::string language_name(std::string_view tag) {
  struct Named {
    std::string_view tag;
    std::string_view name;
  };
  static constexpr std::array<Named, 16> names{{{"ar", "Arabic"},
                                                {"be", "Belarusian"},
                                                {"de", "German"},
                                                {"el", "Greek"},
                                                {"en", "English"},
                                                {"es", "Spanish"},
                                                {"fi", "Finnish"},
                                                {"fr", "French"},
                                                {"it", "Italian"},
                                                {"ja", "Japanese"},
                                                {"pl", "Polish"},
                                                {"ru", "Russian"},
                                                {"sr", "Serbian"},
                                                {"sv", "Swedish"},
                                                {"uk", "Ukrainian"},
                                                {"zh", "Chinese"}}};
  const std::string_view primary = tag.substr(0, tag.find('-'));
  for (const auto& entry : names)
    if (entry.tag == primary) return std::string(entry.name);
  return xml_safe(tag);
}

namespace {

bool valid_month_day(int month, int day) {
  static constexpr std::array<int, 12> longest{31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return false;
  return day >= 0 && day <= longest[static_cast<std::size_t>(month - 1)];
}

}  // namespace

std::string when_value(const PartialDate& date) {
  if (date.year < 0 || date.year > 9999) return {};
  if (date.month == 0 && date.day != 0) return {};  // a day of no month says nothing
  if (date.month != 0 && !valid_month_day(date.month, date.day)) return {};
  if (date.year != 0 && date.month == 2 && date.day == 29) {
    const bool leap = (date.year % 4 == 0 && date.year % 100 != 0) || date.year % 400 == 0;
    if (!leap) return {};
  }
  return iso_date(date);
}

}  // namespace docconv::tei
