// news-text: turning an input's bytes into clean UTF-8 text.
//
// Every problem found on the way is reported, never hidden: invalid byte
// sequences and characters XML cannot carry become U+FFFD, with one warning
// each saying where the first one was.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace docconv::news_text {

struct ByteOrderMark {
  std::string encoding;  ///< iconv name: "UTF-8", "UTF-16LE", ...
  std::size_t length = 0;
};

/// The byte order mark `bytes` starts with, if any (UTF-8, UTF-16, UTF-32).
std::optional<ByteOrderMark> detect_bom(std::string_view bytes);

/// "UTF-16LE" or "UTF-16BE" when BOM-less bytes look like UTF-16 text: NUL
/// bytes in at least 2 of 5 odd (LE) or even (BE) positions, almost none in
/// the others (what ASCII and Latin text look like in UTF-16). Else empty.
std::string detect_utf16_without_bom(std::string_view bytes);

/// True when `bytes` (without BOM) look like binary data rather than text:
/// more than 10% of the first 64 KiB are control bytes other than white space.
bool looks_binary(std::string_view bytes);

/// Counts of a UTF-8 scan: multi-byte sequences that are valid and invalid bytes.
struct Utf8Scan {
  std::size_t valid_multibyte = 0;
  std::size_t invalid = 0;
  std::size_t first_invalid_offset = 0;
};
Utf8Scan scan_utf8(std::string_view bytes);

/// The encoding of BOM-less bytes: UTF-16 by detect_utf16_without_bom(),
/// "UTF-8" when they are (mostly) UTF-8, otherwise uchardet's guess, with
/// ISO-8859-1 read as its superset WINDOWS-1252.
std::string detect_encoding(std::string_view bytes);
/// The same, when the caller has scan_utf8(bytes) already.
std::string detect_encoding(std::string_view bytes, const Utf8Scan& scan);

/// The result of a conversion to UTF-8 in which bad input became U+FFFD.
struct Conversion {
  std::string text;
  std::size_t replaced = 0;          ///< How many invalid sequences were replaced.
  std::size_t first_bad_offset = 0;  ///< Byte offset of the first, in the input.
};

/// `bytes` (UTF-8) with each invalid sequence replaced by U+FFFD.
Conversion repair_utf8(std::string_view bytes);

/// `bytes` in `encoding` (an iconv name) converted to UTF-8 with iconv.
/// Throws docconv::Error when iconv does not know the encoding.
Conversion convert_to_utf8(std::string_view bytes, const std::string& encoding);

/// Decoded UTF-8 after clean_text(): LF line ends only and nothing XML 1.0 forbids.
struct CleanText {
  std::string text;
  std::size_t replaced = 0;      ///< Characters replaced by U+FFFD (NUL, C0 controls, U+FFFE/F).
  std::size_t first_line = 0;    ///< 1-based line of the first replacement.
  std::size_t first_column = 0;  ///< 1-based column (in code points) of it.
};

/// Makes CRLF and lone CR into LF and replaces NUL, C0 controls other than
/// tab and LF, and U+FFFE/U+FFFF by U+FFFD.
CleanText clean_text(std::string_view utf8);

struct DecodedInput {
  std::string text;      ///< Valid, XML-safe UTF-8 with LF line ends.
  std::string encoding;  ///< What the bytes were read as.
  bool binary = false;   ///< The input is not text; `text` is empty.
  std::vector<std::string> warnings;
};

/// True when iconv can read text in the encoding called `name`.
bool is_known_encoding(const std::string& name);

/// Decodes an input: BOM, else `forced_encoding` (--encoding) when given, else detection.
DecodedInput decode_input(std::string_view bytes, std::string_view forced_encoding);

}  // namespace docconv::news_text
