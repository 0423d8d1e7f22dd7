// The markdown writer's inline layer: text and formatted runs written as one
// line of CommonMark that a CommonMark parser reads back as exactly the same
// text. See docs/markdown.md ("Escaping") for the rules and why each exists.
#pragma once

#include <docconv/model.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace docconv::markdown {

/// What kind of line the inlines fill: a paragraph line (also list items,
/// block quote lines, YAML values that Pandoc parses as Markdown) must not
/// look like the start of another block; heading content must not end in
/// what looks like a closing `#` sequence.
enum class LineKind { paragraph, heading };

/// `inlines` as one line of CommonMark (no line break: line breaks inside
/// the text become character references). Emphasis and strong runs get
/// delimiters when CommonMark's flanking rules let them work in their
/// context, otherwise they are written as plain text; links get inline links.
std::string render_inlines(const Inlines& inlines, LineKind kind);

/// render_inlines() of one plain-text run.
std::string render_text(std::string_view text, LineKind kind);

/// Breaks a line made by render_inlines() into lines of at most `width`
/// characters where it can, only at single spaces after which a new line
/// cannot be read as the start of another block or a hard line break.
std::vector<std::string> wrap_line(std::string_view line, std::size_t width);

}  // namespace docconv::markdown
