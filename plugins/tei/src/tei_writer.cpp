// The `tei` writer: the article set as TEI P5 XML for archiving.
//
// Output shapes: several articles -> one teiCorpus; one article -> one TEI;
// --split -> one TEI file per article. The writer streams: it holds at most
// one article back (the first, until it knows whether a second one follows).

#include "tei_writer.hpp"

#include "tei_encoder.hpp"
#include "xml_values.hpp"

#include <docconv/text.hpp>
#include <docconv_support/pugixml_text.hpp>

#include <pugixml.hpp>

#include <chrono>
#include <ostream>
#include <string>

namespace docconv::tei {
namespace {

constexpr const char* indent = "  ";

/// SOURCE_DATE_EPOCH values whose UTC year has four digits, as xs:dateTime in TEI needs.
constexpr std::int64_t latest_epoch = 253402300799;  // 9999-12-31T23:59:59Z

FileFacts file_facts(const WriteContext& ctx) {
  FileFacts facts;
  facts.publisher = option_or(ctx.options, "publisher", ctx.collection.publisher);
  facts.licence = option_or(ctx.options, "licence", "");
  facts.licence_url = option_or(ctx.options, "licence-url", "");
  facts.language = ctx.collection.language;
  facts.authors = ctx.collection.authors;
  facts.dropped = ctx.collection.dropped;
  facts.split = ctx.output.split();
  const auto& epoch = ctx.collection.source_date_epoch;
  if (epoch && *epoch >= 0 && *epoch <= latest_epoch) {
    facts.produced_on = utc_timestamp(*epoch);
    return facts;
  }
  if (epoch)
    ctx.diagnostics.warn(ctx.output.name(),
                         "SOURCE_DATE_EPOCH is out of range; the TEI header carries the time of "
                         "conversion");
  facts.produced_on = utc_timestamp(std::chrono::duration_cast<std::chrono::seconds>(
                                        std::chrono::system_clock::now().time_since_epoch())
                                        .count());
  return facts;
}

/// One article as a TEI document of its own.
std::string single_text(const Document& article, std::size_t number, const FileFacts& facts) {
  pugi::xml_document document;
  support::add_xml_declaration(document);
  pugi::xml_node tei = append_article(document, article, number, facts, ArticlePlace::own_file);
  tei.prepend_attribute("xmlns").set_value(tei_namespace);
  return support::xml_text(document, indent, pugi::format_indent);
}

/// One article as a member of the teiCorpus: its TEI element, indented one level.
std::string member_text(const Document& article, std::size_t number, const FileFacts& facts) {
  pugi::xml_document document;
  append_article(document, article, number, facts, ArticlePlace::corpus_member);
  return support::xml_text(document.first_child(), indent, pugi::format_indent, 1);
}

/// The teiCorpus start tag and header, and its end tag: pugixml renders the
/// whole skeleton (so that it does the escaping), split where members go.
struct CorpusFrame {
  std::string opening;
  std::string closing;
};

CorpusFrame corpus_frame(const CollectionMetadata& collection, const FileFacts& facts,
                         std::string_view first_language) {
  pugi::xml_document document;
  support::add_xml_declaration(document);
  pugi::xml_node corpus = document.append_child("teiCorpus");
  corpus.append_attribute("xmlns").set_value(tei_namespace);
  if (is_language_tag(facts.language))
    corpus.append_attribute("xml:lang").set_value(facts.language.c_str());
  append_corpus_header(corpus, collection, facts, first_language);
  const std::string text = support::xml_text(document, indent, pugi::format_indent);
  const std::size_t end_tag = text.rfind("</teiCorpus>");
  if (end_tag == std::string::npos) throw Error("internal error: no teiCorpus end tag rendered");
  return {text.substr(0, end_tag), text.substr(end_tag)};
}

}  // namespace

void TeiWriter::begin(const WriteContext& ctx) {
  ctx_ = &ctx;
  facts_ = file_facts(ctx);
}

void TeiWriter::add(const Document& article) {
  ++count_;
  if (ctx_->output.split()) {
    ctx_->output.open_part(split_file_name(count_, article.metadata.title, ".tei.xml"))
        << single_text(article, count_, facts_);
    return;
  }
  if (count_ == 1) {
    held_back_ = article;  // a single article becomes a TEI, not a teiCorpus
    return;
  }
  if (held_back_) {
    start_corpus();
    ctx_->output.stream() << member_text(*held_back_, 1, facts_);
    held_back_.reset();
  }
  ctx_->output.stream() << member_text(article, count_, facts_);
}

void TeiWriter::finish() {
  if (ctx_->output.split()) return;
  if (held_back_) {
    ctx_->output.stream() << single_text(*held_back_, 1, facts_);
    held_back_.reset();
  } else if (count_ == 0) {
    throw Error("no article to write: TEI needs at least one");
  } else {
    ctx_->output.stream() << closing_;
  }
  ctx_->output.stream().flush();
}

void TeiWriter::start_corpus() {
  CorpusFrame frame = corpus_frame(ctx_->collection, facts_, held_back_->metadata.language);
  ctx_->output.stream() << frame.opening;
  closing_ = std::move(frame.closing);
}

}  // namespace docconv::tei
