// The `json` reader plugin: its description and export.
#include "json_reader.hpp"

#include <docconv/plugin_export.hpp>
#include <docconv/version.hpp>

namespace docconv::json {

class JsonPlugin final : public Plugin {
 public:
  int probe(std::string_view head) const override { return probe_model_json(head); }
  std::unique_ptr<Reader> make_reader() const override { return std::make_unique<JsonReader>(); }
};

}  // namespace docconv::json

DOCCONV_PLUGIN(docconv::json::JsonPlugin, R"json({
  "name": "json",
  "kind": "reader",
  "version": ")json" DOCCONV_VERSION R"json(",
  "description": "The model JSON that docconv inspect writes, corrected by hand or by a script",
  "aliases": ["model-json", "inspect-json"],
  "extensions": []
})json")
