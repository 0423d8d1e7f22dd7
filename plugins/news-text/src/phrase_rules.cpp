#include "phrase_rules.hpp"

#include "utf8.hpp"

#include <docconv/plugin.hpp>

#include <algorithm>
#include <array>
#include <charconv>

namespace docconv::news_text {

extern const char* const default_rules_text;  // generated from rules/default.rules

namespace {

char32_t fold_code_point(char32_t cp) {
  if (cp >= 'A' && cp <= 'Z') return cp + 0x20;
  if (cp < 0x80) return cp;
  if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) return cp + 0x20;
  if (cp >= 0x391 && cp <= 0x3A9) return cp + 0x20;
  if (cp >= 0x410 && cp <= 0x42F) return cp + 0x20;
  if (cp >= 0x400 && cp <= 0x40F) return cp + 0x50;
  if (cp == 0x490) return 0x491;
  if (cp == 0x2019) return '\'';
  return cp;
}

bool is_trailing_noise(char32_t cp) {
  return cp == ':' || cp == 0x203A || cp == 0xBB || cp == '>' || cp == 0x2192 || cp == '|' ||
         (cp >= '0' && cp <= '9') || cp == '(' || cp == ')' || cp == '[' || cp == ']' ||
         cp == 0x25B8 || cp == 0x25BA || cp == 0x276F || cp == '.' || cp == 0x2026 || cp == ' ';
}

// `folded` without a trailing colon, counter, arrow or ellipsis.
std::string_view strip_trailing_noise(std::string_view folded) {
  while (!folded.empty()) {
    const char32_t cp = last_code_point(folded);
    if (!is_trailing_noise(cp)) break;
    std::size_t start = folded.size() - 1;
    while (start > 0 && (static_cast<unsigned char>(folded[start]) & 0xC0u) == 0x80u) --start;
    folded = folded.substr(0, start);
  }
  return folded;
}

PhraseKind kind_named(std::string_view name, bool& found) {
  static constexpr std::array<std::string_view, phrase_kind_count> names{
      "chrome",    "chrome-start",   "related",     "caption",     "credit",
      "byline",    "byline-trailer", "byline-role", "timestamp",   "relative-time",
      "time-unit", "reading-time",   "agency",      "widget-word", "not-name"};
  for (std::size_t i = 0; i < names.size(); ++i)
    if (names[i] == name) {
      found = true;
      return static_cast<PhraseKind>(i);
    }
  found = false;
  return PhraseKind::chrome;
}

bool word_boundary_at(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) return true;
  std::size_t at = pos;
  const char32_t next = next_code_point(text, at);
  std::size_t back = pos - 1;
  while (back > 0 && (static_cast<unsigned char>(text[back]) & 0xC0u) == 0x80u) --back;
  const char32_t before = next_code_point(text, back);
  // "Lire aussiAu Sénégal": a label glued to what follows ends at the capital.
  return !is_word_character(next) || !is_word_character(before) ||
         (is_lower(before) && is_upper(next));
}

}  // namespace

namespace {

// Folds `text` (see fold_phrase()) byte by byte into `put`.
template <class Put>
void fold_into(std::string_view text, Put put) {
  bool space = false, any = false;
  std::size_t pos = 0;
  while (pos < text.size()) {
    // ASCII, most of what is folded, without decoding.
    if (const unsigned char byte = static_cast<unsigned char>(text[pos]); byte < 0x80) {
      ++pos;
      if (byte == ' ' || (byte >= '\t' && byte <= '\r')) {
        space = any;
        continue;
      }
      if (space) put(' ');
      space = false;
      any = true;
      put(static_cast<char>(byte >= 'A' && byte <= 'Z' ? byte + 0x20 : byte));
      continue;
    }
    const char32_t cp = next_code_point(text, pos);
    if (is_space(cp)) {
      space = any;
      continue;
    }
    if (space) put(' ');
    space = false;
    any = true;
    char bytes[4];
    const std::size_t size = encode_utf8(fold_code_point(cp), bytes);
    for (std::size_t k = 0; k < size; ++k) put(bytes[k]);
  }
}

}  // namespace

std::string fold_phrase(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  fold_into(text, [&](char c) { out += c; });
  return out;
}

std::uint64_t fold_hash(std::string_view text) {
  std::uint64_t hash = 0xCBF29CE484222325ULL;  // FNV-1a
  fold_into(text, [&](char c) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001B3ULL;
  });
  return hash;
}

const PhraseRules& PhraseRules::defaults() {
  static const PhraseRules rules = [] {
    PhraseRules made;
    made.add(default_rules_text, "default.rules");
    return made;
  }();
  return rules;
}

void PhraseRules::add(std::string_view text, std::string_view source) {
  const auto error = [&](std::size_t line, std::string_view what) {
    throw Error(std::string(source) + ":" + std::to_string(line) + ": " + std::string(what));
  };
  std::size_t number = 0;
  bool header_seen = false;
  bool in_section = false;
  PhraseKind kind = PhraseKind::chrome;
  while (!text.empty()) {
    const std::size_t end = std::min(text.find('\n'), text.size());
    const std::string_view raw = text.substr(0, end);
    text = end < text.size() ? text.substr(end + 1) : std::string_view{};
    ++number;
    const std::string_view line = trim(raw);
    if (line.empty() || line.front() == '#') continue;
    if (!header_seen) {
      if (line != "docconv-news-rules 1")
        error(number, "the first line must be 'docconv-news-rules 1' (the format version)");
      header_seen = true;
      continue;
    }
    if (line.front() == '[') {
      if (line.back() != ']') error(number, "a section line is [NAME]");
      bool found = false;
      const std::string_view name = line.substr(1, line.size() - 2);
      if (name == "month") {
        in_section = true;
        month_section_ = true;
        continue;
      }
      month_section_ = false;
      kind = kind_named(name, found);
      if (!found) error(number, "unknown section [" + std::string(name) + "]");
      in_section = true;
      continue;
    }
    if (!in_section) error(number, "a phrase before the first [section]");
    if (month_section_) {
      const std::vector<std::string_view> words = split_words(line);
      int month = 0;
      const auto [ptr, ec] =
          std::from_chars(words[0].data(), words[0].data() + words[0].size(), month);
      if (ec != std::errc{} || ptr != words[0].data() + words[0].size() || month < 1 || month > 12)
        error(number, "a [month] line is a month number 1-12, then its names");
      if (words.size() < 2) error(number, "a [month] line needs at least one name");
      for (std::size_t i = 1; i < words.size(); ++i) months_[fold_phrase(words[i])] = month;
      continue;
    }
    std::string folded = fold_phrase(line);
    if (kind == PhraseKind::agency) agencies_[folded] = std::string(line);
    if (kind == PhraseKind::chrome || kind == PhraseKind::related) {
      const std::string_view stripped = strip_trailing_noise(folded);
      if (!stripped.empty()) folded = std::string(stripped);
    }
    std::size_t& longest = longest_[static_cast<std::size_t>(kind)];
    longest = std::max(longest, folded.size());
    auto& firsts = first_code_points_[static_cast<std::size_t>(kind)];
    const char32_t first = first_code_point(folded);
    if (!std::binary_search(firsts.begin(), firsts.end(), first))
      firsts.insert(std::upper_bound(firsts.begin(), firsts.end(), first), first);
    first_words_[static_cast<std::size_t>(kind)].insert(folded.substr(0, folded.find(' ')));
    phrases_[static_cast<std::size_t>(kind)].insert(std::move(folded));
  }
  if (!header_seen) error(number == 0 ? 1 : number, "empty rules file: no 'docconv-news-rules 1'");
}

bool PhraseRules::is_whole(PhraseKind kind, std::string_view line) const {
  const auto& set = phrases_[static_cast<std::size_t>(kind)];
  if (set.empty() || line.size() > 4 * longest_[static_cast<std::size_t>(kind)] + 16 ||
      !may_start(kind, line))
    return false;
  // The line's first word (a counter or colon glued to it aside) must open a
  // phrase: most lines are out before the whole line is folded.
  const std::string_view trimmed = trim(line);
  std::size_t end = 0;
  while (end < trimmed.size() && end < 64 && trimmed[end] != ' ' && trimmed[end] != '\t') ++end;
  std::string first = fold_phrase(trimmed.substr(0, end));
  first.resize(std::min(first.size(), first.find(' ')));  // a space beyond ASCII
  const auto& first_words = first_words_[static_cast<std::size_t>(kind)];
  if (const std::string_view bare = strip_trailing_noise(first);
      !bare.empty() && first_words.count(first) == 0 && first_words.count(std::string(bare)) == 0)
    return false;
  return is_whole_folded(kind, fold_phrase(line));
}

bool PhraseRules::is_whole_folded(PhraseKind kind, std::string_view folded) const {
  const auto& set = phrases_[static_cast<std::size_t>(kind)];
  if (set.empty()) return false;
  std::string key(folded);
  if (set.count(key) != 0) return true;
  const std::string_view stripped = strip_trailing_noise(folded);
  if (stripped.empty() || stripped.size() == folded.size()) return false;
  key.resize(stripped.size());
  return set.count(key) != 0;
}

bool PhraseRules::may_start(PhraseKind kind, std::string_view line) const {
  std::size_t pos = 0;
  while (pos < line.size()) {
    const char32_t cp = next_code_point(line, pos);
    if (is_space(cp)) continue;
    const auto& firsts = first_code_points_[static_cast<std::size_t>(kind)];
    return std::binary_search(firsts.begin(), firsts.end(), fold_code_point(cp));
  }
  return false;
}

std::size_t PhraseRules::prefix_length(PhraseKind kind, std::string_view line) const {
  const auto& set = phrases_[static_cast<std::size_t>(kind)];
  // Most lines start with a letter no phrase of the kind starts with: out at once.
  if (set.empty() || !may_start(kind, line)) return 0;
  // Fold a bounded head of the line; a phrase can only end where a word ends
  // (or after punctuation), so only those cuts are looked up. Fixed buffers:
  // the reader asks this of every line several times.
  const std::size_t limit = std::min<std::size_t>(longest_[static_cast<std::size_t>(kind)], 200);
  std::array<char, 208> folded{};
  std::size_t size = 0;
  struct Cut {
    std::size_t folded_length;
    std::size_t source_end;
  };
  std::array<Cut, 48> cuts{};
  std::size_t cut_count = 0;
  bool space = false;
  bool first_word_known = false;
  const auto& first_words = first_words_[static_cast<std::size_t>(kind)];
  std::string key;
  std::size_t pos = 0;
  while (pos < line.size() && size < limit && cut_count < cuts.size()) {
    const char32_t cp = next_code_point(line, pos);
    if (is_space(cp)) {
      if (size > 0 && !first_word_known) {
        // The end of the line's first word: out unless a phrase may start so.
        for (std::size_t i = 0; i < cut_count && !first_word_known; ++i) {
          key.assign(folded.data(), cuts[i].folded_length);
          first_word_known = first_words.count(key) != 0;
        }
        if (!first_word_known) return 0;
      }
      space = size > 0;
      continue;
    }
    if (space) folded[size++] = ' ';
    space = false;
    size += encode_utf8(fold_code_point(cp), folded.data() + size);
    if (!is_word_character(cp) || word_boundary_at(line, pos)) cuts[cut_count++] = {size, pos};
  }
  for (std::size_t i = cut_count; i-- > 0;) {
    if (cuts[i].folded_length > limit) continue;
    key.assign(folded.data(), cuts[i].folded_length);
    if (set.count(key) != 0) return cuts[i].source_end;
  }
  return 0;
}

bool PhraseRules::has_word(PhraseKind kind, std::string_view line) const {
  const auto& set = phrases_[static_cast<std::size_t>(kind)];
  if (set.empty()) return false;
  std::size_t pos = 0;
  std::string word;
  while (pos <= line.size()) {
    char32_t cp = ' ';
    if (pos < line.size())
      cp = next_code_point(line, pos);
    else
      ++pos;
    if (is_word_character(cp)) {
      if (word.size() < 64) {
        std::array<char, 4> bytes{};
        word.append(bytes.data(), encode_utf8(fold_code_point(cp), bytes.data()));
      }
      continue;
    }
    if (!word.empty() && set.count(word) != 0) return true;
    word.clear();
  }
  return false;
}

std::string_view PhraseRules::agency(std::string_view text) const {
  const auto found = agencies_.find(fold_phrase(text));
  return found == agencies_.end() ? std::string_view{} : std::string_view(found->second);
}

int PhraseRules::month(std::string_view word) const {
  return month_folded(fold_phrase(word));
}

int PhraseRules::month_folded(std::string_view folded) const {
  while (!folded.empty() && folded.back() == '.') folded.remove_suffix(1);
  if (folded.empty() || folded.size() > 40) return 0;
  const auto found = months_.find(std::string(folded));
  return found == months_.end() ? 0 : found->second;
}

}  // namespace docconv::news_text
