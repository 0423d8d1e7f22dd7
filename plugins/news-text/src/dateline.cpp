#include "dateline.hpp"

#include "utf8.hpp"

#include <array>
#include <vector>

namespace docconv::news_text {
namespace {

// Reads a dateline left to right; every read either advances or leaves the
// position where it was.
class Cursor {
 public:
  explicit Cursor(std::string_view text) : text_(text) {}

  std::size_t position() const { return pos_; }
  bool at_end() const { return pos_ >= text_.size(); }

  char32_t peek() const {
    if (at_end()) return 0;
    std::size_t next = pos_;
    return next_code_point(text_, next);
  }
  void advance() { next_code_point(text_, pos_); }

  bool consume(std::string_view literal) {
    if (text_.substr(pos_).starts_with(literal)) {
      pos_ += literal.size();
      return true;
    }
    return false;
  }

  std::size_t skip_spaces() {
    std::size_t skipped = 0;
    while (!at_end() && is_space(peek()) && peek() != '\n') {
      advance();
      ++skipped;
    }
    return skipped;
  }

  /// A run of code points accepted by `accept`.
  template <class Accept>
  std::string_view read_while(Accept accept) {
    const std::size_t start = pos_;
    while (!at_end() && accept(peek())) advance();
    return text_.substr(start, pos_ - start);
  }

  void reset(std::size_t pos) { pos_ = pos; }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
};

bool is_place_character(char32_t cp) {
  return is_upper(cp) || cp == '.' || cp == '\'' || cp == '-' || cp == 0x2019;
}

// Upper-case words separated by single spaces: "ST. PETERSBURG".
std::string_view read_place(Cursor& cursor, std::string_view text) {
  const std::size_t start = cursor.position();
  std::size_t end = start;
  for (int word = 0; word < 5; ++word) {
    const std::string_view part = cursor.read_while(is_place_character);
    if (part.empty() || !is_upper(first_word_character(part))) {
      cursor.reset(end);
      break;
    }
    end = cursor.position();
    const std::size_t before_space = cursor.position();
    if (cursor.skip_spaces() != 1 || !is_upper(cursor.peek())) {
      cursor.reset(before_space);
      break;
    }
  }
  cursor.reset(end);
  const std::string_view place = text.substr(start, end - start);
  return length_in_code_points(place) >= 2 ? place : std::string_view{};
}

bool is_letter(char32_t cp) {
  return is_upper(cp) || is_lower(cp);
}
bool is_digit(char32_t cp) {
  return cp >= '0' && cp <= '9';
}

// A month name or abbreviation ("June", "Sept.", "июня"); 0 when there is none.
// The period of an abbreviation is read only when the day follows: in
// "5 June. /TASS/." the period belongs to the dateline.
int read_month(Cursor& cursor, bool day_follows) {
  const std::size_t start = cursor.position();
  const int number = month_number(cursor.read_while(is_letter));
  if (number == 0) {
    cursor.reset(start);
    return 0;
  }
  if (day_follows) cursor.consume(".");
  return number;
}

// A day of the month, 1 or 2 digits; 0 when there is none.
int read_day(Cursor& cursor) {
  const std::size_t start = cursor.position();
  const std::string_view digits = cursor.read_while(is_digit);
  if (digits.empty() || digits.size() > 2) {
    cursor.reset(start);
    return 0;
  }
  return digits.size() == 1 ? digits[0] - '0' : (digits[0] - '0') * 10 + digits[1] - '0';
}

// "June 5", "Jun. 5", "Sept. 5", or day first: "5 June", "5 июня".
bool read_date(Cursor& cursor, int& month, int& day) {
  const std::size_t start = cursor.position();
  int number = 0, value = 0;
  if (is_digit(cursor.peek())) {
    value = read_day(cursor);
    if (cursor.skip_spaces() > 0) number = read_month(cursor, false);
  } else {
    number = read_month(cursor, true);
    if (number != 0 && cursor.skip_spaces() > 0) value = read_day(cursor);
  }
  constexpr std::array<int, 12> days_in_month{31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (number == 0 || value < 1 || value > days_in_month[static_cast<std::size_t>(number - 1)]) {
    cursor.reset(start);
    return false;
  }
  month = number;
  day = value;
  return true;
}

// "Ukraine" in "KYIV, Ukraine (AP) —": capitalised words before the agency.
std::string_view read_region(Cursor& cursor, std::string_view text) {
  const std::size_t start = cursor.position();
  std::size_t end = start;
  for (int word = 0; word < 3; ++word) {
    if (!is_upper(cursor.peek())) break;
    cursor.read_while([](char32_t cp) { return is_upper(cp) || is_lower(cp) || cp == '.'; });
    end = cursor.position();
    if (cursor.skip_spaces() != 1) break;
  }
  cursor.reset(end);
  return text.substr(start, end - start);
}

bool is_agency_character(char32_t cp) {
  return is_upper(cp) || is_lower(cp) || cp == ' ' || cp == '.' || cp == '&' || cp == '-' ||
         (cp >= '0' && cp <= '9');
}

// "(Reuters)" -> "Reuters".
std::string_view read_enclosed_agency(Cursor& cursor, std::string_view open,
                                      std::string_view close) {
  const std::size_t start = cursor.position();
  if (!cursor.consume(open)) return {};
  const std::string_view agency = cursor.read_while(is_agency_character);
  if (agency.empty() || agency.size() > 30 || !cursor.consume(close) ||
      first_word_character(agency) == 0) {
    cursor.reset(start);
    return {};
  }
  return agency;
}

bool read_dash(Cursor& cursor) {
  return cursor.consume("\xE2\x80\x94") || cursor.consume("\xE2\x80\x93") || cursor.consume("--") ||
         cursor.consume("-");
}

bool at_word_boundary(Cursor& cursor) {
  return cursor.at_end() || is_space(cursor.peek());
}

}  // namespace

int month_number(std::string_view name) {
  // Russian datelines name the month in the genitive: "5 июня".
  static constexpr std::array<std::string_view, 12> russian_months{
      "января", "февраля", "марта",    "апреля",  "мая",    "июня",
      "июля",   "августа", "сентября", "октября", "ноября", "декабря"};
  for (std::size_t i = 0; i < russian_months.size(); ++i)
    if (name == russian_months[i]) return static_cast<int>(i + 1);
  static constexpr std::array<std::string_view, 12> months{
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  const std::string lower = ascii_lower(name);
  if (lower.size() < 3) return 0;
  for (std::size_t i = 0; i < months.size(); ++i) {
    if (lower == months[i]) return static_cast<int>(i + 1);
    if (lower.size() == 3 && months[i].starts_with(lower)) return static_cast<int>(i + 1);
  }
  return lower == "sept" ? 9 : 0;
}

std::optional<Dateline> parse_dateline(std::string_view paragraph) {
  Cursor cursor(paragraph);
  const std::string_view place = read_place(cursor, paragraph);
  if (place.empty()) return std::nullopt;
  Dateline dateline;
  dateline.place = title_case_place(place);
  if (cursor.consume(",")) {
    cursor.skip_spaces();
    if (!read_date(cursor, dateline.month, dateline.day))
      dateline.region = std::string(read_region(cursor, paragraph));
    if (dateline.month == 0 && dateline.region.empty()) return std::nullopt;
  }
  const std::size_t before_agency = cursor.position();
  if (dateline.month != 0 && cursor.consume(".")) {
    // TASS: "MOSCOW, June 5. /TASS/."
    cursor.skip_spaces();
    dateline.agency = std::string(read_enclosed_agency(cursor, "/", "/"));
    cursor.consume(".");
  }
  if (dateline.agency.empty()) {
    // Wire services: "LONDON (Reuters) -", "PARIS, March 3 (AFP) --".
    cursor.reset(before_agency);
    cursor.skip_spaces();
    dateline.agency = std::string(read_enclosed_agency(cursor, "(", ")"));
    if (dateline.agency.empty()) return std::nullopt;
    cursor.skip_spaces();
    if (!read_dash(cursor)) return std::nullopt;
  }
  if (!at_word_boundary(cursor)) return std::nullopt;
  dateline.length = cursor.position();
  return dateline;
}

namespace {

char32_t to_lower(char32_t cp) {
  if (!is_upper(cp)) return cp;
  return (cp >= 0x400 && cp <= 0x40F) ? cp + 0x50 : cp + 0x20;
}

// "BADEN-BADEN" -> "Baden-Baden": upper case only at the start of each letter run.
std::string title_case_word(std::string_view word) {
  std::string out;
  bool run_start = true;
  std::size_t pos = 0;
  while (pos < word.size()) {
    const char32_t cp = next_code_point(word, pos);
    const bool letter = is_upper(cp) || is_lower(cp);
    append_utf8(out, letter && !run_start ? to_lower(cp) : cp);
    run_start = !letter && cp != '\'' && cp != 0x2019;
  }
  return out;
}

}  // namespace

std::string title_case_place(std::string_view upper_case) {
  static constexpr std::array<std::string_view, 12> particles{
      "de", "da", "del", "di", "do", "la", "le", "of", "on", "upon", "am", "an"};
  std::string out;
  for (const std::string_view word : split_words(upper_case)) {
    std::string cased = title_case_word(word);
    if (!out.empty()) {
      out += ' ';
      for (const std::string_view particle : particles)
        if (iequals(cased, particle)) cased = std::string(particle);
    }
    out += cased;
  }
  return out;
}

}  // namespace docconv::news_text
