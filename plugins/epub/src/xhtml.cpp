#include "xhtml.hpp"

#include <docconv/text.hpp>
#include <docconv_support/pugixml_text.hpp>

#include <fmt/format.h>

#include <cctype>
#include <utility>

namespace docconv::epub {
namespace {

bool starts_with_scheme(std::string_view target) {
  const auto lower_prefix = [&](std::string_view prefix) {
    if (target.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i)
      if (std::tolower(static_cast<unsigned char>(target[i])) != prefix[i]) return false;
    return true;
  };
  return lower_prefix("http://") || lower_prefix("https://") || lower_prefix("mailto:");
}

// Characters that may stand in a URL as they are (RFC 3986 unreserved,
// reserved, and '%' of existing escapes).
bool is_url_char(unsigned char c) {
  return std::isalnum(c) != 0 ||
         std::string_view("-._~:/?#[]@!$&'()*+,;=%").find(c) != std::string_view::npos;
}

const char* element_for(InlineKind kind) {
  switch (kind) {
    case InlineKind::emphasis:
      return "em";
    case InlineKind::strong:
      return "strong";
    case InlineKind::link:
    case InlineKind::text:
      break;
  }
  return nullptr;
}

}  // namespace

pugi::xml_node add_element(pugi::xml_node parent, const char* name, std::string_view css_class) {
  pugi::xml_node element = parent.append_child(name);
  if (!css_class.empty()) set_attribute(element, "class", css_class);
  return element;
}

pugi::xml_node add_text_element(pugi::xml_node parent, const char* name, std::string_view text,
                                std::string_view css_class) {
  pugi::xml_node element = add_element(parent, name, css_class);
  add_text(element, text);
  return element;
}

namespace {

// True when xml_safe(text) == text, found without building the copy and, for
// runs of ASCII (most text), without decoding: xml_safe was a hot spot of
// page rendering (docs/performance.md).
bool already_xml_safe(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte >= 0x80) return is_xml_safe(text.substr(i));
    if (byte < 0x20 && byte != '\t' && byte != '\n' && byte != '\r') return false;
  }
  return true;
}

}  // namespace

void add_text(pugi::xml_node parent, std::string_view text) {
  if (text.empty()) return;
  pugi::xml_node node = parent.append_child(pugi::node_pcdata);
  if (already_xml_safe(text))
    node.set_value(text.data(), text.size());
  else
    node.set_value(xml_safe(text).c_str());
}

void set_attribute(pugi::xml_node element, const char* name, std::string_view value) {
  pugi::xml_attribute attribute = element.append_attribute(name);
  if (already_xml_safe(value))
    attribute.set_value(value.data(), value.size());
  else
    attribute.set_value(xml_safe(value).c_str());
}

void add_inlines(pugi::xml_node parent, const Inlines& inlines) {
  for (const auto& run : inlines) {
    if (run.kind == InlineKind::link) {
      const std::string href = external_href(run.target);
      if (href.empty()) {
        add_text(parent, run.text);
      } else {
        pugi::xml_node link = add_element(parent, "a");
        set_attribute(link, "href", href);
        add_text(link, run.text);
      }
    } else if (const char* name = element_for(run.kind)) {
      add_text_element(parent, name, run.text);
    } else {
      add_text(parent, run.text);
    }
  }
}

std::string external_href(std::string_view target) {
  if (!starts_with_scheme(target)) return {};
  std::string href;
  for (const char c : target) {
    const auto byte = static_cast<unsigned char>(c);
    if (is_url_char(byte))
      href += c;
    else if (byte == ' ' || byte >= 0x80)
      href += fmt::format("%{:02X}", byte);
    else
      return {};  // control characters, quotes, angle brackets: not a URL
  }
  return href;
}

XhtmlPage::XhtmlPage(std::string_view title, std::string_view language,
                     std::string_view stylesheet_href) {
  support::add_xml_declaration(document_);
  document_.append_child(pugi::node_doctype).set_value("html");
  pugi::xml_node html = document_.append_child("html");
  set_attribute(html, "xmlns", xhtml_namespace);
  set_attribute(html, "xmlns:epub", ops_namespace);
  set_attribute(html, "lang", language);
  set_attribute(html, "xml:lang", language);
  head_ = html.append_child("head");
  pugi::xml_node charset = head_.append_child("meta");
  set_attribute(charset, "charset", "utf-8");
  add_text_element(head_, "title", collapse_whitespace(title));
  pugi::xml_node link = head_.append_child("link");
  set_attribute(link, "rel", "stylesheet");
  set_attribute(link, "type", "text/css");
  set_attribute(link, "href", stylesheet_href);
  body_ = html.append_child("body");
}

std::string XhtmlPage::str() const {
  return xml_string(document_);
}

namespace {

// Indented for people who unzip the book; pugixml leaves elements with text
// content unindented, so no white space is added inside paragraphs.
constexpr const char* indentation = "  ";
constexpr unsigned format = pugi::format_indent;

constexpr std::string_view items_marker = "<!--docconv:items-->";

}  // namespace

std::string xml_string(const pugi::xml_document& document) {
  return support::xml_text(document, indentation, format);
}

std::string node_string(pugi::xml_node node, unsigned depth) {
  return support::xml_text(node, indentation, format, depth);
}

std::string node_string_unindented(pugi::xml_node node) {
  return support::xml_text(node, "", pugi::format_raw, 0);
}

void add_items_marker(pugi::xml_node parent) {
  parent.append_child(pugi::node_comment)
      .set_value(std::string(items_marker.substr(4, items_marker.size() - 7)).c_str());
}

std::vector<std::string> split_at_markers(const std::string& text) {
  std::vector<std::string> pieces;
  std::size_t start = 0;
  for (std::size_t found = text.find(items_marker); found != std::string::npos;
       found = text.find(items_marker, start)) {
    const std::size_t line_start = text.rfind('\n', found) + 1;  // npos + 1 == 0
    std::size_t line_end = text.find('\n', found);
    line_end = line_end == std::string::npos ? text.size() : line_end + 1;
    pieces.push_back(text.substr(start, line_start - start));
    start = line_end;
  }
  pieces.push_back(text.substr(start));
  return pieces;
}

}  // namespace docconv::epub
