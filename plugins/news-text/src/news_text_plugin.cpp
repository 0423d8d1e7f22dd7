// news-text: the plugin object the host loads.
#include "probe.hpp"
#include "reader.hpp"

#include <docconv/plugin.hpp>
#include <docconv/plugin_export.hpp>
#include <docconv/version.hpp>

#include <memory>

namespace docconv::news_text {

class NewsTextPlugin : public Plugin {
 public:
  void check_options(const OptionValues& values) const override { check_reader_options(values); }

  int probe(std::string_view head) const override { return probe_plain_text(head); }

  std::unique_ptr<Reader> make_reader() const override {
    return std::make_unique<NewsTextReader>();
  }
};

}  // namespace docconv::news_text

static_assert(docconv::news_text::ReaderOptions::default_max_lines == 100000,
              "the --max-lines help below states the default");

DOCCONV_PLUGIN(docconv::news_text::NewsTextPlugin, R"json({
  "name": "news-text",
  "kind": "reader",
  "version": ")json" DOCCONV_VERSION R"json(",
  "description": "Plain-text news article dumps (one article per file)",
  "aliases": ["txt", "news", "text"],
  "extensions": [".txt"],
  "options": [
    {"name": "encoding", "value_name": "NAME",
     "help": "Character encoding of text inputs (windows-1251, UTF-16LE, ...); detected when not given"},
    {"name": "text-layout", "value_name": "MODE", "choices": ["auto", "lines", "wrapped"],
     "help": "Paragraphs of text inputs: auto, lines (one per line) or wrapped (lines between blank lines are one paragraph)"},
    {"name": "no-title", "flag": true,
     "help": "Text inputs: the first line is not a title (derive one)"},
    {"name": "no-subheadings", "flag": true,
     "help": "Text inputs: never make short lines subheadings"},
    {"name": "keep-chrome", "flag": true,
     "help": "Text inputs: keep site chrome lines in the body"},
    {"name": "rules", "value_name": "FILE",
     "help": "Text inputs: phrase tables (chrome, related, credit, byline, agency, ...) to add to the built-in ones; see docs/news-text.md"},
    {"name": "max-lines", "value_name": "N",
     "help": "Text inputs: most lines read from one input (default: 100000); longer ones are refused. Each line costs about a kilobyte of memory"}
  ]
})json")
