// One test for every writer the registry finds in the build tree: each new
// writer plugin is held to it without new test code.
#include "host/convert.hpp"
#include "host/output.hpp"
#include "support.hpp"

#include <docconv/text.hpp>

#include <catch2/catch.hpp>

using namespace docconv;

namespace {

Document article(std::string title, std::vector<std::string> paragraphs) {
  Document document;
  document.metadata.title = std::move(title);
  document.metadata.language = "en";
  document.metadata.agency = "TASS";
  document.metadata.dateline_place = "Moscow";
  document.metadata.date = {0, 6, 5};
  document.metadata.source = "conformance.txt";
  std::size_t line = 3;
  for (auto& text : paragraphs) {
    document.blocks.push_back({Paragraph{text_run(std::move(text))}, {line, line}});
    line += 2;
  }
  document.blocks.push_back({Removed{"Subscribe", "site chrome"}, {2, 2}});
  return document;
}

std::vector<const host::PluginEntry*> writers() {
  std::vector<const host::PluginEntry*> out;
  for (const auto& plugin : test::project_plugins().plugins())
    if (plugin.info.kind == PluginKind::writer) out.push_back(&plugin);
  return out;
}

// What a writer produced, whether one stream or parts.
std::string output_of(const docconv::testing::MemorySink& sink) {
  std::string all = sink.text();
  for (const auto& [name, text] : sink.parts()) all += text;
  return all;
}

void check_writer(const host::PluginEntry& writer, bool split) {
  docconv::test::CollectingDiagnostics diagnostics;
  SECTION("an empty collection gives an empty-but-valid output or a clear error") {
    docconv::testing::MemorySink sink(split);
    try {
      host::write_collection(writer, Collection{}, sink, {}, diagnostics);
    } catch (const Error& error) {
      CHECK_THAT(error.what(), Catch::StartsWith(writer.info.name + ": "));
    }
  }
  SECTION("one article comes out with its words") {
    Collection collection;
    collection.documents.push_back(
        article("Lavrov meets Soini", {"Plainwordone appears.", "Plainwordtwo too."}));
    docconv::testing::MemorySink sink(split);
    host::write_collection(writer, collection, sink, {}, diagnostics);
    if (split) CHECK(sink.parts().size() == 1);
    const auto out = output_of(sink);
    if (!writer.info.binary_output) {
      CHECK_THAT(out, Catch::Contains("Plainwordone") && Catch::Contains("Plainwordtwo"));
      CHECK(is_xml_safe(out));  // text outputs are valid UTF-8
    } else {
      CHECK_FALSE(out.empty());
    }
  }
  SECTION("the SDK's sample articles come out with every word a reader sees") {
    docconv::testing::MemorySink sink(split);
    const Collection samples = docconv::testing::sample_collection();
    host::write_collection(writer, samples, sink, {}, diagnostics);
    if (split) CHECK(sink.parts().size() == samples.documents.size());
    const auto out = output_of(sink);
    if (!writer.info.binary_output) {
      for (const auto& document : samples.documents)
        for (const auto& word : docconv::testing::visible_words(document)) {
          INFO("word " << word);
          CHECK(out.find(word) != std::string::npos);
        }
    }
  }
  SECTION("markup characters and odd text never break the writer") {
    Collection collection;
    collection.documents.push_back(article(
        "<b>&amp; \"quoted\" 'single' ../../etc/passwd # * _ [x](y) `code` \\ </b>",
        {"<script>alert(1)</script> & &amp; ]]> <!-- --> *emph* _u_ # h > q - l 1. n [a]: b",
         std::string("control\x01\x02 chars, NUL \0 inside", 29) + " and bad UTF-8 \xC3\x28 end",
         "Кириллица, 日本語, العربية, emoji 😀", std::string(5000, 'x')}));
    collection.documents.push_back(article("", {"An article with an empty title."}));
    docconv::testing::MemorySink sink(split);
    host::write_collection(writer, collection, sink, {}, diagnostics);
    const auto out = output_of(sink);
    CHECK_FALSE(out.empty());
    if (!writer.info.binary_output) CHECK(is_xml_safe(out));
    if (split) {
      CHECK(sink.parts().size() == 2);
      for (const auto& [name, text] : sink.parts()) CHECK(name.find('/') == std::string::npos);
    }
  }
}

}  // namespace

TEST_CASE("every writer passes the conformance checks") {
  const auto found = writers();
  for (const auto* writer : found) {
    DYNAMIC_SECTION(writer->info.name) {
      check_writer(*writer, false);
    }
    if (writer->info.supports_split) {
      DYNAMIC_SECTION(writer->info.name << " --split") {
        check_writer(*writer, true);
      }
    }
  }
}

TEST_CASE("the build tree has plugins, and none of them was rejected") {
  const auto& registry = test::project_plugins();
  for (const auto& rejected : registry.rejected())
    FAIL(rejected.path.string() << ": " << rejected.reason);
  CHECK_FALSE(registry.plugins().empty());
}
