#include "dateline_parts.hpp"

#include "text_script.hpp"

#include <docconv/text.hpp>

#include <string>
#include <string_view>

namespace docconv::tei {
namespace {

bool is_letter(char32_t c) {
  return script_of(c) != Script::unknown;
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// The code points of `text` from `pos`, lowered, against those of `part`.
std::size_t matched_length(std::string_view text, std::size_t pos, std::string_view part) {
  std::size_t at = pos, in_part = 0;
  while (in_part < part.size()) {
    if (at >= text.size()) return 0;
    if (fold_case(next_code_point(text, at)) != fold_case(next_code_point(part, in_part))) return 0;
  }
  return at - pos;
}

// The letters (and one closing full stop of an abbreviation, "Jun.") that
// start at `pos`; 0 when none does.
std::size_t word_at(std::string_view text, std::size_t pos) {
  std::size_t at = pos;
  while (at < text.size()) {
    std::size_t next = at;
    if (!is_letter(next_code_point(text, next))) break;
    at = next;
  }
  return at - pos;
}

// The letters that end at `end`; 0 when none does.
std::size_t word_before(std::string_view text, std::size_t end) {
  std::size_t start = end;
  while (start > 0) {
    std::size_t back = start - 1;
    while (back > 0 && (static_cast<unsigned char>(text[back]) & 0xC0u) == 0x80u) --back;
    std::size_t probe = back;
    if (!is_letter(next_code_point(text, probe))) break;
    start = back;
  }
  return end - start;
}

// The letters of `text`, folded.
std::u32string folded(std::string_view text) {
  std::u32string out;
  for (std::size_t at = 0; at < text.size();) out += fold_case(next_code_point(text, at));
  return out;
}

// A month's name cut short ("Jun", "Sept", "авг", "cze"): the start of a
// month's name in one of the phrase tables, not a whole one ("июня", "Mai"),
// so that the full stop after it is part of the date, not the sentence's.
bool is_abbreviated_month(std::string_view word) {
  const std::u32string cut = folded(word);
  for (const auto& language : Phrases::languages()) {
    const Phrases& phrases = Phrases::of(language);
    for (int month = 1; month <= 12; ++month)
      for (const bool with_day : {true, false}) {
        const std::u32string name = folded(phrases.month(month, with_day));
        if (name == cut) return false;
        if (name.size() > cut.size() && name.starts_with(cut)) return true;
      }
  }
  return false;
}

std::size_t spaces_at(std::string_view text, std::size_t pos) {
  std::size_t at = pos;
  while (at < text.size() && text[at] == ' ') ++at;
  return at - pos;
}

// ", 2017" or " 2017" after `pos` when it is `year`: its length, else 0.
std::size_t year_after(std::string_view text, std::size_t pos, int year) {
  if (year == 0) return 0;
  std::size_t at = pos;
  if (at < text.size() && text[at] == ',') ++at;
  const std::size_t gap = spaces_at(text, at);
  if (gap == 0) return 0;
  at += gap;
  const std::string digits = std::to_string(year);
  if (text.substr(at, digits.size()) != digits) return 0;
  at += digits.size();
  if (at < text.size() && is_digit(text[at])) return 0;
  return at - pos;
}

// The day number standing alone (not part of a longer number) at or after `from`.
std::optional<std::size_t> find_day(std::string_view text, int day, std::size_t from) {
  const std::string digits = std::to_string(day);
  for (std::size_t at = text.find(digits, from); at != std::string_view::npos;
       at = text.find(digits, at + 1)) {
    const bool alone_before = at == 0 || !is_digit(text[at - 1]);
    const std::size_t end = at + digits.size();
    const bool alone_after = end == text.size() || !is_digit(text[end]);
    if (alone_before && alone_after) return at;
  }
  return std::nullopt;
}

}  // namespace

std::optional<TextSpan> find_in_any_case(std::string_view text, std::string_view part,
                                         std::size_t from) {
  if (part.empty()) return std::nullopt;
  for (std::size_t at = from; at < text.size();) {
    if (const std::size_t length = matched_length(text, at, part); length != 0)
      return TextSpan{at, length};
    next_code_point(text, at);
  }
  return std::nullopt;
}

namespace {

// `form` in `text` at or after `from`, not inside a longer number: "5 июня"
// is not in "15 июня", nor "June 1" in "June 15".
std::optional<TextSpan> find_standing_alone(std::string_view text, std::string_view form,
                                            std::size_t from) {
  for (auto found = find_in_any_case(text, form, from); found;) {
    const std::size_t end = found->at + found->size;
    if ((found->at == 0 || !is_digit(text[found->at - 1])) &&
        (end == text.size() || !is_digit(text[end])))
      return found;
    std::size_t next = found->at;
    next_code_point(text, next);  // on by one whole code point
    found = find_in_any_case(text, form, next);
  }
  return std::nullopt;
}

}  // namespace

std::optional<TextSpan> find_written_date(std::string_view text, const PartialDate& date,
                                          std::size_t from, const Phrases& phrases) {
  for (const std::string& form : {phrases.date(date), display_date(date)})
    if (auto found = find_standing_alone(text, form, from)) return found;
  if (date.day == 0) return std::nullopt;
  const auto day = find_day(text, date.day, from);
  if (!day) return std::nullopt;
  std::size_t end = *day + std::to_string(date.day).size();
  // "5 июня", "5. Juni", "5 de junio": the day, then the month's word.
  std::size_t after = end;
  if (after < text.size() && text[after] == '.') ++after;
  after += spaces_at(text, after);
  if (text.substr(after, 3) == "de ") after += 3;
  if (const std::size_t word = word_at(text, after); word != 0 && after > end) {
    end = after + word;
    if (end < text.size() && text[end] == '.' && is_abbreviated_month(text.substr(after, word)))
      ++end;  // "Jun.", not the full stop after "июня"
    return TextSpan{*day, end - *day + year_after(text, end, date.year)};
  }
  // "June 5", "juin 5": the month's word, then the day.
  std::size_t start = *day;
  while (start > from && text[start - 1] == ' ') --start;
  if (start == *day) return std::nullopt;
  if (start > from && text[start - 1] == '.') --start;
  const std::size_t word = word_before(text, start);
  if (word == 0 || start - word < from) return std::nullopt;
  return TextSpan{start - word, end - (start - word) + year_after(text, end, date.year)};
}

}  // namespace docconv::tei
