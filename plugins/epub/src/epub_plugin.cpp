// The `epub` writer plugin: the article set as one EPUB 3 book.
#include "epub_writer.hpp"

#include <docconv/plugin_export.hpp>

namespace docconv::epub {

class EpubPlugin final : public Plugin {
 public:
  void check_options(const OptionValues& values) const override { check_writer_options(values); }
  std::unique_ptr<Writer> make_writer() const override { return std::make_unique<EpubWriter>(); }
};

}  // namespace docconv::epub

// One book holds the whole set: a book per article is not what people want
// on an e-reader, so no "supports_split".
DOCCONV_PLUGIN(docconv::epub::EpubPlugin, R"json({
  "name": "epub",
  "kind": "writer",
  "version": ")json" DOCCONV_VERSION R"json(",
  "description": "EPUB 3 book: one page per article, table of contents, EPUBCheck-clean",
  "extensions": [".epub"],
  "binary_output": true,
  "options": [
    {"name": "css", "value_name": "FILE",
     "help": "Stylesheet FILE to use instead of the built-in one"},
    {"name": "cover", "value_name": "IMAGE",
     "help": "Cover IMAGE (PNG or JPEG) to put at the front of the book"}
  ]
})json")
