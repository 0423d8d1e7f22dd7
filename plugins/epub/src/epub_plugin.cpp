// The `epub` writer plugin: the article set as one EPUB 3 book.
#include "epub_writer.hpp"

#include <docconv/plugin_export.hpp>

namespace docconv::epub {

class EpubPlugin final : public Plugin {
 public:
  PluginInfo info() const override {
    PluginInfo info;
    info.name = "epub";
    info.kind = PluginKind::writer;
    info.version = version_string;
    info.description = "EPUB 3 book: one page per article, table of contents, EPUBCheck-clean";
    info.extensions = {".epub"};
    info.options = writer_options();
    info.binary_output = true;
    // One book holds the whole set; a book per article is not what people
    // want on an e-reader.
    info.supports_split = false;
    return info;
  }

  std::unique_ptr<Writer> make_writer() const override { return std::make_unique<EpubWriter>(); }
};

}  // namespace docconv::epub

DOCCONV_PLUGIN(docconv::epub::EpubPlugin)
