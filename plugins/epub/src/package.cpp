#include "package.hpp"

#include "pages.hpp"
#include "xhtml.hpp"

#include <docconv_support/pugixml_text.hpp>

#include <fmt/format.h>
#include <docconv/phrases.hpp>
#include <docconv/text.hpp>
#include <docconv/version.hpp>

namespace docconv::epub {
namespace {

pugi::xml_node add_meta(pugi::xml_node metadata, std::string_view property,
                        std::string_view value) {
  pugi::xml_node meta = add_text_element(metadata, "meta", value);
  set_attribute(meta, "property", property);
  return meta;
}

void add_dublin_core(pugi::xml_node metadata, const BookMetadata& book) {
  set_attribute(add_text_element(metadata, "dc:identifier", book.identifier), "id", "book-id");
  add_text_element(metadata, "dc:title", collapse_whitespace(book.title));
  add_text_element(metadata, "dc:language", book.language);
  for (const auto& creator : book.creators) add_text_element(metadata, "dc:creator", creator);
  for (const auto& publisher : book.publishers)
    add_text_element(metadata, "dc:publisher", publisher);
  if (!book.date.empty()) add_text_element(metadata, "dc:date", book.date);
  add_meta(metadata, "dcterms:modified", book.modified);
}

// schema.org accessibility metadata (EPUB Accessibility 1.0): the book is
// text only, navigable by its table of contents and its reading order.
void add_accessibility(pugi::xml_node metadata, bool has_cover) {
  add_meta(metadata, "schema:accessMode", "textual");
  if (has_cover) add_meta(metadata, "schema:accessMode", "visual");
  add_meta(metadata, "schema:accessModeSufficient", "textual");
  add_meta(metadata, "schema:accessibilityFeature", "tableOfContents");
  add_meta(metadata, "schema:accessibilityFeature", "readingOrder");
  add_meta(metadata, "schema:accessibilityFeature", "structuralNavigation");
  if (has_cover) add_meta(metadata, "schema:accessibilityFeature", "alternativeText");
  add_meta(metadata, "schema:accessibilityHazard", "none");
  // In English whatever the book's language, and labelled so: the package's
  // xml:lang would otherwise call it Russian in a Russian book.
  set_attribute(add_meta(metadata, "schema:accessibilitySummary",
                         "News articles as text, one document per article, in reading order, "
                         "with a table of contents listing every article and its sections. The "
                         "conformance claim rests on automated checks (DAISY Ace, EPUBCheck) of "
                         "books docconv makes, not on a manual review of this book."),
                "xml:lang", "en");
  // EPUB Accessibility 1.1: the claim, and who makes it.
  add_meta(metadata, "dcterms:conformsTo", "EPUB Accessibility 1.1 - WCAG 2.1 Level AA");
  add_meta(metadata, "a11y:certifiedBy", fmt::format("docconv {}", version_string));
}

pugi::xml_node add_item(pugi::xml_node manifest, std::string_view id, std::string_view href,
                        std::string_view media_type, std::string_view properties = {}) {
  pugi::xml_node item = add_element(manifest, "item");
  set_attribute(item, "id", id);
  set_attribute(item, "href", href);
  set_attribute(item, "media-type", media_type);
  if (!properties.empty()) set_attribute(item, "properties", properties);
  return item;
}

void add_itemref(pugi::xml_node spine, std::string_view idref) {
  set_attribute(add_element(spine, "itemref"), "idref", idref);
}

constexpr std::string_view xhtml_type = "application/xhtml+xml";

}  // namespace

std::string container_xml() {
  pugi::xml_document document;
  support::add_xml_declaration(document);
  pugi::xml_node container = document.append_child("container");
  set_attribute(container, "version", "1.0");
  set_attribute(container, "xmlns", "urn:oasis:names:tc:opendocument:xmlns:container");
  pugi::xml_node rootfile = add_element(add_element(container, "rootfiles"), "rootfile");
  set_attribute(rootfile, "full-path", package_path);
  set_attribute(rootfile, "media-type", "application/oebps-package+xml");
  return xml_string(document);
}

std::vector<std::string> package_skeleton(const BookMetadata& book, const CoverImage* cover) {
  pugi::xml_document document;
  support::add_xml_declaration(document);
  pugi::xml_node package = document.append_child("package");
  set_attribute(package, "xmlns", "http://www.idpf.org/2007/opf");
  set_attribute(package, "version", "3.0");
  set_attribute(package, "unique-identifier", "book-id");
  set_attribute(package, "xml:lang", book.language);

  pugi::xml_node metadata = add_element(package, "metadata");
  set_attribute(metadata, "xmlns:dc", "http://purl.org/dc/elements/1.1/");
  add_dublin_core(metadata, book);
  add_accessibility(metadata, cover != nullptr);
  if (cover != nullptr) {  // EPUB 2 readers find the cover this way
    pugi::xml_node meta = add_element(metadata, "meta");
    set_attribute(meta, "name", "cover");
    set_attribute(meta, "content", "cover-image");
  }

  pugi::xml_node manifest = add_element(package, "manifest");
  add_item(manifest, "nav", nav_href, xhtml_type, "nav");
  add_item(manifest, "ncx", ncx_href, "application/x-dtbncx+xml");
  add_item(manifest, "style", stylesheet_href, "text/css");
  if (cover != nullptr) {
    add_item(manifest, "cover-image", cover->href, cover->media_type, "cover-image");
    add_item(manifest, "cover", cover_page_href, xhtml_type);
  }
  add_item(manifest, "title-page", title_page_href, xhtml_type);
  add_items_marker(manifest);

  pugi::xml_node spine = add_element(package, "spine");
  set_attribute(spine, "toc", "ncx");
  if (cover != nullptr) add_itemref(spine, "cover");
  add_itemref(spine, "title-page");
  add_itemref(spine, "nav");
  add_items_marker(spine);
  return split_at_markers(xml_string(document));
}

namespace {

constexpr unsigned package_list_depth = 2;  // package, manifest or spine

std::string serialised_children(pugi::xml_node parent, unsigned depth) {
  std::string out;
  for (pugi::xml_node child : parent.children()) out += node_string(child, depth);
  return out;
}

}  // namespace

std::string manifest_items(std::size_t first, std::size_t last) {
  pugi::xml_document fragment;
  pugi::xml_node manifest = fragment.append_child("manifest");
  for (std::size_t number = first; number <= last; ++number) {
    const ArticleEntry article = article_entry(number);
    add_item(manifest, article.id, article.href, xhtml_type);
  }
  return serialised_children(manifest, package_list_depth);
}

std::string spine_itemrefs(std::size_t first, std::size_t last) {
  pugi::xml_document fragment;
  pugi::xml_node spine = fragment.append_child("spine");
  for (std::size_t number = first; number <= last; ++number)
    add_itemref(spine, article_entry(number).id);
  return serialised_children(spine, package_list_depth);
}

namespace {

pugi::xml_node add_nav_point(pugi::xml_node parent, int order, std::string_view text,
                             std::string_view src) {
  pugi::xml_node point = add_element(parent, "navPoint");
  set_attribute(point, "id", fmt::format("nav-{}", order));
  set_attribute(point, "playOrder", fmt::format("{}", order));
  add_text_element(add_element(point, "navLabel"), "text", text);
  set_attribute(add_element(point, "content"), "src", src);
  return point;
}

}  // namespace

std::string NcxPoints::next(const ArticleEntry& article) {
  pugi::xml_document fragment;
  pugi::xml_node nav_map = fragment.append_child("navMap");
  pugi::xml_node point = add_nav_point(nav_map, ++order_, article.title, article.href);
  for (const auto& section : article.sections)
    add_nav_point(point, ++order_, section.title, article.href + "#" + section.anchor);
  constexpr unsigned depth = 2;  // ncx, navMap
  return node_string(point, depth);
}

std::vector<std::string> ncx_skeleton(const BookMetadata& book, bool nested) {
  pugi::xml_document document;
  support::add_xml_declaration(document);
  pugi::xml_node ncx = document.append_child("ncx");
  set_attribute(ncx, "xmlns", "http://www.daisy.org/z3986/2005/ncx/");
  set_attribute(ncx, "version", "2005-1");
  set_attribute(ncx, "xml:lang", book.language);

  pugi::xml_node head = add_element(ncx, "head");
  const auto add_head_meta = [&](std::string_view name, std::string_view content) {
    pugi::xml_node meta = add_element(head, "meta");
    set_attribute(meta, "name", name);
    set_attribute(meta, "content", content);
  };
  add_head_meta("dtb:uid", book.identifier);
  add_head_meta("dtb:depth", nested ? "2" : "1");
  add_head_meta("dtb:totalPageCount", "0");
  add_head_meta("dtb:maxPageNumber", "0");
  add_text_element(add_element(ncx, "docTitle"), "text", collapse_whitespace(book.title));

  pugi::xml_node nav_map = add_element(ncx, "navMap");
  add_nav_point(nav_map, 1, Phrases::of(book.language).title_page(), title_page_href);
  add_items_marker(nav_map);
  return split_at_markers(xml_string(document));
}

}  // namespace docconv::epub
