#include "phrase_rules.hpp"

#include "utf8.hpp"

#include <docconv/plugin.hpp>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstring>

namespace docconv::news_text {

extern const char* const default_rules_text;  // generated from rules/default.rules

namespace {

char32_t fold_code_point(char32_t cp) {
  if (cp == 0x2019) return '\'';  // a typographic apostrophe matches a plain one
  return fold_case(cp);
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
    folded = without_last_code_point(folded);
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

}  // namespace

namespace {

// Whether `chunk`, eight bytes of ASCII text without controls, tabs or line
// ends, folds to itself in lower case: spaces alone (no run of them), and the
// byte after it (`next`) no white space when the chunk ends with a space.
inline bool folds_as_lower_case(std::uint64_t chunk, unsigned char next) {
  const std::uint64_t spaces = ascii_bytes_equal(chunk, ' ');
  return (spaces & (spaces << 8)) == 0 && ((spaces >> 56) == 0 || (next > ' ' && next < 0x80));
}

// Folds `text` (see fold_phrase()) into `put` (a byte) and `put8` (eight
// bytes, first byte lowest). Both the census and the phrase tables fold most
// lines of every page: plain ASCII runs go eight bytes at a time.
template <class Put, class Put8>
void fold_into(std::string_view text, Put put, Put8 put8) {
  bool space = false, any = false;
  std::size_t end = text.size();
  while (end > 0 && (text[end - 1] == ' ' || (text[end - 1] >= '\t' && text[end - 1] <= '\r')))
    --end;
  std::size_t pos = 0;
  std::size_t bytewise_until = 0;  // after a chunk that does not fold as is
  while (pos < end) {
    // Eight bytes at once where they fold to themselves in lower case (not
    // while a space is pending: a run of white space becomes one space).
    if (!space && pos >= bytewise_until && pos + 8 <= end) {
      const std::uint64_t chunk = eight_bytes_at(text, pos);
      if (any_byte_above_7f(chunk) || any_byte_below(chunk, 0x20)) {
        bytewise_until = pos + 8;
      } else if (folds_as_lower_case(chunk, pos + 8 < end ? text[pos + 8] : 'a') &&
                 (any || (chunk & 0xFF) != ' ')) {
        put8(ascii_lower_case(chunk));
        pos += 8;
        any = true;
        continue;
      }
    }
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

// A 64-bit hash of a byte stream taken eight bytes at a time (one multiply
// per eight bytes), whichever way the bytes arrive.
class StreamHash {
 public:
  void add(unsigned char byte) {
    pending_ |= std::uint64_t{byte} << (8 * pending_size_);
    if (++pending_size_ == 8) flush();
  }
  void add8(std::uint64_t bytes) {
    if (pending_size_ == 0) {
      mix(bytes);
      return;
    }
    mix(pending_ | (bytes << (8 * pending_size_)));
    pending_ = bytes >> (64 - 8 * pending_size_);
  }
  std::uint64_t finish() {
    mix(pending_ ^ (std::uint64_t{pending_size_} << 60));
    mix(length_);
    return hash_;
  }

 private:
  void flush() {
    mix(pending_);
    pending_ = 0;
    pending_size_ = 0;
  }
  void mix(std::uint64_t word) {
    hash_ = (hash_ ^ word) * 0x9E3779B97F4A7C15ULL;
    hash_ ^= hash_ >> 29;
    length_ += 8;
  }
  std::uint64_t hash_ = 0xCBF29CE484222325ULL;
  std::uint64_t pending_ = 0;
  unsigned pending_size_ = 0;
  std::uint64_t length_ = 0;
};

}  // namespace

std::string fold_phrase(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  fold_into(
      text, [&](char c) { out += c; },
      [&](std::uint64_t bytes) {
        char chars[8];
        std::memcpy(chars, &bytes, sizeof chars);
        out.append(chars, sizeof chars);
      });
  return out;
}

std::uint64_t fold_hash(std::string_view text) {
  StreamHash hash;
  fold_into(
      text, [&](char c) { hash.add(static_cast<unsigned char>(c)); },
      [&](std::uint64_t bytes) { hash.add8(bytes); });
  return hash.finish();
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
    if (first < 0x80) ascii_firsts_[static_cast<std::size_t>(kind)].set(first);
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
  const std::string folded_first = fold_phrase(trimmed.substr(0, end));
  // A space beyond ASCII (NBSP) ends the word too.
  const std::string_view first = std::string_view(folded_first).substr(0, folded_first.find(' '));
  const auto& first_words = first_words_[static_cast<std::size_t>(kind)];
  if (const std::string_view bare = strip_trailing_noise(first);
      !bare.empty() && first_words.count(first) == 0 && first_words.count(bare) == 0)
    return false;
  return is_whole_folded(kind, fold_phrase(line));
}

bool PhraseRules::is_whole_folded(PhraseKind kind, std::string_view folded) const {
  const auto& set = phrases_[static_cast<std::size_t>(kind)];
  if (set.empty()) return false;
  if (set.count(folded) != 0) return true;
  const std::string_view stripped = strip_trailing_noise(folded);
  if (stripped.empty() || stripped.size() == folded.size()) return false;
  return set.count(stripped) != 0;
}

bool PhraseRules::may_start(PhraseKind kind, std::string_view line) const {
  std::size_t pos = 0;
  while (pos < line.size()) {
    const char32_t cp = next_code_point(line, pos);
    if (is_space(cp)) continue;
    const char32_t folded = fold_code_point(cp);
    if (folded < 0x80) return ascii_firsts_[static_cast<std::size_t>(kind)].test(folded);
    const auto& firsts = first_code_points_[static_cast<std::size_t>(kind)];
    return std::binary_search(firsts.begin(), firsts.end(), folded);
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
  // Not value-initialised: only what is written is read, and zeroing both
  // arrays cost more than the rest for most lines.
  std::array<char, 208> folded;
  std::size_t size = 0;
  struct Cut {
    std::size_t folded_length;
    std::size_t source_end;
  };
  std::array<Cut, 48> cuts;
  std::size_t cut_count = 0;
  bool space = false;
  bool first_word_known = false;
  const auto& first_words = first_words_[static_cast<std::size_t>(kind)];
  // A phrase may end after a code point when a white space, a non-word
  // character or a capital glued to a lower-case letter ("Lire aussiAu")
  // follows, or where the line ends: decided as the next code point is read.
  char32_t previous = 0;
  std::size_t previous_end = 0;
  const auto cut_before = [&](char32_t next) {
    return previous != 0 && (!is_word_character(previous) || !is_word_character(next) ||
                             (is_lower(previous) && is_upper(next)));
  };
  std::size_t pos = 0;
  while (pos < line.size() && size < limit && cut_count < cuts.size()) {
    const char32_t cp = next_code_point(line, pos);
    if (is_space(cp)) {
      if (previous != 0) cuts[cut_count++] = {size, previous_end};
      previous = 0;
      if (size > 0 && !first_word_known) {
        // The end of the line's first word: out unless a phrase may start so.
        for (std::size_t i = 0; i < cut_count && !first_word_known; ++i)
          first_word_known =
              first_words.count(std::string_view(folded.data(), cuts[i].folded_length)) != 0;
        if (!first_word_known) return 0;
      }
      space = size > 0;
      continue;
    }
    if (cut_before(cp)) cuts[cut_count++] = {size, previous_end};
    if (cut_count == cuts.size()) break;
    if (space) folded[size++] = ' ';
    space = false;
    if (cp < 0x80)
      folded[size++] = static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp + 0x20 : cp);
    else
      size += encode_utf8(fold_code_point(cp), folded.data() + size);
    previous = cp;
    previous_end = pos;
  }
  if (previous != 0 && cut_count < cuts.size()) {
    std::size_t peek = pos;
    const char32_t next = pos < line.size() ? next_code_point(line, peek) : U' ';
    if (is_space(next) || cut_before(next)) cuts[cut_count++] = {size, previous_end};
  }
  for (std::size_t i = cut_count; i-- > 0;) {
    if (cuts[i].folded_length > limit) continue;
    if (set.count(std::string_view(folded.data(), cuts[i].folded_length)) != 0)
      return cuts[i].source_end;
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
  const auto found = months_.find(folded);
  return found == months_.end() ? 0 : found->second;
}

}  // namespace docconv::news_text
