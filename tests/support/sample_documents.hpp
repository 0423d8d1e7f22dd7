// The documents that writer tests and fuzzers feed to writers, made in one
// place: hand-made articles that each show one situation a reader produces,
// and a generator of any number of documents from a source of choices (a
// seeded random engine in tests, the fuzzer's bytes in the harnesses).
#pragma once

#include <docconv/model.hpp>

#include <cstddef>
#include <random>
#include <string>
#include <vector>

namespace docconv::test {

// ---- Hand-made articles -------------------------------------------------

/// The SDK's samples (docconv::testing::sample_collection) come first.
/// A full article as the news-text reader makes it from a TASS dump: title,
/// standfirst, dateline, a figure with its duplicated caption removed, site
/// chrome, paragraphs with every inline kind, nested subheadings, a quote,
/// both kinds of list, related links with and without a target, source
/// lines on every block. Number 0 is that article (its date has no year);
/// number n >= 1 is the n-th of a collection: its title, agency, link and
/// date (2017-06-(1 + n % 28)) vary with n.
Document realistic_article(std::size_t number = 0);

/// Articles 1..count of realistic_article(), in order.
Collection realistic_collection(std::size_t count);

/// No title line: the title is derived from the lead and marked so.
Document derived_title_article();

/// No dateline, no standfirst, no figure.
Document article_without_dateline();

/// Nothing but site chrome, and no title at all.
Document only_removed_article();

/// Markup characters, "]]>", quotes, characters XML 1.0 forbids, invalid
/// UTF-8, a date that does not exist and a language that is no tag.
Document special_characters_article();

/// What file names and links must survive: a 2,000-character title full of
/// path pieces and markup in several scripts, relative and javascript:
/// links, a level-1 heading in the body, a blank paragraph; in Russian.
Document hostile_article();

/// Cyrillic, CJK, Arabic, Hebrew, emoji, combining marks.
Document non_latin_article();

/// Every hand-made article above, in this order: realistic, derived title,
/// without dateline, only removed, special characters, hostile, non-Latin.
std::vector<Document> all_samples();

Collection collection_of(std::vector<Document> documents);

/// A valid 1x1 PNG image, for a cover.
std::string one_pixel_png();

// ---- Generated documents ------------------------------------------------

/// Where a DocumentGenerator takes its decisions from.
class ChoiceSource {
 public:
  virtual ~ChoiceSource() = default;
  /// A number in [0, n), n >= 1.
  virtual std::size_t below(std::size_t n) = 0;
  /// True with probability `p` (a source may ignore p).
  virtual bool chance(double p) = 0;
  /// A string of up to about `size` pieces (words, marks, bytes).
  virtual std::string text(std::size_t size) = 0;
  /// A link target.
  virtual std::string target() = 0;
};

/// Words in several scripts, XML- and path-hostile pieces, white space and
/// characters XML 1.0 cannot hold: what RandomChoices makes text of.
const std::vector<std::string>& hostile_pieces();

/// Seeded choices: the same seed gives the same documents on every platform
/// run of one standard library. Text is made of `pieces`.
class RandomChoices final : public ChoiceSource {
 public:
  explicit RandomChoices(unsigned seed, std::vector<std::string> pieces = hostile_pieces());
  std::size_t below(std::size_t n) override;
  bool chance(double p) override;
  std::string text(std::size_t size) override;
  std::string target() override;

 private:
  std::mt19937 engine_;
  std::vector<std::string> pieces_;
};

/// Documents with every block and inline kind, every metadata field, source
/// lines, markers, and dates in and out of range.
class DocumentGenerator {
 public:
  explicit DocumentGenerator(ChoiceSource& choices) : choices_(choices) {}

  Inlines inlines();
  Block block();
  Metadata metadata();
  PartialDate date();
  /// A document of `blocks` blocks.
  Document document(std::size_t blocks);
  /// Up to `documents` documents of up to `blocks` blocks, with collection metadata.
  Collection collection(std::size_t documents, std::size_t blocks);

 private:
  std::vector<Inlines> several_inlines();
  BlockContent content();
  std::string language();
  std::string maybe_text(double p, std::size_t size);
  SourceLines source_lines();
  ChoiceSource& choices_;
};

}  // namespace docconv::test
