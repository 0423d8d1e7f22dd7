// The markdown writer plugin: its description and export.
#include "markdown_writer.hpp"

#include <docconv/plugin_export.hpp>
#include <docconv/version.hpp>

namespace docconv::markdown {

class MarkdownPlugin final : public Plugin {
 public:
  void check_options(const OptionValues& values) const override { (void)Options::parse(values); }
  std::unique_ptr<Writer> make_writer() const override {
    return std::make_unique<MarkdownWriter>();
  }
};

}  // namespace docconv::markdown

DOCCONV_PLUGIN(docconv::markdown::MarkdownPlugin, R"json({
  "name": "markdown",
  "kind": "writer",
  "version": ")json" DOCCONV_VERSION R"json(",
  "description": "CommonMark with YAML front matter, escaped to read back as the same text",
  "aliases": ["md", "commonmark"],
  "extensions": [".md", ".markdown"],
  "supports_split": true,
  "options": [
    {"name": "wrap", "value_name": "N",
     "help": "Wrap paragraphs at N characters (default: one line per paragraph)"},
    {"name": "keep-removed", "flag": true,
     "help": "Keep text the reader removed, as HTML comments"}
  ]
})json")
