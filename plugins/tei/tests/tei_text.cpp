#include "tei_text.hpp"

#include <docconv/text.hpp>

#include <algorithm>
#include <regex>
#include <tuple>
#include <variant>

namespace docconv::tei::test {

namespace {

/// One piece of an article's text and where it goes: source line first, then
/// the front matter (rank 0) before blocks (rank 1), then `order`.
struct Piece {
  std::size_t line;
  int rank;
  std::size_t order;
  std::string text;
};

std::string joined(std::vector<Piece> pieces) {
  std::stable_sort(pieces.begin(), pieces.end(), [](const Piece& a, const Piece& b) {
    return std::tie(a.line, a.rank, a.order) < std::tie(b.line, b.rank, b.order);
  });
  std::string out;
  for (const Piece& piece : pieces) out += piece.text + '\n';
  return out;
}

// ---- From the TEI ----

bool is_docconvs(pugi::xml_node node) {
  const std::string_view type = node.attribute("type").value();
  return type == "derived" || std::string_view(node.attribute("subtype").value()) == "derived" ||
         !node.attribute("resp").empty();
}

/// The text of an element in document order, less what docconv added. Child
/// elements are set apart by line breaks: the comparison ignores white space.
void gather_text(pugi::xml_node node, std::string& out) {
  for (pugi::xml_node child : node.children()) {
    if (child.type() == pugi::node_pcdata) {
      out += child.value();
    } else if (child.type() == pugi::node_element && !is_docconvs(child)) {
      out += '\n';
      gather_text(child, out);
      out += '\n';
    }
  }
}

std::string text_of(pugi::xml_node node) {
  std::string out;
  gather_text(node, out);
  return out;
}

/// The first source line of an element's @n ("12" or "12-14"); 0 without one.
std::size_t first_line(pugi::xml_node node) {
  const std::string n = node.attribute("n").value();
  const std::size_t digits = n.find_first_not_of("0123456789");
  return digits == 0 || n.empty() ? 0 : std::stoul(n.substr(0, digits));
}

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

// ---- From the model ----

/// What the writer makes of a string (xml_safe), as each field passes it separately.
std::string safe(std::string_view text) {
  return xml_safe(text);
}

std::string safe(const Inlines& inlines) {
  std::string out;
  for (const auto& run : inlines) out += safe(run.text);
  return out;
}

/// Each item after its marker, one a line.
std::string marked_lines(const std::vector<Inlines>& items, std::string_view marker) {
  std::string out;
  for (const auto& item : items) out += safe(marker) + ' ' + safe(item) + '\n';
  return out;
}

struct AsWritten {
  std::string operator()(const Heading& b) const { return safe(b.content); }
  std::string operator()(const Paragraph& b) const { return safe(b.content); }
  std::string operator()(const BlockQuote& b) const { return marked_lines(b.paragraphs, b.marker); }
  std::string operator()(const List& b) const { return marked_lines(b.items, b.marker); }
  std::string operator()(const Figure& b) const {
    if (!b.as_written.empty()) return safe(b.as_written);
    return safe(b.caption) + '\n' + safe(b.credit_mark) + ' ' + safe(b.credit);
  }
  std::string operator()(const RelatedLink& b) const { return safe(b.label) + ' ' + safe(b.text); }
  std::string operator()(const Removed& b) const { return safe(b.text); }
};

// ---- White space ----

/// Length of the white-space character at the start of `text`, or 0.
std::size_t space_length(std::string_view text) {
  const auto byte = static_cast<unsigned char>(text.front());
  if (byte == ' ' || (byte >= '\t' && byte <= '\r')) return 1;
  for (const std::string_view space :
       {"\u0085", "\u00a0", "\u1680", "\u2028", "\u2029", "\u202f", "\u205f", "\u3000"})
    if (text.starts_with(space)) return space.size();
  if (text.size() >= 3 && text.starts_with("\xE2\x80") &&
      static_cast<unsigned char>(text[2]) <= 0x8A)  // U+2000 .. U+200A
    return 3;
  return 0;
}

}  // namespace

std::string rebuilt_text(pugi::xml_node tei) {
  std::vector<Piece> pieces;
  std::size_t order = 0;
  const pugi::xml_node text = tei.child("text");
  const pugi::xml_node body = text.child("body");
  for (const pugi::xml_node node :
       {text.child("front").child("titlePage").child("docTitle").child("titlePart"),
        body.child("argument"), body.child("dateline")})
    if (node && !is_docconvs(node)) pieces.push_back({first_line(node), 0, order++, text_of(node)});
  for (const auto& block : block_elements(tei))
    pieces.push_back({first_line(block.element), 1, block.number, text_of(block.element)});
  return joined(std::move(pieces));
}

std::string as_written_text(const Document& document) {
  const Metadata& m = document.metadata;
  std::vector<Piece> pieces;
  if (!m.title.empty() && !m.title_derived)
    pieces.push_back({m.in_source.title.first, 0, 0, safe(m.title)});
  if (!m.standfirst.empty())
    pieces.push_back({m.in_source.standfirst.first, 0, 1, safe(m.standfirst)});
  if (!m.in_source.dateline_text.empty())
    pieces.push_back({m.in_source.dateline.first, 0, 2, safe(m.in_source.dateline_text)});
  for (std::size_t i = 0; i < document.blocks.size(); ++i) {
    const Block& block = document.blocks[i];
    pieces.push_back({block.lines.first, 1, i + 1, std::visit(AsWritten{}, block.content)});
  }
  return joined(std::move(pieces));
}

std::string without_white_space(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  while (!text.empty()) {
    if (const std::size_t space = space_length(text); space > 0) {
      text.remove_prefix(space);
    } else {
      out += text.front();
      text.remove_prefix(1);
    }
  }
  return out;
}

std::string difference_modulo_white_space(std::string_view rebuilt, std::string_view source) {
  const std::string a = without_white_space(rebuilt);
  const std::string b = without_white_space(source);
  if (a == b) return {};
  const auto [in_a, in_b] = std::mismatch(a.begin(), a.end(), b.begin(), b.end());
  const auto at = static_cast<std::size_t>(in_a - a.begin());
  const std::size_t from = at < 60 ? 0 : at - 60;
  return "rebuilt and source differ (white space removed) at byte " + std::to_string(at) +
         "\n  rebuilt: ..." + a.substr(from, 160) + "\n  source:  ..." + b.substr(from, 160);
}

char kind_letter(const BlockContent& content) {
  static constexpr std::string_view letters = "hpqlfrx";  // in BlockContent's order
  return letters.at(content.index());
}

std::vector<BlockElement> block_elements(pugi::xml_node tei) {
  std::vector<BlockElement> blocks;
  collect_blocks(tei, blocks);
  std::stable_sort(blocks.begin(), blocks.end(),
                   [](const auto& a, const auto& b) { return a.number < b.number; });
  return blocks;
}

std::vector<pugi::xml_node> tei_articles(const pugi::xml_document& document) {
  const pugi::xml_node root = document.document_element();
  if (std::string_view(root.name()) == "TEI") return {root};
  std::vector<pugi::xml_node> articles;
  for (pugi::xml_node tei : root.children("TEI")) articles.push_back(tei);
  return articles;
}

}  // namespace docconv::tei::test
