#include "epub_writer.hpp"

#include "language.hpp"
#include "pages.hpp"
#include "stylesheet.hpp"

#include <fmt/format.h>

#include <fstream>
#include <sstream>

namespace docconv::epub {
namespace {

// --css and --cover name files the user chose for this book; reading them
// here is the one exception to "plugins never open paths" (see docs/epub.md).
std::string read_user_file(const std::string& option, const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(fmt::format("--{} {}: cannot open the file", option, path));
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (in.bad()) throw Error(fmt::format("--{} {}: cannot read the file", option, path));
  return bytes.str();
}

// The cover's type from its first bytes, not from its name.
CoverImage cover_image_for(const std::string& path, std::string_view bytes) {
  if (bytes.substr(0, 8) == "\x89PNG\r\n\x1a\n") return {"images/cover.png", "image/png"};
  if (bytes.substr(0, 3) == "\xFF\xD8\xFF") return {"images/cover.jpg", "image/jpeg"};
  throw Error(fmt::format("--cover {}: not a PNG or JPEG image", path));
}

std::string in_package(std::string_view href) {
  return std::string(package_folder) + std::string(href);
}

}  // namespace

std::vector<OptionSpec> writer_options() {
  return {
      {"css", "Stylesheet FILE to use instead of the built-in one", false, "FILE"},
      {"cover", "Cover IMAGE (PNG or JPEG) to put at the front of the book", false, "IMAGE"},
  };
}

void EpubWriter::begin(const WriteContext& ctx) {
  ctx_ = &ctx;
  if (ctx.output.split())
    throw Error("an EPUB is one book: --split is not supported, leave it out");
  const std::string css_path = option_or(ctx.options, "css", "");
  stylesheet_ =
      css_path.empty() ? std::string(default_stylesheet()) : read_user_file("css", css_path);
  const std::string cover_path = option_or(ctx.options, "cover", "");
  if (!cover_path.empty()) {
    cover_bytes_ = read_user_file("cover", cover_path);
    cover_ = cover_image_for(cover_path, cover_bytes_);
  }
  if (!ctx.collection.language.empty() && !normalized_language(ctx.collection.language))
    ctx.diagnostics.warn(ctx.output.name(),
                         fmt::format("'{}' is not a language tag; the language is taken from "
                                     "the articles",
                                     ctx.collection.language));

  zip_ = std::make_unique<ZipBuilder>(entry_stamp(ctx.collection));
  // The EPUB container format: `mimetype` first, stored, no extra field.
  zip_->add_stored("mimetype", "application/epub+zip");
  zip_->add_deflated("META-INF/container.xml", container_xml());
  add_resources();
}

void EpubWriter::add_resources() {
  facts_.record_resource(stylesheet_);
  zip_->add_deflated(in_package(stylesheet_href), stylesheet_);
  if (cover_) {
    facts_.record_resource(cover_bytes_);
    // PNG and JPEG are compressed already.
    zip_->add_stored(in_package(cover_->href), std::move(cover_bytes_));
  }
}

void EpubWriter::add(const Document& document) {
  const std::string& declared = document.metadata.language;
  if (!declared.empty() && !normalized_language(declared))
    ctx_->diagnostics.warn(document.metadata.source,
                           fmt::format("'{}' is not a language tag; the page says '{}'", declared,
                                       page_language(document, ctx_->collection)));
  ArticleEntry entry = article_entry(articles_.size() + 1);
  std::string page = article_page(document, page_language(document, ctx_->collection), entry);
  facts_.record(document, page);
  zip_->add_deflated(in_package(entry.href), std::move(page));
  articles_.push_back(std::move(entry));
}

void EpubWriter::finish() {
  if (facts_.count() == 0)
    throw Error("no articles to put in the book: an EPUB needs at least one article");
  add_package_files();
  zip_->write_to(ctx_->output.stream());
  zip_.reset();
}

void EpubWriter::add_package_files() {
  const BookMetadata book = facts_.metadata(ctx_->collection);
  if (cover_) zip_->add_deflated(in_package(cover_page_href), cover_page(book, cover_->href));
  zip_->add_deflated(in_package(title_page_href), title_page(book));
  zip_->add_deflated(in_package(nav_href), nav_page(book, articles_, cover_.has_value()));
  zip_->add_deflated(in_package(ncx_href), ncx_document(book, articles_));
  zip_->add_deflated(std::string(package_path),
                     package_document(book, articles_, cover_ ? &*cover_ : nullptr));
}

}  // namespace docconv::epub
