// news-text: small UTF-8 helpers for text the decoder already made valid.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace docconv::news_text {

/// The code point starting at `pos` (which is advanced past it). The text must
/// be valid UTF-8, as everything after decode_input() is.
char32_t next_code_point(std::string_view text, std::size_t& pos);

/// The first code point of `text` (0 when empty).
char32_t first_code_point(std::string_view text);

/// The last code point of `text` (0 when empty).
char32_t last_code_point(std::string_view text);

/// Writes the UTF-8 form of `cp` (1 to 4 bytes) at `out`; returns its length.
std::size_t encode_utf8(char32_t cp, char* out);

/// Appends the UTF-8 form of `cp`.
void append_utf8(std::string& out, char32_t cp);

/// Unicode White_Space (ASCII space and tab, NBSP, the U+2000 spaces, ...).
/// Inline: the reader asks it for almost every character of the text.
inline bool is_space(char32_t cp) {
  if (cp < 0x80) return cp == ' ' || (cp >= 0x09 && cp <= 0x0D);
  return cp == 0x85 || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) ||
         cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

/// How many bytes of `marks` have their top bit set, when no other bit is:
/// the bytes (then 0 or 1) are summed into the top byte by one multiply,
/// cheaper than std::popcount without a popcount instruction.
inline std::size_t count_marked_bytes(std::uint64_t marks) {
  return static_cast<std::size_t>(((marks >> 7) * 0x0101010101010101) >> 56);
}

/// Number of code points in `text`.
std::size_t length_in_code_points(std::string_view text);

/// `text` without leading and trailing white space.
std::string_view trim(std::string_view text);

/// The white-space separated words of `text`.
std::vector<std::string_view> split_words(std::string_view text);

/// Number of words, counted without building them.
std::size_t count_words(std::string_view text);
/// count_words(), but stops counting past `limit` (returns limit + 1 then):
/// the rules ask "at most N words?" of long paragraphs too.
std::size_t count_words_up_to(std::string_view text, std::size_t limit);

/// The first word of `text` (empty if none).
std::string_view first_word(std::string_view text);

/// `text` with every run of white space (NBSP included) made one ASCII space, trimmed.
std::string collapse_spaces(std::string_view text);

/// True for letters of scripts with case, when upper case (Latin, Greek, Cyrillic).
bool is_upper(char32_t cp);
bool is_lower(char32_t cp);

/// A letter or digit of any script (approximation: everything that is not
/// white space, ASCII punctuation, Latin-1 symbols or General Punctuation).
bool is_word_character(char32_t cp);

/// The first letter or digit of `text`, or 0.
char32_t first_word_character(std::string_view text);

/// ASCII lower-case copy (other bytes unchanged).
std::string ascii_lower(std::string_view text);

/// Case-insensitive (ASCII) equality.
bool iequals(std::string_view a, std::string_view b);

/// Position of `needle` in `text`, ignoring ASCII case; npos if absent.
std::size_t ifind(std::string_view text, std::string_view needle);

/// Where " MARK " (a space, `mark`, a space) starts in `text` at or after
/// `from`, or npos. Searches for the mark itself: a search for the leading
/// space would stop at every word.
std::size_t find_spaced(std::string_view text, std::string_view mark, std::size_t from = 0);

/// Case-insensitive (ASCII) prefix test.
bool istarts_with(std::string_view text, std::string_view prefix);

}  // namespace docconv::news_text
