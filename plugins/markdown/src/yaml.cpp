#include "yaml.hpp"

#include <docconv/text.hpp>

#include <fmt/format.h>

#include <cstdint>

namespace docconv::markdown {
namespace {

// YAML 1.2 c-printable, minus the characters that YAML 1.1 readers take as
// line breaks (U+0085, U+2028, U+2029) and the byte order mark.
bool printable_as_is(char32_t cp) {
  if (cp == 0x09) return true;
  if (cp < 0x20 || cp == 0x7F) return false;
  if (cp >= 0x80 && cp <= 0x9F) return false;
  return cp != 0x2028 && cp != 0x2029 && cp != 0xFEFF && cp != 0xFFFE && cp != 0xFFFF;
}

}  // namespace

std::string yaml_quoted(std::string_view value) {
  std::string out = "\"";
  for (std::size_t i = 0; i < value.size();) {
    const std::size_t start = i;
    const char32_t cp = next_code_point(value, i);
    if (cp == '"' || cp == '\\') {
      out += '\\';
      out += static_cast<char>(cp);
    } else if (cp == '\n') {
      out += "\\n";
    } else if (cp == '\r') {
      out += "\\r";
    } else if (!printable_as_is(cp)) {
      out += cp <= 0xFF ? fmt::format("\\x{:02X}", static_cast<unsigned>(cp))
                        : fmt::format("\\u{:04X}", static_cast<unsigned>(cp));
    } else {
      out.append(value.substr(start, i - start));
    }
  }
  return out + '"';
}

YamlMap& YamlMap::add(std::string key, std::string value) {
  if (!value.empty()) entries_.emplace_back(std::move(key), " " + yaml_quoted(value) + "\n");
  return *this;
}

YamlMap& YamlMap::add(std::string key, std::vector<std::string> values) {
  std::string rendered = "\n";
  bool any = false;
  for (const auto& value : values) {
    if (value.empty()) continue;
    rendered += "  - " + yaml_quoted(value) + "\n";
    any = true;
  }
  if (any) entries_.emplace_back(std::move(key), std::move(rendered));
  return *this;
}

YamlMap& YamlMap::add(std::string key, YamlMap map) {
  if (!map.empty()) entries_.emplace_back(std::move(key), "\n" + map.lines(2));
  return *this;
}

std::string YamlMap::lines(std::size_t indent) const {
  const std::string margin(indent, ' ');
  std::string out;
  for (const auto& [key, value] : entries_) {
    out += margin + key + ":";
    // Nested lines already carry their own indentation relative to the key.
    std::size_t start = 0;
    while (start < value.size()) {
      const std::size_t end = value.find('\n', start);
      const std::string_view line(value.data() + start, end - start);
      out += start == 0 ? std::string(line) : margin + std::string(line);
      out += '\n';
      start = end + 1;
    }
  }
  return out;
}

std::string front_matter(const YamlMap& map) {
  return "---\n" + map.lines() + "---\n";
}

}  // namespace docconv::markdown
