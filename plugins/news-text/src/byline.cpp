#include "byline.hpp"

#include "utf8.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace docconv::news_text {
namespace {

bool is_ascii_digit(char c) {
  return c >= '0' && c <= '9';
}

// The words of `text` with punctuation around them taken off ("3," -> "3").
std::vector<std::string_view> bare_words(std::string_view text) {
  std::vector<std::string_view> words;
  std::vector<std::string_view> pieces;
  for (std::string_view piece : split_words(text)) {
    // "Reuters•06/06/2025", "Xinhua|2025-03-12": page elements glued by a mark.
    for (std::size_t cut; (cut = std::min({piece.find('|'), piece.find("\xE2\x80\xA2"),
                                           piece.find("\xC2\xB7")})) != std::string_view::npos;) {
      pieces.push_back(piece.substr(0, cut));
      piece = piece.substr(cut + (piece[cut] == '|' ? 1 : piece[cut] == '\xE2' ? 3 : 2));
    }
    pieces.push_back(piece);
  }
  for (std::string_view word : pieces) {
    while (!word.empty() && !is_word_character(last_code_point(word))) {
      word = without_last_code_point(word);
    }
    while (!word.empty()) {
      std::size_t pos = 0;
      const char32_t cp = next_code_point(word, pos);
      if (is_word_character(cp)) break;
      word = word.substr(pos);
    }
    if (!word.empty()) words.push_back(word);
  }
  return words;
}

int number_of(std::string_view word) {
  if (word.empty() || word.size() > 4) return -1;
  int value = 0;
  for (const char c : word) {
    if (!is_ascii_digit(c)) return -1;
    value = value * 10 + (c - '0');
  }
  return value;
}

bool is_time(std::string_view word) {
  // "6:05am", "11.21am", "9:48PM": the clock and its half of the day glued.
  if (word.size() > 2) {
    const std::string_view half = word.substr(word.size() - 2);
    if (half == "am" || half == "pm" || half == "AM" || half == "PM") word.remove_suffix(2);
  }
  // 10:42, 10h42, 14:32:05, and 10.42 (two digits after the point)
  if (word.size() >= 4 && word.size() <= 5 && word[word.size() - 3] == '.' &&
      is_ascii_digit(word[word.size() - 1]) && is_ascii_digit(word[word.size() - 2]) &&
      is_ascii_digit(word[0]))
    return true;
  std::size_t digits = 0, separators = 0;
  for (const char c : word) {
    if (is_ascii_digit(c))
      ++digits;
    else if (c == ':' || c == 'h')
      ++separators;
    else
      return false;
  }
  return separators >= 1 && separators <= 2 && digits >= 3 && digits <= 6;
}

bool is_name_word(std::string_view word) {
  static constexpr std::array<std::string_view, 16> particles{
      "de",  "da", "del", "della", "di",  "van", "von", "der",
      "den", "la", "le",  "du",    "dos", "bin", "al",  "ibn"};
  for (const std::string_view particle : particles)
    if (word == particle) return true;
  std::size_t pos = 0;
  const char32_t first = next_code_point(word, pos);
  if (!is_upper(first)) return false;
  // A name word is mostly letters: "O'Neill", "Jean-Pierre", "J."
  std::size_t letters = 0, others = 0;
  pos = 0;
  while (pos < word.size()) {
    const char32_t cp = next_code_point(word, pos);
    if (is_upper(cp) || is_lower(cp) || cp > 0x24F)
      ++letters;
    else if (cp == '\'' || cp == '-' || cp == '.' || cp == 0x2019)
      ++others;
    else
      return false;
  }
  return letters >= 1 && others <= 2;
}

// "A", "A and B", "A, B and C", "A & B" -> names. The list ends at the first
// part that is no name ("Jane Doe, BBC News"); a part may end with a role
// ("Jane Doe in Kyiv"). Nothing when the first part is no name.
std::optional<std::vector<std::string>> split_names(std::string_view text,
                                                    const PhraseRules& rules) {
  static constexpr std::array<std::string_view, 10> joiners{"and", "&", "und", "et", "y",
                                                            "e",   "и", "і",   "та", "with"};
  // After "A and B", a comma starts the affiliation: "A and B, City Herald".
  std::vector<std::vector<std::string_view>> parts(1);
  bool joined = false;
  for (std::string_view word : split_words(text)) {
    const bool comma = word.ends_with(",") || word.ends_with(";");
    if (comma) word.remove_suffix(1);
    bool joiner = false;
    const std::string folded = fold_phrase(word);
    for (const std::string_view j : joiners) joiner = joiner || folded == j;
    if (joiner) {
      parts.emplace_back();
      joined = true;
      continue;
    }
    if (!word.empty()) parts.back().push_back(word);
    if (comma && joined) break;
    if (comma) parts.emplace_back();
  }
  std::vector<std::string> names;
  for (auto part : parts) {
    // "North Queensland reporter Liam Garrity": the role first, the name after it.
    for (std::size_t k = 1; k + 3 <= part.size(); ++k)
      if (rules.is_whole(PhraseKind::byline_role, part[k]) && is_name_word(part[k + 1]) &&
          is_name_word(part[k + 2]) && !is_upper(first_code_point(part[k]))) {
        part.erase(part.begin(), part.begin() + static_cast<std::ptrdiff_t>(k) + 1);
        break;
      }
    std::string name;
    std::size_t words = 0;
    bool role = false;
    for (const std::string_view word : part) {
      if (words > 0 && rules.is_whole(PhraseKind::byline_role, word)) {
        role = true;
        break;
      }
      if (!is_name_word(word)) break;
      if (!name.empty()) name += ' ';
      name += word;
      ++words;
    }
    const bool whole = role || words == part.size();
    if (words < 2 || words > 4 || !whole) break;
    names.push_back(name);
    if (role) break;
  }
  if (names.empty()) return std::nullopt;
  return names;
}

std::string_view after(std::string_view line, std::size_t bytes) {
  return trim(line.substr(bytes));
}

}  // namespace

bool looks_like_name(std::string_view line, const PhraseRules& rules) {
  // Asked of the head of many lines: most are out at their first letter or fifth word.
  line = trim(line);
  if (line.empty() || !is_upper(first_code_point(line)) || count_words_up_to(line, 4) > 4)
    return false;
  const auto words = split_words(line);
  if (words.size() < 2 || words.size() > 4) return false;
  // "ABC North Qld": an acronym among written words is a site, not a name
  // (a surname in capitals, "Jean DUPONT", is longer).
  const auto capitals = [](std::string_view word) {
    std::size_t pos = 0, letters = 0;
    while (pos < word.size()) {
      const char32_t cp = next_code_point(word, pos);
      if (is_lower(cp)) return std::size_t{0};
      letters += is_upper(cp);
    }
    return letters;
  };
  std::size_t acronyms = 0, written = 0;
  for (const std::string_view word : words) {
    const std::size_t letters = capitals(word);
    acronyms += letters >= 2 && letters <= 3;
    written += letters == 0;
  }
  if (acronyms > 0 && written > 0) return false;
  for (const std::string_view word : words) {
    if (!is_name_word(word) || word.size() < 2) return false;
    // Not "Video PlayerClose" (two words glued).
    std::size_t pos = 0;
    char32_t before = next_code_point(word, pos);
    while (pos < word.size()) {
      const char32_t cp = next_code_point(word, pos);
      if (is_lower(before) && is_upper(cp)) return false;
      before = cp;
    }
  }
  // Not "KYODO NEWS", "Redazione ANSA", "Support Our Journalism" (the tables,
  // asked last: they fold).
  for (const std::string_view word : words)
    if (rules.is_whole(PhraseKind::byline_role, word) || !rules.agency(word).empty() ||
        rules.is_whole(PhraseKind::not_name, word))
      return false;
  return true;
}

std::optional<std::vector<std::string>> parse_byline(std::string_view line,
                                                     const PhraseRules& rules) {
  if (line.size() > 300) return std::nullopt;
  // "Reporting by A and B in Paris; Editing by C": the reporters of each part,
  // in brackets or not ("(Reportage A, édité par B)").
  const std::string_view unbracketed =
      line.starts_with('(') && line.ends_with(')') ? line.substr(1, line.size() - 2) : line;
  if (const std::size_t trailer = rules.prefix_length(PhraseKind::byline_trailer, unbracketed);
      trailer > 0) {
    std::vector<std::string> names;
    std::string_view rest = unbracketed;
    while (!rest.empty()) {
      const std::size_t end = std::min(rest.find(';'), rest.size());
      std::string_view part = trim(rest.substr(0, end));
      rest = end < rest.size() ? rest.substr(end + 1) : std::string_view{};
      if (!part.empty() && part.front() == '(') part.remove_prefix(1);
      if (!part.empty() && part.back() == ')') part.remove_suffix(1);
      const std::string folded = fold_phrase(part);
      if (folded.starts_with("editing") || folded.starts_with("edited") ||
          folded.starts_with("graphics") || folded.starts_with("photos"))
        continue;
      const std::size_t label = rules.prefix_length(PhraseKind::byline_trailer, part);
      if (label == 0) continue;
      if (auto found = split_names(after(part, label), rules))
        names.insert(names.end(), found->begin(), found->end());
    }
    if (names.empty()) return std::nullopt;
    return names;
  }
  // "By Jane Doe", "Von Anna Weber", "Автор: Иван Петров".
  if (const std::size_t label = rules.prefix_length(PhraseKind::byline, line); label > 0) {
    std::string_view rest = after(line, label);
    if (!rest.empty() && (rest.front() == ':' || rest.front() == '-')) rest = trim(rest.substr(1));
    // "di [19]Marco Lenzi": a text browser's link number before the name.
    if (rest.starts_with('[')) {
      const std::size_t close = rest.find(']');
      if (close != std::string_view::npos && close <= 6 &&
          std::all_of(rest.begin() + 1, rest.begin() + static_cast<std::ptrdiff_t>(close),
                      [](char c) { return is_ascii_digit(c); }))
        rest = trim(rest.substr(close + 1));
    }
    // "Par Mathilde Garnier (Agen, envoyée spéciale)": the place or role in brackets.
    if (const std::size_t bracket = rest.find(" ("); bracket != std::string_view::npos)
      rest = rest.substr(0, bracket);
    // "By Jane Doe · 4 March 2025": the names end at a separator.
    for (const std::string_view mark :
         {"|", "\xC2\xB7", "\xE2\x80\xA2", "-", "\xE2\x80\x94", "\xE2\x80\x93"})
      if (const std::size_t at = find_spaced(rest, mark); at != std::string_view::npos)
        rest = rest.substr(0, at);
    if (count_words_up_to(rest, 16) > 16) return std::nullopt;
    return split_names(rest, rules);
  }
  // "Jane Doe | Reuters", "Jane Doe · 4 March 2025 · 5 min read": a name first,
  // then a site, a role or a time stamp.
  for (const std::string_view separator :
       {"|", " \xC2\xB7 ", " \xE2\x80\xA2 ", ", ", " \xE2\x80\x94 ", " - "}) {
    const bool spaced = separator.size() > 2 && separator.front() == ' ';
    const std::size_t at = spaced ? find_spaced(line, separator.substr(1, separator.size() - 2))
                                  : line.find(separator);
    if (at == std::string_view::npos) continue;
    const std::string_view name = trim(line.substr(0, at));
    const std::string_view rest = trim(line.substr(at + separator.size()));
    if (!looks_like_name(name, rules) || count_words_up_to(rest, 8) > 8) continue;
    const PartialDate date = find_date(rest, rules);
    const bool site_or_role = rules.is_whole(PhraseKind::agency, rest) ||
                              rules.prefix_length(PhraseKind::byline_role, rest) > 0 ||
                              parse_timestamp(rest, rules).has_value() ||
                              (date.day != 0 && date.month != 0 && date.year != 0) ||
                              fold_phrase(rest).find("news") != std::string::npos ||
                              count_words(rest) <= 3;
    if (site_or_role && separator != ", ") return std::vector<std::string>{std::string(name)};
    if (site_or_role && (rules.prefix_length(PhraseKind::byline_role, rest) > 0 ||
                         fold_phrase(rest).find("news") != std::string::npos ||
                         rules.is_whole(PhraseKind::agency, rest)))
      return std::vector<std::string>{std::string(name)};
  }
  return std::nullopt;
}

PartialDate find_date(std::string_view text, const PhraseRules& rules) {
  PartialDate date;
  const std::vector<std::string_view> words = bare_words(text.substr(0, 400));
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string_view word = words[i];
    // 2025-03-03, 03.03.2025, 03/03/2025
    if (word.size() >= 8 && word.size() <= 10 && is_ascii_digit(word[0])) {
      int parts[3] = {-1, -1, -1};
      std::size_t count = 0, value_start = 0;
      for (std::size_t j = 0; j <= word.size() && count < 3; ++j) {
        if (j == word.size() || word[j] == '-' || word[j] == '.' || word[j] == '/') {
          parts[count++] = number_of(word.substr(value_start, j - value_start));
          value_start = j + 1;
        }
      }
      if (count == 3 && parts[0] > 999 && parts[1] >= 1 && parts[1] <= 12 && parts[2] >= 1 &&
          parts[2] <= 31)
        return PartialDate{parts[0], parts[1], parts[2]};
      if (count == 3 && parts[2] > 999 && parts[1] >= 1 && parts[1] <= 12 && parts[0] >= 1 &&
          parts[0] <= 31)
        return PartialDate{parts[2], parts[1], parts[0]};
    }
    // 05.06.25: day, month and a two-digit year, with points (as in Europe).
    if (word.size() == 8 && is_ascii_digit(word[0]) && word[2] == '.' && word[5] == '.') {
      const int day = number_of(word.substr(0, 2)), month = number_of(word.substr(3, 2)),
                year = number_of(word.substr(6, 2));
      if (day >= 1 && day <= 31 && month >= 1 && month <= 12 && year >= 0)
        return PartialDate{2000 + year, month, day};
    }
    const int month = rules.month(word);
    if (month == 0) continue;
    date.month = month;
    // "March 3, 20259:14 AM": a year glued to the clock after it (page elements
    // that a copy put side by side).
    const auto number_or_year = [&](std::size_t k) {
      if (k >= words.size()) return -1;
      const int number = number_of(words[k]);
      if (number >= 0 || words[k].size() < 6 || !is_time(words[k].substr(4))) return number;
      const int year = number_of(words[k].substr(0, 4));
      return year >= 1900 && year <= 2100 ? year : -1;
    };
    // "3 March 2025" / "March 3, 2025" / "5 июня 2025 г."
    const int before = i > 0 ? number_of(words[i - 1]) : -1;
    const int next = number_or_year(i + 1);
    if (before >= 1 && before <= 31) {
      date.day = before;
      if (next > 999) date.year = next;
    } else if (next >= 1 && next <= 31) {
      date.day = next;
      const int year = number_or_year(i + 2);
      if (year > 999) date.year = year;
    } else if (next > 999) {
      date.year = next;
    }
    if (date.day != 0 || date.year != 0) return date;
    date = {};
  }
  return date;
}

std::optional<PartialDate> parse_timestamp(std::string_view line, const PhraseRules& rules) {
  if (line.size() > 200) return std::nullopt;
  std::string_view rest = line;
  bool labelled = false;
  if (const std::size_t label = rules.prefix_length(PhraseKind::timestamp, line); label > 0) {
    rest = after(line, label);
    labelled = true;
  }
  // Without a label or a digit only a relative time of a few words is one
  // ("an hour ago"): most lines are out before their words are looked at.
  if (!labelled &&
      std::none_of(rest.begin(), rest.end(), [](char c) { return is_ascii_digit(c); }) &&
      count_words_up_to(rest, 4) > 4)
    return std::nullopt;
  // What is left must be mostly date and time: numbers, month names, zones,
  // relative time words; a few other words ("on", "at", "le", "Uhr").
  const std::vector<std::string_view> words = bare_words(rest);
  if (words.empty()) {
    // "Published" alone, the date on the next line.
    if (labelled) return PartialDate{};
    return std::nullopt;
  }
  std::size_t dated = 0, other = 0;
  bool relative = false, unit = false, time = false;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string_view word = words[i];
    // Out as soon as the other words are too many for what is left.
    const std::size_t left = words.size() - i;
    if (labelled ? other > 6 : 2 * other > dated + left + 4) return std::nullopt;
    if (number_of(word) >= 0 || is_time(word)) {
      ++dated;
      time = time || is_time(word);
      continue;
    }
    if (word.size() >= 8 && is_ascii_digit(word[0])) {
      ++dated;  // 03.03.2025
      continue;
    }
    const std::string folded = fold_phrase(word);  // once for the three tables
    // Relative words first: "ago" is also a month abbreviation (agosto).
    if (rules.is_whole_folded(PhraseKind::relative_time, folded)) {
      relative = true;
      ++dated;
    } else if (rules.month_folded(folded) != 0) {
      ++dated;
    } else if (rules.is_whole_folded(PhraseKind::time_unit, folded)) {
      unit = true;
      ++dated;
    } else {
      ++other;
    }
  }
  // "14.04.2025" or "11.21am" alone on its line is a time stamp too.
  const bool numeric_date_alone =
      words.size() == 1 &&
      (is_time(words[0]) || (words[0].size() >= 8 && is_ascii_digit(words[0][0]) &&
                             find_date(words[0], rules).year != 0));
  const bool enough = labelled ? dated >= 1 && other <= 6
                               : (dated >= 2 && other <= dated / 2 + 2) || numeric_date_alone;
  if (!enough) return std::nullopt;
  if (relative && !unit && !labelled) return std::nullopt;
  const PartialDate date = find_date(rest, rules);
  if (date.empty() && !relative && !time && !labelled) return std::nullopt;
  return date;
}

bool is_wire_signoff(std::string_view line) {
  line = trim(line);
  if (line.size() < 5 || line.size() > 40) return false;
  std::size_t groups = 1, letters = 0;
  for (const char c : line) {
    if (c == '/') {
      if (letters < 2 || letters > 4) return false;
      ++groups;
      letters = 0;
    } else if (c >= 'a' && c <= 'z') {
      ++letters;
    } else {
      return false;
    }
  }
  return groups >= 2 && letters >= 2 && letters <= 4;
}

bool has_numeric_date(std::string_view text, const PhraseRules& rules) {
  if (std::none_of(text.begin(), text.end(),
                   [](char c) { return c == '.' || c == '-' || c == '/'; }))
    return false;
  for (const std::string_view word : bare_words(text))
    if (word.size() >= 8 && word.size() <= 10 && is_ascii_digit(word[0]) &&
        find_date(word, rules).year != 0)
      return true;
  return false;
}

bool is_reading_time(std::string_view line, const PhraseRules& rules) {
  // A number of minutes is needed: most short lines hold no digit.
  if (line.size() > 60 || std::none_of(line.begin(), line.end(), is_ascii_digit)) return false;
  // A label of the table first ("Время на прочтение: 4 мин."): its words are no others.
  const std::size_t label = rules.prefix_length(PhraseKind::reading_time, line);
  const std::vector<std::string_view> words = bare_words(line.substr(label));
  bool number = false, unit = false, read = label > 0;
  std::size_t other = 0;
  for (const std::string_view word : words) {
    if (number_of(word) >= 0)
      number = true;
    else if (rules.is_whole(PhraseKind::time_unit, word))
      unit = true;
    else if (rules.is_whole(PhraseKind::reading_time, word))
      read = true;
    else
      ++other;
  }
  // "4 mn", "6 min" alone on a line: a reading or listening time.
  const bool bare = words.size() == 2 && number_of(words[0]) >= 0;
  return number && unit && (read || bare) && other <= 2;
}

}  // namespace docconv::news_text
