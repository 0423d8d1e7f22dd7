// Rebuilding an article's source text from its TEI alone (the rule of
// docs/tei.md, "Rebuilding the source text"), and the same text from the
// model, for the round-trip tests.
#pragma once

#include <docconv/model.hpp>

#include <pugixml.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace docconv::tei::test {

/// The source text of an article rebuilt from a `TEI` element, reading the
/// TEI only: `body/head`, `argument`, `dateline` and every element whose
/// xml:id names a block (in body, nested divs or back), ordered by the first
/// line of their @n (no @n counts as line 0); at the same line the front
/// matter first, in document order, then blocks by number. Left out: what
/// docconv added (@type or @subtype "derived", @resp, `note[@type='reason']`).
/// Pieces are separated by line breaks.
std::string rebuilt_text(pugi::xml_node tei);

/// The source text of a document as the model keeps it "as written" (the
/// order and markers of plugins/news-text/tests/word_stream.cpp): title unless
/// derived, standfirst, the dateline as written, every block with its markers
/// (a figure cut out of a longer line as that line), ordered like rebuilt_text().
/// Characters XML cannot hold are replaced as the writer replaces them.
std::string as_written_text(const Document& document);

/// `text` without any white space (Unicode White_Space, no-break spaces included):
/// the form in which a rebuilt text must equal its source.
std::string without_white_space(std::string_view text);

/// Empty when `rebuilt` equals `source` modulo white space; else where they
/// first differ, with some text of each from there.
std::string difference_modulo_white_space(std::string_view rebuilt, std::string_view source);

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
