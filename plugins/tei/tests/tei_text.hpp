// Rebuilding an article's text from its TEI, and the same text from the
// model, for the round-trip tests.
#pragma once

#include <docconv/model.hpp>
#include <docconv/text.hpp>

#include <pugixml.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace docconv::tei::test {

/// The text of an article in reading order: the title unless derived, the
/// standfirst, the dateline (as the source wrote it when the reader kept it
/// in extras["dateline"], else "Place, Month D (Agency)"), then every block
/// (removed ones included) in document order. Separated by spaces, collapsed.
std::string model_text(const Document& document);

/// The same text read back from a `TEI` element: head, argument, dateline,
/// then every element whose xml:id names a block ("a0003-p12"), in block
/// order, wherever it stands (body, nested divs, back). Reasons of removed
/// blocks are not text and are skipped.
std::string tei_text(pugi::xml_node tei);

/// Block elements of a `TEI` element: (block number, kind letter, element), in block order.
struct BlockElement {
  std::size_t number;
  char kind;
  pugi::xml_node element;
};
std::vector<BlockElement> block_elements(pugi::xml_node tei);

/// The kind letter the xml:id scheme gives a block ('p', 'h', 'q', 'l', 'f', 'r', 'x').
char kind_letter(const BlockContent& content);

/// The `TEI` elements of a parsed output: the root itself, or a teiCorpus's members.
std::vector<pugi::xml_node> tei_articles(const pugi::xml_document& document);

}  // namespace docconv::tei::test
