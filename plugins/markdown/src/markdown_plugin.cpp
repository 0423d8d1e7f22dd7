// The markdown writer plugin: its description and export.
#include "markdown_writer.hpp"

#include <docconv/plugin_export.hpp>
#include <docconv/version.hpp>

namespace docconv::markdown {

class MarkdownPlugin final : public Plugin {
 public:
  PluginInfo info() const override {
    PluginInfo info;
    info.name = "markdown";
    info.kind = PluginKind::writer;
    info.version = version_string;
    info.description = "CommonMark with YAML front matter, escaped to read back as the same text";
    info.aliases = {"md", "commonmark"};
    info.extensions = {".md", ".markdown"};
    info.options = {
        {"wrap", "Wrap paragraphs at N characters (default: one line per paragraph)", false, "N"},
        {"keep-removed", "Keep text the reader removed, as HTML comments", true, ""},
    };
    info.binary_output = false;
    info.supports_split = true;
    return info;
  }
  std::unique_ptr<Writer> make_writer() const override {
    return std::make_unique<MarkdownWriter>();
  }
};

}  // namespace docconv::markdown

DOCCONV_PLUGIN(docconv::markdown::MarkdownPlugin)
