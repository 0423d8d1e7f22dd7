// inspect -> json reader -> inspect is the identity: what inspect shows can
// be corrected by hand and read back without losing anything else.
#include "json_reader.hpp"

#include "host/json.hpp"
#include "sample_documents.hpp"
#include "support.hpp"

#include <docconv/testing.hpp>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <string>

using docconv::json::read_model_json;
namespace test = docconv::test;

namespace {

void check_round_trip(const std::vector<docconv::Document>& documents) {
  const std::string shown = docconv::host::inspect_json(documents);
  const auto model = read_model_json(shown);
  CHECK(model.ignored.empty());  // the reader knows every field inspect writes
  const auto& read_back = model.documents;
  REQUIRE(read_back.size() == documents.size());
  CHECK(docconv::host::inspect_json(read_back) == shown);
}

}  // namespace

TEST_CASE("the json reader gives back what inspect shows of the hand-made samples") {
  for (const auto& document : test::all_samples()) {
    INFO("sample titled " << document.metadata.title.substr(0, 60));
    check_round_trip({document});
  }
}

TEST_CASE("the SDK's valid-UTF-8 samples come back as the same model, not only the same JSON") {
  // Their texts are one run each, or runs around formatting: the form inspect
  // keeps (two plain runs side by side would come back as one). The markup
  // sample is left out: its invalid UTF-8 cannot be JSON, and inspect shows
  // it as U+FFFD.
  const auto samples = docconv::testing::sample_collection().documents;
  for (const auto& document : {samples.at(0), samples.at(2)}) {
    INFO("sample titled " << document.metadata.title.substr(0, 60));
    const auto model = read_model_json(docconv::host::inspect_json({document}));
    REQUIRE(model.documents.size() == 1);
    CHECK(model.documents[0].metadata == document.metadata);
    CHECK(model.documents[0].blocks == document.blocks);
  }
}

TEST_CASE("the json reader gives back what inspect shows of generated documents") {
  for (unsigned seed = 1; seed <= 300; ++seed) {
    test::RandomChoices choices(seed);
    test::DocumentGenerator generator(choices);
    INFO("seed " << seed);
    check_round_trip({generator.document(1 + seed % 12), generator.document(seed % 5)});
  }
}

TEST_CASE("formatted runs survive the round trip as runs, not only as text") {
  test::RandomChoices choices(7);
  test::DocumentGenerator generator(choices);
  for (int i = 0; i < 200; ++i) {
    const auto document = generator.document(6);
    const auto read_back = read_model_json(docconv::host::inspect_json({document})).documents;
    REQUIRE(read_back.size() == 1);
    REQUIRE(read_back[0].blocks.size() == document.blocks.size());
    for (std::size_t b = 0; b < document.blocks.size(); ++b) {
      // Kinds and links: what a writer renders differently.
      const auto kinds = [](const docconv::Block& block) {
        std::string out;
        std::visit(
            [&](const auto& content) {
              using Kind = std::decay_t<decltype(content)>;
              const auto add = [&](const docconv::Inlines& inlines) {
                for (const auto& run : inlines)
                  if (run.kind != docconv::InlineKind::text && !run.text.empty())
                    out += std::to_string(static_cast<int>(run.kind)) + run.target + "|";
              };
              if constexpr (std::is_same_v<Kind, docconv::List>)
                for (const auto& item : content.items) add(item);
              else if constexpr (std::is_same_v<Kind, docconv::BlockQuote>)
                for (const auto& paragraph : content.paragraphs) add(paragraph);
              else if constexpr (std::is_same_v<Kind, docconv::Paragraph> ||
                                 std::is_same_v<Kind, docconv::Heading>)
                add(content.content);
            },
            block.content);
        return out;
      };
      CHECK(kinds(read_back[0].blocks[b]) == kinds(document.blocks[b]));
    }
  }
}

TEST_CASE("docconv inspect of its own JSON shows the same as of the dumps") {
  test::TempDir dir;
  const auto shown = test::run_cli({"inspect", (test::fixtures_dir() / "news").string()});
  REQUIRE(shown.exit_code == 0);
  REQUIRE(nlohmann::json::parse(shown.out)["documents"].size() == 5);
  test::write_file(dir / "articles.json", shown.out);
  const auto again = test::run_cli({"inspect", (dir / "articles.json").string()});
  INFO(again.err);
  REQUIRE(again.exit_code == 0);
  CHECK(again.out == shown.out);
}
