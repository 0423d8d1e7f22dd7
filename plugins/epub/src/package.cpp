#include "package.hpp"

#include "pages.hpp"
#include "xhtml.hpp"

#include <fmt/format.h>
#include <docconv/text.hpp>

#include <algorithm>

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
  add_meta(metadata, "schema:accessibilitySummary",
           "News articles as text, one document per article, in reading order, with a table of "
           "contents listing every article and its sections.");
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
  add_declaration(document);
  pugi::xml_node container = document.append_child("container");
  set_attribute(container, "version", "1.0");
  set_attribute(container, "xmlns", "urn:oasis:names:tc:opendocument:xmlns:container");
  pugi::xml_node rootfile = add_element(add_element(container, "rootfiles"), "rootfile");
  set_attribute(rootfile, "full-path", package_path);
  set_attribute(rootfile, "media-type", "application/oebps-package+xml");
  return xml_string(document);
}

std::string package_document(const BookMetadata& book, const std::vector<ArticleEntry>& articles,
                             const CoverImage* cover) {
  pugi::xml_document document;
  add_declaration(document);
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
  for (const auto& article : articles) add_item(manifest, article.id, article.href, xhtml_type);

  pugi::xml_node spine = add_element(package, "spine");
  set_attribute(spine, "toc", "ncx");
  if (cover != nullptr) add_itemref(spine, "cover");
  add_itemref(spine, "title-page");
  add_itemref(spine, "nav");
  for (const auto& article : articles) add_itemref(spine, article.id);
  return xml_string(document);
}

namespace {

class NavMapBuilder {
 public:
  explicit NavMapBuilder(pugi::xml_node nav_map) : nav_map_(nav_map) {}

  void add_top(std::string_view text, std::string_view src) { add(nav_map_, text, src); }

  void add_article(const ArticleEntry& article) {
    pugi::xml_node point = add(nav_map_, article.title, article.href);
    for (const auto& section : article.sections)
      add(point, section.title, article.href + "#" + section.anchor);
  }

 private:
  pugi::xml_node add(pugi::xml_node parent, std::string_view text, std::string_view src) {
    ++order_;
    pugi::xml_node point = add_element(parent, "navPoint");
    set_attribute(point, "id", fmt::format("nav-{}", order_));
    set_attribute(point, "playOrder", fmt::format("{}", order_));
    add_text_element(add_element(point, "navLabel"), "text", text);
    set_attribute(add_element(point, "content"), "src", src);
    return point;
  }

  pugi::xml_node nav_map_;
  int order_ = 0;
};

}  // namespace

std::string ncx_document(const BookMetadata& book, const std::vector<ArticleEntry>& articles) {
  pugi::xml_document document;
  add_declaration(document);
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
  const bool nested = std::any_of(articles.begin(), articles.end(),
                                  [](const ArticleEntry& a) { return !a.sections.empty(); });
  add_head_meta("dtb:uid", book.identifier);
  add_head_meta("dtb:depth", nested ? "2" : "1");
  add_head_meta("dtb:totalPageCount", "0");
  add_head_meta("dtb:maxPageNumber", "0");
  add_text_element(add_element(ncx, "docTitle"), "text", collapse_whitespace(book.title));

  NavMapBuilder builder(add_element(ncx, "navMap"));
  builder.add_top("Title page", title_page_href);
  for (const auto& article : articles) builder.add_article(article);
  return xml_string(document);
}

}  // namespace docconv::epub
