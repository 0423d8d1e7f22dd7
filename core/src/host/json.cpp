#include "host/json.hpp"

#include <docconv/version.hpp>
#include <docconv/visit.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>

namespace docconv::host {

namespace {

using Json = nlohmann::ordered_json;

std::string_view inline_kind_name(InlineKind kind) {
  switch (kind) {
    case InlineKind::text:
      return "text";
    case InlineKind::emphasis:
      return "emphasis";
    case InlineKind::strong:
      return "strong";
    case InlineKind::link:
      return "link";
  }
  return "text";
}

bool formatted(const Inlines& inlines) {
  return std::any_of(inlines.begin(), inlines.end(),
                     [](const Inline& run) { return run.kind != InlineKind::text; });
}

Json runs_json(const Inlines& inlines) {
  Json runs = Json::array();
  for (const auto& run : inlines) {
    Json item{{"kind", inline_kind_name(run.kind)}, {"text", run.text}};
    if (!run.target.empty()) item["target"] = run.target;
    runs.push_back(std::move(item));
  }
  return runs;
}

// Plain text always; the runs ("KEY_inlines") only when there is formatting
// to show. The json reader reads both back (plugins/json).
void put_inlines(Json& out, const char* key, const Inlines& inlines) {
  out[key] = plain_text(inlines);
  if (formatted(inlines)) out[std::string(key) + "_inlines"] = runs_json(inlines);
}

void put_inline_list(Json& out, const char* key, const std::vector<Inlines>& items) {
  Json texts = Json::array();
  for (const auto& item : items) texts.push_back(plain_text(item));
  out[key] = std::move(texts);
  if (std::none_of(items.begin(), items.end(), formatted)) return;
  Json runs = Json::array();
  for (const auto& item : items) runs.push_back(runs_json(item));
  out[std::string(key) + "_inlines"] = std::move(runs);
}

struct BlockToJson {
  Json& out;
  void operator()(const Heading& b) const {
    out["level"] = b.level;
    put_inlines(out, "text", b.content);
  }
  void operator()(const Paragraph& b) const { put_inlines(out, "text", b.content); }
  void operator()(const BlockQuote& b) const {
    put_inline_list(out, "paragraphs", b.paragraphs);
    out["marker"] = b.marker;
  }
  void operator()(const List& b) const {
    out["ordered"] = b.ordered;
    put_inline_list(out, "items", b.items);
    out["marker"] = b.marker;
  }
  void operator()(const Figure& b) const {
    put_inlines(out, "caption", b.caption);
    out["credit"] = b.credit;
    out["image"] = b.image;
    out["credit_mark"] = b.credit_mark;
    out["as_written"] = b.as_written;
  }
  void operator()(const RelatedLink& b) const {
    put_inlines(out, "text", b.text);
    out["target"] = b.target;
    out["label"] = b.label;
  }
  void operator()(const Removed& b) const {
    out["text"] = b.text;
    out["reason"] = b.reason;
  }
};

Json lines_json(const SourceLines& lines) {
  return Json::array({lines.first, lines.last});
}

Json metadata_json(const Metadata& m) {
  Json out{{"title", m.title},
           {"title_derived", m.title_derived},
           {"standfirst", m.standfirst},
           {"authors", m.authors},
           {"publisher", m.publisher},
           {"agency", m.agency},
           {"dateline_place", m.dateline_place},
           {"date",
            {{"year", m.date.year},
             {"month", m.date.month},
             {"day", m.date.day},
             {"iso", iso_date(m.date)}}},
           {"language", m.language},
           {"source", m.source},
           {"identifiers", m.identifiers},
           {"extras", m.extras},
           {"in_source",
            {{"title", lines_json(m.in_source.title)},
             {"standfirst", lines_json(m.in_source.standfirst)},
             {"byline", lines_json(m.in_source.byline)},
             {"dateline", lines_json(m.in_source.dateline)},
             {"dateline_text", m.in_source.dateline_text}}}};
  if (const auto& of = m.near_duplicate_of)
    out["near_duplicate_of"] = {{"article", of->article},
                                {"title", of->title},
                                {"source", of->source},
                                {"similarity", of->similarity}};
  return out;
}

Json document_json(const Document& document) {
  Json blocks = Json::array();
  for (const auto& block : document.blocks) {
    Json item{{"type", block_type_name(block.content)}, {"lines", lines_json(block.lines)}};
    visit_block(block.content, BlockToJson{item});
    blocks.push_back(std::move(item));
  }
  return Json{{"metadata", metadata_json(document.metadata)}, {"blocks", std::move(blocks)}};
}

}  // namespace

std::string inspect_json(const std::vector<Document>& documents) {
  Json out{{"model_version", model_version}, {"documents", Json::array()}};
  for (const auto& document : documents) out["documents"].push_back(document_json(document));
  return out.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::string plugins_json(const PluginRegistry& registry) {
  Json plugins = Json::array();
  for (const auto& plugin : registry.plugins()) {
    Json options = Json::array();
    for (const auto& option : plugin.info.options)
      options.push_back({{"name", option.name},
                         {"help", option.help},
                         {"flag", option.is_flag},
                         {"value_name", option.value_name}});
    plugins.push_back({{"name", plugin.info.name},
                       {"kind", kind_name(plugin.info.kind)},
                       {"version", plugin.info.version},
                       {"description", plugin.info.description},
                       {"aliases", plugin.info.aliases},
                       {"extensions", plugin.info.extensions},
                       {"options", std::move(options)},
                       {"binary_output", plugin.info.binary_output},
                       {"supports_split", plugin.info.supports_split},
                       {"path", plugin.path.string()}});
  }
  Json rejected = Json::array();
  for (const auto& r : registry.rejected())
    rejected.push_back({{"path", r.path.string()}, {"reason", r.reason}});
  Json shadowed = Json::array();
  for (const auto& s : registry.shadowed())
    shadowed.push_back({{"name", s.name}, {"path", s.path.string()}, {"used", s.used.string()}});
  Json folders = Json::array();
  for (const auto& folder : registry.folders()) folders.push_back(folder.string());
  return Json{{"abi_version", abi_version},
              {"search_path", std::move(folders)},
              {"plugins", std::move(plugins)},
              {"rejected", std::move(rejected)},
              {"shadowed", std::move(shadowed)}}
             .dump(2, ' ', false, Json::error_handler_t::replace) +
         "\n";
}

}  // namespace docconv::host
