// What the writer remembers about the articles it has written: small per
// article (for the tables of contents), bounded for the book as a whole.
#pragma once

#include "zip_builder.hpp"

#include <docconv/model.hpp>

#include <boost/uuid/uuid.hpp>

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace docconv::epub {

/// A subheading of an article, as the tables of contents list it.
struct SectionEntry {
  std::string anchor;  ///< Fragment id inside the article's page.
  std::string title;
};

/// One article as the tables of contents list it.
struct ArticleEntry {
  std::size_t number = 0;  ///< 1-based position in the book.
  std::string id;          ///< Manifest id and file stem: "article-0001".
  std::string href;        ///< Relative to the package folder: "text/article-0001.xhtml".
  std::string title;       ///< Plain text.
  std::string details;     ///< Agency and date, for the TOC: "TASS, June 6".
  std::vector<SectionEntry> sections;
};

/// The book's metadata, settled at finish().
struct BookMetadata {
  std::string identifier;  ///< "urn:uuid:..."
  std::string title;
  std::string language;
  std::vector<std::string> creators;
  std::vector<std::string> publishers;
  std::string date;        ///< dc:date ("2017-06-06", "2017"), or empty.
  std::string modified;    ///< dcterms:modified: "2017-06-06T00:00:00Z".
  std::string date_range;  ///< For the title page: "June 5 – June 6, 2017", or empty.
  std::size_t article_count = 0;
};

/// Accumulates facts about the documents one by one; memory does not grow
/// with the number of documents (distinct values are capped).
class BookFacts {
 public:
  BookFacts();

  /// Records a document's metadata.
  void record(const Document& document);
  /// Mixes the digest of the next page (page_digest() of its bytes as the
  /// archive stores them) into the identifier. Pages are hashed on the workers, in any
  /// order; their digests are chained here in book order.
  void record_page(const boost::uuids::uuid& page);
  /// Mixes extra bytes that end up in the book (stylesheet, cover) into the identifier.
  void record_resource(std::string_view bytes);

  std::size_t count() const { return count_; }

  /// The book's metadata: `collection` (command-line values) wins over what
  /// the documents say.
  BookMetadata metadata(const CollectionMetadata& collection) const;

 private:
  std::string language(const CollectionMetadata& collection) const;

  std::size_t count_ = 0;
  boost::uuids::uuid digest_;  // SHA-1 chained over everything in the book
  std::map<std::string, std::size_t> languages_;
  std::vector<std::string> agencies_;
  std::vector<std::string> authors_;
  std::vector<std::string> publishers_;
  std::optional<PartialDate> earliest_;
  std::optional<PartialDate> latest_;
  std::optional<PartialDate> latest_complete_;  // year, month and day known
};

/// SHA-1 (as a version 5 UUID) of one page's bytes, for BookFacts::record_page().
boost::uuids::uuid page_digest(std::string_view page);

/// The language of a page: the document's own, else the book's fallback.
std::string page_language(const Document& document, const CollectionMetadata& collection);

/// The zip time stamp for seconds since 1970, read as UTC, clamped to 1980-2107.
DosTime dos_time(std::int64_t seconds);
/// The time stamp of the zip entries: SOURCE_DATE_EPOCH when set, else 1980-01-01.
DosTime entry_stamp(const CollectionMetadata& collection);

}  // namespace docconv::epub
