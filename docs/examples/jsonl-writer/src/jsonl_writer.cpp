// jsonl: one JSON object per line and article, with its metadata and its text,
// for feeding a search index. Written against docconv's public headers only.
#include "jsonl_writer.hpp"

#include <nlohmann/json.hpp>

#include <ostream>
#include <string>
#include <type_traits>

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
    std::visit(
        [&](const auto& content) {
          using Kind = std::decay_t<decltype(content)>;
          if constexpr (std::is_same_v<Kind, docconv::Heading> ||
                        std::is_same_v<Kind, docconv::Paragraph>) {
            append(docconv::plain_text(content.content));
          } else if constexpr (std::is_same_v<Kind, docconv::List>) {
            for (const auto& item : content.items) append(docconv::plain_text(item));
          } else if constexpr (std::is_same_v<Kind, docconv::BlockQuote>) {
            for (const auto& paragraph : content.paragraphs) append(docconv::plain_text(paragraph));
          } else if constexpr (std::is_same_v<Kind, docconv::Figure>) {
            append(docconv::plain_text(content.caption));
          } else if constexpr (std::is_same_v<Kind, docconv::RelatedLink>) {
            append(docconv::plain_text(content.text));
          }
          // docconv::Removed: site chrome, not part of the article.
        },
        block.content);
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
