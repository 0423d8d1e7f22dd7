// news-text: small UTF-8 helpers for text the decoder already made valid.
#pragma once

#include <docconv/text.hpp>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace docconv::news_text {

// The UTF-8 helpers of the SDK, by their short names: the rules below and
// the reader's files use them on almost every character.
using docconv::append_utf8;
using docconv::encode_utf8;
using docconv::first_code_point;
using docconv::last_code_point;
using docconv::next_code_point;
using docconv::without_last_code_point;

/// Unicode White_Space (ASCII space and tab, NBSP, the U+2000 spaces, ...).
/// Inline: the reader asks it for almost every character of the text.
inline bool is_space(char32_t cp) {
  if (cp < 0x80) return cp == ' ' || (cp >= 0x09 && cp <= 0x0D);
  return cp == 0x85 || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) ||
         cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

// ---- Eight bytes at a time ----
// The scans over every byte of an input (decoding, folding, counting words)
// see almost only 8-byte chunks of plain ASCII text with nothing to change.
// These word-at-a-time tests (hasless and haszero of "Bit Twiddling Hacks")
// say so for 8 bytes in a few instructions; a chunk they flag is then looked
// at byte by byte.
inline constexpr std::uint64_t every_byte_1 = 0x0101010101010101;
inline constexpr std::uint64_t every_byte_7f = 0x7F7F7F7F7F7F7F7F;
inline constexpr std::uint64_t every_byte_80 = 0x8080808080808080;

inline std::uint64_t eight_bytes_at(std::string_view bytes, std::size_t pos) {
  std::uint64_t chunk = 0;
  std::memcpy(&chunk, bytes.data() + pos, sizeof chunk);
  return chunk;
}

/// True when some byte of `chunk` is below `limit` (at most 0x80).
inline bool any_byte_below(std::uint64_t chunk, unsigned limit) {
  return ((chunk - every_byte_1 * limit) & ~chunk & every_byte_80) != 0;
}

inline bool any_byte_above_7f(std::uint64_t chunk) {
  return (chunk & every_byte_80) != 0;
}

inline bool any_byte_equal(std::uint64_t chunk, unsigned char value) {
  return any_byte_below(chunk ^ (every_byte_1 * value), 1);
}

/// Bit 7 set in exactly the bytes of an ASCII `chunk` equal to `value`.
inline std::uint64_t ascii_bytes_equal(std::uint64_t chunk, unsigned char value) {
  const std::uint64_t differ = chunk ^ (every_byte_1 * value);
  return ~(((differ & every_byte_7f) + every_byte_7f) | differ) & every_byte_80;
}

/// An ASCII `chunk` with its capitals A-Z in lower case.
inline std::uint64_t ascii_lower_case(std::uint64_t chunk) {
  const std::uint64_t at_least_a = chunk + every_byte_1 * (0x80 - 'A');
  const std::uint64_t above_z = chunk + every_byte_1 * (0x80 - 'Z' - 1);
  return chunk | (((at_least_a & ~above_z) & every_byte_80) >> 2);
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
inline bool is_upper(char32_t cp) {
  return (cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) ||
         (cp >= 0x391 && cp <= 0x3A9) || (cp >= 0x400 && cp <= 0x42F);
}
inline bool is_lower(char32_t cp) {
  return (cp >= 'a' && cp <= 'z') || (cp >= 0xDF && cp <= 0xFF && cp != 0xF7) ||
         (cp >= 0x3B1 && cp <= 0x3C9) || (cp >= 0x430 && cp <= 0x45F);
}

/// A letter or digit of any script (approximation: everything that is not
/// white space, ASCII punctuation, Latin-1 symbols or General Punctuation).
inline bool is_word_character(char32_t cp) {
  if (cp < 0x80)
    return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  if (is_space(cp)) return false;
  if (cp <= 0xBF) return false;  // C1 controls, Latin-1 symbols (©, «, »)
  if (cp == 0xD7 || cp == 0xF7) return false;
  if (cp >= 0x2000 && cp <= 0x206F) return false;  // General Punctuation (dashes, quotes, …)
  if (cp >= 0x2190 && cp <= 0x2BFF) return false;  // arrows, math, boxes, shapes
  if (cp >= 0x3000 && cp <= 0x303F) return false;  // CJK punctuation
  if (cp == 0xFFFD || cp == 0xFEFF) return false;
  return true;
}

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
