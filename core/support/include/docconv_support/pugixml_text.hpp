// What the XML writers (EPUB, TEI) do with pugixml the same way: the XML
// declaration, and a document or a node printed into a string.
#pragma once

#include <pugixml.hpp>

#include <cstddef>
#include <string>

namespace docconv::support {

/// Puts <?xml version="1.0" encoding="UTF-8"?> first in `document`.
inline void add_xml_declaration(pugi::xml_document& document) {
  pugi::xml_node declaration = document.prepend_child(pugi::node_declaration);
  declaration.append_attribute("version").set_value("1.0");
  declaration.append_attribute("encoding").set_value("UTF-8");
}

/// Collects what pugixml prints, without a stream in between.
class StringXmlWriter final : public pugi::xml_writer {
 public:
  void write(const void* data, std::size_t size) override {
    text.append(static_cast<const char*>(data), size);
  }
  std::string text;
};

/// `document` as UTF-8 text, `indent` per level (pugi::format_* `flags`).
inline std::string xml_text(const pugi::xml_document& document, const char* indent,
                            unsigned flags) {
  StringXmlWriter out;
  document.save(out, indent, flags, pugi::encoding_utf8);
  return std::move(out.text);
}

/// `node` as UTF-8 text, indented as if `depth` levels deep.
inline std::string xml_text(pugi::xml_node node, const char* indent, unsigned flags,
                            unsigned depth) {
  StringXmlWriter out;
  node.print(out, indent, flags, pugi::encoding_utf8, depth);
  return std::move(out.text);
}

}  // namespace docconv::support
