// news-text: the phrase tables the reader's rules consult (site chrome,
// related-link labels, caption and credit labels, bylines, time stamps,
// agencies, month names), read from the rules format that ships compiled into
// the plugin (rules/default.rules) and that users extend with --rules FILE.
#pragma once

#include <array>
#include <bitset>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace docconv::news_text {

/// `text` folded for phrase matching: lower case (ASCII, Latin-1, Greek,
/// Cyrillic), white space runs made one space, trimmed.
std::string fold_phrase(std::string_view text);

/// A 64-bit hash of fold_phrase(text), without building it: the
/// key of a line in the input set's census.
std::uint64_t fold_hash(std::string_view text);

/// String sets and maps looked up by a string_view without copying it.
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const noexcept {
    return std::hash<std::string_view>{}(text);
  }
};
using StringSet = std::unordered_set<std::string, StringHash, std::equal_to<>>;
template <class Value>
using StringMap = std::unordered_map<std::string, Value, StringHash, std::equal_to<>>;

enum class PhraseKind {
  chrome,          ///< whole line
  chrome_start,    ///< line start
  related,         ///< label at line start
  caption,         ///< label at line start
  credit,          ///< label at line start
  byline,          ///< word(s) at line start
  byline_trailer,  ///< words at line start
  byline_role,     ///< words after a name
  timestamp,       ///< word(s) at line start
  relative_time,   ///< a word of "7 hours ago"
  time_unit,       ///< "hours", "Min."
  reading_time,    ///< "read", "Lesezeit"
  agency,          ///< as written (case kept for display)
  widget_word,     ///< a word anywhere in a short line: "newsletter", "Werbung"
  not_name,        ///< a word no person's name holds: "our", "zur", "read"
};
inline constexpr std::size_t phrase_kind_count = 15;

class PhraseRules {
 public:
  /// The tables compiled into the plugin.
  static const PhraseRules& defaults();

  /// Adds the rules of `text` (the rules format; `source` names it in errors).
  /// Throws docconv::Error "SOURCE:LINE: what is wrong" for a bad line.
  void add(std::string_view text, std::string_view source);

  /// The whole `line` is a phrase of `kind` (after folding; a trailing colon,
  /// counter or arrow is ignored).
  bool is_whole(PhraseKind kind, std::string_view line) const;
  /// is_whole() and month() for text already folded by fold_phrase(): the
  /// reader folds a word once and asks several tables.
  bool is_whole_folded(PhraseKind kind, std::string_view folded) const;
  int month_folded(std::string_view folded) const;
  /// Bytes of `line` taken by the longest phrase of `kind` it starts with
  /// (ending at a word boundary), or 0.
  std::size_t prefix_length(PhraseKind kind, std::string_view line) const;
  /// Whether one of the words of `line` (folded, without punctuation) is a
  /// phrase of `kind`.
  bool has_word(PhraseKind kind, std::string_view line) const;
  /// The agency named by `text` (exactly, ignoring case), as the table writes it; "" if none.
  std::string_view agency(std::string_view text) const;
  /// 1-12 for a month name or abbreviation in any known language (a trailing
  /// period ignored), else 0.
  int month(std::string_view word) const;

 private:
  std::array<StringSet, phrase_kind_count> phrases_;
  /// Whether a phrase of `kind` may start `line`: its first letter, folded.
  bool may_start(PhraseKind kind, std::string_view line) const;

  std::array<std::size_t, phrase_kind_count> longest_{};  // in folded bytes
  // Each phrase's first word, folded: a line whose first word is none of them
  // (nor a start of one at a punctuation mark) starts with no phrase.
  std::array<StringSet, phrase_kind_count> first_words_;
  // The folded first code point of every phrase of a kind, sorted; the ASCII
  // ones also as bits, the answer for most lines.
  std::array<std::vector<char32_t>, phrase_kind_count> first_code_points_{};
  std::array<std::bitset<128>, phrase_kind_count> ascii_firsts_{};
  StringMap<std::string> agencies_;  // folded -> as written
  StringMap<int> months_;
  bool month_section_ = false;  // while add() reads [month]
};

}  // namespace docconv::news_text
