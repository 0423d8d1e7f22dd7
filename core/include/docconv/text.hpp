// docconv plugin SDK: text helpers that every writer needs the same way.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace docconv {

// ---- UTF-8 ----
// Inline: readers ask these of almost every character they read.

/// What starts at text[pos]: a well-formed UTF-8 sequence of `length` bytes,
/// or an ill-formed one whose `length` bytes (its maximal subpart, as in
/// Unicode 15 section 3.9 and the WHATWG decoder) become one U+FFFD. Strict:
/// overlong forms, surrogates and code points above U+10FFFF are ill-formed.
struct Utf8Sequence {
  std::size_t length;
  bool well_formed;
};

inline Utf8Sequence utf8_sequence_at(std::string_view text, std::size_t pos) {
  const auto lead = static_cast<unsigned char>(text[pos]);
  if (lead < 0x80) return {1, true};
  std::size_t length = 0;
  unsigned char low = 0x80, high = 0xBF;  // allowed range of the second byte (Table 3-7)
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;
    if (lead == 0xED) high = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;
    if (lead == 0xF4) high = 0x8F;
  } else {
    return {1, false};
  }
  std::size_t i = 1;
  for (; i < length && pos + i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[pos + i]);
    if (i == 1 ? (byte < low || byte > high) : (byte & 0xC0u) != 0x80u) return {i, false};
  }
  return {i, i == length};
}

/// The code point starting at text[pos]; `pos` moves past it. For
/// well-formed text (what xml_safe() returns and readers produce): on other
/// bytes it stays inside `text` but the value means nothing.
inline char32_t next_code_point(std::string_view text, std::size_t& pos) {
  const auto lead = static_cast<unsigned char>(text[pos]);
  if (lead < 0x80) {
    ++pos;
    return lead;
  }
  const std::size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
  if (pos + length > text.size()) {
    ++pos;
    return 0xFFFD;
  }
  char32_t cp = lead & (0x7Fu >> length);
  for (std::size_t i = 1; i < length; ++i)
    cp = (cp << 6) | (static_cast<unsigned char>(text[pos + i]) & 0x3Fu);
  pos += length;
  return cp;
}

/// The first code point of `text`, 0 when it is empty.
inline char32_t first_code_point(std::string_view text) {
  std::size_t pos = 0;
  return text.empty() ? 0 : next_code_point(text, pos);
}

/// `text` without its last code point (empty stays empty). For well-formed
/// text: it steps back over continuation bytes to the lead byte.
inline std::string_view without_last_code_point(std::string_view text) {
  if (text.empty()) return text;
  std::size_t start = text.size() - 1;
  while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0u) == 0x80u) --start;
  return text.substr(0, start);
}

/// The last code point of `text`, 0 when it is empty.
inline char32_t last_code_point(std::string_view text) {
  if (text.empty()) return 0;
  std::size_t start = without_last_code_point(text).size();
  return next_code_point(text, start);
}

/// Writes the UTF-8 form of `cp` (at most U+10FFFF) at `out`; returns its
/// length, 1 to 4 bytes.
inline std::size_t encode_utf8(char32_t cp, char* out) {
  if (cp < 0x80) {
    out[0] = static_cast<char>(cp);
    return 1;
  }
  const std::size_t length = cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  for (std::size_t i = length - 1; i > 0; --i, cp >>= 6)
    out[i] = static_cast<char>(0x80u | (cp & 0x3Fu));
  out[0] = static_cast<char>((0xF00u >> length) | cp);
  return length;
}

/// Appends the UTF-8 form of `cp` to `out`.
inline void append_utf8(std::string& out, char32_t cp) {
  char bytes[4];
  out.append(bytes, encode_utf8(cp, bytes));
}

// ---- XML ----

/// `c` folded for comparing words whatever their case: simple lower case of
/// Latin (with Latin-1 and Latin Extended-A: "ŁÓDŹ" is "Łódź"), Greek
/// (accents and final sigma dropped, as Greek capitals drop them: "ΑΘΗΝΑ" is
/// "Αθήνα") and Cyrillic ("Ґ" is "ґ"); other code points are their own.
char32_t fold_case(char32_t c);

/// `text` with every byte sequence that is not valid UTF-8, and every code
/// point that XML 1.0 does not allow (C0 controls except tab, LF, CR; U+FFFE,
/// U+FFFF; surrogates), replaced by U+FFFD. What comes out is safe to put in
/// any XML or HTML text node once the markup characters are escaped.
std::string xml_safe(std::string_view text);

/// True when xml_safe(text) == text.
bool is_xml_safe(std::string_view text);

/// xml_safe(text) with `&`, `<` and `>` escaped, and CR as `&#13;` (a parser
/// would read a bare CR as LF): ready for an XML or XHTML text node, for
/// writers that print markup themselves.
std::string escape_xml_text(std::string_view text);

/// escape_xml_text(text) with `"` escaped too, and tab, LF and CR as
/// character references, which attribute-value normalisation would
/// otherwise turn into spaces: ready to stand between double quotes.
std::string escape_xml_attribute(std::string_view text);

// ---- Words and dates ----

/// `text` with every run of ASCII white space (space, tab, CR, LF, VT, FF)
/// folded to one space and none at either end: text as a reader of HTML or
/// XML sees it.
std::string collapse_whitespace(std::string_view text);

/// `text` without ASCII white space (space, tab, CR, LF, VT, FF) at either end.
std::string_view trim(std::string_view text);

/// The non-empty `parts` joined with `separator` between them: ("Moscow",
/// "", "June 5") with ", " gives "Moscow, June 5".
std::string join(const std::vector<std::string>& parts, std::string_view separator);

/// The instant `seconds_since_epoch` (SOURCE_DATE_EPOCH) as a W3C / XML
/// Schema dateTime in UTC: "2017-07-14T02:40:00Z". Clamped to the years
/// 1970-9999, which every format that takes such a stamp can hold.
std::string utc_timestamp(std::int64_t seconds_since_epoch);

/// A lower-case ASCII slug of `title` for file names: letters and digits,
/// words joined by '-', at most `max_length` characters, cut at a word
/// boundary; "article" when nothing is left.
std::string slugify(std::string_view title, std::size_t max_length = 60);

/// The file name for article `number` (1-based) in --split outputs:
/// "0003-lavrov-there-are-no-threats.md". Stable across runs and never
/// contains a path separator.
std::string split_file_name(std::size_t number, std::string_view title, std::string_view extension);

/// "1 article", "5 articles": `count` and the English noun that fits it, for
/// messages to the user (a document's own text is in its language).
inline std::string counted(std::size_t count, std::string_view one, std::string_view many) {
  return std::to_string(count) + " " + std::string(count == 1 ? one : many);
}

/// `text` as a BCP 47 language tag ("en", "ru-RU", "zh-Hant-TW",
/// "x-house"), also when written as a POSIX locale ("ru_RU.UTF-8" gives
/// "ru-RU"); nothing when it is not one. The primary subtag is 2-3 letters
/// (ISO 639), or "x" for private use: the 5-8-letter form BCP 47 reserves is
/// never used and would let "POSIX" through. Later subtags are 1-8 letters or
/// digits. The one check of `--lang` and of every writer's language.
std::optional<std::string> language_tag(std::string_view text);

}  // namespace docconv
