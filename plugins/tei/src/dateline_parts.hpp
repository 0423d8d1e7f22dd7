// Where the place and the date of a dateline stand in the dateline as the
// source wrote it, in any of the scripts news dumps come in: "МОСКВА, 5 июн"
// holds the place "Москва" and the date 5 June as the reader found them.
#pragma once

#include <docconv/model.hpp>
#include <docconv/phrases.hpp>

#include <cstddef>
#include <optional>
#include <string_view>

namespace docconv::tei {

/// A stretch of a dateline: byte offset and length.
struct TextSpan {
  std::size_t at;
  std::size_t size;
};

/// `part` in `text` at or after `from`, ignoring case in Latin, Greek and
/// Cyrillic letters ("МОСКВА" holds "Москва").
std::optional<TextSpan> find_in_any_case(std::string_view text, std::string_view part,
                                         std::size_t from);

/// The date `date` as written in `text` at or after `from`: its form in
/// `phrases`' language or in English ("5 июня", "June 5"), or its day number
/// with the word next to it, the month in whatever language ("5 июн",
/// "5. Juni", "juin 5"), and the year when it follows. Nothing when the day
/// is not found or has no word beside it.
std::optional<TextSpan> find_written_date(std::string_view text, const PartialDate& date,
                                          std::size_t from, const Phrases& phrases);

}  // namespace docconv::tei
