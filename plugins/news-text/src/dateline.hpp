// news-text: the wire-service dateline that opens an article's first paragraph.
//
//   MOSCOW, June 5. /TASS/.          MOSCOW (Sputnik) —
//   LONDON (Reuters) -               WASHINGTON (AP) —
//   PARIS, March 3 (AFP) -           BEIJING, May 2 (Xinhua) --
//   МОСКВА, 5 июня. /ТАСС/.
#pragma once

#include "phrase_rules.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace docconv::news_text {

struct Dateline {
  std::string place;   ///< Title case: "Moscow", "St. Petersburg".
  std::string region;  ///< "Ukraine" in "KYIV, Ukraine (AP) —"; often empty.
  std::string agency;  ///< As written: "TASS", "Reuters".
  int month = 0;       ///< 0 when the dateline has no date.
  int day = 0;
  int year = 0;            ///< When the dateline gives it ("Jan. 5, 2025").
  std::size_t length = 0;  ///< Bytes of the paragraph the dateline takes, before the text.
};

/// The dateline `paragraph` starts with, if any. The place must be in upper
/// case and an agency must be named; the dateline must be followed by white
/// space or the end of the paragraph.
std::optional<Dateline> parse_dateline(std::string_view paragraph);
/// The same with the month names and agencies of `rules`. The place may be in
/// capitals or in mixed case (then an agency must follow); the agency may sit
/// in parentheses, slashes, after a dash or after the date ("РИА Новости",
/// "INTERFAX.RU", from the agency table); a place in capitals with a date and
/// a dash needs no agency ("TOKYO, March 4 -").
std::optional<Dateline> parse_dateline(std::string_view paragraph, const PhraseRules& rules);

/// "MOSCOW" -> "Moscow", "ST. PETERSBURG" -> "St. Petersburg",
/// "RIO DE JANEIRO" -> "Rio de Janeiro".
std::string title_case_place(std::string_view upper_case);

}  // namespace docconv::news_text
