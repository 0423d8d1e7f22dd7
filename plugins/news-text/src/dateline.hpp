// news-text: the wire-service dateline that opens an article's first paragraph.
//
//   MOSCOW, June 5. /TASS/.          MOSCOW (Sputnik) —
//   LONDON (Reuters) -               WASHINGTON (AP) —
//   PARIS, March 3 (AFP) -           BEIJING, May 2 (Xinhua) --
//   МОСКВА, 5 июня. /ТАСС/.
#pragma once

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
  std::size_t length = 0;  ///< Bytes of the paragraph the dateline takes, before the text.
};

/// The dateline `paragraph` starts with, if any. The place must be in upper
/// case and an agency must be named; the dateline must be followed by white
/// space or the end of the paragraph.
std::optional<Dateline> parse_dateline(std::string_view paragraph);

/// "MOSCOW" -> "Moscow", "ST. PETERSBURG" -> "St. Petersburg",
/// "RIO DE JANEIRO" -> "Rio de Janeiro".
std::string title_case_place(std::string_view upper_case);

/// 1-12 for an English month name or abbreviation ("June", "Jun", "Sept") or a
/// Russian one in the genitive ("июня"), else 0.
int month_number(std::string_view name);

}  // namespace docconv::news_text
