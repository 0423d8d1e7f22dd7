// YAML front matter as Pandoc's yaml_metadata_block extension reads it.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace docconv::markdown {

/// `value` as a YAML double-quoted scalar: backslash, double quote and every
/// character YAML does not allow unescaped (controls, C1 controls, line and
/// paragraph separators, byte order mark) are escaped. Expects valid UTF-8.
std::string yaml_quoted(std::string_view value);

/// A YAML mapping written one key per line, in insertion order. Values are
/// strings (quoted), lists of strings, or nested mappings. Empty values are
/// left out, so that a reader never sees `title: ""`.
class YamlMap {
 public:
  YamlMap& add(std::string key, std::string value);
  YamlMap& add(std::string key, std::vector<std::string> values);
  YamlMap& add(std::string key, YamlMap map);
  bool empty() const { return entries_.empty(); }
  /// The mapping's lines, each indented by `indent` spaces.
  std::string lines(std::size_t indent = 0) const;

 private:
  std::vector<std::pair<std::string, std::string>>
      entries_;  // key, rendered value (with its newlines)
};

/// `map` between "---" lines.
std::string front_matter(const YamlMap& map);

}  // namespace docconv::markdown
