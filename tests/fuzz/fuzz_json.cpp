// The json reader on raw bytes. Bad JSON must end in a docconv::Error (a
// clear message), never a crash or another exception; what it does read must
// show (docconv inspect) and read back to the same JSON.
#include "fuzz_support.hpp"

#include "host/json.hpp"
#include "support.hpp"

#include <exception>

using docconv::fuzz::fail;

namespace {

std::vector<docconv::Document> read(docconv::Reader& reader, std::string_view bytes,
                                    docconv::test::CollectingDiagnostics& diagnostics) {
  const docconv::OptionValues options;
  const docconv::ReadContext context{options, diagnostics};
  return reader.read({"fuzz.json", bytes}, context);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  docconv::fuzz::project_plugin("json", docconv::PluginKind::reader);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto& plugin = docconv::fuzz::project_plugin("json", docconv::PluginKind::reader);
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  plugin.object().probe(bytes.substr(0, 4096));
  const auto reader = docconv::host::PluginRegistry::make_reader(plugin);
  docconv::test::CollectingDiagnostics diagnostics;
  std::vector<docconv::Document> documents;
  try {
    documents = read(*reader, bytes, diagnostics);
  } catch (const docconv::Error&) {
    return 0;  // the answer to bad JSON
  } catch (const std::exception& error) {
    fail(std::string("the reader threw something other than docconv::Error: ") + error.what());
  }
  for (const auto& line : diagnostics.warnings)
    if (line.find('\n') != std::string::npos) fail("a warning of more than one line", line);

  const std::string shown = docconv::host::inspect_json(documents);
  docconv::test::CollectingDiagnostics again_diagnostics;
  try {
    const auto again = read(*reader, shown, again_diagnostics);
    if (docconv::host::inspect_json(again) != shown)
      fail("inspect -> json reader -> inspect changed the JSON", shown);
  } catch (const std::exception& error) {
    fail(std::string("what inspect shows does not read back: ") + error.what(), shown);
  }
  if (!again_diagnostics.warnings.empty())
    fail("what inspect shows has fields the reader does not know",
         again_diagnostics.warnings.front());
  return 0;
}
