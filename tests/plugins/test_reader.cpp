// A minimal reader for host tests: the first line is the title, every other
// non-empty line a paragraph. Input containing "READER-FAIL" makes it throw;
// an input of only blank lines gives no document; "READER-SLOW" takes 100 ms
// (for interrupting a run that is under way), "READER-STUCK" 30 s (for an
// interrupt that cannot wait for the input to end).
#include <docconv/plugin_export.hpp>

#include <chrono>
#include <sstream>
#include <thread>

namespace {

class TestReader final : public docconv::Reader {
 public:
  std::vector<docconv::Document> read(const docconv::Input& input,
                                      const docconv::ReadContext& ctx) override {
    if (input.bytes.find("READER-FAIL") != std::string_view::npos)
      throw docconv::Error("this input asks the test reader to fail");
    if (input.bytes.find("READER-SLOW") != std::string_view::npos)
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    if (input.bytes.find("READER-STUCK") != std::string_view::npos)
      std::this_thread::sleep_for(std::chrono::seconds(30));
    if (ctx.options.count("test-reader-warn") != 0)
      ctx.diagnostics.warn(input.name, "asked to warn");
    docconv::Document document;
    std::istringstream lines{std::string(input.bytes)};
    std::string line;
    std::size_t number = 0;
    while (std::getline(lines, line)) {
      ++number;
      if (line.empty()) continue;
      if (document.metadata.title.empty()) {
        document.metadata.title = line;
        continue;
      }
      document.blocks.push_back(
          {docconv::Paragraph{docconv::text_run(line)}, docconv::SourceLines{number, number}});
    }
    if (document.metadata.title.empty()) return {};
    return {std::move(document)};
  }
};

class TestReaderPlugin final : public docconv::Plugin {
 public:
  int probe(std::string_view head) const override { return head.rfind("TEST", 0) == 0 ? 50 : 0; }
  std::unique_ptr<docconv::Reader> make_reader() const override {
    return std::make_unique<TestReader>();
  }
};

}  // namespace

DOCCONV_PLUGIN(TestReaderPlugin, R"json({
  "name": "test-reader", "kind": "reader", "version": "1.0",
  "description": "Lines as paragraphs (tests only)",
  "extensions": [".tst"],
  "options": [{"name": "test-reader-warn", "flag": true, "help": "Emit a warning per input"}]
})json")
