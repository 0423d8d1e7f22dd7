// Test helper: encodes UTF-8 test text into the legacy and UTF-16 byte forms
// the decoder must read, so that test inputs are made inside the tests.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

namespace docconv::news_text::test {

inline std::u32string to_code_points(std::string_view utf8) {
  std::u32string out;
  for (std::size_t i = 0; i < utf8.size();) {
    const auto lead = static_cast<unsigned char>(utf8[i]);
    const std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    char32_t cp = length == 1   ? lead
                  : length == 2 ? lead & 0x1F
                  : length == 3 ? lead & 0x0F
                                : lead & 0x07;
    for (std::size_t k = 1; k < length; ++k)
      cp = (cp << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3F);
    out += cp;
    i += length;
  }
  return out;
}

/// windows-1251 bytes of Cyrillic/ASCII text (and a few punctuation marks).
inline std::string to_windows_1251(std::string_view utf8) {
  std::string out;
  for (const char32_t cp : to_code_points(utf8)) {
    if (cp < 0x80)
      out += static_cast<char>(cp);
    else if (cp >= 0x410 && cp <= 0x44F)
      out += static_cast<char>(0xC0 + (cp - 0x410));
    else if (cp == 0x401)
      out += '\xA8';
    else if (cp == 0x451)
      out += '\xB8';
    else if (cp == 0x2014)
      out += '\x97';
    else if (cp == 0xAB)
      out += '\xAB';
    else if (cp == 0xBB)
      out += '\xBB';
    else
      throw std::invalid_argument("not in the test's windows-1251 table");
  }
  return out;
}

/// windows-1252 bytes of Western European text.
inline std::string to_windows_1252(std::string_view utf8) {
  std::string out;
  for (const char32_t cp : to_code_points(utf8)) {
    if (cp < 0x80 || (cp >= 0xA0 && cp <= 0xFF))
      out += static_cast<char>(cp);
    else if (cp == 0x201C)
      out += '\x93';
    else if (cp == 0x201D)
      out += '\x94';
    else if (cp == 0x2018)
      out += '\x91';
    else if (cp == 0x2019)
      out += '\x92';
    else if (cp == 0x2013)
      out += '\x96';
    else if (cp == 0x2014)
      out += '\x97';
    else if (cp == 0x20AC)
      out += '\x80';
    else
      throw std::invalid_argument("not in the test's windows-1252 table");
  }
  return out;
}

/// UTF-16 with a byte order mark.
inline std::string to_utf16(std::string_view utf8, bool big_endian) {
  std::string out;
  const auto unit = [&](char16_t u) {
    const char high = static_cast<char>(u >> 8), low = static_cast<char>(u & 0xFF);
    out += big_endian ? high : low;
    out += big_endian ? low : high;
  };
  unit(0xFEFF);
  for (const char32_t cp : to_code_points(utf8)) {
    if (cp < 0x10000) {
      unit(static_cast<char16_t>(cp));
    } else {
      unit(static_cast<char16_t>(0xD800 + ((cp - 0x10000) >> 10)));
      unit(static_cast<char16_t>(0xDC00 + ((cp - 0x10000) & 0x3FF)));
    }
  }
  return out;
}

}  // namespace docconv::news_text::test
