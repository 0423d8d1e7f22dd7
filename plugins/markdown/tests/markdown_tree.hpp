// Test helpers for the markdown writer: what cmark reads from the output, and
// what the writer promises to produce for a model (docs/markdown.md), both as
// the same small tree so that they can be compared.
#pragma once

#include <docconv/model.hpp>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace docconv::markdown_test {

/// A stretch of inline text with one formatting. `kind` is "text", "emph",
/// "strong" or "link"; nested formatting reads "strong>emph", and anything the
/// writer must never produce (code spans, raw HTML, images, hard line breaks)
/// gets its own kind ("code", "html", "image", "hardbreak").
struct Segment {
  std::string kind;
  std::string text;
  std::string url;
  friend bool operator==(const Segment&, const Segment&) = default;
};
using Segments = std::vector<Segment>;

struct Node {
  std::string type;  ///< "heading", "paragraph", "blockquote", "list", "item", "html", ...
  int level = 0;     ///< Headings.
  bool ordered = false;
  int start = 0;  ///< Ordered lists.
  Segments inlines;
  std::string literal;  ///< HTML and code blocks.
  std::vector<Node> children;
};
using Nodes = std::vector<Node>;

/// {YAML text, rest} of a document that starts with a "---" front matter
/// block; {"", markdown} when it does not.
std::pair<std::string, std::string> split_front_matter(std::string_view markdown);

/// The blocks cmark reads from `markdown` (which must not have front matter).
Nodes parse_commonmark(std::string_view markdown);

/// The text of `segments` joined.
std::string text_of(const Segments& segments);

/// What the inlines should read back as: empty runs dropped, links without
/// target plain, whitespace at the edges of emphasis outside it, neighbours
/// of one kind joined. Text as xml_safe() makes it.
Segments expected_segments(const Inlines& inlines);

/// What an article body should read back as (the mapping of docs/markdown.md).
/// `read_more_label`: what the writer puts before related links, in the article's language.
Nodes expected_body(const std::vector<Block>& blocks, bool keep_removed,
                    std::string_view read_more_label = "Read more:");

/// A paragraph or heading node.
Node text_node(std::string type, Segments inlines, int level = 0);

/// "" when `actual` renders `expected` faithfully, else what differs. Inline
/// text must be equal; formatting in `actual` must be formatting of the model
/// at the same place; formatting the model has may only be missing where
/// CommonMark cannot express it (emphasis whose edges are not ASCII letters
/// or digits, or that touches other formatting).
std::string compare(const Nodes& expected, const Nodes& actual);

/// A readable dump of nodes, for failure messages.
std::string describe(const Nodes& nodes);

}  // namespace docconv::markdown_test
