// Documents made by hand for the tei writer's tests: what the news-text
// reader produces for typical and awkward articles.
#pragma once

#include <docconv/model.hpp>

#include <vector>

namespace docconv::tei::test {

/// A full article: title, standfirst, dateline, figure, chrome, paragraphs
/// with formatting, nested subheadings, a quote, lists, related links.
Document realistic_article();

/// No title line: the title is derived from the lead and marked so.
Document derived_title_article();

/// No dateline, no standfirst, no figure.
Document article_without_dateline();

/// Nothing but site chrome, and no title at all.
Document only_removed_article();

/// Markup characters, "]]>", quotes, characters XML 1.0 forbids, invalid UTF-8.
Document special_characters_article();

/// Cyrillic, CJK, Arabic, emoji, combining marks.
Document non_latin_article();

/// Every sample above, in this order.
std::vector<Document> all_samples();

Collection collection_of(std::vector<Document> documents);

}  // namespace docconv::tei::test
