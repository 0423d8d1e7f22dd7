#include "tei_text.hpp"

#include <docconv/text.hpp>

#include <algorithm>
#include <regex>
#include <variant>

namespace docconv::tei::test {

namespace {

void add(std::string& out, std::string_view piece) {
  out += ' ';
  out += piece;
}

struct BlockText {
  std::string& out;
  void operator()(const Heading& heading) const { add(out, plain_text(heading.content)); }
  void operator()(const Paragraph& paragraph) const { add(out, plain_text(paragraph.content)); }
  void operator()(const BlockQuote& quote) const {
    for (const auto& paragraph : quote.paragraphs) add(out, plain_text(paragraph));
  }
  void operator()(const List& list) const {
    for (const auto& item : list.items) add(out, plain_text(item));
  }
  void operator()(const Figure& figure) const {
    add(out, plain_text(figure.caption));
    add(out, figure.credit);
  }
  void operator()(const RelatedLink& link) const { add(out, plain_text(link.text)); }
  void operator()(const Removed& removed) const { add(out, removed.text); }
};

bool is_reason(pugi::xml_node node) {
  return std::string_view(node.name()) == "note" &&
         std::string_view(node.attribute("type").value()) == "reason";
}

/// Text of an element; element children that are blocks of their own inside
/// a block (items, paragraphs, heads, notes) are set apart by spaces.
void gather_text(pugi::xml_node node, std::string& out) {
  for (pugi::xml_node child : node.children()) {
    if (child.type() == pugi::node_pcdata) {
      out += child.value();
    } else if (child.type() == pugi::node_element && !is_reason(child)) {
      const std::string_view name = child.name();
      const bool separate = name == "item" || name == "p" || name == "head" || name == "note";
      if (separate) out += ' ';
      gather_text(child, out);
      if (separate) out += ' ';
    }
  }
}

std::string text_of(pugi::xml_node node) {
  std::string out;
  gather_text(node, out);
  return out;
}

/// The dateline as the source wrote it when the reader kept it, otherwise
/// as the writer composes it (docs/tei.md): "Moscow, June 5 (TASS)".
std::string dateline_text(const Metadata& m) {
  if (const auto raw = m.extras.find("dateline"); raw != m.extras.end()) return raw->second;
  const std::string date = display_date(m.date);
  std::string text = m.dateline_place;
  if (!date.empty()) text += (text.empty() ? "" : ", ") + date;
  if (!m.agency.empty()) text += text.empty() ? m.agency : " (" + m.agency + ")";
  return text;
}

}  // namespace

std::string model_text(const Document& document) {
  const Metadata& m = document.metadata;
  std::string out;
  if (!m.title_derived) add(out, m.title);
  add(out, m.standfirst);
  add(out, dateline_text(m));
  for (const auto& block : document.blocks) std::visit(BlockText{out}, block.content);
  return collapse_whitespace(xml_safe(out));
}

char kind_letter(const BlockContent& content) {
  static constexpr std::string_view letters = "hpqlfrx";  // in BlockContent's order
  return letters.at(content.index());
}

namespace {

void collect_blocks(pugi::xml_node node, std::vector<BlockElement>& blocks) {
  static const std::regex block_id("a[0-9]{4,}-([hpqlfrx])([0-9]+)");
  for (pugi::xml_node child : node.children()) {
    if (child.type() != pugi::node_element) continue;
    std::cmatch match;
    if (std::regex_match(child.attribute("xml:id").value(), match, block_id))
      blocks.push_back({std::stoul(match[2].str()), match[1].str().front(), child});
    collect_blocks(child, blocks);
  }
}

}  // namespace

std::vector<BlockElement> block_elements(pugi::xml_node tei) {
  std::vector<BlockElement> blocks;
  collect_blocks(tei, blocks);
  std::stable_sort(blocks.begin(), blocks.end(),
                   [](const auto& a, const auto& b) { return a.number < b.number; });
  return blocks;
}

std::string tei_text(pugi::xml_node tei) {
  std::string out;
  const pugi::xml_node body = tei.child("text").child("body");
  if (const pugi::xml_node head = body.child("head");
      head && std::string_view(head.attribute("type").value()) != "derived")
    add(out, text_of(head));
  add(out, text_of(body.child("argument")));
  add(out, text_of(body.child("dateline")));
  for (const auto& block : block_elements(tei)) add(out, text_of(block.element));
  return collapse_whitespace(out);
}

std::vector<pugi::xml_node> tei_articles(const pugi::xml_document& document) {
  const pugi::xml_node root = document.document_element();
  if (std::string_view(root.name()) == "TEI") return {root};
  std::vector<pugi::xml_node> articles;
  for (pugi::xml_node tei : root.children("TEI")) articles.push_back(tei);
  return articles;
}

}  // namespace docconv::tei::test
