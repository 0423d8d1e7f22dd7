#include "decode.hpp"

#include "utf8.hpp"

#include <docconv/plugin.hpp>

#include <fmt/format.h>
#include <iconv.h>
#include <uchardet.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <memory>

namespace docconv::news_text {
namespace {

constexpr std::string_view replacement_character = "\xEF\xBF\xBD";

struct IconvHandle {
  iconv_t handle;
  explicit IconvHandle(const std::string& from) : handle(iconv_open("UTF-8", from.c_str())) {}
  ~IconvHandle() {
    if (handle != reinterpret_cast<iconv_t>(-1)) iconv_close(handle);
  }
  IconvHandle(const IconvHandle&) = delete;
  IconvHandle& operator=(const IconvHandle&) = delete;
  bool valid() const { return handle != reinterpret_cast<iconv_t>(-1); }
};

// Size of the code unit to skip over when iconv meets a bad sequence.
std::size_t code_unit_size(const std::string& encoding) {
  const std::string name = ascii_lower(encoding);
  if (name.starts_with("utf-16") || name.starts_with("utf16") || name.starts_with("ucs-2"))
    return 2;
  if (name.starts_with("utf-32") || name.starts_with("utf32") || name.starts_with("ucs-4"))
    return 4;
  return 1;
}

std::string guess_with_uchardet(std::string_view bytes) {
  // A few megabytes are plenty to recognise an encoding; the rest costs time only.
  const std::size_t sample = std::min<std::size_t>(bytes.size(), std::size_t{4} << 20);
  std::unique_ptr<std::remove_pointer_t<uchardet_t>, decltype(&uchardet_delete)> detector(
      uchardet_new(), &uchardet_delete);
  if (uchardet_handle_data(detector.get(), bytes.data(), sample) != 0) return {};
  uchardet_data_end(detector.get());
  return uchardet_get_charset(detector.get());
}

// Control bytes other than white space, as a table: looks_binary() adds up
// one entry for each byte of every input, without a branch.
constexpr std::array<std::uint8_t, 256> is_binary_control = [] {
  std::array<std::uint8_t, 256> table{};
  for (unsigned byte = 0; byte < 0x20; ++byte)
    table[byte] = byte != '\t' && byte != '\n' && byte != '\r' && byte != '\f';
  return table;
}();

// Bytes clean_text() must look at: line ends, C0 controls other than tab,
// and 0xEF, which starts U+FFFE and U+FFFF (and other characters). A table,
// since every byte of every input is looked up.
constexpr std::array<bool, 256> may_need_cleaning_table = [] {
  std::array<bool, 256> table{};
  for (unsigned byte = 0; byte < 0x20; ++byte) table[byte] = byte != '\t';
  table[0xEF] = true;
  return table;
}();

bool may_need_cleaning(unsigned char byte) {
  return may_need_cleaning_table[byte];
}

// True when `utf8` at `pos` holds U+FFFE or U+FFFF, noncharacters XML forbids.
bool is_noncharacter_at(std::string_view utf8, std::size_t pos) {
  return utf8.substr(pos, 2) == "\xEF\xBF" && pos + 2 < utf8.size() &&
         (utf8[pos + 2] == '\xBE' || utf8[pos + 2] == '\xBF');
}

// True when clean_text() would return `utf8` unchanged: no CR, no control
// character other than tab and LF, no U+FFFE or U+FFFF.
bool nothing_to_clean(std::string_view utf8) {
  std::size_t pos = 0;
  while (pos < utf8.size()) {
    // A flagged chunk (most often for a line end) is looked at byte by byte.
    std::size_t end = std::min(pos + 8, utf8.size());
    if (end == pos + 8) {
      const std::uint64_t chunk = eight_bytes_at(utf8, pos);
      if (!any_byte_below(chunk, 0x20) && !any_byte_equal(chunk, 0xEF)) {
        pos = end;
        continue;
      }
    }
    for (; pos < end; ++pos) {
      const auto byte = static_cast<unsigned char>(utf8[pos]);
      if (may_need_cleaning(byte) && byte != '\n' &&
          (byte != 0xEF || is_noncharacter_at(utf8, pos)))
        return false;
    }
  }
  return true;
}

std::string describe_where(std::size_t line, std::size_t column) {
  return fmt::format("line {}, column {}", line, column);
}

}  // namespace

std::optional<ByteOrderMark> detect_bom(std::string_view bytes) {
  if (bytes.starts_with("\xEF\xBB\xBF")) return ByteOrderMark{"UTF-8", 3};
  if (bytes.starts_with(std::string_view("\xFF\xFE\x00\x00", 4)))
    return ByteOrderMark{"UTF-32LE", 4};
  if (bytes.starts_with(std::string_view("\x00\x00\xFE\xFF", 4)))
    return ByteOrderMark{"UTF-32BE", 4};
  if (bytes.starts_with("\xFF\xFE")) return ByteOrderMark{"UTF-16LE", 2};
  if (bytes.starts_with("\xFE\xFF")) return ByteOrderMark{"UTF-16BE", 2};
  return std::nullopt;
}

std::string detect_utf16_without_bom(std::string_view bytes) {
  const std::string_view sample = bytes.substr(0, std::size_t{64} << 10);
  const std::size_t pairs = sample.size() / 2;
  if (pairs < 4) return {};
  std::size_t even_nul = 0, odd_nul = 0;
  std::size_t i = 0;
  while (i + 1 < sample.size()) {
    if (i + 8 <= sample.size() && !any_byte_equal(eight_bytes_at(sample, i), 0)) {
      i += 8;  // no NUL in these four pairs
      continue;
    }
    even_nul += sample[i] == '\0';
    odd_nul += sample[i + 1] == '\0';
    i += 2;
  }
  const auto mostly = [&](std::size_t count) { return count * 5 >= pairs * 2; };
  const auto hardly = [&](std::size_t count) { return count * 20 <= pairs; };
  if (mostly(odd_nul) && hardly(even_nul)) return "UTF-16LE";
  if (mostly(even_nul) && hardly(odd_nul)) return "UTF-16BE";
  return {};
}

bool looks_binary(std::string_view bytes) {
  const std::string_view sample = bytes.substr(0, std::size_t{64} << 10);
  if (sample.empty()) return false;
  std::size_t controls = 0;
  std::size_t i = 0;
  for (; i + 8 <= sample.size(); i += 8) {
    if (!any_byte_below(eight_bytes_at(sample, i), 0x20)) continue;  // no control byte here
    for (std::size_t k = i; k < i + 8; ++k)
      controls += is_binary_control[static_cast<unsigned char>(sample[k])];
  }
  for (; i < sample.size(); ++i)
    controls += is_binary_control[static_cast<unsigned char>(sample[i])];
  return controls * 10 > sample.size();
}

Utf8Scan scan_utf8(std::string_view bytes) {
  Utf8Scan scan;
  std::size_t pos = 0;
  while (pos < bytes.size()) {
    if (pos + 8 <= bytes.size() && !any_byte_above_7f(eight_bytes_at(bytes, pos))) {
      pos += 8;  // eight ASCII bytes
      continue;
    }
    if (static_cast<unsigned char>(bytes[pos]) < 0x80) {
      ++pos;
      continue;
    }
    const Utf8Sequence sequence = utf8_sequence_at(bytes, pos);
    if (sequence.well_formed) {
      ++scan.valid_multibyte;
    } else {
      if (scan.invalid == 0) scan.first_invalid_offset = pos;
      ++scan.invalid;
    }
    pos += sequence.length;
  }
  return scan;
}

std::string detect_encoding(std::string_view bytes) {
  return detect_encoding(bytes, scan_utf8(bytes));
}

std::string detect_encoding(std::string_view bytes, const Utf8Scan& scan) {
  // Legacy 8-bit text almost never forms valid multi-byte UTF-8 by chance, so
  // text with more valid sequences than bad ones is UTF-8 with some damage.
  if (scan.invalid == 0 || scan.valid_multibyte >= scan.invalid) return "UTF-8";
  const std::string guess = guess_with_uchardet(bytes);
  if (guess.empty() || guess == "ASCII" || guess == "UTF-8") return "UTF-8";
  if (guess == "ISO-8859-1") return "WINDOWS-1252";
  return guess;
}

Conversion repair_utf8(std::string_view bytes) {
  Conversion result;
  result.text.reserve(bytes.size());
  std::size_t pos = 0;
  while (pos < bytes.size()) {
    // Copy runs of valid text in one go; most inputs are one run.
    const std::size_t run_start = pos;
    while (pos < bytes.size()) {
      if (static_cast<unsigned char>(bytes[pos]) < 0x80) {  // ASCII: valid, nothing to check
        ++pos;
        continue;
      }
      const Utf8Sequence sequence = utf8_sequence_at(bytes, pos);
      if (!sequence.well_formed) break;
      pos += sequence.length;
    }
    result.text.append(bytes.substr(run_start, pos - run_start));
    if (pos < bytes.size()) {
      if (result.replaced == 0) result.first_bad_offset = pos;
      ++result.replaced;
      result.text += replacement_character;
      pos += utf8_sequence_at(bytes, pos).length;
    }
  }
  return result;
}

bool is_known_encoding(const std::string& name) {
  return IconvHandle(name).valid();
}

Conversion convert_to_utf8(std::string_view bytes, const std::string& encoding) {
  IconvHandle converter(encoding);
  if (!converter.valid()) throw Error(fmt::format("unknown encoding '{}'", encoding));
  const std::size_t skip = code_unit_size(encoding);
  Conversion result;
  std::string buffer(std::max<std::size_t>(4096, bytes.size() * 2), '\0');
  std::size_t written = 0;
  char* in = const_cast<char*>(bytes.data());  // iconv's signature; it does not write
  std::size_t in_left = bytes.size();
  while (true) {
    char* out = buffer.data() + written;
    std::size_t out_left = buffer.size() - written;
    const std::size_t status =
        iconv(converter.handle, in_left > 0 ? &in : nullptr, &in_left, &out, &out_left);
    written = buffer.size() - out_left;
    if (status != static_cast<std::size_t>(-1)) {
      if (in_left == 0) break;
      continue;
    }
    if (errno == E2BIG) {
      buffer.resize(buffer.size() * 2);
    } else if (errno == EILSEQ || errno == EINVAL) {
      if (result.replaced == 0) result.first_bad_offset = bytes.size() - in_left;
      ++result.replaced;
      const std::size_t step = std::min(skip, in_left);
      in += step;
      in_left -= step;
      if (buffer.size() - written < replacement_character.size()) buffer.resize(buffer.size() * 2);
      buffer.replace(written, replacement_character.size(), replacement_character);
      written += replacement_character.size();
      iconv(converter.handle, nullptr, nullptr, nullptr, nullptr);  // reset shift state
      if (in_left == 0) break;
    } else {
      throw Error(fmt::format("cannot convert from {}: {}", encoding, std::strerror(errno)));
    }
  }
  buffer.resize(written);
  result.text = std::move(buffer);
  return result;
}

CleanText clean_text(std::string_view utf8) {
  // Most text has nothing to clean: one quick look, then one copy.
  if (nothing_to_clean(utf8)) return CleanText{std::string(utf8)};
  CleanText result;
  result.text.reserve(utf8.size());
  std::size_t line = 1;
  std::size_t line_start = 0;  // byte offset in `utf8` where the current line starts
  const auto note_replacement = [&](std::size_t at) {
    if (result.replaced++ == 0) {
      result.first_line = line;
      result.first_column = length_in_code_points(utf8.substr(line_start, at - line_start)) + 1;
    }
    result.text += replacement_character;
  };
  std::size_t pos = 0;
  while (pos < utf8.size()) {
    // Copy what needs no cleaning in one go: almost all of the text.
    const std::size_t run_start = pos;
    while (pos < utf8.size() && !may_need_cleaning(static_cast<unsigned char>(utf8[pos]))) ++pos;
    result.text.append(utf8.substr(run_start, pos - run_start));
    if (pos == utf8.size()) break;
    const auto byte = static_cast<unsigned char>(utf8[pos]);
    if (byte == '\r' || byte == '\n') {
      result.text += '\n';
      pos += (byte == '\r' && pos + 1 < utf8.size() && utf8[pos + 1] == '\n') ? 2 : 1;
      ++line;
      line_start = pos;
    } else if (byte < 0x20 && byte != '\t') {
      note_replacement(pos);
      ++pos;
    } else if (byte == 0xEF && is_noncharacter_at(utf8, pos)) {
      note_replacement(pos);  // U+FFFE, U+FFFF: noncharacters XML forbids
      pos += 3;
    } else {
      result.text += static_cast<char>(byte);
      ++pos;
    }
  }
  return result;
}

DecodedInput decode_input(std::string_view bytes, std::string_view forced_encoding) {
  DecodedInput result;
  const std::optional<ByteOrderMark> bom = detect_bom(bytes);
  const std::size_t bom_length = bom ? bom->length : 0;
  const std::string_view body = bytes.substr(bom_length);
  // Most inputs are clean UTF-8 already: without a NUL or another control
  // byte they are neither UTF-16 nor binary, and valid UTF-8 is taken as is.
  if (!bom && forced_encoding.empty() && nothing_to_clean(bytes) && scan_utf8(bytes).invalid == 0) {
    result.encoding = "UTF-8";
    result.text = std::string(bytes);
    return result;
  }
  bool found_valid_utf8 = false;  // detection scanned the body and found it valid UTF-8
  if (bom) {
    result.encoding = bom->encoding;
  } else if (!forced_encoding.empty()) {
    result.encoding = std::string(forced_encoding);
  } else if (std::string utf16 = detect_utf16_without_bom(body); !utf16.empty()) {
    result.encoding = std::move(utf16);
  } else if (looks_binary(body)) {
    result.binary = true;
    return result;
  } else {
    const Utf8Scan scan = scan_utf8(body);
    result.encoding = detect_encoding(body, scan);
    found_valid_utf8 = scan.invalid == 0;
  }

  // Valid UTF-8 (most inputs) is cleaned as it is: repairing would only copy it.
  Conversion converted;
  if (!found_valid_utf8) {
    const bool utf8 = iequals(result.encoding, "UTF-8") || iequals(result.encoding, "UTF8");
    converted = utf8 ? repair_utf8(body) : convert_to_utf8(body, result.encoding);
  }
  if (converted.replaced > 0)
    result.warnings.push_back(fmt::format(
        "invalid {} byte sequence at byte offset {} replaced by U+FFFD ({} replaced in all)",
        result.encoding, converted.first_bad_offset + bom_length, converted.replaced));

  CleanText clean = clean_text(found_valid_utf8 ? body : std::string_view(converted.text));
  if (clean.replaced > 0)
    result.warnings.push_back(
        fmt::format("{} not allowed in XML (NUL or other control characters, U+FFFE, U+FFFF) "
                    "replaced by U+FFFD, the first at {}",
                    counted(clean.replaced, "character", "characters"),
                    describe_where(clean.first_line, clean.first_column)));
  result.text = std::move(clean.text);
  return result;
}

}  // namespace docconv::news_text
