// The Markdown writer fed documents built from fuzzer bytes: cmark must read
// the output back as exactly the articles (the writer's promise, checked with
// the markdown plugin's own test helpers: plugins/markdown/tests/), and the
// writer must not throw on any model.
#include "fuzz_support.hpp"

#include "writer_support.hpp"

#include <docconv/phrases.hpp>

#include <exception>

using docconv::fuzz::fail;

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  docconv::fuzz::project_plugin("markdown", docconv::PluginKind::writer);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider provider(data, size);
  const bool keep_removed = provider.ConsumeBool();
  const bool split = provider.ConsumeBool();
  const auto collection = docconv::fuzz::make_collection(provider);
  if (collection.documents.empty()) return 0;  // the host never starts a writer without one
  docconv::OptionValues options;
  if (keep_removed) options["keep-removed"] = "true";
  docconv::markdown_test::Written written;
  try {
    written = docconv::markdown_test::write_markdown(collection, options, split);
  } catch (const std::exception& error) {
    fail(std::string("the writer threw: ") + error.what());
  }
  if (split) {
    if (written.parts.size() != collection.documents.size()) fail("not one part per document");
    for (std::size_t i = 0; i < written.parts.size(); ++i) {
      // A document without any metadata has an empty front matter, "---\n---\n".
      if (!written.parts[i].second.starts_with("---\n"))
        fail(written.parts[i].first + " has no front matter", written.parts[i].second);
      const auto body = docconv::markdown_test::split_front_matter(written.parts[i].second).second;
      const auto difference = docconv::markdown_test::compare(
          docconv::markdown_test::expected_body(
              collection.documents[i].blocks, keep_removed,
              docconv::Phrases::of(collection.documents[i].metadata.language).read_more_label()),
          docconv::markdown_test::parse_commonmark(body));
      if (!difference.empty())
        fail(written.parts[i].first + ": " + difference, written.parts[i].second);
    }
    return 0;
  }
  const auto difference =
      docconv::markdown_test::check_one_file(collection, written.text, keep_removed);
  if (!difference.empty()) fail(difference);
  return 0;
}
