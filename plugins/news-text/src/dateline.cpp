#include "dateline.hpp"

#include "utf8.hpp"

#include <algorithm>

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

bool is_digit(char32_t cp) {
  return cp >= '0' && cp <= '9';
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

}  // namespace

namespace {

bool is_capitalised_word(std::string_view word) {
  std::size_t pos = 0;
  if (word.empty() || !is_upper(next_code_point(word, pos))) return false;
  while (pos < word.size()) {
    const char32_t cp = next_code_point(word, pos);
    if (!(is_upper(cp) || is_lower(cp) || cp == '.' || cp == '-' || cp == '\'' || cp == 0x2019))
      return false;
  }
  return true;
}

bool is_all_caps(std::string_view word) {
  std::size_t pos = 0, letters = 0;
  while (pos < word.size()) {
    const char32_t cp = next_code_point(word, pos);
    if (is_lower(cp)) return false;
    if (is_upper(cp)) ++letters;
  }
  return letters > 0;
}

// A place: 1-4 capitalised words ("PARIS", "Paris", "RIO DE JANEIRO",
// "Rio de Janeiro"), no month names. `caps` tells whether it is all capitals.
std::string_view read_any_place(Cursor& cursor, std::string_view text, const PhraseRules& rules,
                                bool& caps) {
  const std::size_t start = cursor.position();
  std::size_t end = start;
  caps = true;
  int words = 0;
  for (int word = 0; word < 5; ++word) {
    const std::size_t word_start = cursor.position();
    const std::string_view part = cursor.read_while([](char32_t cp) {
      return is_upper(cp) || is_lower(cp) || cp == '.' || cp == '\'' || cp == '-' || cp == 0x2019;
    });
    const bool particle =
        words > 0 && (part == "de" || part == "da" || part == "del" || part == "di" ||
                      part == "do" || part == "la" || part == "le" || part == "am" || part == "an");
    if (part.empty() || (!particle && !is_capitalised_word(part)) ||
        (words > 0 && rules.month(part) != 0)) {
      cursor.reset(word_start);
      break;
    }
    if (!particle) caps = caps && is_all_caps(part);
    ++words;
    end = cursor.position();
    const std::size_t before_space = cursor.position();
    if (cursor.skip_spaces() != 1 || cursor.at_end() ||
        !(is_upper(cursor.peek()) || cursor.peek() == 'd' || cursor.peek() == 'l' ||
          cursor.peek() == 'a')) {
      cursor.reset(before_space);
      break;
    }
  }
  cursor.reset(end);
  std::string_view place = text.substr(start, end - start);
  while (!place.empty() && place.back() == '.') {  // "Москва." : the period separates
    place.remove_suffix(1);
    cursor.reset(start + place.size());
  }
  if (words == 0 || length_in_code_points(place) < 2) return {};
  return place;
}

// "June 5", "5 June", "Jan. 5, 2025", "3 mar", "5 июн" with months in any known language.
bool read_any_date(Cursor& cursor, std::string_view text, const PhraseRules& rules,
                   Dateline& dateline) {
  const std::size_t start = cursor.position();
  const auto read_word = [&] {
    return cursor.read_while([](char32_t cp) { return is_upper(cp) || is_lower(cp); });
  };
  int month = 0, day = 0;
  if (is_digit(cursor.peek())) {
    day = read_day(cursor);
    cursor.consume(".");
    if (cursor.skip_spaces() > 0) month = rules.month(read_word());
    if (month != 0 && cursor.peek() == '.') {
      const std::size_t dot = cursor.position();
      cursor.advance();
      if (!(cursor.skip_spaces() > 0 && is_digit(cursor.peek()))) cursor.reset(dot);
    }
  } else {
    month = rules.month(read_word());
    if (month != 0) {
      cursor.consume(".");
      if (cursor.skip_spaces() > 0) day = read_day(cursor);
    }
  }
  constexpr std::array<int, 12> days_in_month{31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 0 || day < 1 || day > days_in_month[static_cast<std::size_t>(month - 1)]) {
    cursor.reset(start);
    return false;
  }
  dateline.month = month;
  dateline.day = day;
  // ", 2025" or " 2025"
  const std::size_t before_year = cursor.position();
  cursor.consume(",");
  cursor.skip_spaces();
  const std::string_view digits = cursor.read_while(is_digit);
  if (digits.size() == 4) {
    dateline.year = (digits[0] - '0') * 1000 + (digits[1] - '0') * 100 + (digits[2] - '0') * 10 +
                    (digits[3] - '0');
  } else {
    cursor.reset(before_year);
  }
  (void)text;
  return true;
}

// An agency from the table, as written there, read at the cursor: "РИА Новости",
// "INTERFAX.RU", "Укрінформ". Longest match, up to 4 words.
std::string read_table_agency(Cursor& cursor, std::string_view text, const PhraseRules& rules) {
  const std::size_t start = cursor.position();
  std::size_t best_end = start;
  std::string best;
  std::size_t pos = start;
  for (int word = 0; word < 4 && pos < text.size(); ++word) {
    cursor.reset(pos);
    cursor.read_while([](char32_t cp) { return !is_space(cp) && cp != '(' && cp != ')'; });
    std::size_t end = cursor.position();
    // The agency may be followed by a period that ends the dateline: try without it.
    for (std::size_t candidate_end : {end, end - (end > start && text[end - 1] == '.' ? 1 : 0)}) {
      const std::string_view agency = rules.agency(text.substr(start, candidate_end - start));
      if (!agency.empty() && candidate_end > best_end) {
        best = std::string(agency);
        best_end = candidate_end;
      }
    }
    cursor.skip_spaces();
    pos = cursor.position();
  }
  cursor.reset(best_end);
  return best;
}

}  // namespace

std::optional<Dateline> parse_dateline(std::string_view paragraph) {
  return parse_dateline(paragraph, PhraseRules::defaults());
}

std::optional<Dateline> parse_dateline(std::string_view paragraph, const PhraseRules& rules) {
  paragraph = paragraph.substr(0, std::min<std::size_t>(paragraph.size(), 400));
  Cursor cursor(paragraph);
  Dateline dateline;
  // "(ANSA) - GENOVA, 03 MAR -": the agency first.
  std::string leading_agency;
  if (std::string_view agency = read_enclosed_agency(cursor, "(", ")");
      !agency.empty() && !rules.agency(agency).empty()) {
    cursor.skip_spaces();
    if (!read_dash(cursor)) return std::nullopt;
    cursor.skip_spaces();
    leading_agency = std::string(agency);
  } else {
    cursor.reset(0);
  }
  bool caps = false;
  std::string_view place = read_any_place(cursor, paragraph, rules, caps);
  if (place.empty()) return std::nullopt;
  // "Washington CNN —": an agency from the table after a place in mixed case.
  std::string trailing_agency;
  if (const std::size_t space = place.rfind(' '); space != std::string_view::npos && !caps) {
    if (std::string_view agency = rules.agency(place.substr(space + 1)); !agency.empty()) {
      trailing_agency = std::string(agency);
      place = place.substr(0, space);
    }
  }
  dateline.place = caps ? title_case_place(place) : std::string(place);
  if (!trailing_agency.empty()) {
    dateline.agency = trailing_agency;
    cursor.skip_spaces();
    if (!read_dash(cursor) || !(cursor.at_end() || is_space(cursor.peek()))) return std::nullopt;
    dateline.length = cursor.position();
    return dateline;
  }
  bool dated = false;
  // ", Latvia, March 14", ", 5 июня", ". 5 июня." (Interfax)
  for (int part = 0; part < 3 && !dated; ++part) {
    const std::size_t before = cursor.position();
    if (!cursor.consume(",") && !cursor.consume(".")) break;
    cursor.skip_spaces();
    // "Metz, le 3 mars 2025": an article before the day.
    if (const std::size_t article = cursor.position();
        !(cursor.consume("le ") && is_digit(cursor.peek())))
      cursor.reset(article);
    if (read_any_date(cursor, paragraph, rules, dateline)) {
      dated = true;
      break;
    }
    const std::string_view region = read_region(cursor, paragraph);
    if (region.empty() || !dateline.region.empty() || !is_upper(first_word_character(region))) {
      cursor.reset(before);
      break;
    }
    dateline.region = std::string(region);
  }
  const std::size_t after_date = cursor.position();
  const auto finish = [&]() -> std::optional<Dateline> {
    if (!(cursor.at_end() || is_space(cursor.peek()))) return std::nullopt;
    dateline.length = cursor.position();
    return dateline;
  };
  // "(Reuters) -", "(AFP).-", "(PTI) Text"
  cursor.skip_spaces();
  if (std::string_view agency = read_enclosed_agency(cursor, "(", ")"); !agency.empty()) {
    dateline.agency = std::string(agency);
    const bool known = !rules.agency(agency).empty();
    if (!caps && !known) return std::nullopt;  // "Smith (R) - ...": not a place
    const std::size_t after_agency = cursor.position();
    cursor.consume(".");
    cursor.skip_spaces();
    if (read_dash(cursor)) return finish();
    cursor.reset(after_agency);
    cursor.consume(".");
    // No dash: a known agency followed by the text ("NEW DELHI, June 5 (PTI) The").
    if (known && (caps || dated) && !cursor.at_end() && is_space(cursor.peek())) return finish();
    return std::nullopt;
  }
  // "/TASS/." "/PRNewswire/ --"
  cursor.reset(after_date);
  cursor.consume(".");
  cursor.skip_spaces();
  if (std::string_view agency = read_enclosed_agency(cursor, "/", "/"); !agency.empty()) {
    dateline.agency = std::string(agency);
    const std::size_t after_agency = cursor.position();
    cursor.consume(".");
    cursor.skip_spaces();
    if (!read_dash(cursor))
      cursor.reset(after_agency + (paragraph.substr(after_agency).starts_with(".") ? 1 : 0));
    return finish();
  }
  // "Москва. 5 июня. INTERFAX.RU -", "Київ, 5 червня. Укрінформ."
  cursor.reset(after_date);
  if (cursor.consume(".")) {
    cursor.skip_spaces();
    const std::size_t before_agency = cursor.position();
    if (std::string agency = read_table_agency(cursor, paragraph, rules); !agency.empty()) {
      dateline.agency = agency;
      const std::size_t after_agency = cursor.position();
      cursor.skip_spaces();
      if (read_dash(cursor)) return finish();
      cursor.reset(after_agency);
      if (cursor.consume(".")) return finish();
      return std::nullopt;
    }
    cursor.reset(before_agency);
  }
  // "МОСКВА, 5 июн — РИА Новости." "TOKYO, March 4 -" "ROMA, 3 MAR -"
  cursor.reset(after_date);
  cursor.skip_spaces();
  if (read_dash(cursor)) {
    const std::size_t after_dash = cursor.position();
    cursor.skip_spaces();
    if (std::string agency = read_table_agency(cursor, paragraph, rules); !agency.empty()) {
      dateline.agency = agency;
      cursor.consume(".");
      return finish();
    }
    cursor.reset(after_dash);
    // "TOKYO, March 4 -", "Bologna, 3 marzo 2025 –", "MILANO —", "(ANSA) - GENOVA, 03 MAR -"
    if (!leading_agency.empty()) dateline.agency = leading_agency;
    // A place alone in capitals needs a long dash ("MILANO —"): "FILE - " is no place.
    const std::string_view dash = paragraph.substr(after_date, after_dash - after_date);
    const bool long_dash = dash.find("\xE2\x80\x94") != std::string_view::npos ||
                           dash.find("\xE2\x80\x93") != std::string_view::npos ||
                           dash.find("--") != std::string_view::npos;
    if (dated || (caps && long_dash) || !leading_agency.empty()) return finish();
  }
  return std::nullopt;
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
