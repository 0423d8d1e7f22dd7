// The SDK's test helpers (docconv/testing.hpp) hold writers to the contract
// and say what they promise.
#include <docconv/testing.hpp>
#include <docconv/visit.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <ostream>
#include <set>

using namespace docconv;

namespace {

// Writes each document's words, one article per line (or per part).
class WordsWriter final : public Writer {
 public:
  void begin(const WriteContext& ctx) override { ctx_ = &ctx; }
  void add(const Document& document) override {
    ++count_;
    auto& out = ctx_->output.split() ? ctx_->output.open_part(std::to_string(count_) + ".txt")
                                     : ctx_->output.stream();
    for (const auto& word : testing::visible_words(document)) out << word << ' ';
    out << '\n';
    if (document.metadata.title.empty()) ctx_->diagnostics.warn("writer", "an untitled article");
  }
  void finish() override {}

 private:
  const WriteContext* ctx_ = nullptr;
  int count_ = 0;
};

}  // namespace

TEST_CASE("the sample collection holds every block kind and every inline kind") {
  const Collection samples = testing::sample_collection();
  REQUIRE(samples.documents.size() == 3);
  std::set<std::size_t> block_kinds;
  std::set<InlineKind> inline_kinds;
  for (const auto& document : samples.documents)
    for (const auto& block : document.blocks) {
      block_kinds.insert(block.content.index());
      if (const auto* paragraph = std::get_if<Paragraph>(&block.content))
        for (const auto& run : paragraph->content) inline_kinds.insert(run.kind);
    }
  CHECK(block_kinds.size() == std::variant_size_v<BlockContent>);
  CHECK(inline_kinds.size() == 4);
  CHECK(samples.documents[2].metadata.language == "ru");
  CHECK_FALSE(samples.metadata.title.empty());
}

TEST_CASE("visible_words are the words a reader sees, in any script") {
  Document document;
  document.metadata.title = "<b>Lavrov</b> & \"Soini\": 2017";
  document.blocks.push_back(Block{Paragraph{text_run("Москва — 東京, don't\xFF"
                                                     "stop")},
                                  {}});
  document.blocks.push_back(Block{Removed{"Subscribe", "site chrome"}, {}});
  document.blocks.push_back(Block{Figure{text_run("Caption"), "Credit", "image.jpg"}, {}});
  CHECK(testing::visible_words(document) ==
        std::vector<std::string>{"b", "Lavrov", "b", "Soini", "2017", "Москва", "東京", "don", "t",
                                 "stop", "Caption"});
}

TEST_CASE("run_writer runs a writer as the host does, single and split") {
  WordsWriter writer;
  const auto single = testing::run_writer(writer, testing::sample_collection());
  CHECK(std::count(single.text.begin(), single.text.end(), '\n') == 3);
  CHECK(single.text.find("Lavrov") != std::string::npos);
  CHECK(single.parts.empty());
  WordsWriter split_writer;
  const auto split = testing::run_writer(split_writer, testing::sample_collection(), true);
  CHECK(split.text.empty());
  REQUIRE(split.parts.size() == 3);
  CHECK(split.parts[0].first == "1.txt");
  Collection untitled;
  untitled.documents.emplace_back();
  WordsWriter warning_writer;
  CHECK(testing::run_writer(warning_writer, untitled).warnings ==
        std::vector<std::string>{"writer: an untitled article"});
}

TEST_CASE("MemorySink refuses what the host's outputs refuse") {
  testing::MemorySink single;
  CHECK_THROWS_WITH(single.open_part("a.txt"),
                    "the writer opened a part, but --split was not given");
  testing::MemorySink split(true);
  CHECK_THROWS_WITH(split.stream(),
                    "the writer asked for one output stream, but --split was given");
  CHECK_THROWS_WITH(split.open_part("../a.txt"),
                    "the writer opened a part named '../a.txt', which is not a plain file name");
  CHECK_THROWS(split.open_part(""));
  CHECK_THROWS_WITH(split.open_part(".hidden"),
                    "the writer opened a part named '.hidden', which is not a plain file name");
  split.open_part("a.txt") << "one";
  split.open_part("b.txt") << "two";
  CHECK_THROWS_WITH(split.open_part("a.txt"), "the writer opened a.txt twice");
  CHECK(split.parts() ==
        std::vector<std::pair<std::string, std::string>>{{"a.txt", "one"}, {"b.txt", "two"}});
}
