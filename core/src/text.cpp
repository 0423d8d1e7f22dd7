#include <docconv/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstring>
#include <vector>

namespace docconv {
namespace {

constexpr std::string_view replacement = "\xEF\xBF\xBD";

bool allowed_in_xml(char32_t cp) {
  if (cp < 0x20) return cp == 0x09 || cp == 0x0A || cp == 0x0D;
  if (cp >= 0xD800 && cp <= 0xDFFF) return false;
  return cp != 0xFFFE && cp != 0xFFFF && cp <= 0x10FFFF;
}

// Length of the longest prefix of `text` that xml_safe() leaves as it is.
// Writers pass every text node through xml_safe(), and nearly all text is
// already safe and mostly ASCII: ASCII bytes are checked without decoding.
std::size_t safe_prefix_length(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    // Eight bytes at a time while all are printable ASCII: no byte has its
    // high bit set, and none is below 0x20 (subtracting 0x20 from each byte
    // sets the high bit of exactly those that are, or borrows from them).
    constexpr std::uint64_t ones = 0x0101010101010101, highs = 0x8080808080808080;
    for (std::uint64_t word; i + 8 <= text.size(); i += 8) {
      std::memcpy(&word, text.data() + i, 8);
      if (((word | (word - 0x20 * ones)) & highs) != 0) break;
    }
    if (i == text.size()) break;
    const auto byte = static_cast<std::uint8_t>(text[i]);
    if (byte >= 0x20 && byte < 0x80) {
      ++i;
      continue;
    }
    if (!utf8_sequence_at(text, i).well_formed) return i;
    std::size_t next = i;
    if (!allowed_in_xml(next_code_point(text, next))) return i;
    i = next;
  }
  return i;
}

}  // namespace

std::string xml_safe(std::string_view text) {
  const std::size_t safe = safe_prefix_length(text);
  std::string out(text.substr(0, safe));
  if (safe == text.size()) return out;
  out.reserve(text.size());
  for (std::size_t i = safe; i < text.size();) {
    const Utf8Sequence sequence = utf8_sequence_at(text, i);
    std::size_t next = i;
    if (sequence.well_formed && allowed_in_xml(next_code_point(text, next)))
      out.append(text.substr(i, sequence.length));
    else
      out += replacement;
    i += sequence.length;
  }
  return out;
}

namespace {

std::string escape_xml(std::string_view text, bool attribute) {
  std::string safe = xml_safe(text);
  std::string out;
  out.reserve(safe.size() + safe.size() / 8);
  for (const char c : safe) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += attribute ? "&quot;" : "\"";
        break;
      case '\t':
        out += attribute ? "&#9;" : "\t";
        break;
      case '\n':
        out += attribute ? "&#10;" : "\n";
        break;
      case '\r':
        out += "&#13;";
        break;  // an XML parser would read a bare CR as LF
      default:
        out += c;
    }
  }
  return out;
}

}  // namespace

std::string escape_xml_text(std::string_view text) {
  return escape_xml(text, false);
}

std::string escape_xml_attribute(std::string_view text) {
  return escape_xml(text, true);
}

bool is_xml_safe(std::string_view text) {
  return safe_prefix_length(text) == text.size();
}

std::string collapse_whitespace(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (const char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out += c;
  }
  return out;
}

std::string slugify(std::string_view title, std::size_t max_length) {
  std::string slug;
  bool pending_dash = false;
  for (const char c : title) {
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (!alnum) {
      pending_dash = !slug.empty();
      continue;
    }
    if (pending_dash) {
      if (slug.size() + 2 > max_length) break;  // the next word would not fit whole
      slug += '-';
      pending_dash = false;
    }
    if (slug.size() + 1 > max_length) {
      const auto last_dash = slug.rfind('-');
      if (last_dash != std::string::npos) slug.resize(last_dash);
      break;
    }
    slug += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  return slug.empty() ? std::string("article") : slug;
}

std::string split_file_name(std::size_t number, std::string_view title,
                            std::string_view extension) {
  return fmt::format("{:04}-{}{}", number, slugify(title), extension);
}

namespace {

bool is_ascii_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool is_ascii_alnum(char c) {
  return is_ascii_alpha(c) || (c >= '0' && c <= '9');
}

bool is_primary_subtag(std::string_view subtag) {
  const bool private_use = subtag == "x" || subtag == "X";
  return private_use || (subtag.size() >= 2 && subtag.size() <= 3 &&
                         std::all_of(subtag.begin(), subtag.end(), is_ascii_alpha));
}

bool is_later_subtag(std::string_view subtag) {
  return !subtag.empty() && subtag.size() <= 8 &&
         std::all_of(subtag.begin(), subtag.end(), is_ascii_alnum);
}

}  // namespace

std::optional<std::string> language_tag(std::string_view text) {
  // POSIX locales: language_TERRITORY.codeset@modifier
  text = text.substr(0, text.find_first_of(".@"));
  std::string tag(text);
  std::replace(tag.begin(), tag.end(), '_', '-');
  std::vector<std::string_view> subtags;
  for (std::string_view rest = tag;;) {
    const std::size_t dash = rest.find('-');
    subtags.push_back(rest.substr(0, dash));
    if (dash == std::string_view::npos) break;
    rest.remove_prefix(dash + 1);
  }
  if (!is_primary_subtag(subtags[0])) return std::nullopt;
  // After a one-letter subtag (a singleton: an extension, or "x" for private
  // use) at least one more must follow, of 2-8 characters for an extension.
  bool private_use = subtags[0].size() == 1;
  for (std::size_t i = 1; i < subtags.size(); ++i) {
    if (!is_later_subtag(subtags[i])) return std::nullopt;
    if (private_use || subtags[i].size() > 1) continue;
    const bool last = i + 1 == subtags.size();
    if (last || (subtags[i] != "x" && subtags[i] != "X" && subtags[i + 1].size() < 2))
      return std::nullopt;
    private_use = subtags[i] == "x" || subtags[i] == "X";
  }
  if (private_use && subtags.size() == 1) return std::nullopt;  // "x" alone
  return tag;
}

std::string_view trim(std::string_view text) {
  constexpr std::string_view space = " \t\n\r\v\f";
  const auto first = text.find_first_not_of(space);
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(space) + 1 - first);
}

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (const auto& part : parts) {
    if (part.empty()) continue;
    if (!out.empty()) out += separator;
    out += part;
  }
  return out;
}

std::string utc_timestamp(std::int64_t seconds_since_epoch) {
  const std::int64_t seconds =
      std::clamp<std::int64_t>(seconds_since_epoch, 0, 253402300799);  // 1970 to 9999
  const std::chrono::sys_seconds instant{std::chrono::seconds{seconds}};
  const auto day = std::chrono::floor<std::chrono::days>(instant);
  const std::chrono::year_month_day date{day};
  const std::chrono::hh_mm_ss time{instant - day};
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", static_cast<int>(date.year()),
                     static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                     time.hours().count(), time.minutes().count(), time.seconds().count());
}

char32_t fold_case(char32_t c) {
  if (c >= U'A' && c <= U'Z') return c + 0x20;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 0x20;
  // Latin Extended-A pairs upper case first at even code points, except
  // from U+0139 to U+0148 and U+0179 to U+017E, where it is at odd ones.
  if (c >= 0x100 && c <= 0x17F) {
    if (c == 0x178) return 0xFF;             // Ÿ
    if (c == 0x130) return U'i';             // İ (Turkish dotted capital I)
    if (c == 0x131 || c == 0x138) return c;  // ı, ĸ: lower case without a pair
    const bool odd_pairs = (c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E);
    return (c % 2 == 1) == odd_pairs ? c + 1 : c;
  }
  switch (c) {  // Greek with tonos, and final sigma
    case 0x386:
    case 0x3AC:
      return 0x3B1;  // Ά ά -> α
    case 0x388:
    case 0x3AD:
      return 0x3B5;  // Έ έ -> ε
    case 0x389:
    case 0x3AE:
      return 0x3B7;  // Ή ή -> η
    case 0x38A:
    case 0x3AF:
      return 0x3B9;  // Ί ί -> ι
    case 0x38C:
    case 0x3CC:
      return 0x3BF;  // Ό ό -> ο
    case 0x38E:
    case 0x3CD:
      return 0x3C5;  // Ύ ύ -> υ
    case 0x38F:
    case 0x3CE:
      return 0x3C9;  // Ώ ώ -> ω
    case 0x3C2:
      return 0x3C3;  // ς -> σ
    default:
      break;
  }
  if ((c >= 0x391 && c <= 0x3AB && c != 0x3A2) || (c >= 0x410 && c <= 0x42F)) return c + 0x20;
  if (c >= 0x400 && c <= 0x40F) return c + 0x50;             // Ѐ..Џ
  if (c >= 0x460 && c <= 0x4BF && c % 2 == 0) return c + 1;  // Ѡ.., Ґ, Ғ, Қ, Ң, Ү, Һ
  return c;
}

}  // namespace docconv
