// The package files of the book: META-INF/container.xml, the OPF package
// document and the EPUB 2 NCX.
#pragma once

#include "book_facts.hpp"

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

std::string package_document(const BookMetadata& book, const std::vector<ArticleEntry>& articles,
                             const CoverImage* cover);

std::string ncx_document(const BookMetadata& book, const std::vector<ArticleEntry>& articles);

}  // namespace docconv::epub
