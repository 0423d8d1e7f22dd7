#include "markdown_tree.hpp"

#include <docconv/text.hpp>

#include <cmark.h>

#include <fmt/format.h>

#include <algorithm>
#include <memory>
#include <stdexcept>

namespace docconv::markdown_test {
namespace {

struct CmarkNodeFree {
  void operator()(cmark_node* node) const noexcept { cmark_node_free(node); }
};

std::string literal_of(cmark_node* node) {
  const char* literal = cmark_node_get_literal(node);
  return literal ? literal : "";
}

void append(Segments& out, std::string kind, std::string text, std::string url = {}) {
  if (text.empty()) return;
  if (!out.empty() && out.back().kind == kind && out.back().url == url) {
    out.back().text += text;
    return;
  }
  out.push_back(Segment{std::move(kind), std::move(text), std::move(url)});
}

std::string nested(const std::string& outer, const char* inner) {
  return outer == "text" ? inner : outer + ">" + inner;
}

void flatten(cmark_node* parent, const std::string& kind, const std::string& url, Segments& out) {
  for (cmark_node* node = cmark_node_first_child(parent); node; node = cmark_node_next(node)) {
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_TEXT:
        append(out, kind, literal_of(node), url);
        break;
      case CMARK_NODE_SOFTBREAK:
        append(out, kind, " ", url);  // a wrapped line: the space it replaced
        break;
      case CMARK_NODE_LINEBREAK:
        append(out, "hardbreak", "\n");
        break;
      case CMARK_NODE_CODE:
        append(out, "code", literal_of(node));
        break;
      case CMARK_NODE_HTML_INLINE:
        append(out, "html", literal_of(node));
        break;
      case CMARK_NODE_EMPH:
        flatten(node, nested(kind, "emph"), url, out);
        break;
      case CMARK_NODE_STRONG:
        flatten(node, nested(kind, "strong"), url, out);
        break;
      case CMARK_NODE_LINK:
        flatten(node, nested(kind, "link"), cmark_node_get_url(node), out);
        break;
      case CMARK_NODE_IMAGE:
        flatten(node, "image", cmark_node_get_url(node), out);
        break;
      default:
        append(out, "unknown", cmark_node_get_type_string(node));
    }
  }
}

Nodes convert_children(cmark_node* parent);

Node convert(cmark_node* node) {
  Node out;
  out.type = cmark_node_get_type_string(node);
  switch (cmark_node_get_type(node)) {
    case CMARK_NODE_PARAGRAPH:
      flatten(node, "text", "", out.inlines);
      break;
    case CMARK_NODE_HEADING:
      out.level = cmark_node_get_heading_level(node);
      flatten(node, "text", "", out.inlines);
      break;
    case CMARK_NODE_LIST:
      out.ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST;
      out.start = out.ordered ? cmark_node_get_list_start(node) : 0;
      out.children = convert_children(node);
      break;
    case CMARK_NODE_HTML_BLOCK:
    case CMARK_NODE_CODE_BLOCK:
      out.literal = literal_of(node);
      break;
    default:
      out.children = convert_children(node);
  }
  return out;
}

Nodes convert_children(cmark_node* parent) {
  Nodes nodes;
  for (cmark_node* node = cmark_node_first_child(parent); node; node = cmark_node_next(node)) {
    Node converted = convert(node);
    // The writer's separator between two lists in a row, not part of the text.
    if (converted.type == "html_block" && converted.literal == "<!-- -->\n") continue;
    nodes.push_back(std::move(converted));
  }
  return nodes;
}

bool is_ascii_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// White space at the edges of emphasis, which CommonMark keeps outside it.
std::string trim_emphasis_space(std::string_view text) {
  constexpr std::string_view space = " \t\n\r";
  const auto first = text.find_first_not_of(space);
  if (first == std::string_view::npos) return {};
  return std::string(text.substr(first, text.find_last_not_of(space) + 1 - first));
}

// Formatting the writer must always manage to write: links, and emphasis
// with ASCII letters or digits at both edges next to plain text.
bool must_survive(const Segments& segments, std::size_t i) {
  const Segment& s = segments[i];
  if (s.kind == "link") return true;
  const bool alnum_edges = is_ascii_alnum(s.text.front()) && is_ascii_alnum(s.text.back());
  const bool text_before = i == 0 || segments[i - 1].kind == "text";
  const bool text_after = i + 1 == segments.size() || segments[i + 1].kind == "text";
  return alnum_edges && text_before && text_after;
}

// Formatted segments by their offset in the text.
std::vector<std::pair<std::size_t, Segment>> formatted(const Segments& segments) {
  std::vector<std::pair<std::size_t, Segment>> out;
  std::size_t offset = 0;
  for (const auto& s : segments) {
    if (s.kind != "text") out.emplace_back(offset, s);
    offset += s.text.size();
  }
  return out;
}

std::string describe_segments(const Segments& segments) {
  std::string out;
  for (const auto& s : segments) {
    out += s.kind == "text" ? "" : "<" + s.kind + (s.url.empty() ? "" : " " + s.url) + ">";
    out += fmt::format("{:?}", s.text);
    out += s.kind == "text" ? "" : "</" + s.kind + ">";
  }
  return out;
}

std::string compare_inlines(const Segments& expected, const Segments& actual) {
  if (text_of(expected) != text_of(actual))
    return fmt::format("text differs:\n  expected {}\n  actual   {}", describe_segments(expected),
                       describe_segments(actual));
  const auto wanted = formatted(expected);
  for (const auto& found : formatted(actual)) {
    bool in_model = false;
    for (const auto& w : wanted) in_model = in_model || w == found;
    if (!in_model)
      return fmt::format("stray {} {:?} at {}:\n  expected {}\n  actual   {}", found.second.kind,
                         found.second.text, found.first, describe_segments(expected),
                         describe_segments(actual));
  }
  const auto found = formatted(actual);
  std::size_t offset = 0;
  for (std::size_t i = 0; i < expected.size(); ++i) {
    const std::pair<std::size_t, Segment> w{offset, expected[i]};
    offset += expected[i].text.size();
    if (expected[i].kind == "text" || !must_survive(expected, i)) continue;
    bool present = false;
    for (const auto& f : found) present = present || f == w;
    if (!present)
      return fmt::format("lost {} {:?}:\n  expected {}\n  actual   {}", w.second.kind,
                         w.second.text, describe_segments(expected), describe_segments(actual));
  }
  return {};
}

std::string compare_node(const Node& expected, const Node& actual, const std::string& path) {
  if (expected.type != actual.type)
    return fmt::format("{}: expected a {}, found a {}", path, expected.type, actual.type);
  if (expected.level != actual.level)
    return fmt::format("{}: expected level {}, found {}", path, expected.level, actual.level);
  if (expected.ordered != actual.ordered || expected.start != actual.start)
    return fmt::format("{}: list kind or start differs", path);
  if (expected.literal != actual.literal)
    return fmt::format("{}: expected literal {:?}, found {:?}", path, expected.literal,
                       actual.literal);
  if (auto difference = compare_inlines(expected.inlines, actual.inlines); !difference.empty())
    return path + ": " + difference;
  const std::size_t common = std::min(expected.children.size(), actual.children.size());
  for (std::size_t i = 0; i < common; ++i) {
    auto difference = compare_node(expected.children[i], actual.children[i],
                                   fmt::format("{}/{}[{}]", path, expected.type, i));
    if (!difference.empty()) {
      const Nodes context(
          expected.children.begin() + static_cast<std::ptrdiff_t>(i > 0 ? i - 1 : i),
          expected.children.begin() + static_cast<std::ptrdiff_t>(i + 1));
      return difference + "\n  model blocks there:\n" + describe(context);
    }
  }
  if (expected.children.size() != actual.children.size()) {
    const auto& longer = expected.children.size() > actual.children.size() ? expected : actual;
    const Nodes extra(longer.children.begin() + static_cast<std::ptrdiff_t>(common),
                      longer.children.end());
    return fmt::format("{}: expected {} children, found {}; the extra ones ({}):\n{}", path,
                       expected.children.size(), actual.children.size(),
                       &longer == &expected ? "expected" : "found", describe(extra));
  }
  return {};
}

void describe_into(const Nodes& nodes, int depth, std::string& out) {
  for (const auto& node : nodes) {
    out += std::string(static_cast<std::size_t>(depth) * 2, ' ') + node.type;
    if (node.level) out += fmt::format(" {}", node.level);
    if (node.ordered) out += fmt::format(" ordered from {}", node.start);
    if (!node.literal.empty()) out += fmt::format(" {:?}", node.literal);
    if (!node.inlines.empty()) out += " " + describe_segments(node.inlines);
    out += '\n';
    describe_into(node.children, depth + 1, out);
  }
}

Node list_node(bool ordered) {
  Node list{"list", 0, ordered, ordered ? 1 : 0, {}, {}, {}};
  return list;
}

Node item_node(Segments inlines) {
  Node item{"item", 0, false, 0, {}, {}, {}};
  item.children.push_back(text_node("paragraph", std::move(inlines)));
  return item;
}

}  // namespace

std::pair<std::string, std::string> split_front_matter(std::string_view markdown) {
  if (markdown.substr(0, 4) != "---\n") return {"", std::string(markdown)};
  const auto end = markdown.find("\n---\n", 3);
  if (end == std::string_view::npos) throw std::runtime_error("front matter without its end");
  return {std::string(markdown.substr(4, end + 1 - 4)), std::string(markdown.substr(end + 5))};
}

Nodes parse_commonmark(std::string_view markdown) {
  const std::unique_ptr<cmark_node, CmarkNodeFree> document(
      cmark_parse_document(markdown.data(), markdown.size(), CMARK_OPT_DEFAULT));
  return convert_children(document.get());
}

std::string text_of(const Segments& segments) {
  std::string text;
  for (const auto& s : segments) text += s.text;
  return text;
}

Segments expected_segments(const Inlines& inlines) {
  Segments out;
  for (const auto& run : inlines) {
    const std::string text = xml_safe(run.text);
    // Targets: trimmed, line endings and tabs percent-encoded.
    std::string target = xml_safe(docconv::trim(run.target));
    for (const auto& [c, code] : {std::pair{'\n', "%0A"}, {'\r', "%0D"}, {'\t', "%09"}})
      for (auto at = target.find(c); at != std::string::npos; at = target.find(c, at))
        target.replace(at, 1, code);
    if (run.kind == InlineKind::link && !target.empty()) {
      append(out, "link", text, target);
    } else if (run.kind == InlineKind::emphasis || run.kind == InlineKind::strong) {
      const std::string core = trim_emphasis_space(text);
      const auto first = core.empty() ? text.size() : text.find(core);
      append(out, "text", text.substr(0, first));
      append(out, run.kind == InlineKind::emphasis ? "emph" : "strong", core);
      append(out, "text", text.substr(first + core.size()));
    } else {
      append(out, "text", text);
    }
  }
  return out;
}

Node text_node(std::string type, Segments inlines, int level) {
  Node node{std::move(type), level, false, 0, std::move(inlines), {}, {}};
  return node;
}

Nodes expected_body(const std::vector<Block>& blocks, bool keep_removed,
                    std::string_view read_more_label) {
  Nodes out;
  bool in_read_more = false;  // the last node is a "Read more" list
  for (const auto& block : blocks) {
    const std::size_t before = out.size();
    bool read_more_item = false;
    if (const auto* heading = std::get_if<Heading>(&block.content)) {
      out.push_back(text_node("heading", expected_segments(heading->content),
                              std::clamp(heading->level, 2, 6)));
    } else if (const auto* paragraph = std::get_if<Paragraph>(&block.content)) {
      auto inlines = expected_segments(paragraph->content);
      if (!inlines.empty()) out.push_back(text_node("paragraph", std::move(inlines)));
    } else if (const auto* quote = std::get_if<BlockQuote>(&block.content)) {
      Node node{"block_quote", 0, false, 0, {}, {}, {}};
      for (const auto& p : quote->paragraphs)
        if (auto inlines = expected_segments(p); !inlines.empty())
          node.children.push_back(text_node("paragraph", std::move(inlines)));
      if (!node.children.empty()) out.push_back(std::move(node));
    } else if (const auto* list = std::get_if<List>(&block.content)) {
      Node node = list_node(list->ordered);
      for (const auto& item : list->items)
        if (auto inlines = expected_segments(item); !inlines.empty())
          node.children.push_back(item_node(std::move(inlines)));
      if (!node.children.empty()) out.push_back(std::move(node));
    } else if (const auto* figure = std::get_if<Figure>(&block.content)) {
      Inlines line;
      const std::string caption(docconv::trim(plain_text(figure->caption)));
      const std::string credit(docconv::trim(figure->credit));
      if (!caption.empty()) line.push_back({InlineKind::emphasis, caption, {}});
      const std::string mark(docconv::trim(figure->credit_mark));
      const std::string before_credit = !mark.empty() ? (caption.empty() ? "" : " ") + mark + " "
                                        : caption.empty() ? ""
                                                          : " — ";
      if (!credit.empty()) line.push_back({InlineKind::text, before_credit + credit, {}});
      if (!line.empty()) out.push_back(text_node("paragraph", expected_segments(line)));
    } else if (const auto* related = std::get_if<RelatedLink>(&block.content)) {
      const std::string text = plain_text(related->text);
      const std::string target(docconv::trim(related->target));
      Inlines item;
      if (!target.empty())
        item = {{InlineKind::link, text.empty() ? target : text, target}};
      else
        item = {{InlineKind::text, text, {}}};
      if (auto inlines = expected_segments(item); !inlines.empty()) {
        if (!in_read_more) {
          out.push_back(text_node("paragraph", {{"strong", std::string(read_more_label), ""}}));
          out.push_back(list_node(false));
        }
        out.back().children.push_back(item_node(std::move(inlines)));
        read_more_item = true;
      }
    } else if (const auto* removed = std::get_if<Removed>(&block.content)) {
      if (keep_removed) {
        // A comment holding "--" is none for Pandoc: the writer writes "- -".
        const auto defuse = [](std::string text) {
          // Line endings as CommonMark normalises them.
          for (auto at = text.find('\r'); at != std::string::npos; at = text.find('\r', at))
            text.replace(at, at + 1 < text.size() && text[at + 1] == '\n' ? 2 : 1, "\n");
          for (auto at = text.find("--"); at != std::string::npos; at = text.find("--", at))
            text.replace(at, 2, "- -");
          return text;
        };
        const std::string reason =
            removed->reason.empty() ? "" : " (" + defuse(xml_safe(removed->reason)) + ")";
        out.push_back(
            Node{"html_block",
                 0,
                 false,
                 0,
                 {},
                 "<!-- removed" + reason + ": " + defuse(xml_safe(removed->text)) + " -->\n",
                 {}});
      }
    }
    if (out.size() != before || read_more_item) {
      in_read_more = read_more_item;
    }
  }
  return out;
}

std::string compare(const Nodes& expected, const Nodes& actual) {
  Node expected_root{"document", 0, false, 0, {}, {}, expected};
  Node actual_root{"document", 0, false, 0, {}, {}, actual};
  return compare_node(expected_root, actual_root, "");
}

std::string describe(const Nodes& nodes) {
  std::string out;
  describe_into(nodes, 0, out);
  return out;
}

}  // namespace docconv::markdown_test
