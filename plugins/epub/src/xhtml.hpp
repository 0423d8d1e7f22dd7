// Building XHTML and XML with pugixml: every string that goes in is made
// XML-safe first, and pugixml escapes markup characters when saving.
#pragma once

#include <docconv/model.hpp>

#include <pugixml.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace docconv::epub {

inline constexpr const char* xhtml_namespace = "http://www.w3.org/1999/xhtml";
inline constexpr const char* ops_namespace = "http://www.idpf.org/2007/ops";

/// A new child element, with a class attribute when `css_class` is not empty.
pugi::xml_node add_element(pugi::xml_node parent, const char* name,
                           std::string_view css_class = {});
/// A new child element holding `text`.
pugi::xml_node add_text_element(pugi::xml_node parent, const char* name, std::string_view text,
                                std::string_view css_class = {});
/// Appends `text` (made XML-safe) as a text node.
void add_text(pugi::xml_node parent, std::string_view text);
/// Sets an attribute to `value` (made XML-safe).
void set_attribute(pugi::xml_node element, const char* name, std::string_view value);
/// Appends inline runs: emphasis as em, strong as strong, links as a.
void add_inlines(pugi::xml_node parent, const Inlines& inlines);

/// `target` as an href that is safe to put in the book: absolute http(s) or
/// mailto URLs only (anything else would point at a file the book does not
/// have), with spaces and non-ASCII bytes percent-encoded. Empty if unusable.
std::string external_href(std::string_view target);

/// An XHTML content document: <html lang xml:lang><head><title/><link/></head><body/>.
class XhtmlPage {
 public:
  XhtmlPage(std::string_view title, std::string_view language, std::string_view stylesheet_href);
  pugi::xml_node body() const { return body_; }
  pugi::xml_node head() const { return head_; }
  std::string str() const;

 private:
  pugi::xml_document document_;
  pugi::xml_node head_;
  pugi::xml_node body_;
};

/// An XML document with a declaration, serialised as UTF-8.
std::string xml_string(const pugi::xml_document& document);

/// `node` and its subtree, serialised as xml_string() would at `depth`
/// (the number of elements around it): the same bytes as inside the document.
std::string node_string(pugi::xml_node node, unsigned depth);
/// `node` on one line, with no white space added anywhere inside it.
std::string node_string_unindented(pugi::xml_node node);

/// Books of 100,000 articles have lists (contents, manifest, spine) too long
/// to build as one DOM. Such a document is built with a marker where each
/// list's items go, serialised, and cut there; the items are serialised one
/// by one with node_string() at the marker's depth and written in between.
void add_items_marker(pugi::xml_node parent);
/// The text around the markers: one more piece than there are markers. A
/// marker's whole line (indentation, newline) is cut out.
std::vector<std::string> split_at_markers(const std::string& text);

}  // namespace docconv::epub
