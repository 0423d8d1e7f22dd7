// The json reader on its own: what it takes, and the errors a hand edit
// can cause, each naming the JSON path to fix.
#include "json_reader.hpp"

#include <docconv/version.hpp>

#include <fmt/format.h>
#include <catch2/catch.hpp>

#include <string>

using docconv::json::probe_model_json;
using docconv::json::read_model_json;

namespace {

std::string with_document(const std::string& document) {
  return fmt::format(R"({{"model_version": {}, "documents": [{}]}})", docconv::model_version,
                     document);
}

std::string error_of(const std::string& json) {
  try {
    read_model_json(json);
  } catch (const docconv::Error& e) {
    return e.what();
  }
  return "no error";
}

}  // namespace

TEST_CASE("the json reader reads every field inspect writes") {
  const auto documents = read_model_json(with_document(R"({
    "metadata": {"title": "Fixed title", "title_derived": false, "standfirst": "Lead.",
                 "authors": ["A. Writer", "B. Writer"], "publisher": "TASS", "agency": "TASS",
                 "dateline_place": "MOSCOW", "date": {"year": 2017, "month": 6, "day": 5,
                 "iso": "2017-06-05"}, "language": "en", "source": "dump.txt",
                 "identifiers": {"url": "https://example.org/1"}, "extras": {"note": "checked"},
                 "in_source": {"title": [1, 1], "standfirst": [2, 2], "byline": [3, 3],
                               "dateline": [4, 5], "dateline_text": "MOSCOW, June 5 /TASS/."}},
    "blocks": [
      {"type": "heading", "lines": [6, 6], "level": 3, "text": "Sub"},
      {"type": "paragraph", "lines": [7, 8], "text": "Plain and bold",
       "text_inlines": [{"kind": "text", "text": "Plain and "}, {"kind": "strong", "text": "bold"}]},
      {"type": "blockquote", "paragraphs": ["One", "Two"], "marker": ">"},
      {"type": "list", "ordered": true, "items": ["a", "see"], "marker": "1.",
       "items_inlines": [[{"kind": "text", "text": "a"}],
                         [{"kind": "link", "text": "see", "target": "https://x.org"}]]},
      {"type": "figure", "caption": "A photo", "credit": "AP", "image": "p.jpg",
       "credit_mark": "Photo:", "as_written": "A photo. Photo: AP"},
      {"type": "related", "text": "More", "target": "https://x.org/2", "label": "Read more"},
      {"type": "removed", "text": "Subscribe", "reason": "site chrome"}
    ]})"))
                             .documents;
  REQUIRE(documents.size() == 1);
  const auto& m = documents[0].metadata;
  CHECK(m.title == "Fixed title");
  CHECK(m.authors == std::vector<std::string>{"A. Writer", "B. Writer"});
  CHECK(m.date == docconv::PartialDate{2017, 6, 5});
  CHECK(m.identifiers.at("url") == "https://example.org/1");
  CHECK(m.extras.at("note") == "checked");
  CHECK(m.in_source.dateline == docconv::SourceLines{4, 5});
  CHECK(m.in_source.dateline_text == "MOSCOW, June 5 /TASS/.");
  const auto& blocks = documents[0].blocks;
  REQUIRE(blocks.size() == 7);
  CHECK(std::get<docconv::Heading>(blocks[0].content).level == 3);
  CHECK(blocks[0].lines == docconv::SourceLines{6, 6});
  const auto& paragraph = std::get<docconv::Paragraph>(blocks[1].content);
  REQUIRE(paragraph.content.size() == 2);
  CHECK(paragraph.content[1].kind == docconv::InlineKind::strong);
  const auto& list = std::get<docconv::List>(blocks[3].content);
  CHECK(list.ordered);
  CHECK(list.items[1][0].kind == docconv::InlineKind::link);
  CHECK(list.items[1][0].target == "https://x.org");
  CHECK(std::get<docconv::Figure>(blocks[4].content).credit_mark == "Photo:");
  CHECK(std::get<docconv::RelatedLink>(blocks[5].content).label == "Read more");
  CHECK(std::get<docconv::Removed>(blocks[6].content).reason == "site chrome");
}

TEST_CASE("members the model has no field for are named, not taken") {
  const auto model = read_model_json(with_document(R"({"metadata": {"titel": "Typo", "title": "T"},
      "blocks": [{"type": "paragraph", "text": "x", "reason": "site chrome"}], "note": 1})"));
  CHECK(model.documents.at(0).metadata.title == "T");
  CHECK(model.ignored == std::vector<std::string>{"documents[0].note",
                                                  "documents[0].metadata.titel",
                                                  "documents[0].blocks[0].reason"});
}

TEST_CASE("runs without their plain texts are read: the texts were deleted after an edit") {
  const auto documents = read_model_json(with_document(R"({"blocks": [
      {"type": "list", "items_inlines": [[{"kind": "strong", "text": "bold"}], []]},
      {"type": "paragraph", "text_inlines": [{"kind": "emphasis", "text": "it"}]}]})"))
                             .documents;
  const auto& list = std::get<docconv::List>(documents.at(0).blocks.at(0).content);
  REQUIRE(list.items.size() == 2);
  CHECK(list.items[0].at(0).kind == docconv::InlineKind::strong);
  CHECK(list.items[1].empty());
  CHECK(std::get<docconv::Paragraph>(documents[0].blocks.at(1).content).content.at(0).kind ==
        docconv::InlineKind::emphasis);
}

TEST_CASE("an empty text is no runs at all, as a reader makes it") {
  const auto documents =
      read_model_json(with_document(R"({"blocks": [{"type": "figure", "caption": ""},
      {"type": "paragraph", "text": ""}]})"))
          .documents;
  CHECK(std::get<docconv::Figure>(documents.at(0).blocks.at(0).content).caption.empty());
  CHECK(std::get<docconv::Paragraph>(documents[0].blocks.at(1).content).content.empty());
}

TEST_CASE("a field left out keeps the model's default") {
  const auto documents =
      read_model_json(
          with_document(
              R"({"metadata": {"title": "Only a title"}, "blocks": [{"type": "paragraph", "text": "x"}]})"))
          .documents;
  REQUIRE(documents.size() == 1);
  CHECK(documents[0].metadata.authors.empty());
  CHECK(documents[0].metadata.date.empty());
  CHECK(documents[0].blocks[0].lines == docconv::SourceLines{});
}

TEST_CASE("a mistake in the JSON is an error naming the path to fix") {
  CHECK(error_of(with_document(R"({"blocks": [{"type": "paragraph"}, {"type": "heading",
        "level": "two"}]})")) ==
        "documents[0].blocks[1].level: expected a whole number, found string");
  CHECK(error_of(with_document(R"({"blocks": [{"type": "table"}]})")) ==
        "documents[0].blocks[0].type: unknown block type \"table\" (heading, paragraph, "
        "blockquote, list, figure, related, removed)");
  CHECK(error_of(with_document(R"({"blocks": [{"text": "no type"}]})")) ==
        "documents[0].blocks[0]: \"type\" is missing");
  CHECK(error_of(with_document(R"({"metadata": "A title"})")) ==
        "documents[0].metadata: expected an object, found string");
  CHECK(error_of(with_document(R"({"metadata": {"authors": "A. Writer"}})")) ==
        "documents[0].metadata.authors: expected an array, found string");
  CHECK(error_of(with_document(R"({"metadata": {"date": {"year": 2017, "iso": "2018"}}})")) ==
        "documents[0].metadata.date.iso: \"2018\" does not match year, month and day (\"2017\"); "
        "change both, or remove \"iso\"");
  CHECK(
      error_of(with_document(R"({"blocks": [{"type": "paragraph", "text": "edited",
        "text_inlines": [{"kind": "strong", "text": "old"}]}]})")) ==
      "documents[0].blocks[0].text: differs from the text of documents[0].blocks[0].text_inlines; "
      "edit one and remove the other");
  CHECK(error_of(with_document(R"({"blocks": [{"type": "paragraph", "text_inlines":
        [{"kind": "underline", "text": "x"}]}]})")) ==
        "documents[0].blocks[0].text_inlines[0].kind: unknown inline kind \"underline\" (text, "
        "emphasis, strong or link)");
  CHECK(
      error_of(with_document(R"({"blocks": [{"type": "list", "items": ["a", "b"],
        "items_inlines": [[]]}]})")) ==
      "documents[0].blocks[0].items_inlines: has 1 entries for 2 in documents[0].blocks[0].items");
  CHECK(error_of(with_document(R"({"blocks": [{"type": "heading", "level": 99999999999}]})")) ==
        "documents[0].blocks[0].level: 99999999999 is out of range");
  CHECK(error_of(with_document(R"({"blocks": [{"type": "paragraph", "lines": [3]}]})")) ==
        "documents[0].blocks[0].lines: expected [first line, last line]");
}

TEST_CASE("a document of another model version or not of inspect's shape is refused") {
  CHECK(error_of(R"({"model_version": 2, "documents": []})") ==
        fmt::format("the document: model_version 2 is not the one this docconv reads ({}); run "
                    "docconv inspect again with the docconv that will read it",
                    docconv::model_version));
  CHECK(error_of(R"({"documents": []})") == "the document: \"model_version\" is missing");
  CHECK(error_of("[1, 2]") == "the document: expected the object that docconv inspect writes");
  CHECK_THAT(error_of("{\"model_version\": 3,\n  \"documents\": [}"),
             Catch::StartsWith("not valid JSON: parse error at line 2, column 17: syntax error"));
}

TEST_CASE("the probe is sure of inspect's output, less sure of other JSON objects, not of text") {
  CHECK(probe_model_json("\xEF\xBB\xBF{\"model_version\": 3") == 100);  // saved with a BOM
  CHECK(read_model_json("\xEF\xBB\xBF" + with_document("{}")).documents.size() == 1);
  CHECK(probe_model_json("{\n  \"model_version\": 3,\n  \"documents\": [") == 100);
  CHECK(probe_model_json("  {\"model_version\":") == 100);
  CHECK(probe_model_json("{\"name\": \"package\"}") == 20);  // more than a text reader's 10
  CHECK(probe_model_json("MOSCOW, June 5 /TASS/. {\"model_version\"") == 0);
  CHECK(probe_model_json("") == 0);
}
