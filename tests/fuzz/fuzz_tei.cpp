// The TEI writer fed documents built from fuzzer bytes, one file or --split:
// every output must be well-formed XML (pugixml) made only of characters XML
// allows, and the writer must not throw on any model.
#include "fuzz_support.hpp"

#include "support.hpp"

#include <docconv/text.hpp>

#include <pugixml.hpp>

#include <exception>

using docconv::fuzz::fail;

namespace {

void check_xml(const std::string& name, const std::string& xml) {
  if (!docconv::is_xml_safe(xml)) fail(name + ": not XML-safe UTF-8", xml);
  pugi::xml_document document;
  const auto parsed =
      document.load_buffer(xml.data(), xml.size(), pugi::parse_default, pugi::encoding_utf8);
  if (!parsed) fail(name + ": not well-formed: " + parsed.description(), xml);
  const std::string root = document.document_element().name();
  if (root != "TEI" && root != "teiCorpus") fail(name + ": root element is " + root, xml);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  docconv::fuzz::project_plugin("tei", docconv::PluginKind::writer);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider provider(data, size);
  const bool split = provider.ConsumeBool();
  docconv::OptionValues options;
  if (provider.ConsumeBool()) options["licence"] = provider.ConsumeRandomLengthString(40);
  if (provider.ConsumeBool()) options["licence-url"] = provider.ConsumeRandomLengthString(40);
  if (provider.ConsumeBool()) options["publisher"] = provider.ConsumeRandomLengthString(40);
  const auto collection = docconv::fuzz::make_collection(provider);
  if (collection.documents.empty()) return 0;  // the host never starts a writer without one
  const auto written = docconv::fuzz::write_or_fail("tei", collection, split, options);
  if (!split) {
    check_xml("output", written.text);
    return 0;
  }
  const auto& parts = written.parts;
  if (parts.size() != collection.documents.size()) fail("not one part per document");
  for (const auto& [name, xml] : parts) check_xml(name, xml);
  return 0;
}
