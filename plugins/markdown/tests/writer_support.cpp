#include "writer_support.hpp"

#include "host/convert.hpp"
#include "host/output.hpp"
#include "support.hpp"

#include <docconv/phrases.hpp>

#include <stdexcept>

namespace docconv::markdown_test {
namespace {

std::string join(const std::vector<std::string>& parts, const std::string& separator) {
  std::string out;
  for (const auto& part : parts) {
    if (part.empty()) continue;
    out += (out.empty() ? "" : separator) + part;
  }
  return out;
}

}  // namespace

const host::PluginEntry& markdown_plugin() {
  const auto* plugin = test::project_plugins().find("markdown", PluginKind::writer);
  if (!plugin) throw std::runtime_error("the markdown plugin is not in the build tree");
  return *plugin;
}

Written write_markdown(const Collection& collection, const OptionValues& options, bool split) {
  docconv::test::CollectingDiagnostics diagnostics;
  docconv::testing::MemorySink sink(split);
  host::write_collection(markdown_plugin(), collection, sink, options, diagnostics);
  return Written{sink.text(), split ? sink.parts() : decltype(Written::parts){},
                 diagnostics.warnings};
}

std::string expected_metadata_line(const Metadata& metadata) {
  const Phrases& phrases = Phrases::of(metadata.language);
  std::string dateline = join({metadata.dateline_place, phrases.date(metadata.date)}, ", ");
  if (!metadata.agency.empty())
    dateline = dateline.empty() ? metadata.agency : dateline + " (" + metadata.agency + ")";
  const std::string byline = metadata.authors.empty() ? ""
                                                      : phrases.byline(join(metadata.authors, ", "),
                                                                       metadata.authors.size());
  return join({byline, dateline}, " · ");
}

Nodes expected_article(const Document& document, bool keep_removed) {
  const Metadata& metadata = document.metadata;
  Nodes out;
  out.push_back(text_node(
      "heading",
      expected_segments(text_run(metadata.title.empty() ? Phrases::of(metadata.language).untitled()
                                                        : metadata.title)),
      1));
  for (const Inline& run : {Inline{InlineKind::emphasis, expected_metadata_line(metadata), {}},
                            Inline{InlineKind::strong, metadata.standfirst, {}}})
    if (auto inlines = expected_segments({run}); !inlines.empty())
      out.push_back(text_node("paragraph", std::move(inlines)));
  for (auto& node : expected_body(document.blocks, keep_removed,
                                  Phrases::of(metadata.language).read_more_label()))
    out.push_back(std::move(node));
  return out;
}

std::string check_one_file(const Collection& collection, const std::string& markdown,
                           bool keep_removed) {
  if (!markdown.starts_with("---\n")) return "the output has no front matter:\n" + markdown;
  const auto body = split_front_matter(markdown).second;
  Nodes expected;
  for (const auto& document : collection.documents)
    for (auto& node : expected_article(document, keep_removed)) expected.push_back(std::move(node));
  const std::string difference = compare(expected, parse_commonmark(body));
  if (difference.empty()) return {};
  return difference + "\n---- markdown ----\n" +
         (markdown.size() < 30000 ? markdown : markdown.substr(0, 30000) + "...");
}

}  // namespace docconv::markdown_test
