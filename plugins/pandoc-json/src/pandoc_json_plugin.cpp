// The `pandoc-json` writer plugin: its description and export.
#include "pandoc_json_writer.hpp"

#include <docconv/plugin_export.hpp>
#include <docconv/version.hpp>

namespace docconv::pandoc_json {

class PandocJsonPlugin final : public Plugin {
 public:
  std::unique_ptr<Writer> make_writer() const override {
    return std::make_unique<PandocJsonWriter>();
  }
};

}  // namespace docconv::pandoc_json

DOCCONV_PLUGIN(docconv::pandoc_json::PandocJsonPlugin, R"json({
  "name": "pandoc-json",
  "kind": "writer",
  "version": ")json" DOCCONV_VERSION R"json(",
  "description": "Pandoc's JSON AST (pandoc-types 1.22, pandoc 2.17): every Pandoc output format, with the articles' structure kept",
  "aliases": ["pandoc", "json-ast"],
  "extensions": [".pandoc.json"],
  "supports_split": true,
  "options": [
    {"name": "keep-removed", "flag": true,
     "help": "Keep text the reader removed, as Divs of class removed"}
  ]
})json")
