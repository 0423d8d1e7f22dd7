#include "json_reader.hpp"

#include <docconv/text.hpp>
#include <docconv/version.hpp>
#include <docconv/visit.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <initializer_list>
#include <limits>
#include <optional>
#include <utility>

namespace docconv::json {
namespace {

using Json = nlohmann::json;

// A value of the document and where it stands ("documents[0].blocks[3]"),
// so that every error can say which field to fix.
class Field {
 public:
  /// `ignored` collects the paths of members no only() call knew.
  Field(const Json& value, std::string path, std::vector<std::string>& ignored)
      : value_(value), path_(std::move(path)), ignored_(&ignored) {}

  [[noreturn]] void fail(std::string_view what) const {
    throw Error(fmt::format("{}: {}", path_.empty() ? "the document" : path_, what));
  }

  /// The member `key`, or nothing when it is absent or null.
  std::optional<Field> member(std::string_view key) const {
    expect(value_.is_object(), "an object");
    const auto found = value_.find(key);
    if (found == value_.end() || found->is_null()) return std::nullopt;
    return Field(*found, child_path(key), *ignored_);
  }

  /// Notes every member not in `known`: a hand edit with a misspelt key
  /// ("titel") would otherwise be lost without a word.
  void only(std::initializer_list<std::string_view> known) const {
    expect(value_.is_object(), "an object");
    for (const auto& item : value_.items())
      if (std::find(known.begin(), known.end(), item.key()) == known.end())
        ignored_->push_back(child_path(item.key()));
  }

  Field required(std::string_view key) const {
    auto found = member(key);
    if (!found) fail(fmt::format("\"{}\" is missing", key));
    return *found;
  }

  std::vector<Field> elements() const {
    expect(value_.is_array(), "an array");
    std::vector<Field> out;
    out.reserve(value_.size());
    for (std::size_t i = 0; i < value_.size(); ++i)
      out.emplace_back(value_[i], fmt::format("{}[{}]", path_, i), *ignored_);
    return out;
  }

  std::vector<std::pair<std::string, Field>> members() const {
    expect(value_.is_object(), "an object");
    std::vector<std::pair<std::string, Field>> out;
    for (const auto& [key, value] : value_.items())
      out.emplace_back(key, Field(value, child_path(key), *ignored_));
    return out;
  }

  std::string string() const {
    expect(value_.is_string(), "a string");
    return value_.get<std::string>();
  }

  bool boolean() const {
    expect(value_.is_boolean(), "true or false");
    return value_.get<bool>();
  }

  // Any value the model can hold: a reader's numbers are not checked, so
  // the writers cope with every one (and this reader gives them back as
  // inspect wrote them).
  int int_number() const {
    expect(value_.is_number_integer(), "a whole number");
    if (value_.is_number_unsigned() ? value_.get<std::uint64_t>() > std::numeric_limits<int>::max()
                                    : value_.get<std::int64_t>() < std::numeric_limits<int>::min())
      fail(fmt::format("{} is out of range", value_.dump()));
    return value_.get<int>();
  }

  /// A number from 0 to 1 (a similarity).
  double fraction() const {
    expect(value_.is_number(), "a number from 0 to 1");
    const double number = value_.get<double>();
    if (!(number >= 0 && number <= 1)) fail("expected a number from 0 to 1");
    return number;
  }

  std::size_t size_number() const {
    expect(value_.is_number_unsigned(), "a whole number, 0 or more");
    return value_.get<std::size_t>();
  }

  const std::string& path() const { return path_; }

 private:
  std::string child_path(std::string_view key) const {
    return path_.empty() ? std::string(key) : fmt::format("{}.{}", path_, key);
  }

  void expect(bool ok, std::string_view wanted) const {
    if (!ok) fail(fmt::format("expected {}, found {}", wanted, value_.type_name()));
  }

  const Json& value_;
  std::string path_;
  std::vector<std::string>* ignored_;
};

// ---- Small values ----

std::string string_or_empty(const Field& object, std::string_view key) {
  const auto field = object.member(key);
  return field ? field->string() : std::string();
}

std::vector<std::string> strings(const Field& array) {
  std::vector<std::string> out;
  for (const auto& element : array.elements()) out.push_back(element.string());
  return out;
}

std::map<std::string, std::string> string_map(const Field& object) {
  std::map<std::string, std::string> out;
  for (const auto& [key, value] : object.members()) out[key] = value.string();
  return out;
}

SourceLines lines_of(const std::optional<Field>& field) {
  if (!field) return {};
  const auto pair = field->elements();
  if (pair.size() != 2) field->fail("expected [first line, last line]");
  return SourceLines{pair[0].size_number(), pair[1].size_number()};
}

// ---- Inlines: the plain text, and the runs when there is formatting ----

InlineKind inline_kind(const Field& field) {
  static constexpr std::array<std::pair<std::string_view, InlineKind>, 4> kinds{{
      {"text", InlineKind::text},
      {"emphasis", InlineKind::emphasis},
      {"strong", InlineKind::strong},
      {"link", InlineKind::link},
  }};
  const std::string name = field.string();
  for (const auto& [known, kind] : kinds)
    if (name == known) return kind;
  field.fail(fmt::format("unknown inline kind \"{}\" (text, emphasis, strong or link)", name));
}

Inlines runs_of(const Field& array) {
  Inlines out;
  for (const auto& element : array.elements()) {
    element.only({"kind", "text", "target"});
    Inline run;
    run.kind = inline_kind(element.required("kind"));
    run.text = string_or_empty(element, "text");
    run.target = string_or_empty(element, "target");
    out.push_back(std::move(run));
  }
  return out;
}

// `text` is always written; `text_inlines` only when there is formatting. A
// hand edit changes one of them: both present and different is ambiguous.
Inlines inlines_of(const Field& text, const std::optional<Field>& runs) {
  if (!runs) return text.string().empty() ? Inlines{} : text_run(text.string());
  Inlines inlines = runs_of(*runs);
  if (plain_text(inlines) != text.string())
    text.fail(
        fmt::format("differs from the text of {}; edit one and remove the other", runs->path()));
  return inlines;
}

Inlines inlines_at(const Field& object, std::string_view key) {
  const auto text = object.member(key);
  const auto runs = object.member(std::string(key) + "_inlines");
  if (!text) return runs ? runs_of(*runs) : Inlines{};
  return inlines_of(*text, runs);
}

std::vector<Inlines> inline_list_at(const Field& object, std::string_view key) {
  const auto texts = object.member(key);
  const auto runs = object.member(std::string(key) + "_inlines");
  if (!texts) {  // the plain texts deleted after an edit of the runs
    std::vector<Inlines> out;
    if (runs)
      for (const auto& item : runs->elements()) out.push_back(runs_of(item));
    return out;
  }
  const auto items = texts->elements();
  std::vector<Field> item_runs;
  if (runs) {
    item_runs = runs->elements();
    if (item_runs.size() != items.size())
      runs->fail(fmt::format("has {} entries for {} in {}", item_runs.size(), items.size(),
                             texts->path()));
  }
  std::vector<Inlines> out;
  for (std::size_t i = 0; i < items.size(); ++i)
    out.push_back(inlines_of(items[i], runs ? std::optional(item_runs[i]) : std::nullopt));
  return out;
}

// ---- Blocks ----

// Fills the block kind it is given from the JSON object of the block; one
// case per kind, so a kind added to the model fails to compile here.
struct BlockFromJson {
  const Field& object;

  BlockContent operator()(const Heading&) const {
    object.only({"type", "lines", "level", "text", "text_inlines"});
    const auto level = object.member("level");
    return Heading{level ? level->int_number() : 2, inlines_at(object, "text")};
  }
  BlockContent operator()(const Paragraph&) const {
    object.only({"type", "lines", "text", "text_inlines"});
    return Paragraph{inlines_at(object, "text")};
  }
  BlockContent operator()(const BlockQuote&) const {
    object.only({"type", "lines", "paragraphs", "paragraphs_inlines", "marker"});
    return BlockQuote{inline_list_at(object, "paragraphs"), string_or_empty(object, "marker")};
  }
  BlockContent operator()(const List&) const {
    object.only({"type", "lines", "ordered", "items", "items_inlines", "marker"});
    const auto ordered = object.member("ordered");
    return List{ordered && ordered->boolean(), inline_list_at(object, "items"),
                string_or_empty(object, "marker")};
  }
  BlockContent operator()(const Figure&) const {
    object.only({"type", "lines", "caption", "caption_inlines", "credit", "image", "credit_mark",
                 "as_written"});
    return Figure{inlines_at(object, "caption"), string_or_empty(object, "credit"),
                  string_or_empty(object, "image"), string_or_empty(object, "credit_mark"),
                  string_or_empty(object, "as_written")};
  }
  BlockContent operator()(const RelatedLink&) const {
    object.only({"type", "lines", "text", "text_inlines", "target", "label"});
    return RelatedLink{inlines_at(object, "text"), string_or_empty(object, "target"),
                       string_or_empty(object, "label")};
  }
  BlockContent operator()(const Removed&) const {
    object.only({"type", "lines", "text", "reason"});
    return Removed{string_or_empty(object, "text"), string_or_empty(object, "reason")};
  }
};

template <std::size_t... Index>
std::optional<BlockContent> empty_block_named(std::string_view name,
                                              std::index_sequence<Index...>) {
  std::optional<BlockContent> found;
  const auto try_kind = [&](auto index) {
    BlockContent candidate(std::in_place_index<decltype(index)::value>);
    if (!found && block_type_name(candidate) == name) found = std::move(candidate);
  };
  (try_kind(std::integral_constant<std::size_t, Index>{}), ...);
  return found;
}

template <std::size_t... Index>
std::string known_block_types(std::index_sequence<Index...>) {
  std::string out;
  ((out += std::string(Index == 0 ? "" : ", ") +
           std::string(block_type_name(BlockContent(std::in_place_index<Index>)))),
   ...);
  return out;
}

Block block_of(const Field& object) {
  constexpr auto kinds = std::make_index_sequence<std::variant_size_v<BlockContent>>{};
  const Field type = object.required("type");
  const auto kind = empty_block_named(type.string(), kinds);
  if (!kind)
    type.fail(
        fmt::format("unknown block type \"{}\" ({})", type.string(), known_block_types(kinds)));
  return Block{visit_block(*kind, BlockFromJson{object}), lines_of(object.member("lines"))};
}

// ---- Metadata ----

PartialDate date_of(const Field& object) {
  object.only({"year", "month", "day", "iso"});
  const auto part = [&](std::string_view key) {
    const auto field = object.member(key);
    return field ? field->int_number() : 0;
  };
  const PartialDate date{part("year"), part("month"), part("day")};
  // "iso" is written for people to read; a change made to it alone would be lost.
  if (const auto iso = object.member("iso"); iso && iso->string() != iso_date(date))
    iso->fail(
        fmt::format("\"{}\" does not match year, month and day (\"{}\"); change both, or "
                    "remove \"iso\"",
                    iso->string(), iso_date(date)));
  return date;
}

SourceFacts source_facts_of(const Field& object) {
  object.only({"title", "standfirst", "byline", "dateline", "dateline_text"});
  return SourceFacts{lines_of(object.member("title")), lines_of(object.member("standfirst")),
                     lines_of(object.member("byline")), lines_of(object.member("dateline")),
                     string_or_empty(object, "dateline_text")};
}

NearDuplicateOf near_duplicate_of(const Field& object) {
  object.only({"article", "title", "source", "similarity"});
  NearDuplicateOf of;
  of.article = object.required("article").size_number();
  of.title = string_or_empty(object, "title");
  of.source = string_or_empty(object, "source");
  of.similarity = object.required("similarity").fraction();
  return of;
}

Metadata metadata_of(const Field& object) {
  object.only({"title", "title_derived", "standfirst", "authors", "publisher", "agency",
               "dateline_place", "date", "language", "source", "identifiers", "extras", "in_source",
               "near_duplicate_of"});
  Metadata m;
  m.title = string_or_empty(object, "title");
  if (const auto derived = object.member("title_derived")) m.title_derived = derived->boolean();
  m.standfirst = string_or_empty(object, "standfirst");
  if (const auto authors = object.member("authors")) m.authors = strings(*authors);
  m.publisher = string_or_empty(object, "publisher");
  m.agency = string_or_empty(object, "agency");
  m.dateline_place = string_or_empty(object, "dateline_place");
  if (const auto date = object.member("date")) m.date = date_of(*date);
  m.language = string_or_empty(object, "language");  // checked by the writers, as for any reader
  m.source = string_or_empty(object, "source");
  if (const auto identifiers = object.member("identifiers"))
    m.identifiers = string_map(*identifiers);
  if (const auto extras = object.member("extras")) m.extras = string_map(*extras);
  if (const auto facts = object.member("in_source")) m.in_source = source_facts_of(*facts);
  if (const auto of = object.member("near_duplicate_of"))
    m.near_duplicate_of = near_duplicate_of(*of);
  return m;
}

Document document_of(const Field& object) {
  object.only({"metadata", "blocks"});
  Document document;
  if (const auto metadata = object.member("metadata")) document.metadata = metadata_of(*metadata);
  if (const auto blocks = object.member("blocks"))
    for (const auto& block : blocks->elements()) document.blocks.push_back(block_of(block));
  return document;
}

}  // namespace

ModelJson read_model_json(std::string_view json_text) {
  Json root;
  try {
    root = Json::parse(json_text);
  } catch (const Json::exception& e) {
    // "[json.exception.parse_error.101] parse error at line 3, column 5: ...", or
    // "[json.exception.out_of_range.406] number overflow parsing '6e666666'"
    const std::string what = e.what();
    const auto detail = what.find("] ");
    throw Error(fmt::format("not valid JSON: {}",
                            detail == std::string::npos ? what : what.substr(detail + 2)));
  }
  ModelJson out;
  const Field top(root, "", out.ignored);
  if (!root.is_object()) top.fail("expected the object that docconv inspect writes");
  const int version = top.required("model_version").int_number();
  if (version != model_version)
    top.fail(
        fmt::format("model_version {} is not the one this docconv reads ({}); run docconv "
                    "inspect again with the docconv that will read it",
                    version, model_version));
  top.only({"model_version", "documents"});
  for (const auto& document : top.required("documents").elements())
    out.documents.push_back(document_of(document));
  return out;
}

namespace {

// A field's path as a warning shows it: on one line, a name holding control
// characters escaped as JSON escapes them ("captio\n" stays one line).
std::string shown_path(const std::string& path) {
  const bool plain = std::none_of(path.begin(), path.end(), [](char c) {
    return static_cast<unsigned char>(c) < 0x20 || c == 0x7F;
  });
  if (plain) return path;
  const std::string quoted =
      nlohmann::json(path).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return quoted.substr(1, quoted.size() - 2);
}

}  // namespace

std::vector<Document> JsonReader::read(const Input& input, const ReadContext& ctx) {
  ModelJson model = read_model_json(input.bytes);
  if (!model.ignored.empty()) {
    constexpr std::size_t shown = 5;
    std::string list;
    for (std::size_t i = 0; i < model.ignored.size() && i < shown; ++i)
      list += (i == 0 ? "" : ", ") + shown_path(model.ignored[i]);
    if (model.ignored.size() > shown)
      list += fmt::format(" and {} more", model.ignored.size() - shown);
    ctx.diagnostics.warn(
        input.name, fmt::format("ignored {} {} docconv does not know: {}", model.ignored.size(),
                                model.ignored.size() == 1 ? "field" : "fields", list));
  }
  return std::move(model.documents);
}

int probe_model_json(std::string_view head) {
  if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);  // editors may save a BOM
  const auto start = head.find_first_not_of(" \t\r\n");
  if (start == std::string_view::npos || head[start] != '{') return 0;
  const auto key = head.find_first_not_of(" \t\r\n", start + 1);
  if (key != std::string_view::npos && head.substr(key).starts_with("\"model_version\""))
    return 100;
  // Another JSON object: most likely an edit that lost its first key; reading
  // it says what is missing, where a text reader would take it for prose. Not
  // confident enough to read such a file found in a folder (package.json).
  return 20;
}

}  // namespace docconv::json
