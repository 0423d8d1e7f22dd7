#include "utf8.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace docconv::news_text {

std::size_t length_in_code_points(std::string_view text) {
  // Every byte but a continuation byte (10xxxxxx) starts a code point. Eight
  // bytes are looked at in one go: the reader measures every line it reads.
  constexpr std::uint64_t top_bits = 0x8080808080808080;
  std::size_t count = 0;
  std::size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    std::uint64_t bytes = 0;
    std::memcpy(&bytes, text.data() + i, 8);
    if ((bytes & top_bits) == 0) {  // ASCII only
      count += 8;
      continue;
    }
    // Bit 7 of each continuation byte: bit 7 set and bit 6 (moved up) clear.
    const std::uint64_t continuation = bytes & ~(bytes << 1) & top_bits;
    count += 8 - count_marked_bytes(continuation);
  }
  for (; i < text.size(); ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0u) != 0x80u) ++count;
  return count;
}

std::string_view trim(std::string_view text) {
  std::size_t begin = 0;
  while (begin < text.size()) {
    std::size_t next = begin;
    if (!is_space(next_code_point(text, next))) break;
    begin = next;
  }
  std::size_t end = text.size();
  // The rules trim every line again and again: an ASCII letter, digit or
  // punctuation mark at the end needs no decoding to end the loop below.
  if (end > begin && static_cast<unsigned char>(text[end - 1]) > ' ' &&
      static_cast<unsigned char>(text[end - 1]) < 0x80)
    return text.substr(begin, end - begin);
  while (end > begin) {
    std::size_t start = end - 1;
    while (start > begin && (static_cast<unsigned char>(text[start]) & 0xC0u) == 0x80u) --start;
    std::size_t probe = start;
    if (!is_space(next_code_point(text, probe))) break;
    end = start;
  }
  return text.substr(begin, end - begin);
}

namespace {

// Calls visit(word) for each word; stops early when visit returns false.
template <class Visit>
void for_each_word(std::string_view text, Visit visit) {
  std::size_t pos = 0;
  std::size_t word_start = std::string_view::npos;
  while (pos < text.size()) {
    const std::size_t here = pos;
    const auto byte = static_cast<unsigned char>(text[pos]);
    // ASCII, most text, needs no decoding.
    const bool space = byte < 0x80 ? is_space(text[pos++]) : is_space(next_code_point(text, pos));
    if (space) {
      if (word_start != std::string_view::npos) {
        if (!visit(text.substr(word_start, here - word_start))) return;
        word_start = std::string_view::npos;
      }
    } else if (word_start == std::string_view::npos) {
      word_start = here;
    }
  }
  if (word_start != std::string_view::npos) visit(text.substr(word_start));
}

}  // namespace

std::vector<std::string_view> split_words(std::string_view text) {
  std::vector<std::string_view> words;
  for_each_word(text, [&](std::string_view word) {
    words.push_back(word);
    return true;
  });
  return words;
}

std::size_t count_words(std::string_view text) {
  return count_words_up_to(text, text.size());
}

// Counts where words start (a character that is not white space after one
// that is, or at the start); every rule and every unit asks it. Runs of
// ASCII without controls go eight bytes at a time.
std::size_t count_words_up_to(std::string_view text, std::size_t limit) {
  std::size_t count = 0;
  bool after_space = true;
  std::size_t pos = 0;
  while (pos < text.size() && count <= limit) {
    if (pos + 8 <= text.size()) {
      const std::uint64_t chunk = eight_bytes_at(text, pos);
      if (!any_byte_above_7f(chunk) && !any_byte_below(chunk, 0x20)) {
        const std::uint64_t spaces = ascii_bytes_equal(chunk, ' ');
        const std::uint64_t spaces_before = (spaces << 8) | (after_space ? 0x80u : 0u);
        count += count_marked_bytes(~spaces & spaces_before & every_byte_80);
        after_space = (spaces >> 63) != 0;
        pos += 8;
        continue;
      }
    }
    const bool space = is_space(next_code_point(text, pos));
    count += after_space && !space;
    after_space = space;
  }
  return std::min(count, limit + 1);
}

std::string_view first_word(std::string_view text) {
  std::string_view first;
  for_each_word(text, [&](std::string_view word) {
    first = word;
    return false;
  });
  return first;
}

std::string collapse_spaces(std::string_view text) {
  std::string out;
  for_each_word(text, [&](std::string_view word) {
    if (!out.empty()) out += ' ';
    out += word;
    return true;
  });
  return out;
}

char32_t first_word_character(std::string_view text) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    const char32_t cp = next_code_point(text, pos);
    if (is_word_character(cp)) return cp;
  }
  return 0;
}

std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

namespace {
char ascii_lower_char(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}
char ascii_upper_char(char c) {
  return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
}
}  // namespace

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (ascii_lower_char(a[i]) != ascii_lower_char(b[i])) return false;
  return true;
}

std::size_t ifind(std::string_view text, std::string_view needle) {
  if (needle.empty()) return 0;
  // Compare the whole needle only where its first character occurs, found
  // in either case with memchr (fast): the reader looks for phrases in every
  // line, and most positions fail at the first character.
  const char lower = ascii_lower_char(needle.front());
  const char upper = ascii_upper_char(needle.front());
  std::size_t next_lower = text.find(lower);
  std::size_t next_upper = upper == lower ? std::string_view::npos : text.find(upper);
  while (true) {
    const std::size_t at = std::min(next_lower, next_upper);
    if (at == std::string_view::npos || at + needle.size() > text.size())
      return std::string_view::npos;
    if (iequals(text.substr(at, needle.size()), needle)) return at;
    if (at == next_lower)
      next_lower = text.find(lower, at + 1);
    else
      next_upper = text.find(upper, at + 1);
  }
}

bool istarts_with(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && iequals(text.substr(0, prefix.size()), prefix);
}

std::size_t find_spaced(std::string_view text, std::string_view mark, std::size_t from) {
  for (std::size_t at = text.find(mark, from + 1); at != std::string_view::npos;
       at = text.find(mark, at + 1)) {
    const std::size_t end = at + mark.size();
    if (text[at - 1] == ' ' && end < text.size() && text[end] == ' ') return at - 1;
  }
  return std::string_view::npos;
}

}  // namespace docconv::news_text
