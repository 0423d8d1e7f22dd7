// The jsonl plugin: its descriptor, and the writer it makes (jsonl_writer.cpp).
#include "jsonl_writer.hpp"

#include <docconv/plugin_export.hpp>

#include <memory>

namespace {

class JsonLinesPlugin final : public docconv::Plugin {
 public:
  std::unique_ptr<docconv::Writer> make_writer() const override {
    return std::make_unique<jsonl::JsonLinesWriter>();
  }
};

}  // namespace

DOCCONV_PLUGIN(JsonLinesPlugin, R"json({
  "name": "jsonl",
  "kind": "writer",
  "version": "1.0.0",
  "description": "One JSON object per article (metadata and plain text)",
  "aliases": ["json-lines"],
  "extensions": [".jsonl"]
})json")
