// The EPUB 3 writer: articles go into the archive as they arrive; the
// navigation, title page and package document are written at the end.
#pragma once

#include "book_facts.hpp"
#include "deflate.hpp"
#include "package.hpp"
#include "spool.hpp"
#include "zip_builder.hpp"

#include <docconv/plugin.hpp>
#include <docconv_support/ordered_pipeline.hpp>

#include <boost/uuid/uuid.hpp>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace docconv::epub {

/// Checks --css and --cover before a run (Plugin::check_options): each is
/// read as the writer will read it, and the cover must be a PNG or JPEG.
/// Throws docconv::Error naming the option.
void check_writer_options(const OptionValues& values);

/// One article made ready for the book on a worker: its page deflated, the
/// page's digest and its item in the contents.
struct RenderedArticle {
  ArticleEntry entry;
  Deflated page;
  boost::uuids::uuid digest;
  std::string nav_item;
};

/// An article waiting to be rendered, with what render_article() needs.
struct ArticleJob {
  Document document;  // a copy: add()'s document is valid only during add()
  std::size_t number = 0;
  std::string language;
};

class EpubWriter final : public Writer {
 public:
  void begin(const WriteContext& ctx) override;
  void add(const Document& document) override;
  void finish() override;

 private:
  void add_resources();
  void take(const RenderedArticle& article);
  void add_package_files();

  const WriteContext* ctx_ = nullptr;
  std::unique_ptr<ZipBuilder> zip_;
  BookFacts facts_;
  std::size_t articles_ = 0;  // added so far
  // What the contents need of each article, kept on disk until finish().
  std::optional<Spool> nav_items_;
  std::optional<Spool> ncx_points_;
  NcxPoints ncx_;
  bool has_sections_ = false;
  std::string stylesheet_;
  std::string cover_bytes_;
  std::optional<CoverImage> cover_;
  // Last: destroyed first, so no thread renders a page while the rest goes away.
  std::unique_ptr<support::OrderedPipeline<ArticleJob, RenderedArticle, Deflater>> pages_;
};

}  // namespace docconv::epub
