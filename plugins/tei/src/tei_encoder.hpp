// Builds TEI P5 elements from the document model. See docs/tei.md for the
// mapping and the xml:id scheme.
#pragma once

#include <docconv/model.hpp>

#include <pugixml.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace docconv::tei {

inline constexpr const char* tei_namespace = "http://www.tei-c.org/ns/1.0";

/// What every header says about the electronic file, the same for the whole run.
struct FileFacts {
  std::string publisher;    ///< Who produced the file; empty: docconv is named as the authority.
  std::string licence;      ///< Licence text for availability; empty: no availability.
  std::string licence_url;  ///< Link to the licence.
  std::string produced_on;  ///< @when of the conversion: SOURCE_DATE_EPOCH, else now.
  std::string language;     ///< --lang of the run; empty: each article's own.
  std::vector<std::string> authors;      ///< --author of the run.
  std::vector<DroppedDocument> dropped;  ///< Left out as near-duplicates (--near-duplicates drop).
  bool split = false;                    ///< --split: each article in a file of its own.
};

/// "a0003": the xml:id of article `number` (1-based), prefix of its blocks' ids.
std::string article_id(std::size_t number);

/// Where an article's TEI element goes: a file of its own (with the full
/// header), or a teiCorpus whose header holds the shared declarations.
enum class ArticlePlace { own_file, corpus_member };

/// Appends the `TEI` element of article `number` (1-based) to `parent`.
pugi::xml_node append_article(pugi::xml_node parent, const Document& document, std::size_t number,
                              const FileFacts& facts, ArticlePlace place);

/// Appends the `teiHeader` of the article set to `parent` (a `teiCorpus`);
/// its default title is in --lang's language, else in `first_language`.
pugi::xml_node append_corpus_header(pugi::xml_node parent, const CollectionMetadata& collection,
                                    const FileFacts& facts, std::string_view first_language);

}  // namespace docconv::tei
