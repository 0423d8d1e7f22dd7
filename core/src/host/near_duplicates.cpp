#include "host/near_duplicates.hpp"

#include <docconv/text.hpp>
#include <docconv/visit.hpp>

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>

namespace docconv::host {
namespace {

constexpr std::size_t shingle_words = 5;
constexpr std::size_t fewest_shingles = 10;             // about 14 words: less is never a copy
constexpr std::uint32_t smallest_for_containment = 20;  // shingles, about 25 words
// A band (a pair of minima) that this many earlier documents share is common text (a stock
// phrase), not evidence: it is looked at no further and not indexed again.
constexpr std::size_t most_per_key = 32;

std::uint64_t mix(std::uint64_t x) {  // splitmix64's finaliser
  x ^= x >> 30;
  x *= 0xBF58476D1CE4E5B9ULL;
  x ^= x >> 27;
  x *= 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

// Letters and digits of any script make words; punctuation, symbols and
// white space separate them.
bool is_word_part(char32_t c) {
  if (c < 0x80) return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
  if (c < 0xC0) return c == 0xAA || c == 0xB5 || c == 0xBA;
  if (c == 0xD7 || c == 0xF7 || c == 0xFFFD) return false;
  if (c >= 0x2000 && c <= 0x2BFF) return false;  // punctuation, symbols, arrows, shapes
  if (c >= 0x3000 && c <= 0x303F) return false;  // CJK punctuation
  if (c >= 0xFE30 && c <= 0xFE4F) return false;
  if (c >= 0xFF00 && c <= 0xFF65)
    return !(c <= 0xFF0F || (c >= 0xFF1A && c <= 0xFF20) || (c >= 0xFF3B && c <= 0xFF40) ||
             c >= 0xFF5B);
  return true;
}

// Hashes the folded words of text given in pieces (the runs of a
// paragraph: a word may go on across a change of formatting). Letters are
// packed into a 64-bit chunk, mixed in when it is full: ASCII, most of most
// text, 8 to a chunk, other code points (folded by fold_case()) 3 to a chunk.
class WordHasher {
 public:
  explicit WordHasher(std::vector<std::uint64_t>& words) : words_(words) {}

  void add(std::string_view text) {
    for (std::size_t pos = 0; pos < text.size();) {
      const auto byte = static_cast<unsigned char>(text[pos]);
      if (byte < 0x80) {
        ++pos;
        const unsigned char lower = byte | 0x20;
        if ((byte >= '0' && byte <= '9') || (lower >= 'a' && lower <= 'z'))
          put(byte >= 'A' ? lower : byte, 8);
        else
          end_word();
        continue;
      }
      const char32_t c = next_code_point(text, pos);
      if (is_word_part(c))
        put(fold_case(c), 21);
      else
        end_word();
    }
  }

  /// The end of a block: no word goes on into the next one.
  void end_word() {
    if (bits_ == 0) return;  // put() always leaves a unit in the chunk
    words_.push_back(mix(hash_ ^ chunk_ ^ bits_));
    hash_ = chunk_ = 0;
    bits_ = 0;
  }

 private:
  void put(std::uint64_t unit, unsigned width) {
    if (bits_ + width > 64) {
      hash_ = mix(hash_ ^ chunk_);
      chunk_ = 0;
      bits_ = 0;
    }
    chunk_ = (chunk_ << width) | unit;
    bits_ += width;
  }

  std::vector<std::uint64_t>& words_;
  std::uint64_t hash_ = 0;
  std::uint64_t chunk_ = 0;
  unsigned bits_ = 0;
};

void add_runs(WordHasher& hasher, const Inlines& runs) {
  for (const Inline& run : runs) hasher.add(run.text);
  hasher.end_word();
}

std::vector<std::uint64_t> body_words(const Document& document) {
  std::vector<std::uint64_t> words;
  WordHasher hasher(words);
  // Figures, related links and removed text are what copies of a story on
  // different sites do not share: their pictures, links and chrome.
  for (const Block& block : document.blocks)
    visit_block(block.content,
                overloaded{[&](const Heading& heading) { add_runs(hasher, heading.content); },
                           [&](const Paragraph& paragraph) { add_runs(hasher, paragraph.content); },
                           [&](const BlockQuote& quote) {
                             for (const auto& paragraph : quote.paragraphs)
                               add_runs(hasher, paragraph);
                           },
                           [&](const List& list) {
                             for (const auto& item : list.items) add_runs(hasher, item);
                           },
                           [](const Figure&) {}, [](const RelatedLink&) {}, [](const Removed&) {}});
  return words;
}

std::uint64_t shingle_hash(const std::uint64_t* words, std::size_t count) {
  std::uint64_t hash = 0;
  for (std::size_t i = 0; i < count; ++i) hash = std::rotl(hash, 17) ^ words[i];
  return mix(hash + count);
}

}  // namespace

BodySignature body_signature(const Document& document) {
  BodySignature signature;
  const std::vector<std::uint64_t> words = body_words(document);
  if (words.empty()) return signature;
  // One-permutation MinHash: each shingle's hash picks a bin by its top bits
  // and competes there with the rest of its bits, one hash per shingle.
  constexpr std::uint32_t empty = std::numeric_limits<std::uint32_t>::max();
  std::array<std::uint32_t, BodySignature::bins> minima;
  minima.fill(empty);
  const std::size_t span = std::min(shingle_words, words.size());
  const std::size_t count = words.size() - span + 1;
  for (std::size_t i = 0; i < count; ++i) {
    const std::uint64_t hash = shingle_hash(&words[i], span);
    auto& bin = minima[hash >> 57];
    bin = std::min(bin, static_cast<std::uint32_t>(hash));
  }
  // A body of a stock line or two ("Watch the video below.") is no evidence:
  // two such pages are not copies of each other.
  if (count < fewest_shingles) return signature;
  signature.shingles = static_cast<std::uint32_t>(count);
  // Densification by rotation (Shrivastava and Li, 2014): an empty bin takes
  // the next filled bin's value to its right, offset by the distance, so
  // that two texts agree in it as often as in a filled one.
  std::array<std::uint32_t, BodySignature::bins> filled = minima;
  for (std::size_t bin = 0; bin < BodySignature::bins; ++bin) {
    if (minima[bin] != empty) continue;
    for (std::uint32_t step = 1; step < BodySignature::bins; ++step) {
      const std::uint32_t from = minima[(bin + step) % BodySignature::bins];
      if (from == empty) continue;
      filled[bin] = from + step * 0x9E3779B9U;
      break;
    }
  }
  for (std::size_t bin = 0; bin < BodySignature::bins; ++bin)
    signature.minima[bin] = static_cast<std::uint16_t>(filled[bin] ^ (filled[bin] >> 16));
  return signature;
}

namespace {

// How many bins two signatures agree on. Counted in 16 bits, the width of a
// bin: the compiler then compares and counts eight bins per instruction
// (candidates are scored by the hundred per article in text made from
// templates).
std::size_t agreeing_bins(const Minima& a, const Minima& b) {
  std::uint16_t same = 0;
  for (std::size_t bin = 0; bin < BodySignature::bins; ++bin)
    same = static_cast<std::uint16_t>(same + (a[bin] == b[bin]));
  return same;
}

// The similarity of two texts of `a_size` and `b_size` shingles whose
// Jaccard index is `jaccard`.
double similarity_from(double jaccard, std::uint32_t a_size, std::uint32_t b_size) {
  if (a_size == 0 || b_size == 0) return 0;
  const std::uint32_t smaller = std::min(a_size, b_size);
  if (smaller < smallest_for_containment) return jaccard;
  // |A ∩ B| = J |A ∪ B| and |A ∪ B| = (|A| + |B|) / (1 + J).
  const double shared = jaccard * (static_cast<double>(a_size) + b_size) / (1 + jaccard);
  return std::min(1.0, shared / smaller);
}

// The Jaccard index of two texts whose signatures agree on `same` bins: the
// estimate, and the low end of its margin (the Wilson score interval's lower
// bound, 2.5 standard errors: wrong about one time in 160).
double jaccard_estimate(std::size_t same) {
  return static_cast<double>(same) / BodySignature::bins;
}
double jaccard_at_least(std::size_t same) {
  static const auto lower_bounds = [] {
    constexpr double z = 2.5;
    constexpr double n = BodySignature::bins;
    std::array<double, BodySignature::bins + 1> bounds{};
    for (std::size_t k = 0; k <= BodySignature::bins; ++k) {
      const double p = static_cast<double>(k) / n;
      const double centre = p + z * z / (2 * n);
      const double margin = z * std::sqrt(p * (1 - p) / n + z * z / (4 * n * n));
      bounds[k] = std::max(0.0, (centre - margin) / (1 + z * z / n));
    }
    return bounds;
  }();
  return lower_bounds[same];
}

}  // namespace

double similarity(const BodySignature& a, const BodySignature& b) {
  return similarity_from(jaccard_estimate(agreeing_bins(a.minima, b.minima)), a.shingles,
                         b.shingles);
}

double similarity_at_least(const BodySignature& a, const BodySignature& b) {
  return similarity_from(jaccard_at_least(agreeing_bins(a.minima, b.minima)), a.shingles,
                         b.shingles);
}

namespace {

// Where band `band` of `minima` starts its probe in a table of `slots` slots.
std::size_t band_slot(const Minima& minima, std::size_t band, std::size_t slots) {
  const std::uint64_t pair = (static_cast<std::uint64_t>(band) << 32) |
                             (static_cast<std::uint64_t>(minima[2 * band]) << 16) |
                             minima[2 * band + 1];
  return static_cast<std::size_t>(mix(pair) % slots);
}

bool same_band(const Minima& a, const Minima& b, std::size_t band) {
  return a[2 * band] == b[2 * band] && a[2 * band + 1] == b[2 * band + 1];
}

}  // namespace

void NearDuplicateFinder::probe(std::uint32_t document, std::vector<std::uint32_t>* found) {
  const Minima& minima = documents_[document].minima;
  const std::size_t size = slots_.size();
  for (std::size_t band = 0; band < BodySignature::bands; ++band) {
    std::size_t sharing = 0;
    std::size_t at = band_slot(minima, band, size);
    for (; slots_[at] != 0 && sharing < most_per_key; at = at + 1 == size ? 0 : at + 1) {
      const std::uint32_t other = slots_[at] - 1;
      if (other == document || !same_band(documents_[other].minima, minima, band)) continue;
      ++sharing;
      if (found != nullptr) found->push_back(other);
    }
    if (sharing == most_per_key) continue;
    slots_[at] = document + 1;
    ++used_;
  }
}

void NearDuplicateFinder::reserve(std::size_t documents) {
  documents_.reserve(documents);
  if (documents * BodySignature::bands * 10 > slots_.size() * 7) rebuild(documents);
}

// Slots hold only document numbers (4 bytes): the band a slot was filled
// for is not known, so a bigger table is filled again from the signatures.
// Sized to the count, not to a power of two, which would waste up to half of
// it (a third of the finder's memory at 100,000 articles).
void NearDuplicateFinder::rebuild(std::size_t documents) {
  slots_.assign(std::max<std::size_t>(1024, documents * BodySignature::bands * 100 / 65 + 1),
                0);  // at most 65 % full
  used_ = 0;
  for (std::uint32_t document = 0; document < documents_.size(); ++document)
    if (documents_[document].shingles > 0) probe(document, nullptr);
}

std::optional<NearDuplicateFinder::Found> NearDuplicateFinder::add(const BodySignature& signature) {
  const auto document = static_cast<std::uint32_t>(documents_.size());
  // Grown before this document is in the list: probe() indexes it once.
  if (signature.shingles > 0 && (used_ + BodySignature::bands) * 10 > slots_.size() * 7)
    rebuild(2 * documents_.size() + 1);  // twice the documents: rebuilt log(N) times
  documents_.push_back({signature.minima, signature.shingles, document});
  if (signature.shingles == 0) return std::nullopt;
  std::vector<std::uint32_t> candidates;
  probe(document, &candidates);  // finds the earlier documents sharing a band, and indexes this one
  // The earlier document with the best evidence: the highest similarity at
  // the low end of its margin, which must reach the threshold. Two texts
  // made from the same templates share stock phrases: among thousands, some
  // pair's estimate is high by chance, most of all for a short text against
  // a long one, whose similarity rests on a few bins.
  double best = 0;
  std::uint32_t best_match = 0;
  for (const std::uint32_t earlier : candidates) {
    const Entry& entry = documents_[earlier];
    const double score =
        similarity_from(jaccard_at_least(agreeing_bins(signature.minima, entry.minima)),
                        signature.shingles, entry.shingles);
    if (score > best || (score == best && earlier < best_match)) {
      best = score;
      best_match = earlier;
    }
  }
  if (best < threshold_ || best == 0) return std::nullopt;
  const std::uint32_t original = documents_[best_match].original;
  documents_[document].original = original;
  const Entry& first = documents_[original];
  return Found{original,
               similarity_from(jaccard_estimate(agreeing_bins(signature.minima, first.minima)),
                               signature.shingles, first.shingles)};
}

std::string_view TextBlocks::keep(std::string_view text) {
  if (blocks_.empty() || blocks_.back().capacity() - blocks_.back().size() < text.size()) {
    blocks_.emplace_back();
    blocks_.back().reserve(std::max(block_size, text.size()));
  }
  std::string& block = blocks_.back();
  const std::size_t at = block.size();
  block.append(text);  // within its capacity: the block's bytes do not move
  return {block.data() + at, text.size()};
}

bool NearDuplicateFilter::leave_out(Document& document, const BodySignature& signature) {
  const auto found = finder_.add(signature);
  const bool dropping = found && mode_ == NearDuplicateMode::drop;
  const Metadata& metadata = document.metadata;
  known_.push_back(
      {names_.keep(metadata.title), names_.keep(metadata.source), dropping ? 0 : ++given_});
  if (!found) return false;
  const Known& original = known_[found->original];
  // Two decimals: what every writer shows, and what a model read back holds.
  const double shown = std::round(found->similarity * 100) / 100;
  NearDuplicateOf of{original.article, std::string(original.title), std::string(original.source),
                     shown};
  found_.push_back({metadata.title, metadata.source, of});
  if (!dropping) document.metadata.near_duplicate_of = std::move(of);
  return dropping;
}

}  // namespace docconv::host
