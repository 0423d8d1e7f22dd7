// docconv plugin SDK: the document model that readers fill and writers consume.
//
// The model is made of plain values (structs, std::vector, std::variant) so that
// documents can be copied, compared and moved between threads freely; see
// docs/architecture.md for why a closed std::variant was chosen over a class
// hierarchy.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace docconv {

/// The lines of the input a block came from: 1-based, inclusive. {0, 0} means unknown.
struct SourceLines {
  std::size_t first = 0;
  std::size_t last = 0;
  friend bool operator==(const SourceLines&, const SourceLines&) = default;
};

enum class InlineKind { text, emphasis, strong, link };

/// A run of text with one kind of formatting. Runs are not nested.
struct Inline {
  InlineKind kind = InlineKind::text;
  std::string text;
  std::string target;  ///< URL or reference, for links only.
  friend bool operator==(const Inline&, const Inline&) = default;
};

using Inlines = std::vector<Inline>;

/// A section heading inside an article (the article's title lives in Metadata).
struct Heading {
  int level = 2;
  Inlines content;
  friend bool operator==(const Heading&, const Heading&) = default;
};

struct Paragraph {
  Inlines content;
  friend bool operator==(const Paragraph&, const Paragraph&) = default;
};

// Fields added after the first release carry an explicit `{}` initialiser, so
// that aggregate initialisations written before them compile without warnings.

struct BlockQuote {
  std::vector<Inlines> paragraphs;
  /// The mark that opened each quoted line in the source (">"), as written;
  /// empty when there was none. Archival writers keep it.
  std::string marker{};
  friend bool operator==(const BlockQuote&, const BlockQuote&) = default;
};

struct List {
  bool ordered = false;
  std::vector<Inlines> items;
  /// The bullet the source put before every item ("-", "*", "•"), as
  /// written; empty when there was none. Archival writers keep it.
  std::string marker{};
  friend bool operator==(const List&, const List&) = default;
};

/// A photo or illustration as the scrape described it: the image itself is
/// usually gone, its caption and credit remain.
struct Figure {
  Inlines caption;
  std::string credit;
  std::string image;  ///< Image reference if one is known; often empty.
  /// The mark that introduced the credit in the source, as written: "|"
  /// between caption and credit, "©" or "(c)" before it; empty when none.
  std::string credit_mark{};
  /// The figure's text exactly as the source gave it, when caption and credit
  /// were cut out of text holding more than them and their marks (Sputnik's
  /// "© Credit / Go to the mediabankCaption"); empty otherwise. Reading
  /// formats show caption and credit; archival writers keep this text too.
  std::string as_written{};
  friend bool operator==(const Figure&, const Figure&) = default;
};

/// A pointer to a related article ("READ MORE: ...").
struct RelatedLink {
  Inlines text;
  std::string target;  ///< URL if known; often empty.
  /// The label before the headline as written ("READ MORE:"); empty when none.
  std::string label{};
  friend bool operator==(const RelatedLink&, const RelatedLink&) = default;
};

/// Text a reader recognised as not being part of the article (site chrome, a
/// duplicated caption) and took out of the body. Kept so that nothing a reader
/// saw is lost silently: archival writers keep it, reading formats leave it out.
struct Removed {
  std::string text;
  std::string reason;  ///< Short, human-readable: "site chrome", "duplicate caption".
  friend bool operator==(const Removed&, const Removed&) = default;
};

using BlockContent =
    std::variant<Heading, Paragraph, BlockQuote, List, Figure, RelatedLink, Removed>;

struct Block {
  BlockContent content;
  SourceLines lines;
  friend bool operator==(const Block&, const Block&) = default;
};

/// A calendar date of which any part may be unknown (0). News dumps give month
/// and day but rarely the year.
struct PartialDate {
  int year = 0;
  int month = 0;
  int day = 0;
  bool empty() const { return year == 0 && month == 0 && day == 0; }
  friend bool operator==(const PartialDate&, const PartialDate&) = default;
};

/// Where in the input a reader found what it put into Metadata, for writers
/// that keep the source's shape (TEI's @n, rebuilding the input's text).
/// Lines {0, 0}: not a line of the input (made up, or not there).
struct SourceFacts {
  SourceLines title{};
  SourceLines standfirst{};
  SourceLines byline{};  ///< The first line the authors were read from.
  SourceLines dateline{};
  /// The dateline as written ("MOSCOW, June 5. /TASS/."); empty when none.
  std::string dateline_text{};
  friend bool operator==(const SourceFacts&, const SourceFacts&) = default;
};

/// The earlier article of the same run that a document largely repeats, as
/// the host's near-duplicate detection found it (--near-duplicates mark).
struct NearDuplicateOf {
  /// The original's place among the documents the writer is given, 1-based:
  /// the number writers put in its identifier or file name.
  std::size_t article = 0;
  std::string title;   ///< The original's title.
  std::string source;  ///< The input the original was read from.
  /// Estimated share of the shorter text's five-word sequences that the
  /// other holds too (0-1): 1 for a copy or a shortened copy.
  double similarity = 0;
  friend bool operator==(const NearDuplicateOf&, const NearDuplicateOf&) = default;
};

struct Metadata {
  std::string title;
  bool title_derived = false;  ///< The reader made the title up (e.g. from the lead).
  std::string standfirst;      ///< One-sentence summary under the title.
  std::vector<std::string> authors;
  std::string publisher;       ///< Site or publisher, if known.
  std::string agency;          ///< News agency credited in the dateline (TASS, Reuters).
  std::string dateline_place;  ///< Place of the dateline (Moscow).
  PartialDate date;            ///< Date of the article (from the dateline or an override).
  std::string language;        ///< BCP 47 tag ("en", "ru"); empty if unknown.
  std::string source;          ///< Name of the input the document came from.
  std::map<std::string, std::string> identifiers;
  /// Free notes a reader wants kept ("encoding": "windows-1251"); archival
  /// writers list them, reading formats leave them out.
  std::map<std::string, std::string> extras;
  SourceFacts in_source{};  ///< Where the reader found the fields above.
  /// Set by the host, never by readers: the earlier article this one repeats.
  std::optional<NearDuplicateOf> near_duplicate_of{};
  friend bool operator==(const Metadata&, const Metadata&) = default;
};

/// Keys the host adds to every document read from a file, when its reader
/// left them unset: the file's size in bytes (Metadata::extras) and the
/// SHA-256 of its bytes as read, in lower-case hex (Metadata::identifiers),
/// so that an archive can show which file it was made from.
inline constexpr std::string_view source_bytes_key = "source bytes";
inline constexpr std::string_view source_sha256_key = "sha256";

struct Document {
  Metadata metadata;
  std::vector<Block> blocks;
  friend bool operator==(const Document&, const Document&) = default;
};

/// A document the host left out of the output as a near-duplicate of an
/// earlier one (--near-duplicates drop), so that an archive can list it.
struct DroppedDocument {
  std::string title;
  std::string source;
  NearDuplicateOf of;  ///< The article it repeats, which is in the output.
  friend bool operator==(const DroppedDocument&, const DroppedDocument&) = default;
};

/// Metadata of the article set as a whole, given to a writer's begin().
struct CollectionMetadata {
  std::string title;  ///< From --title; empty means "writer picks one".
  std::vector<std::string> authors;
  std::string language;  ///< From --lang; empty means "take it from the documents".
  std::string publisher;
  /// SOURCE_DATE_EPOCH when set: the time to stamp into outputs instead of "now".
  std::optional<std::int64_t> source_date_epoch;
  std::map<std::string, std::string> extras;
  /// Documents of the input left out as near-duplicates, in input order.
  std::vector<DroppedDocument> dropped{};
};

/// A whole article set held in memory (tests, small tools). Writers receive
/// documents one at a time instead.
struct Collection {
  CollectionMetadata metadata;
  std::vector<Document> documents;
};

// ---- Helpers shared by readers and writers (defined in libdocconv-core) ----

/// The text of inlines with formatting dropped.
std::string plain_text(const Inlines& inlines);

/// One plain-text run.
Inlines text_run(std::string text);

/// "paragraph", "heading", "blockquote", "list", "figure", "related", "removed".
std::string_view block_type_name(const BlockContent& content);

/// ISO 8601 form of a partial date: "2017-06-05", "--06-05" (no year),
/// "2017-06", "2017", or "" when empty.
std::string iso_date(const PartialDate& date);

/// "June 5" / "June 5, 2017" / "June 2017" / "": the date as an English dateline
/// prints it (Phrases::of(language).date() for other languages).
std::string display_date(const PartialDate& date);

}  // namespace docconv
