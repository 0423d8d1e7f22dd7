// The package files of the book: META-INF/container.xml, the OPF package
// document and the EPUB 2 NCX.
#pragma once

#include "book_facts.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace docconv::epub {

/// Where the package document lives; every other path is relative to its folder.
inline constexpr std::string_view package_folder = "EPUB/";
inline constexpr std::string_view package_path = "EPUB/package.opf";
inline constexpr std::string_view ncx_href = "toc.ncx";

/// The optional cover image.
struct CoverImage {
  std::string href;        ///< "images/cover.png"
  std::string media_type;  ///< "image/png"
};

std::string container_xml();

/// The OPF package document, cut where the articles' manifest items and
/// spine itemrefs go (see split_at_markers()): piece 0, manifest_items(),
/// piece 1, spine_itemrefs(), piece 2.
std::vector<std::string> package_skeleton(const BookMetadata& book, const CoverImage* cover);
/// The manifest items of articles `first` to `last` (1-based, inclusive).
std::string manifest_items(std::size_t first, std::size_t last);
/// The spine itemrefs of articles `first` to `last` (1-based, inclusive).
std::string spine_itemrefs(std::size_t first, std::size_t last);

/// The EPUB 2 NCX, cut where the articles' navigation points go: piece 0,
/// the NcxPoints of every article, piece 1. `nested`: some article has sections.
std::vector<std::string> ncx_skeleton(const BookMetadata& book, bool nested);

/// The NCX navigation points of the articles, numbered in reading order
/// (playOrder) after the title page's.
class NcxPoints {
 public:
  /// The navPoint of the next article, with its sections inside.
  std::string next(const ArticleEntry& article);

 private:
  int order_ = 1;  // the title page is 1
};

}  // namespace docconv::epub
