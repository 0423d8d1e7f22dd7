// The news-text reader on raw bytes, with its options picked by the first
// byte. Whatever the bytes, the reader must not crash or throw, and every
// string it puts into the model must be valid UTF-8 that XML can carry (its
// documented promise: bad bytes and control characters become U+FFFD).
#include "fuzz_support.hpp"

#include "support.hpp"

#include <docconv/text.hpp>

#include <array>
#include <exception>

using docconv::fuzz::fail;

namespace {

docconv::OptionValues options_from(std::uint8_t choice) {
  static constexpr std::array<const char*, 3> layouts{"auto", "lines", "wrapped"};
  static constexpr std::array<const char*, 4> encodings{"windows-1251", "UTF-16LE", "KOI8-R",
                                                        "UTF-8"};
  docconv::OptionValues options;
  options["text-layout"] = layouts[choice % 3];
  if (choice & 0x04) options["no-title"] = "true";
  if (choice & 0x08) options["no-subheadings"] = "true";
  if (choice & 0x10) options["keep-chrome"] = "true";
  if (choice & 0x20) options["encoding"] = encodings[(choice >> 6) % encodings.size()];
  return options;
}

void check_text(std::string_view what, const std::string& text) {
  if (!docconv::is_xml_safe(text)) fail(std::string(what) + " is not XML-safe UTF-8", text);
}

void check_inlines(const docconv::Inlines& inlines) {
  for (const auto& run : inlines) {
    check_text("inline text", run.text);
    check_text("link target", run.target);
  }
}

void check_document(const docconv::Document& document) {
  const auto& metadata = document.metadata;
  for (const auto* text :
       {&metadata.title, &metadata.standfirst, &metadata.publisher, &metadata.agency,
        &metadata.dateline_place, &metadata.language, &metadata.in_source.dateline_text})
    check_text("metadata", *text);
  for (const auto& author : metadata.authors) check_text("author", author);
  for (const auto& block : document.blocks) {
    std::visit(
        [](const auto& content) {
          using T = std::decay_t<decltype(content)>;
          if constexpr (std::is_same_v<T, docconv::Heading> ||
                        std::is_same_v<T, docconv::Paragraph>) {
            check_inlines(content.content);
          } else if constexpr (std::is_same_v<T, docconv::BlockQuote>) {
            for (const auto& paragraph : content.paragraphs) check_inlines(paragraph);
          } else if constexpr (std::is_same_v<T, docconv::List>) {
            for (const auto& item : content.items) check_inlines(item);
          } else if constexpr (std::is_same_v<T, docconv::Figure>) {
            check_inlines(content.caption);
            check_text("credit", content.credit);
          } else if constexpr (std::is_same_v<T, docconv::RelatedLink>) {
            check_inlines(content.text);
          } else {
            check_text("removed text", content.text);
          }
        },
        block.content);
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  docconv::fuzz::project_plugin("news-text", docconv::PluginKind::reader);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const auto& plugin = docconv::fuzz::project_plugin("news-text", docconv::PluginKind::reader);
  const auto options = options_from(data[0]);
  const std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  docconv::test::CollectingDiagnostics diagnostics;
  const docconv::ReadContext context{options, diagnostics};
  const auto reader = docconv::host::PluginRegistry::make_reader(plugin);
  plugin.object().probe(bytes.substr(0, 4096));
  try {
    for (const auto& document : reader->read({"fuzz.txt", bytes}, context))
      check_document(document);
  } catch (const std::exception& error) {
    fail(std::string("the reader threw: ") + error.what());
  }
  for (const auto& line : diagnostics.warnings)
    if (line.find('\n') != std::string::npos) fail("a warning of more than one line", line);
  return 0;
}
