// jsonl: one JSON object per line and article, with its metadata and its text,
// for feeding a search index. Written against docconv's public headers only.
#include "jsonl_writer.hpp"

#include <docconv/visit.hpp>

#include <nlohmann/json.hpp>

#include <ostream>
#include <string>

namespace {

using Json = nlohmann::ordered_json;

// The article's readable text: one entry per block, the site chrome that the
// reader removed left out.
std::string article_text(const docconv::Document& document) {
  std::string text;
  const auto append = [&text](const std::string& part) {
    if (part.empty()) return;
    if (!text.empty()) text += "\n\n";
    text += part;
  };
  for (const auto& block : document.blocks) {
    // One case per block kind: a kind a later docconv adds stops this from
    // compiling until it has its case, instead of being left out in silence.
    docconv::visit_block(
        block.content,
        docconv::overloaded{
            [&](const docconv::Heading& heading) { append(docconv::plain_text(heading.content)); },
            [&](const docconv::Paragraph& paragraph) {
              append(docconv::plain_text(paragraph.content));
            },
            [&](const docconv::BlockQuote& quote) {
              for (const auto& paragraph : quote.paragraphs) append(docconv::plain_text(paragraph));
            },
            [&](const docconv::List& list) {
              for (const auto& item : list.items) append(docconv::plain_text(item));
            },
            [&](const docconv::Figure& figure) { append(docconv::plain_text(figure.caption)); },
            [&](const docconv::RelatedLink& link) { append(docconv::plain_text(link.text)); },
            [](const docconv::Removed&) {},  // site chrome: not part of the article
        });
  }
  return text;
}

}  // namespace

namespace jsonl {

void JsonLinesWriter::begin(const docconv::WriteContext& ctx) {
  ctx_ = &ctx;
}

void JsonLinesWriter::add(const docconv::Document& document) {
  const auto& m = document.metadata;
  Json record{{"title", m.title},
              {"title_derived", m.title_derived},
              {"standfirst", m.standfirst},
              {"authors", m.authors},
              {"agency", m.agency},
              {"place", m.dateline_place},
              {"date", docconv::iso_date(m.date)},
              {"language", m.language},
              {"source", m.source},
              {"text", article_text(document)}};
  // Invalid UTF-8 never reaches here (readers guarantee it); replace anyway
  // rather than throw, so that one odd byte cannot fail a whole index run.
  ctx_->output.stream() << record.dump(-1, ' ', false, Json::error_handler_t::replace) << '\n';
}

void JsonLinesWriter::finish() {}

}  // namespace jsonl
