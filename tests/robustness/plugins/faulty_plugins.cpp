// A reader and a writer that fail in every way a plugin can report a
// failure, for tests/robustness/plugin_fault_test.cpp. Built twice: as the
// reader (FAULTY_READER) and as the writer.
//
// Reader (inputs *.fault): the first line picks the failure:
//   THROW-ERROR, THROW-RUNTIME, THROW-BAD-ALLOC, THROW-INT, otherwise a
//   document titled with the first line.
// Writer (outputs *.faultout): the collection title (--title) picks it:
//   BEGIN-THROWS, ADD-THROWS-INT, FINISH-THROWS, PART-UNSAFE (asks the host for
//   a part named "../escape"), otherwise writes the titles.
#include <docconv/plugin_export.hpp>

#include <new>
#include <ostream>
#include <stdexcept>
#include <string>

#ifdef FAULTY_READER

namespace {

class FaultyReader final : public docconv::Reader {
 public:
  std::vector<docconv::Document> read(const docconv::Input& input,
                                      const docconv::ReadContext&) override {
    const std::string first(input.bytes.substr(0, input.bytes.find('\n')));
    if (first == "THROW-ERROR") throw docconv::Error("reported a docconv::Error");
    if (first == "THROW-RUNTIME") throw std::runtime_error("reported a std::runtime_error");
    if (first == "THROW-BAD-ALLOC") throw std::bad_alloc();
    if (first == "THROW-INT") throw 42;
    docconv::Document document;
    document.metadata.title = first;
    return {std::move(document)};
  }
};

class FaultyReaderPlugin final : public docconv::Plugin {
 public:
  std::unique_ptr<docconv::Reader> make_reader() const override {
    return std::make_unique<FaultyReader>();
  }
};

}  // namespace

DOCCONV_PLUGIN(FaultyReaderPlugin, R"json({
  "name": "faulty-reader", "kind": "reader", "version": "1.0",
  "description": "Fails on request (tests only)", "extensions": [".fault"]
})json")

#else

namespace {

class FaultyWriter final : public docconv::Writer {
 public:
  void begin(const docconv::WriteContext& ctx) override {
    ctx_ = &ctx;
    if (mode() == "BEGIN-THROWS") throw std::logic_error("begin failed on request");
    if (mode() == "PART-UNSAFE") ctx.output.open_part("../escape");
    if (!ctx.output.split()) ctx.output.stream() << "collection " << mode() << "\n";
  }
  void add(const docconv::Document& document) override {
    if (mode() == "ADD-THROWS-INT") throw 7;
    if (!ctx_->output.split()) ctx_->output.stream() << document.metadata.title << "\n";
  }
  void finish() override {
    if (mode() == "FINISH-THROWS") throw docconv::Error("finish failed on request");
  }

 private:
  const std::string& mode() const { return ctx_->collection.title; }
  const docconv::WriteContext* ctx_ = nullptr;
};

class FaultyWriterPlugin final : public docconv::Plugin {
 public:
  std::unique_ptr<docconv::Writer> make_writer() const override {
    return std::make_unique<FaultyWriter>();
  }
};

}  // namespace

DOCCONV_PLUGIN(FaultyWriterPlugin, R"json({
  "name": "faulty-writer", "kind": "writer", "version": "1.0",
  "description": "Fails on request (tests only)", "extensions": [".faultout"],
  "supports_split": true
})json")

#endif
