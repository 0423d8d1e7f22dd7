// The XHTML content documents of the book: one page per article, the title
// page, the navigation document and the cover page.
#pragma once

#include "book_facts.hpp"

#include <docconv/model.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace docconv::epub {

/// Where things live inside the package folder (EPUB/).
inline constexpr std::string_view stylesheet_href = "style/book.css";
inline constexpr std::string_view title_page_href = "text/title.xhtml";
inline constexpr std::string_view cover_page_href = "text/cover.xhtml";
inline constexpr std::string_view nav_href = "nav.xhtml";

/// The entry of article `number` (1-based) before its page is rendered:
/// generated id and file name, never derived from the title.
ArticleEntry article_entry(std::size_t number);

/// The page of one article. Fills `entry` with its title, TOC details and
/// sections. `removed` blocks are left out.
std::string article_page(const Document& document, std::string_view language, ArticleEntry& entry);

/// The title page of the collection.
std::string title_page(const BookMetadata& book);

/// nav.xhtml: the table of contents (articles, their sections) and
/// landmarks, cut where the articles' items go (see split_at_markers()):
/// nav_skeleton()[0], nav_item() of each article, nav_skeleton()[1].
std::vector<std::string> nav_skeleton(const BookMetadata& book, bool has_cover);
/// The contents' item of one article, as nav.xhtml holds it.
std::string nav_item(const ArticleEntry& article);

/// A page showing the cover image `image_href` (relative to the package folder).
std::string cover_page(const BookMetadata& book, std::string_view image_href);

}  // namespace docconv::epub
