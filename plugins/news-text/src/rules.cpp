#include "rules.hpp"

#include "utf8.hpp"

#include <array>
#include <cstddef>

namespace docconv::news_text {
namespace {

// Rules about short lines give up on anything longer than this many bytes
// (a quick bound that keeps them cheap on huge lines).
constexpr std::size_t short_line_bytes = 1200;

bool is_closing_quote_or_bracket(char32_t cp) {
  return cp == '"' || cp == '\'' || cp == ')' || cp == ']' || cp == 0x201D || cp == 0x2019 ||
         cp == 0xBB || cp == 0x201C || cp == 0x2018;
}

// length_in_code_points(text) > limit, counting no further than needed:
// not at all when the bytes alone cannot exceed it (every code point takes at
// least one byte), and never past the limit.
bool exceeds_code_points(std::string_view text, std::size_t limit) {
  if (text.size() <= limit) return false;
  std::size_t count = 0;
  for (const char c : text)
    if ((static_cast<unsigned char>(c) & 0xC0u) != 0x80u && ++count > limit) return true;
  return false;
}

bool is_sentence_end(char32_t cp) {
  return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026;
}

// `text` without trailing closing quotes and brackets.
std::string_view strip_closers(std::string_view text) {
  while (!text.empty() && is_closing_quote_or_bracket(last_code_point(text))) {
    text = without_last_code_point(text);
  }
  return text;
}

bool is_abbreviation(std::string_view word) {
  // "No." is left out: "said no." ends sentences far more often than "No. 5" occurs.
  static constexpr std::array<std::string_view, 29> known{
      "mr",   "mrs",  "ms",  "dr",  "st",  "jr",  "sr",  "gen", "col", "lt",
      "sgt",  "prof", "rep", "sen", "gov", "vs",  "etc", "inc", "ltd", "co",
      "corp", "jan",  "feb", "mar", "apr", "jun", "jul", "aug", "sept"};
  const std::string_view bare = word.substr(0, word.size() - 1);  // without the final '.'
  if (bare.find('.') != std::string_view::npos) return true;      // "U.S."
  if (length_in_code_points(bare) == 1) return true;              // initials: "J."
  for (const std::string_view abbreviation : known)
    if (iequals(bare, abbreviation)) return true;
  return iequals(bare, "oct") || iequals(bare, "nov") || iequals(bare, "dec") ||
         iequals(bare, "sep");
}

bool contains_credit_word(std::string_view text) {
  static constexpr std::array<std::string_view, 16> words{
      "photo",   "snapshot", "screenshot", "\xC2\xA9",     "getty",   "reuters", "afp", "tass",
      "sputnik", "ria",      "epa",        "shutterstock", "archive", "file",    "/",   "ap"};
  for (const std::string_view word : words)
    if (ifind(text, word) != std::string_view::npos) return true;
  return false;
}

// "Sputnik International" in "CAPTION - Sputnik International": a short name.
std::string_view strip_site_suffix(std::string_view line) {
  const std::size_t dash = line.rfind(" - ");
  if (dash == std::string_view::npos) return line;
  const std::string_view suffix = trim(line.substr(dash + 3));
  if (count_words(suffix) > 4 || !is_upper(first_code_point(suffix))) return line;
  return trim(line.substr(0, dash));
}

std::string_view strip_copyright_sign(std::string_view line) {
  const std::string_view mark = credit_mark(line);
  return mark.empty() ? line : trim(line.substr(mark.size()));
}

// Start of a credit such as "AP Photo/Czarek Sokolowski" or "EPA/Name" near
// the end of `line`, or npos.
std::size_t agency_photo_credit_start(std::string_view line) {
  // Both forms hold a slash; most lines do not (one quick forward search).
  if (line.find('/') == std::string_view::npos) return std::string_view::npos;
  const std::size_t photo = line.rfind(" Photo/");
  if (photo != std::string_view::npos) {
    // Include the agency word before "Photo/" when there is one: "AP Photo/...".
    const std::size_t word_start = line.rfind(' ', photo - 1);
    const std::size_t start = word_start == std::string_view::npos ? 0 : word_start + 1;
    const std::string_view agency = line.substr(start, photo - start);
    if (!agency.empty() && agency.size() <= 12 && is_upper(first_code_point(agency))) return start;
    return photo + 1;
  }
  // "... EPA/Sergei Ilnitsky": an upper-case agency name and a slash.
  std::size_t slash = line.rfind('/');
  if (slash == std::string_view::npos || slash == 0) return std::string_view::npos;
  std::size_t start = line.rfind(' ', slash);
  start = start == std::string_view::npos ? 0 : start + 1;
  const std::string_view agency = line.substr(start, slash - start);
  if (agency.size() < 2 || agency.size() > 12) return std::string_view::npos;
  for (const char c : agency)
    if (c < 'A' || c > 'Z') return std::string_view::npos;
  return start;
}

// "[1/2] Houses under construction ...": a gallery's counter opens the caption.
std::optional<PhotoCaption> gallery_caption(std::string_view line) {
  if (line.size() < 7 || line.size() > short_line_bytes || line.front() != '[') return std::nullopt;
  std::size_t i = 1, digits = 0, slashes = 0;
  for (; i < line.size() && i < 12 && line[i] != ']'; ++i) {
    if (line[i] == '/')
      ++slashes;
    else if (line[i] >= '0' && line[i] <= '9')
      ++digits;
    else
      return std::nullopt;
  }
  if (i >= line.size() || line[i] != ']' || slashes != 1 || digits < 2) return std::nullopt;
  const std::string_view caption = trim(line.substr(i + 1));
  if (count_words(caption) < 3) return std::nullopt;
  return PhotoCaption{std::string(caption), "", "", std::string(line)};
}

}  // namespace

bool ends_like_sentence(std::string_view text) {
  text = trim(text);
  while (!text.empty()) {
    const char32_t last = last_code_point(text);
    if (last == '"' || last == '\'' || last == ')' || last == 0x201D || last == 0x2019 ||
        last == 0xBB || last == 0x201C) {
      text = without_last_code_point(text);
      continue;
    }
    return last == '.' || last == '!' || last == '?' || last == 0x2026 || last == 0x3002;
  }
  return false;
}

bool is_opening_quote(char32_t cp) {
  // German and Swiss quotes open with » and ›, Spanish questions with ¿ and ¡.
  return cp == '"' || cp == '\'' || cp == 0x201C || cp == 0x201E || cp == 0xAB || cp == 0x2018 ||
         cp == 0x201A || cp == 0x2039 || cp == 0xBB || cp == 0x203A || cp == 0xBF || cp == 0xA1;
}

bool is_chrome_phrase(std::string_view line) {
  return PhraseRules::defaults().is_whole(PhraseKind::chrome, trim(line));
}

bool is_counter(std::string_view line) {
  line = trim(line);
  if (line.empty() || line.size() > 7) return false;
  for (const char c : line)
    if (c < '0' || c > '9') return false;
  return true;
}

bool ends_with_closing_punctuation(std::string_view text) {
  const std::string_view bare = strip_closers(trim(text));
  if (bare.empty()) return false;
  const char32_t last = last_code_point(bare);
  return is_sentence_end(last) || last == ':' || last == ';' || last == ',';
}

bool looks_like_title(std::string_view line) {
  line = trim(line);
  if (line.empty() || line.size() > 4 * 250 || exceeds_code_points(line, 250)) return false;
  if (first_word_character(line) == 0 || count_words_up_to(line, 40) > 40) return false;
  const char32_t last = last_code_point(strip_closers(line));
  if (last == '.' || last == ',' || last == ':' || last == ';') return false;
  return !is_chrome_phrase(line) && !bullet_item(line) && !related_headline(line) &&
         !credit_line(line) && !quoted_line(line);
}

std::string_view first_sentence(std::string_view text) {
  text = trim(text);
  // A first sentence is never longer than this; stop looking there.
  std::size_t limit = std::min<std::size_t>(text.size(), 4000);
  while (limit < text.size() && (static_cast<unsigned char>(text[limit]) & 0xC0u) == 0x80u)
    --limit;  // never cut a character in two
  std::size_t pos = 0;
  std::size_t word_start = 0;
  while (pos < limit) {
    const char32_t cp = next_code_point(text, pos);
    if (is_space(cp)) {
      word_start = pos;
      continue;
    }
    if (!is_sentence_end(cp)) continue;
    // The sentence ends here if closers and then white space (or the end) follow.
    std::size_t after = pos;
    while (after < limit) {
      std::size_t next = after;
      if (!is_closing_quote_or_bracket(next_code_point(text, next))) break;
      after = next;
    }
    std::size_t probe = after;
    const bool at_end = after >= text.size();
    if (!at_end && !is_space(next_code_point(text, probe))) continue;
    if (cp == '.' && is_abbreviation(text.substr(word_start, pos - word_start))) continue;
    return text.substr(0, after);
  }
  return text.substr(0, limit);
}

std::string derive_title(std::string_view lead, std::size_t max_length) {
  std::string_view sentence = first_sentence(lead);
  if (sentence.ends_with('.') && !sentence.ends_with("..")) sentence.remove_suffix(1);
  if (length_in_code_points(sentence) <= max_length) return std::string(sentence);
  const std::string_view ellipsis = "\xE2\x80\xA6";
  std::string title;
  std::size_t length = 0;
  for (const std::string_view word : split_words(sentence)) {
    const std::size_t word_length = length_in_code_points(word);
    const std::size_t separator = title.empty() ? 0 : 1;
    if (length + separator + word_length + 1 > max_length) break;
    if (separator) title += ' ';
    title += word;
    length += separator + word_length;
  }
  if (title.empty()) {
    // One enormous word: cut it at a character boundary instead.
    std::size_t pos = 0;
    for (std::size_t i = 0; i + 1 < max_length && pos < sentence.size(); ++i)
      next_code_point(sentence, pos);
    title = std::string(sentence.substr(0, pos));
  }
  // Punctuation left dangling at the cut ("counterpart," ...) reads badly before "…".
  while (!title.empty() && (title.back() == ',' || title.back() == ';' || title.back() == ':'))
    title.pop_back();
  return title + std::string(ellipsis);
}

bool looks_like_summary(std::string_view line) {
  line = trim(line);
  if (line.size() > 4 * 400 || exceeds_code_points(line, 400)) return false;
  if (count_words_up_to(line, 6) < 6 || ends_with_closing_punctuation(line)) return false;
  const char32_t first = first_code_point(line);
  return is_upper(first) || first == '"' || first == 0x201C || first == 0xAB ||
         (first >= '0' && first <= '9');
}

bool looks_like_subheading(std::string_view line, const PhraseRules& rules) {
  line = trim(line);
  if (line.empty() || line.size() > 4 * 120) return false;
  // The last mark first: most lines asked are sentences.
  const char32_t last = last_code_point(line);
  if (last == '.' || last == ',' || last == ';' || last == ':') return false;
  if (exceeds_code_points(line, 120)) return false;
  const std::size_t words = count_words(line);
  if (words == 0 || words > 15) return false;
  const char32_t first = first_code_point(line);
  // A question or a quotation may be one ("Which routes are affected?",
  // "»Ein Glücksfall für die Forschung«"); a quotation must be closed.
  const bool quoted = is_opening_quote(first);
  const bool closed =
      last == '?' || last == '!' || is_closing_quote_or_bracket(last) || last == 0xAB;
  if (ends_like_sentence(line) && last != '?' && last != '!' && !(quoted && closed)) return false;
  if (quoted && !closed) return false;
  if (!is_upper(first) && !(first >= '0' && first <= '9') && !quoted) return false;
  return !is_counter(line) && !rules.is_whole(PhraseKind::chrome, line) &&
         !related_headline(line, rules) && !credit_line(line, rules);
}

std::optional<std::string_view> related_headline(std::string_view line, const PhraseRules& rules) {
  line = trim(line);
  if (line.size() > short_line_bytes) return std::nullopt;
  const std::size_t label = rules.prefix_length(PhraseKind::related, line);
  if (label == 0) return std::nullopt;
  std::string_view rest = trim(line.substr(label));
  // The label ends with a colon (or a dash, or the table's own colon).
  const bool colon_in_label = line.substr(0, label).ends_with(":");
  if (rest.starts_with(':') || rest.starts_with('-') || rest.starts_with("\xE2\x80\x94") ||
      rest.starts_with("\xE2\x80\x93") || rest.starts_with("\xC2\xBB") || rest.starts_with('|')) {
    std::size_t pos = 0;
    next_code_point(rest, pos);
    rest = trim(rest.substr(pos));
  } else if (!colon_in_label &&
             !(label < line.size() && is_upper(first_code_point(line.substr(label))) &&
               is_lower(last_code_point(line.substr(0, label))))) {
    return std::nullopt;  // no colon, and not glued: "Read more about it in our archive."
  }
  if (rest.empty() || first_word_character(rest) == 0) return std::nullopt;
  return rest;
}

std::optional<std::string_view> bullet_item(std::string_view line) {
  line = trim(line);
  for (const std::string_view bullet : {"- ", "* ", "\xE2\x80\xA2 ", "\xE2\x80\xA2\xC2\xA0"}) {
    if (!line.starts_with(bullet)) continue;
    const std::string_view text = trim(line.substr(bullet.size()));
    if (!text.empty()) return text;
  }
  return std::nullopt;
}

std::optional<std::string_view> dashed_subheading(std::string_view line) {
  line = trim(line);
  for (const std::string_view dash : {"-", "\xE2\x80\x93", "\xE2\x80\x94"}) {
    if (line.size() < 2 * dash.size() + 3 || !line.starts_with(dash) || !line.ends_with(dash))
      continue;
    const std::string_view inner = line.substr(dash.size(), line.size() - 2 * dash.size());
    if (!is_space(first_code_point(inner)) || !is_space(last_code_point(inner))) continue;
    const std::string_view text = trim(inner);
    const std::size_t words = count_words(text);
    if (words >= 1 && words <= 15 && first_word_character(text) != 0) return text;
  }
  return std::nullopt;
}

std::optional<std::string_view> quoted_line(std::string_view line) {
  line = trim(line);
  if (!line.starts_with("> ")) return std::nullopt;
  const std::string_view text = trim(line.substr(2));
  if (text.empty()) return std::nullopt;
  return text;
}

std::optional<std::string> credit_line(std::string_view line, const PhraseRules& rules) {
  line = trim(line);
  // "Photograph: Name/Getty Images", "Image source, Getty Images", "Foto: Name/dpa":
  // a credit label from the table, then ':' or ',' or "by".
  if (const std::size_t label = rules.prefix_length(PhraseKind::credit, line);
      label > 0 && line.size() <= 300 && count_words_up_to(line, 14) <= 14) {
    const std::string_view rest = trim(line.substr(label));
    if (line.substr(0, label).ends_with(":") || rest.starts_with(':') || rest.starts_with(',') ||
        istarts_with(rest, "by ") || istarts_with(rest, "credit"))
      if (first_word_character(rest) != 0) return collapse_spaces(line);
  }
  // "(Photo by Name/AFP)", "Name/AFP via Getty Images", "Courtesy Federal Aviation
  // Administration", "Scott Olson/Getty Images" (a name, a slash, a capitalised source)
  if (line.size() <= 200 && count_words_up_to(line, 10) <= 10 &&
      (istarts_with(line, "(photo") || ifind(line, " via getty images") != std::string_view::npos ||
       istarts_with(line, "courtesy ")))
    return collapse_spaces(line);
  if (const std::size_t slash = line.find('/');
      slash != std::string_view::npos && slash > 0 && line.size() <= 80 &&
      count_words_up_to(line, 6) <= 6 && !ends_with_closing_punctuation(line) &&
      first_word_character(line) != 0 && is_upper(first_code_point(line)) &&
      slash + 1 < line.size() && is_upper(first_code_point(trim(line.substr(slash + 1)))) &&
      line.find("://") == std::string_view::npos)
    return collapse_spaces(line);
  // Every mark below starts with '©' (0xC2 0xA9), '(' or 'p': the reader asks
  // about every line, and most are out after this one look.
  if (line.empty() ||
      (line.front() != '\xC2' && line.front() != '(' && line.front() != 'p' && line.front() != 'P'))
    return std::nullopt;
  const bool marked = line.starts_with("\xC2\xA9") || istarts_with(line, "(c) ") ||
                      istarts_with(line, "photo:") || istarts_with(line, "photo by ") ||
                      istarts_with(line, "photo credit:");
  if (!marked || line.size() > 300 || count_words_up_to(line, 12) > 12) return std::nullopt;
  const std::string_view stripped = strip_copyright_sign(line);
  if (stripped.size() != line.size()) {
    if (stripped.empty() || first_word_character(stripped) == 0) return std::nullopt;
    return collapse_spaces(stripped);
  }
  return collapse_spaces(line);  // "Photo: ..." keeps its label: it is text of the credit
}

std::string_view credit_mark(std::string_view line) {
  line = trim(line);
  if (line.starts_with("\xC2\xA9")) return line.substr(0, 2);
  if (istarts_with(line, "(c) ")) return line.substr(0, 3);
  return {};
}

std::string_view text_before(std::string_view line, std::string_view part) {
  return trim(line.substr(0, static_cast<std::size_t>(part.data() - line.data())));
}

std::optional<PhotoCaption> marked_caption(std::string_view line) {
  line = trim(line);
  if (auto counted = gallery_caption(line)) return counted;
  const std::string_view marker = "go to the mediabank";
  const std::size_t at = ifind(line.substr(0, short_line_bytes), marker);
  if (at == std::string_view::npos) return std::nullopt;
  std::string credit = collapse_spaces(strip_copyright_sign(trim(line.substr(0, at))));
  while (!credit.empty() && (credit.back() == '/' || credit.back() == ' ')) credit.pop_back();
  PhotoCaption figure;
  figure.credit = std::move(credit);
  figure.caption = std::string(trim(line.substr(at + marker.size())));
  figure.credit_mark = std::string(credit_mark(line));
  figure.as_written = std::string(line);
  return figure;
}

std::optional<PhotoCaption> bracketed_credit_caption(std::string_view line,
                                                     const PhraseRules& rules) {
  line = trim(line);
  if (line.size() > short_line_bytes || !line.ends_with(")")) return std::nullopt;
  const std::size_t open = line.rfind('(');
  if (open == std::string_view::npos || open == 0) return std::nullopt;
  const std::string_view credit = trim(line.substr(open + 1, line.size() - open - 2));
  const std::string_view caption = trim(line.substr(0, open));
  if (credit.empty() || count_words(credit) > 8 || count_words(caption) < 3) return std::nullopt;
  const bool says_credit =
      credit.find('/') != std::string_view::npos || credit.find(": ") != std::string_view::npos ||
      !rules.agency(credit).empty() || rules.prefix_length(PhraseKind::credit, credit) > 0;
  if (!says_credit) return std::nullopt;
  return PhotoCaption{std::string(caption), std::string(credit), "", std::string(line)};
}

std::optional<PhotoCaption> trailing_credit_caption(std::string_view line,
                                                    const PhraseRules& rules) {
  line = trim(line);
  if (line.size() > short_line_bytes) return std::nullopt;
  // The last sentence: after the last ". " (or the whole line after a caption's period).
  const std::size_t stop = line.rfind(". ");
  if (stop == std::string_view::npos) return std::nullopt;
  const std::string_view caption = trim(line.substr(0, stop + 1));
  std::string_view credit = trim(line.substr(stop + 2));
  if (credit.ends_with(".")) credit.remove_suffix(1);
  // The short credit first: most lines are out before their words are counted.
  if (credit.empty() || count_words_up_to(credit, 7) > 7 || count_words_up_to(caption, 3) < 3 ||
      count_words_up_to(line, 45) > 45)
    return std::nullopt;
  // "Фото: Укрзалізниця", "Photo by the author", "Архивное фото", "Photo: AFP"
  bool says_credit = rules.prefix_length(PhraseKind::credit, credit) > 0 ||
                     credit.starts_with("\xC2\xA9");  // "© Seydou Camara, AFP"

  for (const std::string_view word : split_words(credit))
    says_credit = says_credit || rules.is_whole(PhraseKind::credit, word);
  if (!says_credit) return std::nullopt;
  return PhotoCaption{std::string(caption), std::string(credit), "", std::string(line)};
}

std::optional<PhotoCaption> piped_caption(std::string_view line, bool require_credit_word) {
  line = trim(line);
  if (line.size() > short_line_bytes) return std::nullopt;
  // Most lines have no '|' at all: find() (memchr) says so faster than rfind().
  if (line.find('|') == std::string_view::npos) return std::nullopt;
  const std::size_t bar = line.rfind('|');
  if (bar == std::string_view::npos || bar == 0 || bar + 1 >= line.size()) return std::nullopt;
  const std::string_view caption = trim(line.substr(0, bar));
  const std::string_view credit = trim(line.substr(bar + 1));
  if (caption.size() == bar || credit.empty()) return std::nullopt;  // no space before '|'
  if (caption.empty() || credit.empty() || count_words(caption) < 2) return std::nullopt;
  if (count_words(credit) > 8 || exceeds_code_points(credit, 80) ||
      ends_with_closing_punctuation(credit))
    return std::nullopt;
  if (require_credit_word && !contains_credit_word(credit)) return std::nullopt;
  return PhotoCaption{std::string(caption), std::string(credit), "|", ""};
}

std::optional<PhotoCaption> glued_caption(std::string_view line, std::string_view known_credit) {
  line = trim(line);
  if (line.size() > short_line_bytes) return std::nullopt;
  std::size_t credit_start = std::string_view::npos;
  if (!known_credit.empty() && line.size() > known_credit.size() + 1 &&
      line.ends_with(known_credit) &&
      is_space(last_code_point(line.substr(0, line.size() - known_credit.size()))))
    credit_start = line.size() - known_credit.size();
  else
    credit_start = agency_photo_credit_start(line);
  if (credit_start == std::string_view::npos || credit_start == 0) return std::nullopt;
  const std::string_view caption = trim(line.substr(0, credit_start));
  const std::string_view credit = trim(line.substr(credit_start));
  if (caption.empty() || count_words(credit) > 6) return std::nullopt;
  return PhotoCaption{std::string(caption), std::string(credit), "", ""};
}

bool looks_like_caption(std::string_view line) {
  line = trim(line);
  return !line.empty() && line.size() <= 600 && count_words_up_to(line, 40) <= 40 &&
         first_word_character(line) != 0;
}

Duplicate duplicate_of(std::string_view line, const PhotoCaption& figure) {
  line = trim(line);
  if (line.size() > short_line_bytes) return Duplicate::none;
  // A repeat starts with the first word of the caption or of the credit (the
  // candidates below are the line's words from its first on). Most lines do
  // not, and need none of the copies that follow.
  const std::string_view first = first_word(strip_copyright_sign(line));
  if (first != first_word(figure.caption) && first != first_word(figure.credit))
    return Duplicate::none;
  const std::string caption = collapse_spaces(figure.caption);
  const std::string credit = collapse_spaces(figure.credit);
  const std::string bare = collapse_spaces(strip_copyright_sign(line));
  const std::string without_site = collapse_spaces(strip_site_suffix(bare));
  for (const std::string& candidate : {bare, without_site}) {
    if (candidate.empty()) continue;
    if (!caption.empty() && (candidate == caption || candidate == caption + " " + credit ||
                             candidate == credit + " " + caption))
      return Duplicate::caption;
    if (!credit.empty() && candidate == credit) return Duplicate::credit;
  }
  return Duplicate::none;
}

bool starts_own_unit(std::string_view line, const PhraseRules& rules) {
  return bullet_item(line) || related_headline(line, rules) || quoted_line(line) ||
         credit_line(line, rules);
}

}  // namespace docconv::news_text
