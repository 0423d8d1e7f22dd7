// Near-duplicate articles across the documents of one run: MinHash
// signatures of each article's body text, found by LSH banding, verified by
// their estimated similarity. See docs/near-duplicates.md.
#pragma once

#include <docconv/model.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace docconv::host {

/// What --near-duplicates does with an article that largely repeats an
/// earlier one: nothing (no detection), say so, or leave it out.
enum class NearDuplicateMode { keep, mark, drop };

/// The default of --near-duplicates-threshold, held against
/// similarity_at_least(). Measured in docs/near-duplicates.md: planted copies
/// score 0.63 or more, unrelated real articles 0.02 at most, 100,000
/// template-made articles up to 0.57.
inline constexpr double default_near_duplicate_threshold = 0.6;

/// A fixed-size summary of an article's body text: one-permutation MinHash
/// of its five-word shingles (words folded to lower case, punctuation and
/// white space ignored) in 128 bins, 16 bits kept per bin. Its LSH bands are
/// pairs of bins. Computed on the reading threads.
struct BodySignature {
  static constexpr std::size_t bins = 128;
  static constexpr std::size_t bands = 32;  ///< of 2 bins each, over the first 64 bins
  std::array<std::uint16_t, bins> minima{};
  /// 0: fewer than 10 shingles (about 14 words); such a document is never a
  /// near-duplicate, nor an original.
  std::uint32_t shingles = 0;
};
using Minima = std::array<std::uint16_t, BodySignature::bins>;

/// The signature of the body text of `document`: headings, paragraphs,
/// quotes and lists; not its title, captions, related links or removed
/// text, which copies of one story on different sites do not share.
BodySignature body_signature(const Document& document);

/// Estimated similarity of two signed texts: the share of the shorter one's
/// shingles that the other holds (so a shortened copy scores near 1), from
/// the Jaccard estimate and both sizes; plain Jaccard when the shorter text
/// has fewer than 20 shingles, so that a brief is not a copy of every long
/// article that quotes it.
double similarity(const BodySignature& a, const BodySignature& b);

/// The low end of similarity()'s margin: the same measure from the Jaccard
/// estimate's lower bound (2.5 standard errors below it). What the finder
/// holds against the threshold: a short text's similarity to a long one
/// rests on a few of the 128 bins, and text made from templates agrees on
/// some by chance.
double similarity_at_least(const BodySignature& a, const BodySignature& b);

/// Finds, for each document in input order, an earlier one it largely
/// repeats. Keeps per document its signature (264 bytes) and its cluster,
/// and an index of its 32 bands: 4 bytes each in a table sized to the count
/// given to reserve(), at most 65 % full (70 % before it grows): about 200 bytes.
class NearDuplicateFinder {
 public:
  explicit NearDuplicateFinder(double threshold) : threshold_(threshold) {}

  struct Found {
    std::size_t original = 0;  ///< Index (in add() order) of the cluster's first document.
    double similarity = 0;     ///< Between the document and that original.
  };

  /// Adds the next document; what it repeats, if anything: the earlier
  /// document whose similarity_at_least() is highest and reaches the
  /// threshold. Found::similarity is similarity() itself. A cluster's
  /// first member is its original: a document found to repeat a later
  /// member names that member's original.
  std::optional<Found> add(const BodySignature& signature);

  std::size_t size() const { return documents_.size(); }

  /// Room for `documents` without growing (a run knows how many inputs it has).
  void reserve(std::size_t documents);

 private:
  struct Entry {
    Minima minima;
    std::uint32_t shingles;
    std::uint32_t original;
  };
  // Each band of `document`: adds to `found` the earlier documents with the
  // same band (at most 32 per band), and indexes the document under it.
  void probe(std::uint32_t document, std::vector<std::uint32_t>* found);
  void rebuild(std::size_t documents);

  double threshold_;
  std::vector<Entry> documents_;
  // Linear probing over document + 1 (0 is empty), placed by a hash of a
  // band's two minima: a lookup reads on to the next empty slot and compares
  // the band of each document it meets.
  std::vector<std::uint32_t> slots_;
  std::size_t used_ = 0;
};

/// Texts kept one after another in blocks of 64 KiB: two short strings per
/// article, each with a heap block of its own, took three times the bytes.
class TextBlocks {
 public:
  /// A copy of `text`, valid as long as this object.
  std::string_view keep(std::string_view text);

 private:
  static constexpr std::size_t block_size = 64 * 1024;
  std::vector<std::string> blocks_;
};

/// The host's use of the finder in a run: marks each document that repeats
/// an earlier one, or tells the run to leave it out, and keeps what it found
/// for the run's messages and report.
class NearDuplicateFilter {
 public:
  /// `expected`: about how many documents will come (to reserve room).
  NearDuplicateFilter(NearDuplicateMode mode, double threshold, std::size_t expected = 0)
      : mode_(mode), finder_(threshold) {
    finder_.reserve(expected);
    known_.reserve(expected);
  }
  // known_ points into names_: a copy would point into the original.
  NearDuplicateFilter(const NearDuplicateFilter&) = delete;
  NearDuplicateFilter& operator=(const NearDuplicateFilter&) = delete;

  /// Sets document.metadata.near_duplicate_of when `document` repeats an
  /// earlier document; true when it is to be left out.
  bool leave_out(Document& document, const BodySignature& signature);

  /// Every near-duplicate found, in input order (left out or marked).
  const std::vector<DroppedDocument>& found() const { return found_; }

 private:
  struct Known {
    std::string_view title;   // in names_
    std::string_view source;  // Metadata::source: the input, or what a model read back names
    std::size_t article = 0;  // 0: left out
  };
  NearDuplicateMode mode_;
  NearDuplicateFinder finder_;
  TextBlocks names_;
  std::vector<Known> known_;
  std::vector<DroppedDocument> found_;
  std::size_t given_ = 0;  // documents given on to the writer
};

}  // namespace docconv::host
