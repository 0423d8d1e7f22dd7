#include "pandoc_json_writer.hpp"

#include <docconv/text.hpp>
#include <docconv/visit.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <ostream>
#include <utility>
#include <vector>

namespace docconv::pandoc_json {

Options Options::parse(const OptionValues& values) {
  Options options;
  options.keep_removed = option_or(values, "keep-removed", "false") == "true";
  return options;
}

namespace {

// "t" before "c", as Pandoc writes its own AST, for people who read it.
using Json = nlohmann::ordered_json;
using Attributes = std::vector<std::pair<std::string, std::string>>;

Json node(const char* type) {
  return Json{{"t", type}};
}

Json node(const char* type, Json content) {
  return Json{{"t", type}, {"c", std::move(content)}};
}

// Pandoc's Attr: [identifier, [classes], [[key, value]]]. Empty values are left out.
Json attr(std::string id = {}, std::vector<std::string> classes = {},
          const Attributes& pairs = {}) {
  Json kv = Json::array();
  for (const auto& [key, value] : pairs)
    if (!value.empty()) kv.push_back(Json::array({key, xml_safe(value)}));
  return Json::array({std::move(id), std::move(classes), std::move(kv)});
}

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

// Text as Pandoc's readers give it: words as Str, each run of white space
// one Space. Text XML cannot carry becomes U+FFFD first, as in every
// writer: Pandoc's DOCX and ODT writers would otherwise write broken XML.
void append_text(Json& out, std::string_view raw) {
  const std::string text = xml_safe(raw);
  std::size_t pos = 0;
  while (pos < text.size()) {
    if (is_space(text[pos])) {
      while (pos < text.size() && is_space(text[pos])) ++pos;
      out.push_back(node("Space"));
      continue;
    }
    const std::size_t start = pos;
    while (pos < text.size() && !is_space(text[pos])) ++pos;
    out.push_back(node("Str", text.substr(start, pos - start)));
  }
}

Json text_inlines(std::string_view text) {
  Json out = Json::array();
  append_text(out, text);
  return out;
}

Json inlines(const Inlines& runs) {
  Json out = Json::array();
  for (const auto& run : runs) {
    switch (run.kind) {
      case InlineKind::text:
        append_text(out, run.text);
        break;
      case InlineKind::emphasis:
        out.push_back(node("Emph", text_inlines(run.text)));
        break;
      case InlineKind::strong:
        out.push_back(node("Strong", text_inlines(run.text)));
        break;
      case InlineKind::link:
        out.push_back(node("Link", Json::array({attr(), text_inlines(run.text),
                                                Json::array({xml_safe(run.target), ""})})));
        break;
    }
  }
  return out;
}

bool blank(const Inlines& runs) {
  return trim(plain_text(runs)).empty();
}

Json para(Json content) {
  return node("Para", std::move(content));
}

Json div(Json attributes, Json blocks) {
  return node("Div", Json::array({std::move(attributes), std::move(blocks)}));
}

Json span(Json attributes, Json content) {
  return node("Span", Json::array({std::move(attributes), std::move(content)}));
}

// One case per block kind; each appends what the block becomes to `out`.
struct BlockToAst {
  Json& out;
  const Options& options;

  void operator()(const Heading& b) const {
    // Level 1 is the article's title.
    const int level = std::clamp(b.level, 2, 6);
    out.push_back(node("Header", Json::array({level, attr(), inlines(b.content)})));
  }
  void operator()(const Paragraph& b) const {
    if (!blank(b.content)) out.push_back(para(inlines(b.content)));
  }
  void operator()(const BlockQuote& b) const {
    Json paragraphs = Json::array();
    for (const auto& paragraph : b.paragraphs)
      if (!blank(paragraph)) paragraphs.push_back(para(inlines(paragraph)));
    if (!paragraphs.empty()) out.push_back(node("BlockQuote", std::move(paragraphs)));
  }
  void operator()(const List& b) const {
    Json items = Json::array();
    for (const auto& item : b.items) items.push_back(Json::array({node("Plain", inlines(item))}));
    if (items.empty()) return;
    if (b.ordered)
      out.push_back(
          node("OrderedList",
               Json::array({Json::array({1, node("Decimal"), node("Period")}), std::move(items)})));
    else
      out.push_back(node("BulletList", std::move(items)));
  }
  void operator()(const Figure& b) const {
    Json blocks = Json::array();
    if (!b.image.empty())
      blocks.push_back(
          para(Json::array({node("Image", Json::array({attr(), inlines(b.caption),
                                                       Json::array({xml_safe(b.image), ""})}))})));
    Json text = Json::array();
    if (!blank(b.caption)) text.push_back(span(attr({}, {"caption"}), inlines(b.caption)));
    if (!trim(b.credit).empty()) {
      if (!text.empty()) text.push_back(node("Space"));
      text.push_back(span(attr({}, {"credit"}, {{"mark", b.credit_mark}}), text_inlines(b.credit)));
    }
    if (!text.empty()) blocks.push_back(para(std::move(text)));
    if (!blocks.empty()) out.push_back(div(attr({}, {"figure"}), std::move(blocks)));
  }
  void operator()(const RelatedLink& b) const {
    if (blank(b.text)) return;
    Json content = inlines(b.text);
    if (!trim(b.target).empty())
      content = Json::array({node("Link", Json::array({attr(), std::move(content),
                                                       Json::array({xml_safe(b.target), ""})}))});
    out.push_back(
        div(attr({}, {"related"}, {{"label", b.label}}), Json::array({para(std::move(content))})));
  }
  void operator()(const Removed& b) const {
    if (!options.keep_removed) return;
    Json content = Json::array();
    std::string_view rest = b.text;
    for (bool first = true; !rest.empty() || first; first = false) {
      const std::size_t newline = rest.find('\n');
      if (!first) content.push_back(node("LineBreak"));
      append_text(content, rest.substr(0, newline));
      rest = newline == std::string_view::npos ? std::string_view() : rest.substr(newline + 1);
      if (newline == std::string_view::npos) break;
    }
    out.push_back(div(attr({}, {"removed"}, {{"reason", b.reason}}),
                      Json::array({para(std::move(content))})));
  }
};

std::string language_of(const std::string& text) {
  return language_tag(text).value_or("");
}

Attributes article_attributes(const Metadata& m) {
  return {{"source", m.source},
          {"lang", language_of(m.language)},
          {"agency", m.agency},
          {"place", m.dateline_place},
          {"date", iso_date(m.date)},
          {"authors", join(m.authors, "; ")},
          {"title-derived", m.title_derived ? "true" : ""}};
}

// The dateline as the source wrote it ("MOSCOW, June 6. /TASS/."), or made
// from the metadata when the source had none, as a Span with its parts.
Json dateline_span(const Metadata& m) {
  const bool written = !m.in_source.dateline_text.empty();
  std::string text = m.in_source.dateline_text;
  if (!written) {
    text = join({m.dateline_place, display_date(m.date)}, ", ");
    if (!m.agency.empty()) text = text.empty() ? m.agency : text + " (" + m.agency + ")";
  }
  if (text.empty()) return nullptr;
  std::vector<std::string> classes{"dateline"};
  if (!written) classes.emplace_back("generated");
  return span(attr({}, std::move(classes),
                   {{"place", m.dateline_place}, {"date", iso_date(m.date)}, {"agency", m.agency}}),
              text_inlines(text));
}

}  // namespace

std::string article_json(const Document& document, std::size_t number, const Options& options) {
  const Metadata& m = document.metadata;
  const std::string id = fmt::format("article-{}", number);
  Json blocks = Json::array();
  blocks.push_back(
      node("Header",
           Json::array({1,
                        attr(id + "-title", m.title_derived ? std::vector<std::string>{"derived"}
                                                            : std::vector<std::string>{}),
                        text_inlines(m.title)})));
  if (!trim(m.standfirst).empty())
    blocks.push_back(
        div(attr({}, {"standfirst"}), Json::array({para(text_inlines(m.standfirst))})));

  // The dateline opens the paragraph it was read from; without one, it
  // stands before the body.
  Json dateline = dateline_span(m);
  const Block* opened = nullptr;
  if (!dateline.is_null() && m.in_source.dateline.first != 0)
    for (const auto& block : document.blocks)
      if (std::holds_alternative<Paragraph>(block.content) &&
          block.lines.first == m.in_source.dateline.first &&
          !blank(std::get<Paragraph>(block.content).content)) {
        opened = &block;
        break;
      }
  if (!dateline.is_null() && opened == nullptr) blocks.push_back(para(Json::array({dateline})));

  for (const auto& block : document.blocks) {
    if (&block == opened) {
      Json content = Json::array({std::move(dateline), node("Space")});
      for (auto& item : inlines(std::get<Paragraph>(block.content).content))
        content.push_back(std::move(item));
      blocks.push_back(para(std::move(content)));
      continue;
    }
    visit_block(block.content, BlockToAst{blocks, options});
  }
  return div(attr(id, {"article"}, article_attributes(m)), std::move(blocks))
      .dump(-1, ' ', false, Json::error_handler_t::replace);
}

namespace {

Json meta_inlines(const std::string& text) {
  return node("MetaInlines", text_inlines(text));
}

// The document's meta: what Pandoc's templates show as title, author, lang
// and date.
std::string meta_json(const std::string& title, const std::vector<std::string>& authors,
                      const std::string& language, const std::string& date) {
  Json meta = Json::object();
  meta["title"] = meta_inlines(title);
  if (!authors.empty()) {
    Json list = Json::array();
    for (const auto& author : authors) list.push_back(meta_inlines(author));
    meta["author"] = node("MetaList", std::move(list));
  }
  if (!language_of(language).empty()) meta["lang"] = node("MetaString", language_of(language));
  if (!date.empty()) meta["date"] = node("MetaString", date);
  return meta.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string ast_start(const std::string& meta) {
  return fmt::format(R"({{"pandoc-api-version":[{}],"meta":{},"blocks":[)",
                     fmt::join(pandoc_api_version, ","), meta);
}

constexpr std::string_view ast_end = "]}\n";

}  // namespace

void PandocJsonWriter::begin(const WriteContext& ctx) {
  ctx_ = &ctx;
  options_ = Options::parse(ctx.options);
  count_ = 0;
  if (ctx.output.split()) return;
  const CollectionMetadata& c = ctx.collection;
  const std::string date =
      c.source_date_epoch ? utc_timestamp(*c.source_date_epoch).substr(0, 10) : std::string();
  ctx.output.stream() << ast_start(
      meta_json(c.title.empty() ? "News articles" : c.title, c.authors, c.language, date));
}

void PandocJsonWriter::add(const Document& document) {
  ++count_;
  const std::string article = article_json(document, count_, options_);
  if (!ctx_->output.split()) {
    ctx_->output.stream() << (count_ > 1 ? "," : "") << article;
    return;
  }
  const Metadata& m = document.metadata;
  std::ostream& out = ctx_->output.open_part(split_file_name(count_, m.title, ".pandoc.json"));
  const std::string language =
      ctx_->collection.language.empty() ? m.language : ctx_->collection.language;
  out << ast_start(meta_json(m.title, m.authors, language, iso_date(m.date))) << article << ast_end;
}

void PandocJsonWriter::finish() {
  if (!ctx_->output.split()) ctx_->output.stream() << ast_end;
}

}  // namespace docconv::pandoc_json
