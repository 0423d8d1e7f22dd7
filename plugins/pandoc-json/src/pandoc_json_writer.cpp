#include "pandoc_json_writer.hpp"

#include <docconv/phrases.hpp>
#include <docconv/text.hpp>
#include <docconv/visit.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cstring>
#include <initializer_list>
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

using Attributes = std::vector<std::pair<std::string_view, std::string>>;
using namespace std::string_view_literals;

// The AST is printed as it is made, not built as a tree first: an article
// is thousands of nodes, and a tree of JSON values made the writer six times
// slower (docs/pandoc-json.md, "Speed").
class AstText {
 public:
  explicit AstText(std::string& out) : out_(out) {}

  std::string& buffer() { return out_; }
  void raw(std::string_view text) { out_ += text; }

  // A JSON string. Text without a quote, backslash or control character
  // needs no escaping; anything else is escaped by nlohmann/json.
  void string(std::string_view text) { string(text, !needs_escaping(text)); }
  void string(std::string_view text, bool plain) {
    if (plain) {
      out_ += '"';
      out_ += text;
      out_ += '"';
    } else {
      out_ += nlohmann::json(text).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    }
  }
  static bool needs_escaping(char c) {
    return c == '"' || c == '\\' || static_cast<unsigned char>(c) < 0x20;
  }
  static bool needs_escaping(std::string_view text) {
    return std::any_of(text.begin(), text.end(), [](char c) { return needs_escaping(c); });
  }

  // {"t":"Str","c":"word"}, for a word that needs escaping.
  void escaped_str(std::string_view word) {
    open("Str"sv);
    string(word, false);
    close();
  }

  // {"t":"LineBreak"}
  void leaf(std::string_view type) {
    out_ += R"({"t":")"sv;
    out_ += type;
    out_ += R"("})"sv;
  }
  // {"t":"Para","c": ... }: content follows, then close().
  void open(std::string_view type) {
    out_ += R"({"t":")"sv;
    out_ += type;
    out_ += R"(","c":)"sv;
  }
  void close() { out_ += '}'; }

  // Pandoc's Attr: [identifier, [classes], [[key, value]]]; empty values left out.
  void attr(std::string_view id = {}, std::initializer_list<std::string_view> classes = {},
            const Attributes& pairs = {}) {
    out_ += '[';
    string(id);
    out_ += ",["sv;
    bool first = true;
    for (const auto& name : classes) {
      if (!first) out_ += ',';
      first = false;
      string(name);
    }
    out_ += "],["sv;
    first = true;
    for (const auto& [key, value] : pairs) {
      if (value.empty()) continue;
      if (!first) out_ += ',';
      first = false;
      out_ += '[';
      string(key);
      out_ += ',';
      string(xml_safe(value));
      out_ += ']';
    }
    out_ += "]]"sv;
  }

 private:
  std::string& out_;
};

// The elements of one JSON array, with commas between them.
class Elements {
 public:
  explicit Elements(AstText& ast) : ast_(ast) {}
  AstText& next() {
    ast_.raw(separator());
    return ast_;
  }
  // What goes before the next element: nothing before the first, then ",".
  std::string_view separator() {
    const std::string_view before = first_ ? ""sv : ","sv;
    first_ = false;
    return before;
  }
  AstText& ast() { return ast_; }

 private:
  AstText& ast_;
  bool first_ = true;
};

// Appends to a string through a fixed buffer. Most of an AST is Str and
// Space nodes, a few bytes each: written here as copies of fixed sizes, which
// the compiler inlines, they cost a fraction of one std::string::append each.
class BufferedAppend {
 public:
  static constexpr std::size_t capacity = 4096;

  explicit BufferedAppend(std::string& out) : out_(out) {}
  BufferedAppend(const BufferedAppend&) = delete;
  BufferedAppend& operator=(const BufferedAppend&) = delete;
  ~BufferedAppend() { flush(); }

  // Where `size` (at most `capacity`) more bytes may be written, flushing to
  // make room; commit() then says where they end.
  char* room(std::size_t size) {
    if (size > capacity - used_) flush();
    return buffer_.data() + used_;
  }
  void commit(const char* end) { used_ = static_cast<std::size_t>(end - buffer_.data()); }

  void put(std::string_view piece) {
    if (piece.size() > capacity) {
      flush();
      out_ += piece;
      return;
    }
    char* at = room(piece.size());
    std::memcpy(at, piece.data(), piece.size());
    commit(at + piece.size());
  }
  // Before anything else appends to the string.
  void flush() {
    out_.append(buffer_.data(), used_);
    used_ = 0;
  }

 private:
  std::string& out_;
  std::array<char, capacity> buffer_;
  std::size_t used_ = 0;
};

// What text_elements makes of each byte.
enum class ByteClass : unsigned char { word, space, escaped };

constexpr std::array<ByteClass, 256> byte_classes = [] {
  std::array<ByteClass, 256> classes{};
  for (int c = 0; c < 0x20; ++c) classes[c] = ByteClass::escaped;
  classes['"'] = classes['\\'] = ByteClass::escaped;
  for (const char c : " \t\n\r\v\f"sv) classes[static_cast<unsigned char>(c)] = ByteClass::space;
  return classes;
}();

ByteClass class_of(char c) {
  return byte_classes[static_cast<unsigned char>(c)];
}

// Copies `piece`, whose size is known when this is compiled, to `at`.
template <std::size_t N>
char* copy_fixed(char* at, const std::array<char, N>& piece) {
  std::memcpy(at, piece.data(), N);
  return at + N;
}

constexpr std::size_t word_chunk = 16;

// Copies the `size` bytes at `from` to `to` in chunks of 16 bytes, which
// compile to a load and a store each, when the text goes on long enough
// after them; up to 15 bytes past `to + size` may be overwritten.
char* copy_word(char* to, const char* from, std::size_t size, const char* text_end) {
  const std::size_t rounded = (size + word_chunk - 1) / word_chunk * word_chunk;
  if (static_cast<std::size_t>(text_end - from) < rounded) {
    std::memcpy(to, from, size);
  } else {
    for (std::size_t done = 0; done < size; done += word_chunk)
      std::memcpy(to + done, from + done, word_chunk);
  }
  return to + size;
}

template <std::size_t N>
constexpr std::array<char, N - 1> chars(const char (&text)[N]) {
  std::array<char, N - 1> out{};
  for (std::size_t i = 0; i + 1 < N; ++i) out[i] = text[i];
  return out;
}

constexpr auto str_open = chars(R"({"t":"Str","c":")");
constexpr auto str_close = chars(R"("})");
constexpr auto space_node = chars(R"({"t":"Space"})");

// Text as Pandoc's readers give it: words as Str, each run of white space
// one Space. Text XML cannot carry becomes U+FFFD first, as in every
// writer: Pandoc's DOCX and ODT writers would otherwise write broken XML.
void text_elements(Elements& list, std::string_view raw) {
  std::string replaced;  // only when the text is not XML-safe, which is rare
  std::string_view text = raw;
  if (!is_xml_safe(raw)) text = replaced = xml_safe(raw);
  BufferedAppend out(list.ast().buffer());
  const char* at = text.data();
  const char* const end = text.data() + text.size();
  while (at < end) {
    const bool comma = !list.separator().empty();
    if (class_of(*at) == ByteClass::space) {
      while (at < end && class_of(*at) == ByteClass::space) ++at;
      char* to = out.room(1 + space_node.size());
      if (comma) *to++ = ',';
      out.commit(copy_fixed(to, space_node));
      continue;
    }
    const char* const start = at;
    while (at < end && class_of(*at) == ByteClass::word) ++at;
    if (at < end && class_of(*at) == ByteClass::escaped) {
      while (at < end && class_of(*at) != ByteClass::space) ++at;
      if (comma) out.put(","sv);
      out.flush();
      list.ast().escaped_str({start, static_cast<std::size_t>(at - start)});
      continue;
    }
    const auto size = static_cast<std::size_t>(at - start);
    const std::size_t room = 1 + str_open.size() + size + word_chunk + str_close.size();
    if (room > BufferedAppend::capacity) {
      if (comma) out.put(","sv);
      for (const std::string_view piece :
           {std::string_view(str_open.data(), str_open.size()), std::string_view(start, size),
            std::string_view(str_close.data(), str_close.size())})
        out.put(piece);
      continue;
    }
    char* to = out.room(room);
    if (comma) *to++ = ',';
    to = copy_fixed(to, str_open);
    to = copy_word(to, start, size, end);
    out.commit(copy_fixed(to, str_close));
  }
}

void text_array(AstText& ast, std::string_view text) {
  ast.raw("[");
  Elements list(ast);
  text_elements(list, text);
  ast.raw("]");
}

// {"t":"Link","c":[attr,[content],[target,""]]}
template <class Content>
void link(AstText& ast, std::string_view target, Content&& content) {
  ast.open("Link");
  ast.raw("[");
  ast.attr();
  ast.raw(",");
  content();
  ast.raw(",[");
  ast.string(xml_safe(target));
  ast.raw(R"(,""]])");
  ast.close();
}

void inline_elements(Elements& list, const Inlines& runs) {
  for (const auto& run : runs) {
    switch (run.kind) {
      case InlineKind::text:
        text_elements(list, run.text);
        break;
      case InlineKind::emphasis:
      case InlineKind::strong: {
        AstText& ast = list.next();
        ast.open(run.kind == InlineKind::emphasis ? "Emph" : "Strong");
        text_array(ast, run.text);
        ast.close();
        break;
      }
      case InlineKind::link: {
        AstText& ast = list.next();
        link(ast, run.target, [&] { text_array(ast, run.text); });
        break;
      }
    }
  }
}

// `runs` with their links as plain text: for what is itself a link or an
// image description, where a link inside would be nested.
Inlines without_links(Inlines runs) {
  for (auto& run : runs)
    if (run.kind == InlineKind::link) run.kind = InlineKind::text;
  return runs;
}

void inlines_array(AstText& ast, const Inlines& runs) {
  ast.raw("[");
  Elements list(ast);
  inline_elements(list, runs);
  ast.raw("]");
}

bool blank(const Inlines& runs) {
  return std::all_of(runs.begin(), runs.end(),
                     [](const Inline& run) { return trim(run.text).empty(); });
}

void para(AstText& ast, const Inlines& runs) {
  ast.open("Para");
  inlines_array(ast, runs);
  ast.close();
}

// {"t":TYPE,"c":[attr,content]}, the shape of Div and Span:
// `write_attr` and `write_content` write their parts.
template <class WriteAttr, class WriteContent>
void attributed(AstText& ast, std::string_view type, WriteAttr&& write_attr,
                WriteContent&& write_content) {
  ast.open(type);
  ast.raw("[");
  write_attr();
  ast.raw(",");
  write_content();
  ast.raw("]");
  ast.close();
}

// {"t":"Div","c":[attr,[blocks]]}
template <class WriteAttr, class WriteBlocks>
void div(AstText& ast, WriteAttr&& write_attr, WriteBlocks&& write_blocks) {
  attributed(ast, "Div", write_attr, [&] {
    ast.raw("[");
    write_blocks();
    ast.raw("]");
  });
}

// {"t":"Span","c":[attr,[inlines]]}: `write_inlines` writes the array.
template <class WriteAttr, class WriteInlines>
void span(AstText& ast, WriteAttr&& write_attr, WriteInlines&& write_inlines) {
  attributed(ast, "Span", write_attr, write_inlines);
}

// One case per block kind; each appends what the block becomes to `blocks`.
struct BlockToAst {
  Elements& blocks;
  const Options& options;

  void operator()(const Heading& b) const {
    // Level 1 is the article's title.
    AstText& ast = blocks.next();
    ast.open("Header");
    ast.raw(fmt::format("[{},", std::clamp(b.level, 2, 6)));
    ast.attr();
    ast.raw(",");
    inlines_array(ast, b.content);
    ast.raw("]");
    ast.close();
  }
  void operator()(const Paragraph& b) const {
    if (!blank(b.content)) para(blocks.next(), b.content);
  }
  void operator()(const BlockQuote& b) const {
    if (std::all_of(b.paragraphs.begin(), b.paragraphs.end(), blank)) return;
    AstText& ast = blocks.next();
    ast.open("BlockQuote");
    ast.raw("[");
    Elements paragraphs(ast);
    for (const auto& paragraph : b.paragraphs)
      if (!blank(paragraph)) para(paragraphs.next(), paragraph);
    ast.raw("]");
    ast.close();
  }
  void operator()(const List& b) const {
    if (b.items.empty()) return;
    AstText& ast = blocks.next();
    ast.open(b.ordered ? "OrderedList" : "BulletList");
    if (b.ordered) ast.raw(R"([[1,{"t":"Decimal"},{"t":"Period"}],)");
    ast.raw("[");
    Elements items(ast);
    for (const auto& item : b.items) {
      items.next().raw("[");
      ast.open("Plain");
      inlines_array(ast, item);
      ast.close();
      ast.raw("]");
    }
    ast.raw(b.ordered ? "]]" : "]");
    ast.close();
  }
  void operator()(const Figure& b) const {
    const bool has_caption = !blank(b.caption);
    const bool has_credit = !trim(b.credit).empty();
    if (b.image.empty() && !has_caption && !has_credit) return;
    AstText& ast = blocks.next();
    div(
        ast, [&] { ast.attr({}, {"figure"}); },
        [&] {
          Elements parts(ast);
          if (!b.image.empty()) {
            parts.next().open("Para");
            ast.raw("[");
            ast.open("Image");
            ast.raw("[");
            ast.attr();
            ast.raw(",");
            inlines_array(ast, without_links(b.caption));
            ast.raw(",[");
            ast.string(xml_safe(b.image));
            ast.raw(R"(,""]])");
            ast.close();
            ast.raw("]");
            ast.close();
          }
          if (!has_caption && !has_credit) return;
          parts.next().open("Para");
          ast.raw("[");
          if (has_caption)
            span(
                ast, [&] { ast.attr({}, {"caption"}); }, [&] { inlines_array(ast, b.caption); });
          if (has_caption && has_credit) ast.raw(R"(,{"t":"Space"},)");
          if (has_credit)
            span(
                ast,
                [&] {
                  ast.attr({}, {"credit"}, {{"mark", b.credit_mark}});
                },
                [&] { text_array(ast, b.credit); });
          ast.raw("]");
          ast.close();
        });
  }
  void operator()(const RelatedLink& b) const {
    if (blank(b.text)) return;
    AstText& ast = blocks.next();
    div(
        ast,
        [&] {
          ast.attr({}, {"related"}, {{"label", b.label}});
        },
        [&] {
          if (trim(b.target).empty()) {
            para(ast, b.text);
            return;
          }
          ast.open("Para");
          ast.raw("[");
          link(ast, b.target, [&] { inlines_array(ast, without_links(b.text)); });
          ast.raw("]");
          ast.close();
        });
  }
  void operator()(const Removed& b) const {
    if (!options.keep_removed) return;
    AstText& ast = blocks.next();
    div(
        ast,
        [&] {
          ast.attr({}, {"removed"}, {{"reason", b.reason}});
        },
        [&] {
          ast.open("Para");
          ast.raw("[");
          Elements content(ast);
          std::string_view rest = b.text;
          for (bool first = true;; first = false) {
            const std::size_t newline = rest.find('\n');
            if (!first) content.next().leaf("LineBreak");
            text_elements(content, rest.substr(0, newline));
            if (newline == std::string_view::npos) break;
            rest.remove_prefix(newline + 1);
          }
          ast.raw("]");
          ast.close();
        });
  }
};

std::string language_of(const std::string& text) {
  return language_tag(text).value_or("");
}

// The dateline as the source wrote it ("MOSCOW, June 6. /TASS/."), or made
// from the metadata when the source had none: its text, and whether it was
// written.
std::pair<std::string, bool> dateline_text(const Metadata& m) {
  if (!m.in_source.dateline_text.empty()) return {m.in_source.dateline_text, true};
  std::string text = join({m.dateline_place, Phrases::of(m.language).date(m.date)}, ", ");
  if (!m.agency.empty()) text = text.empty() ? m.agency : text + " (" + m.agency + ")";
  return {text, false};
}

void dateline_span(AstText& ast, const Metadata& m, const std::string& text, bool written) {
  span(
      ast,
      [&] {
        const Attributes parts{
            {"place", m.dateline_place}, {"date", iso_date(m.date)}, {"agency", m.agency}};
        if (written)
          ast.attr({}, {"dateline"}, parts);
        else
          ast.attr({}, {"dateline", "generated"}, parts);
      },
      [&] { text_array(ast, text); });
}

// The paragraph the dateline opened in the dump, if it is still there.
const Block* paragraph_opened_by_dateline(const Document& document) {
  const std::size_t line = document.metadata.in_source.dateline.first;
  if (line == 0) return nullptr;
  for (const auto& block : document.blocks)
    if (const auto* paragraph = std::get_if<Paragraph>(&block.content);
        paragraph != nullptr && block.lines.first == line && !blank(paragraph->content))
      return &block;
  return nullptr;
}

}  // namespace

std::string article_json(const Document& document, std::size_t number, const Options& options) {
  std::string out;
  append_article_json(out, document, number, options);
  return out;
}

void append_article_json(std::string& out, const Document& document, std::size_t number,
                         const Options& options) {
  const Metadata& m = document.metadata;
  const std::string id = fmt::format("article-{}", number);
  const auto& of = m.near_duplicate_of;
  const std::string repeats = of ? fmt::format("article-{}", of->article) : std::string();
  const std::string similarity = of ? fmt::format("{:.2f}", of->similarity) : std::string();
  AstText ast(out);
  const auto write_attr = [&] {
    ast.attr(id, {"article"},
             {{"source", m.source},
              {"lang", language_of(m.language)},
              {"agency", m.agency},
              {"place", m.dateline_place},
              {"date", iso_date(m.date)},
              {"authors", join(m.authors, "; ")},
              {"title-derived", m.title_derived ? "true" : ""},
              {"near-duplicate-of", repeats},
              {"similarity", similarity}});
  };
  div(ast, write_attr, [&] {
    Elements blocks(ast);
    blocks.next().open("Header");
    ast.raw("[1,");
    if (m.title_derived)
      ast.attr(id + "-title", {"derived"});
    else
      ast.attr(id + "-title");
    ast.raw(",");
    text_array(ast, m.title);
    ast.raw("]");
    ast.close();
    if (!trim(m.standfirst).empty())
      div(
          blocks.next(), [&] { ast.attr({}, {"standfirst"}); },
          [&] { para(ast, text_run(m.standfirst)); });

    // The dateline opens the paragraph it was read from; without one, it
    // stands before the body.
    const auto [dateline, written] = dateline_text(m);
    // A dateline made from the metadata was in no paragraph.
    const Block* opened = written ? paragraph_opened_by_dateline(document) : nullptr;
    if (!dateline.empty() && opened == nullptr) {
      blocks.next().open("Para");
      ast.raw("[");
      dateline_span(ast, m, dateline, written);
      ast.raw("]");
      ast.close();
    }
    for (const auto& block : document.blocks) {
      if (&block != opened) {
        visit_block(block.content, BlockToAst{blocks, options});
        continue;
      }
      blocks.next().open("Para");
      ast.raw("[");
      Elements content(ast);
      dateline_span(content.next(), m, dateline, written);
      content.next().leaf("Space");
      inline_elements(content, std::get<Paragraph>(block.content).content);
      ast.raw("]");
      ast.close();
    }
  });
}

namespace {

void meta_inlines(AstText& ast, const std::string& text) {
  ast.open("MetaInlines");
  text_array(ast, text);
  ast.close();
}

void meta_string(AstText& ast, const std::string& text) {
  ast.open("MetaString");
  ast.string(xml_safe(text));
  ast.close();
}

// The start of a document: its meta (what Pandoc's templates show as title,
// author, lang and date), then the opening of its blocks.
std::string ast_start(const std::string& title, const std::vector<std::string>& authors,
                      const std::string& language, const std::string& date) {
  std::string out =
      fmt::format(R"({{"pandoc-api-version":[{}],"meta":{{)", fmt::join(pandoc_api_version, ","));
  AstText ast(out);
  Elements meta(ast);
  if (!authors.empty()) {
    meta.next().raw(R"("author":)");
    ast.open("MetaList");
    ast.raw("[");
    Elements list(ast);
    for (const auto& author : authors) meta_inlines(list.next(), author);
    ast.raw("]");
    ast.close();
  }
  if (!date.empty()) {
    meta.next().raw(R"("date":)");
    meta_string(ast, date);
  }
  if (!language_of(language).empty()) {
    meta.next().raw(R"("lang":)");
    meta_string(ast, language_of(language));
  }
  meta.next().raw(R"("title":)");
  meta_inlines(ast, title);
  out += R"(},"blocks":[)";
  return out;
}

constexpr std::string_view ast_end = "]}\n";

}  // namespace

void PandocJsonWriter::begin(const WriteContext& ctx) {
  ctx_ = &ctx;
  options_ = Options::parse(ctx.options);
  count_ = 0;
}

// The single AST's start, written with the first article: its title and
// language are --title's and --lang's, else in the first article's language.
void PandocJsonWriter::start(const std::string& first_language) {
  const CollectionMetadata& c = ctx_->collection;
  const std::string& language = c.language.empty() ? first_language : c.language;
  const std::string date =
      c.source_date_epoch ? utc_timestamp(*c.source_date_epoch).substr(0, 10) : std::string();
  ctx_->output.stream() << ast_start(
      c.title.empty() ? Phrases::of(language).collection_title() : c.title, c.authors, language,
      date);
}

void PandocJsonWriter::add(const Document& document) {
  ++count_;
  article_.clear();
  if (!ctx_->output.split()) {
    if (count_ == 1) start(document.metadata.language);
    if (count_ > 1) article_ += ',';
    append_article_json(article_, document, count_, options_);
    ctx_->output.stream().write(article_.data(), static_cast<std::streamsize>(article_.size()));
    return;
  }
  append_article_json(article_, document, count_, options_);
  const Metadata& m = document.metadata;
  std::ostream& out = ctx_->output.open_part(split_file_name(count_, m.title, ".pandoc.json"));
  const std::string& language =
      ctx_->collection.language.empty() ? m.language : ctx_->collection.language;
  out << ast_start(m.title, m.authors, language, iso_date(m.date)) << article_ << ast_end;
}

void PandocJsonWriter::finish() {
  if (ctx_->output.split()) return;
  if (count_ == 0) start({});
  ctx_->output.stream() << ast_end;
}

}  // namespace docconv::pandoc_json
