// The pandoc-json writer on documents built from the fuzzer's bytes: it must
// not throw, and every output is one JSON AST of Pandoc's shape, holding one
// article Div per document (one file per document with --split), its text
// split into words (Str without white space, never empty) as Pandoc's
// readers give it. pandoc itself reads such outputs in the plugin's tests.
#include "fuzz_support.hpp"

#include "support.hpp"

#include <docconv/text.hpp>

#include <nlohmann/json.hpp>

#include <exception>

using docconv::fuzz::fail;
using Json = nlohmann::json;

namespace {

void check_inlines_and_blocks(const Json& value, const std::string& text) {
  if (value.is_array()) {
    for (const auto& item : value) check_inlines_and_blocks(item, text);
    return;
  }
  if (!value.is_object()) return;
  if (value.value("t", "") == "Str") {
    const std::string word = value.at("c").get<std::string>();
    if (word.empty()) fail("an empty Str", text);
    if (word.find_first_of(" \t\r\n\v\f") != std::string::npos)
      fail("a Str with white space", text);
    if (!docconv::is_xml_safe(word)) fail("a Str that is not XML-safe UTF-8", text);
  }
  if (value.contains("c")) check_inlines_and_blocks(value.at("c"), text);
}

void check_ast(const std::string& text, std::size_t articles) {
  Json ast;
  try {
    ast = Json::parse(text);
  } catch (const std::exception& error) {
    fail(std::string("not JSON: ") + error.what(), text);
  }
  if (ast.at("pandoc-api-version") != Json::array({1, 22, 2, 1}))
    fail("not pandoc-types 1.22.2.1", text);
  if (!ast.at("meta").is_object()) fail("meta is not an object", text);
  const Json& blocks = ast.at("blocks");
  if (blocks.size() != articles) fail("not one Div per article", text);
  for (const auto& block : blocks)
    if (block.at("t") != "Div" || block.at("c").at(0).at(1) != Json::array({"article"}))
      fail("a top-level block that is not an article Div", text);
  check_inlines_and_blocks(blocks, text);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  docconv::fuzz::project_plugin("pandoc-json", docconv::PluginKind::writer);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider provider(data, size);
  const bool split = provider.ConsumeBool();
  docconv::OptionValues options;
  if (provider.ConsumeBool()) options["keep-removed"] = "true";
  const auto collection = docconv::fuzz::make_collection(provider);
  if (collection.documents.empty()) return 0;  // the host never starts a writer without one
  const auto written = docconv::fuzz::write_or_fail("pandoc-json", collection, split, options);
  if (!split) {
    check_ast(written.text, collection.documents.size());
    return 0;
  }
  const auto& parts = written.parts;
  if (parts.size() != collection.documents.size()) fail("not one part per document");
  for (const auto& [name, text] : parts) check_ast(text, 1);
  return 0;
}
