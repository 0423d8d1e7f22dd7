// visit.hpp: visit_block over every block kind, and the section tree.
#include "sample_documents.hpp"

#include <catch2/catch.hpp>
#include <docconv/visit.hpp>

#include <string>
#include <vector>

using namespace docconv;

namespace {

Block heading(int level, std::string text) {
  return Block{Heading{level, text_run(std::move(text))}, {}};
}

Block paragraph(std::string text) {
  return Block{Paragraph{text_run(std::move(text))}, {}};
}

// The tree as text: "[p0 (h1 p2 (h3 p4)) (h5)]" for blocks by index.
std::string shape(const Section& section, const std::vector<Block>& blocks) {
  const auto index = [&](const Block* block) { return std::to_string(block - blocks.data()); };
  std::string out = section.heading == nullptr ? "[" : "(h" + index(section.heading);
  for (const Block* block : section.blocks)
    out += (out.size() > 1 ? " " : "") + std::string("p") + index(block);
  for (const Section& sub : section.subsections)
    out += (out.size() > 1 ? " " : "") + shape(sub, blocks);
  return out + (section.heading == nullptr ? "]" : ")");
}

void collect(const Section& section, std::vector<const Block*>& out) {
  if (section.heading != nullptr) out.push_back(section.heading);
  out.insert(out.end(), section.blocks.begin(), section.blocks.end());
  for (const Section& sub : section.subsections) collect(sub, out);
}

}  // namespace

TEST_CASE("visit_block calls the overload of the block's kind") {
  std::vector<std::string> kinds;
  for (const Document& document : test::all_samples())
    for (const Block& block : document.blocks)
      visit_block(block.content,
                  overloaded{[&](const Heading&) { kinds.push_back("heading"); },
                             [&](const Paragraph&) { kinds.push_back("paragraph"); },
                             [&](const BlockQuote&) { kinds.push_back("blockquote"); },
                             [&](const List&) { kinds.push_back("list"); },
                             [&](const Figure&) { kinds.push_back("figure"); },
                             [&](const RelatedLink&) { kinds.push_back("related"); },
                             [&](const Removed&) { kinds.push_back("removed"); }});
  std::vector<std::string> expected;
  for (const Document& document : test::all_samples())
    for (const Block& block : document.blocks)
      expected.emplace_back(block_type_name(block.content));
  CHECK(kinds == expected);
}

TEST_CASE("section_tree nests subheadings by level") {
  const std::vector<Block> blocks{
      paragraph("lead"), heading(2, "A"),    paragraph("a"),  heading(3, "A.1"), paragraph("a1"),
      heading(2, "B"),   heading(4, "B..1"), paragraph("b1"), heading(3, "B.2"), heading(2, "C")};
  CHECK(shape(section_tree(blocks), blocks) == "[p0 (h1 p2 (h3 p4)) (h5 (h6 p7) (h8)) (h9)]");
  const Section tree = section_tree(blocks);
  CHECK(tree.level == 0);
  CHECK(tree.subsections[1].level == 2);
  CHECK(tree.subsections[1].subsections[0].level == 4);
}

TEST_CASE("section_tree of no heading, of headings only, of a deeper start") {
  const std::vector<Block> none{paragraph("a"), paragraph("b")};
  CHECK(shape(section_tree(none), none) == "[p0 p1]");
  const std::vector<Block> deeper_first{heading(3, "x"), paragraph("a"), heading(2, "y")};
  CHECK(shape(section_tree(deeper_first), deeper_first) == "[(h0 p1) (h2)]");
  const std::vector<Block> empty;
  CHECK(shape(section_tree(empty), empty) == "[]");
}

TEST_CASE("section_tree holds every block once, in document order") {
  for (unsigned seed = 1; seed <= 200; ++seed) {
    test::RandomChoices choices(seed);
    const Document document = test::DocumentGenerator(choices).document(40);
    std::vector<const Block*> visited;
    collect(section_tree(document.blocks), visited);
    REQUIRE(visited.size() == document.blocks.size());
    for (std::size_t i = 0; i < visited.size(); ++i) {
      CAPTURE(seed, i);
      CHECK(visited[i] == &document.blocks[i]);
    }
  }
}
