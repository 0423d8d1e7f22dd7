// Round trip against the input files: the text of every article rebuilt from
// its TEI alone (docs/tei.md, "Rebuilding the source text") equals the text
// of the input it was read from, modulo white space. The inputs are read by
// the real news-text plugin: hand-made dumps with every marker form and the
// generated corpus of tests/bench. tei_fixtures_test.cpp does the same for
// fixtures/news through the CLI.

#include "sample_documents.hpp"
#include "source_inputs.hpp"
#include "tei_runs.hpp"
#include "tei_text.hpp"

#include <catch2/catch.hpp>

#include <set>

using namespace docconv;
using namespace docconv::tei::test;
using namespace docconv::test;

namespace {

/// Each input as the news-text reader reads it: exactly one document each.
std::vector<Document> read_all(const std::vector<SourceInput>& inputs) {
  std::vector<Document> documents;
  for (const auto& input : inputs) {
    auto read = read_news_text(input.name, input.bytes);
    INFO(input.name);
    REQUIRE(read.size() == 1);
    documents.push_back(std::move(read.front()));
  }
  return documents;
}

void check_rebuilds_inputs(const std::vector<pugi::xml_node>& articles,
                           const std::vector<SourceInput>& inputs) {
  REQUIRE(articles.size() == inputs.size());
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    INFO(inputs[i].name);
    CHECK(difference_modulo_white_space(rebuilt_text(articles[i]), inputs[i].bytes) == "");
  }
}

std::multiset<std::string> labels_of_type(const pugi::xml_document& tei, const std::string& type) {
  std::multiset<std::string> labels;
  for (const auto& found : tei.select_nodes(("//label[@type='" + type + "']").c_str()))
    labels.insert(found.node().child_value());
  return labels;
}

}  // namespace

TEST_CASE("source round trip: dumps with every marker form, as a corpus and as split files") {
  const auto inputs = marker_inputs();
  const auto documents = read_all(inputs);
  const auto corpus = parse_tei(write_tei(collection_of(documents)));
  check_rebuilds_inputs(tei_articles(corpus), inputs);

  const auto parts = write_tei_split(collection_of(documents));
  REQUIRE(parts.size() == inputs.size());
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const auto part = parse_tei(parts[i].second);
    check_rebuilds_inputs(tei_articles(part), {inputs[i]});
  }

  // The inputs do hold every marker, each as written, so the rebuild above
  // proves that none of them is lost.
  using Labels = std::multiset<std::string>;
  CHECK(labels_of_type(corpus, "bullet") ==
        Labels{"-", "-", "-", "*", "*", "\u2022", "\u2022", "\u2022", "\u2022", "-", "-"});
  CHECK(labels_of_type(corpus, "quoteMark") == Labels{">", ">", ">"});
  CHECK(labels_of_type(corpus, "readMore") == Labels{"Read more :", "READ MORE:"});
  CHECK(labels_of_type(corpus, "creditMark") == Labels{"|", "\u00a9", "(c)", "\u00a9", "|", "(C)"});
  const auto as_written = corpus.select_node("//figure/ab[@type='asWritten']").node();
  CHECK(std::string_view(as_written.child_value()) ==
        "\u00a9 Sputnik / Stringer / Go to the mediabankNATO's multinational battalion in "
        "Poland. (File)");
  CHECK(std::string_view(
            as_written.parent().find_child_by_attribute("head", "type", "derived").child_value()) ==
        "NATO's multinational battalion in Poland. (File)");
  // derived-title.txt, and crlf-cyrillic.txt: its first line is the start of a
  // hard-wrapped paragraph (the next line goes on in lower case), not a title.
  CHECK(corpus.select_nodes("//titlePage/docTitle/titlePart[@subtype='derived']").size() == 2);
  Labels reasons;
  for (const auto& found : corpus.select_nodes("//ab[@type='removed']/surplus"))
    reasons.insert(found.node().attribute("reason").value());
  CHECK(reasons == Labels{"site chrome", "site chrome", "site chrome", "site chrome", "site chrome",
                          "duplicate caption", "duplicate caption"});
}

TEST_CASE("source round trip: 300 articles of the generated corpus") {
  const auto inputs = generated_inputs(300);
  const auto documents = read_all(inputs);
  const auto corpus = parse_tei(write_tei(collection_of(documents)));
  check_rebuilds_inputs(tei_articles(corpus), inputs);
}

TEST_CASE("source round trip: the check fails when a marker or a piece is lost or moved") {
  // Proves that the comparison above can fail on what this writer must keep.
  const auto inputs = marker_inputs();
  const auto documents = read_all({inputs.front()});
  const std::string xml = write_tei(collection_of(documents));
  const auto rebuild_without = [&](const char* xpath) {
    auto tei = parse_tei(xml);
    const pugi::xml_node node = tei.select_node(xpath).node();
    REQUIRE(node);
    node.parent().remove_child(node);
    return difference_modulo_white_space(rebuilt_text(tei.document_element()),
                                         inputs.front().bytes);
  };
  CHECK(rebuild_without("//label[@type='bullet']") != "");
  CHECK(rebuild_without("//label[@type='quoteMark']") != "");
  CHECK(rebuild_without("//label[@type='readMore']") != "");
  CHECK(rebuild_without("//label[@type='creditMark'][not(@subtype)]") != "");
  CHECK(rebuild_without("//ab[@type='asWritten']") != "");
  CHECK(rebuild_without("//ab[@type='removed']/surplus") != "");  // the chrome as written
  CHECK(rebuild_without("//back/div/head[@resp]") == "");         // docconv's: not source text

  auto moved = parse_tei(xml);  // a block out of its source line: the order is wrong
  moved.select_node("//p[@xml:id='a0001-p4']").node().attribute("n").set_value("40");
  CHECK(difference_modulo_white_space(rebuilt_text(moved.document_element()),
                                      inputs.front().bytes) != "");
}
