// A minimal writer for host tests: "# title" then one line per paragraph.
// A document titled "WRITER-FAIL" makes add() throw mid-stream.
#include <docconv/plugin_export.hpp>
#include <docconv/text.hpp>

#include <ostream>

#ifndef TEST_WRITER_VERSION
#define TEST_WRITER_VERSION "1.0"
#endif

namespace {

class TestWriter final : public docconv::Writer {
 public:
  void begin(const docconv::WriteContext& ctx) override {
    ctx_ = &ctx;
    if (!ctx.output.split())
      ctx.output.stream() << docconv::option_or(ctx.options, "test-prefix", "") << "collection "
                          << ctx.collection.title << "\n";
  }
  void add(const docconv::Document& document) override {
    if (document.metadata.title == "WRITER-FAIL")
      throw docconv::Error("this document asks the test writer to fail");
    ++count_;
    std::ostream& out = ctx_->output.split() ? ctx_->output.open_part(docconv::split_file_name(
                                                   count_, document.metadata.title, ".out"))
                                             : ctx_->output.stream();
    out << "# " << document.metadata.title << "\n";
    for (const auto& block : document.blocks) {
      if (const auto* paragraph = std::get_if<docconv::Paragraph>(&block.content))
        out << docconv::plain_text(paragraph->content) << "\n";
    }
  }
  void finish() override {
    if (!ctx_->output.split()) ctx_->output.stream() << "end " << count_ << "\n";
  }

 private:
  const docconv::WriteContext* ctx_ = nullptr;
  std::size_t count_ = 0;
};

class TestWriterPlugin final : public docconv::Plugin {
 public:
  std::unique_ptr<docconv::Writer> make_writer() const override {
    return std::make_unique<TestWriter>();
  }
};

}  // namespace

DOCCONV_PLUGIN(TestWriterPlugin, R"json({
  "name": "test-writer", "kind": "writer", "version": ")json" TEST_WRITER_VERSION R"json(",
  "description": "Titles and paragraphs as lines (tests only)",
  "aliases": ["tw"],
  "extensions": [".testout"],
  "supports_split": true,
  "options": [{"name": "test-prefix", "value_name": "TEXT", "help": "Text before the first line"}]
})json")
