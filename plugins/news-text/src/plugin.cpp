// news-text: the plugin object the host loads.
#include "probe.hpp"
#include "reader.hpp"

#include <docconv/plugin.hpp>
#include <docconv/plugin_export.hpp>
#include <docconv/version.hpp>

#include <memory>
#include <string>

namespace docconv::news_text {

class NewsTextPlugin : public Plugin {
 public:
  PluginInfo info() const override {
    PluginInfo info;
    info.name = "news-text";
    info.kind = PluginKind::reader;
    info.version = version_string;
    info.description = "Plain-text news article dumps (one article per file)";
    info.aliases = {"txt", "news", "text"};
    info.extensions = {".txt"};
    info.options = {
        OptionSpec{"encoding",
                   "Character encoding of text inputs (windows-1251, UTF-16LE, ...); detected "
                   "when not given",
                   false, "NAME"},
        OptionSpec{"text-layout",
                   "Paragraphs of text inputs: auto, lines (one per line) or wrapped (lines "
                   "between blank lines are one paragraph)",
                   false, "MODE"},
        OptionSpec{"no-title", "Text inputs: the first line is not a title (derive one)", true, ""},
        OptionSpec{"no-subheadings", "Text inputs: never make short lines subheadings", true, ""},
        OptionSpec{"keep-chrome", "Text inputs: keep site chrome lines in the body", true, ""},
        OptionSpec{"rules",
                   "Text inputs: phrase tables (chrome, related, credit, byline, agency, ...) "
                   "to add to the built-in ones; see docs/news-text.md",
                   false, "FILE"},
        OptionSpec{"max-lines",
                   "Text inputs: most lines read from one input (default: " +
                       std::to_string(ReaderOptions::default_max_lines) +
                       "); longer ones are refused. Each line costs about a kilobyte of memory",
                   false, "N"},
    };
    return info;
  }

  int probe(std::string_view head) const override { return probe_plain_text(head); }

  std::unique_ptr<Reader> make_reader() const override {
    return std::make_unique<NewsTextReader>();
  }
};

}  // namespace docconv::news_text

DOCCONV_PLUGIN(docconv::news_text::NewsTextPlugin)
