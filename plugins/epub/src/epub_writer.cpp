#include "epub_writer.hpp"

#include "deflate.hpp"
#include "pages.hpp"
#include "stylesheet.hpp"

#include <docconv/file.hpp>
#include <docconv/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <chrono>

namespace docconv::epub {
namespace {

// Most a stylesheet or a cover image may take: a cover photo is a few MiB.
constexpr std::size_t max_user_file_bytes = std::size_t{32} << 20;

// --css and --cover name files the user chose for this book; reading them
// here is the one exception to "plugins never open paths" (see docs/epub.md).
// Only regular files of bounded size: --css /dev/zero or a named pipe would
// fill memory or hang.
std::string read_user_file(const std::string& option, const std::string& path) {
  try {
    return read_regular_file(path, max_user_file_bytes);
  } catch (const Error& error) {
    throw Error(fmt::format("--{} {}: {}", option, path, error.what()));
  }
}

std::uint32_t big_endian32(std::string_view bytes, std::size_t at) {
  std::uint32_t value = 0;
  for (std::size_t i = 0; i < 4; ++i)
    value = value << 8 | static_cast<unsigned char>(bytes[at + i]);
  return value;
}

// A PNG as reading systems (and EPUBCheck) start to read one: the signature,
// an IHDR chunk of 13 bytes with a non-zero size and the right CRC, and an
// IEND chunk at the end (a file cut short has none).
bool is_whole_png(std::string_view bytes) {
  constexpr std::string_view signature = "\x89PNG\r\n\x1a\n";
  constexpr std::string_view end_chunk("\0\0\0\0IEND\xAE\x42\x60\x82", 12);
  if (bytes.size() < 8 + 25 + end_chunk.size() || !bytes.starts_with(signature) ||
      !bytes.ends_with(end_chunk))
    return false;
  const std::string_view header = bytes.substr(8, 25);  // length, "IHDR", 13 bytes, CRC
  return big_endian32(header, 0) == 13 && header.substr(4, 4) == "IHDR" &&
         big_endian32(header, 8) != 0 && big_endian32(header, 12) != 0 &&
         big_endian32(header, 21) == crc32_of(header.substr(4, 17));
}

// A JPEG from its start-of-image marker to its end-of-image marker.
bool is_whole_jpeg(std::string_view bytes) {
  return bytes.size() > 4 && bytes.starts_with("\xFF\xD8\xFF") && bytes.ends_with("\xFF\xD9");
}

// The cover's type from its bytes, not from its name; a file cut short or
// with a broken header would make the book invalid.
CoverImage cover_image_for(const std::string& path, std::string_view bytes) {
  if (bytes.starts_with("\x89PNG\r\n\x1a\n")) {
    if (is_whole_png(bytes)) return {"images/cover.png", "image/png"};
    throw Error(fmt::format("--cover {}: a broken PNG (its header or its end is wrong)", path));
  }
  if (bytes.starts_with("\xFF\xD8\xFF")) {
    if (is_whole_jpeg(bytes)) return {"images/cover.jpg", "image/jpeg"};
    throw Error(fmt::format("--cover {}: a broken JPEG (it does not end as a JPEG does)", path));
  }
  throw Error(fmt::format("--cover {}: not a PNG or JPEG image", path));
}

std::string in_package(std::string_view href) {
  return std::string(package_folder) + std::string(href);
}

}  // namespace

void check_writer_options(const OptionValues& values) {
  if (const std::string css = option_or(values, "css", ""); !css.empty())
    (void)read_user_file("css", css);
  if (const std::string cover = option_or(values, "cover", ""); !cover.empty())
    (void)cover_image_for(cover, read_user_file("cover", cover));
}

namespace {

RenderedArticle render_article(const ArticleJob& job, Deflater& deflater) {
  RenderedArticle article;
  article.entry = article_entry(job.number);
  article.page = deflater.deflate(article_page(job.document, job.language, article.entry));
  // The page as stored: deflate is lossless and gives the same bytes for the
  // same page, so this identifies the page as well as its text does, and
  // hashing a third of the bytes takes a third of the time.
  article.digest = page_digest(article.page.bytes);
  article.nav_item = nav_item(article.entry);
  return article;
}

constexpr std::size_t items_per_piece = 512;  // manifest and spine items serialised at a time

}  // namespace

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
  if (!ctx.collection.language.empty() && !language_tag(ctx.collection.language))
    ctx.diagnostics.warn(ctx.output.name(),
                         fmt::format("'{}' is not a language tag; the language is taken from "
                                     "the articles",
                                     ctx.collection.language));

  nav_items_.emplace();
  ncx_points_.emplace();
  pages_ = std::make_unique<support::OrderedPipeline<ArticleJob, RenderedArticle, Deflater>>(
      support::pipeline_threads(ctx.jobs), render_article,
      [this](RenderedArticle&& article) { take(article); });
  zip_ = std::make_unique<ZipBuilder>(ctx.output.stream(), entry_stamp(ctx.collection));
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
    zip_->add_stored(in_package(cover_->href), cover_bytes_);
    cover_bytes_ = {};
  }
}

void EpubWriter::add(const Document& document) {
  const std::string& declared = document.metadata.language;
  std::string language = page_language(document, ctx_->collection);
  if (!declared.empty() && !language_tag(declared))
    ctx_->diagnostics.warn(
        document.metadata.source,
        fmt::format("'{}' is not a language tag; the page says '{}'", declared, language));
  facts_.record(document);
  const std::size_t number = ++articles_;
  // The document is valid only during add(): the renderer gets a copy.
  pages_->add({document, number, std::move(language)});
}

void EpubWriter::take(const RenderedArticle& article) {
  zip_->add_compressed(in_package(article.entry.href), article.page);
  facts_.record_page(article.digest);
  nav_items_->append(article.nav_item);
  ncx_points_->append(ncx_.next(article.entry));
  has_sections_ = has_sections_ || !article.entry.sections.empty();
}

void EpubWriter::finish() {
  pages_->finish();
  if (facts_.count() == 0)
    throw Error("no articles to put in the book: an EPUB needs at least one article");
  add_package_files();
  zip_->finish();
  zip_.reset();
}

void EpubWriter::add_package_files() {
  const BookMetadata book = facts_.metadata(ctx_->collection);
  if (cover_) zip_->add_deflated(in_package(cover_page_href), cover_page(book, cover_->href));
  zip_->add_deflated(in_package(title_page_href), title_page(book));

  const auto nav = nav_skeleton(book, cover_.has_value());
  zip_->add_deflated_stream(in_package(nav_href), [&](const ZipBuilder::Emit& emit) {
    emit(nav.at(0));
    nav_items_->read_all(emit);
    emit(nav.at(1));
  });
  const auto ncx = ncx_skeleton(book, has_sections_);
  zip_->add_deflated_stream(in_package(ncx_href), [&](const ZipBuilder::Emit& emit) {
    emit(ncx.at(0));
    ncx_points_->read_all(emit);
    emit(ncx.at(1));
  });
  const auto package = package_skeleton(book, cover_ ? &*cover_ : nullptr);
  zip_->add_deflated_stream(package_path, [&](const ZipBuilder::Emit& emit) {
    const auto each_piece = [&](auto items) {
      for (std::size_t first = 1; first <= articles_; first += items_per_piece)
        emit(items(first, std::min(articles_, first + items_per_piece - 1)));
    };
    emit(package.at(0));
    each_piece(manifest_items);
    emit(package.at(1));
    each_piece(spine_itemrefs);
    emit(package.at(2));
  });
}

}  // namespace docconv::epub
