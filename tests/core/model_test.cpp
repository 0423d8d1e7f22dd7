#include <docconv/model.hpp>

#include <catch2/catch.hpp>

using namespace docconv;

TEST_CASE("partial dates print in ISO 8601 with what is known") {
  CHECK(iso_date({2017, 6, 5}) == "2017-06-05");
  CHECK(iso_date({0, 6, 5}) == "--06-05");
  CHECK(iso_date({2017, 6, 0}) == "2017-06");
  CHECK(iso_date({2017, 0, 0}) == "2017");
  CHECK(iso_date({0, 2, 0}) == "--02");
  CHECK(iso_date({}).empty());
}

TEST_CASE("partial dates print as a dateline does") {
  CHECK(display_date({0, 6, 5}) == "June 5");
  CHECK(display_date({2017, 2, 19}) == "February 19, 2017");
  CHECK(display_date({2017, 0, 0}) == "2017");
  CHECK(display_date({}).empty());
}

TEST_CASE("block type names cover every kind of block") {
  CHECK(block_type_name(Heading{}) == "heading");
  CHECK(block_type_name(Paragraph{}) == "paragraph");
  CHECK(block_type_name(BlockQuote{}) == "blockquote");
  CHECK(block_type_name(List{}) == "list");
  CHECK(block_type_name(Figure{}) == "figure");
  CHECK(block_type_name(RelatedLink{}) == "related");
  CHECK(block_type_name(Removed{}) == "removed");
}

TEST_CASE("plain text drops formatting but keeps every character") {
  const Inlines inlines{{InlineKind::text, "a ", ""},
                        {InlineKind::emphasis, "b", ""},
                        {InlineKind::link, " c", "https://example.org"}};
  CHECK(plain_text(inlines) == "a b c");
  CHECK(plain_text(text_run("x < y")) == "x < y");
}

TEST_CASE("documents are values: copies compare equal and are independent") {
  Document original;
  original.metadata.title = "T";
  original.blocks.push_back({Paragraph{text_run("p")}, {3, 4}});
  Document copy = original;
  CHECK(copy == original);
  std::get<Paragraph>(copy.blocks[0].content).content[0].text = "changed";
  CHECK_FALSE(copy == original);
  CHECK(plain_text(std::get<Paragraph>(original.blocks[0].content).content) == "p");
}
