#include "fuzz_support.hpp"

#include "host/convert.hpp"
#include "sample_documents.hpp"
#include "support.hpp"

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>

namespace docconv::fuzz {

namespace {

// The fuzzer's bytes as the generator's choices: every decision the shared
// generator takes is one the fuzzer steers.
class FuzzedChoices final : public test::ChoiceSource {
 public:
  explicit FuzzedChoices(FuzzedDataProvider& data) : data_(data) {}
  std::size_t below(std::size_t n) override {
    return data_.ConsumeIntegralInRange<std::size_t>(0, n - 1);
  }
  bool chance(double) override { return data_.ConsumeBool(); }
  std::string text(std::size_t) override { return data_.ConsumeRandomLengthString(80); }
  std::string target() override { return data_.ConsumeRandomLengthString(80); }

 private:
  FuzzedDataProvider& data_;
};

}  // namespace

testing::WriterRun write_or_fail(std::string_view name, const Collection& collection, bool split,
                                 const OptionValues& options) {
  testing::MemorySink sink(split);
  test::CollectingDiagnostics diagnostics;
  try {
    host::write_collection(project_plugin(name, PluginKind::writer), collection, sink, options,
                           diagnostics);
  } catch (const std::exception& error) {
    fail(std::string("the writer threw: ") + error.what());
  }
  return testing::WriterRun{split ? std::string() : sink.text(), sink.parts(),
                            std::move(diagnostics.warnings)};
}

const host::PluginEntry& project_plugin(std::string_view name, PluginKind kind) {
  const auto* plugin = test::project_plugins().find(name, kind);
  if (plugin == nullptr) {
    std::fprintf(stderr, "fuzz: plugin %.*s not found in %s\n", static_cast<int>(name.size()),
                 name.data(), test::plugin_dir().c_str());
    std::abort();
  }
  return *plugin;
}

Collection make_collection(FuzzedDataProvider& data) {
  FuzzedChoices choices(data);
  return test::DocumentGenerator(choices).collection(4, 8);
}

void fail(std::string_view what, std::string_view output) {
  std::fprintf(stderr, "fuzz: %.*s\n", static_cast<int>(what.size()), what.data());
  if (!output.empty()) {
    const auto shown = output.substr(0, 20000);
    std::fprintf(stderr, "---- output ----\n%.*s\n----\n", static_cast<int>(shown.size()),
                 shown.data());
  }
  std::abort();
}

}  // namespace docconv::fuzz
