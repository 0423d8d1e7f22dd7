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
constexpr std::uint32_t smallest_for_containment = 20;  // shingles, about 25 words
// A band key that this many earlier documents share is common text (a stock
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

// Hashes of the folded words of `text`, appended to `words`.
void hash_words(std::string_view text, std::vector<std::uint64_t>& words) {
  std::uint64_t hash = 0xCBF29CE484222325ULL;  // FNV-1a over code points
  bool in_word = false;
  for (std::size_t pos = 0; pos < text.size();) {
    const char32_t c = next_code_point(text, pos);
    if (is_word_part(c)) {
      hash = (hash ^ fold_case(c)) * 0x100000001B3ULL;
      in_word = true;
    } else if (in_word) {
      words.push_back(mix(hash));
      hash = 0xCBF29CE484222325ULL;
      in_word = false;
    }
  }
  if (in_word) words.push_back(mix(hash));
}

std::vector<std::uint64_t> body_words(const Document& document) {
  std::vector<std::uint64_t> words;
  // Figures, related links and removed text are what copies of a story on
  // different sites do not share: their pictures, links and chrome.
  for (const Block& block : document.blocks)
    visit_block(
        block.content,
        overloaded{
            [&](const Heading& heading) { hash_words(plain_text(heading.content), words); },
            [&](const Paragraph& paragraph) { hash_words(plain_text(paragraph.content), words); },
            [&](const BlockQuote& quote) {
              for (const auto& paragraph : quote.paragraphs)
                hash_words(plain_text(paragraph), words);
            },
            [&](const List& list) {
              for (const auto& item : list.items) hash_words(plain_text(item), words);
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
  for (std::size_t band = 0; band < BodySignature::bands; ++band) {
    const std::uint64_t pair =
        (static_cast<std::uint64_t>(filled[2 * band]) << 32) | filled[2 * band + 1];
    signature.band_keys[band] = static_cast<std::uint32_t>(mix(pair ^ (band + 1)) >> 32);
  }
  return signature;
}

namespace {

double similarity_of(const std::array<std::uint16_t, BodySignature::bins>& a, std::uint32_t a_size,
                     const std::array<std::uint16_t, BodySignature::bins>& b,
                     std::uint32_t b_size) {
  if (a_size == 0 || b_size == 0) return 0;
  std::size_t same = 0;
  for (std::size_t bin = 0; bin < BodySignature::bins; ++bin) same += a[bin] == b[bin];
  const double jaccard = static_cast<double>(same) / BodySignature::bins;
  const std::uint32_t smaller = std::min(a_size, b_size);
  if (smaller < smallest_for_containment) return jaccard;
  // |A ∩ B| = J |A ∪ B| and |A ∪ B| = (|A| + |B|) / (1 + J).
  const double shared = jaccard * (static_cast<double>(a_size) + b_size) / (1 + jaccard);
  return std::min(1.0, shared / smaller);
}

}  // namespace

double similarity(const BodySignature& a, const BodySignature& b) {
  return similarity_of(a.minima, a.shingles, b.minima, b.shingles);
}

std::vector<std::uint32_t> NearDuplicateFinder::candidates(const BodySignature& signature) const {
  std::vector<std::uint32_t> found;
  if (slots_.empty()) return found;
  const std::size_t mask = slots_.size() - 1;
  const int shift = 64 - std::countr_zero(slots_.size());
  for (const std::uint32_t key : signature.band_keys) {
    std::size_t sharing = 0;
    for (std::size_t at = (key * 0x9E3779B97F4A7C15ULL) >> shift; slots_[at] != 0;
         at = (at + 1) & mask) {
      if ((slots_[at] >> 32) != key) continue;
      found.push_back(static_cast<std::uint32_t>(slots_[at]) - 1);
      if (++sharing == most_per_key) break;
    }
  }
  std::sort(found.begin(), found.end());
  found.erase(std::unique(found.begin(), found.end()), found.end());
  return found;
}

void NearDuplicateFinder::grow() {
  std::vector<std::uint64_t> old = std::move(slots_);
  slots_.assign(std::max<std::size_t>(1024, old.size() * 2), 0);
  const std::size_t mask = slots_.size() - 1;
  const int shift = 64 - std::countr_zero(slots_.size());
  for (const std::uint64_t slot : old) {
    if (slot == 0) continue;
    std::size_t at = ((slot >> 32) * 0x9E3779B97F4A7C15ULL) >> shift;
    while (slots_[at] != 0) at = (at + 1) & mask;
    slots_[at] = slot;
  }
}

void NearDuplicateFinder::index(const BodySignature& signature, std::uint32_t document) {
  if ((used_ + BodySignature::bands) * 10 > slots_.size() * 7) grow();
  const std::size_t mask = slots_.size() - 1;
  const int shift = 64 - std::countr_zero(slots_.size());
  for (const std::uint32_t key : signature.band_keys) {
    std::size_t sharing = 0;
    std::size_t at = (key * 0x9E3779B97F4A7C15ULL) >> shift;
    for (; slots_[at] != 0 && sharing < most_per_key; at = (at + 1) & mask)
      sharing += (slots_[at] >> 32) == key;
    if (sharing == most_per_key) continue;
    slots_[at] = (static_cast<std::uint64_t>(key) << 32) | (document + 1);
    ++used_;
  }
}

std::optional<NearDuplicateFinder::Found> NearDuplicateFinder::add(const BodySignature& signature) {
  const auto document = static_cast<std::uint32_t>(documents_.size());
  std::optional<Found> found;
  if (signature.shingles > 0) {
    double best = 0;
    std::uint32_t best_match = 0;
    for (const std::uint32_t earlier : candidates(signature)) {
      const Entry& entry = documents_[earlier];
      const double score =
          similarity_of(signature.minima, signature.shingles, entry.minima, entry.shingles);
      if (score > best) {
        best = score;
        best_match = earlier;
      }
    }
    if (best >= threshold_ && best > 0) {
      const std::uint32_t original = documents_[best_match].original;
      const Entry& first = documents_[original];
      found = Found{original, similarity_of(signature.minima, signature.shingles, first.minima,
                                            first.shingles)};
    }
    index(signature, document);
  }
  documents_.push_back({signature.minima, signature.shingles,
                        found ? static_cast<std::uint32_t>(found->original) : document});
  return found;
}

bool NearDuplicateFilter::leave_out(Document& document, const BodySignature& signature) {
  const auto found = finder_.add(signature);
  const bool dropping = found && mode_ == NearDuplicateMode::drop;
  const Metadata& metadata = document.metadata;
  known_.push_back({metadata.title, metadata.source, dropping ? 0 : ++given_});
  document.metadata.near_duplicate_of.reset();  // a model read back is judged afresh
  if (!found) return false;
  const Known& original = known_[found->original];
  // Two decimals: what every writer shows, and what a model read back holds.
  const double shown = std::round(found->similarity * 100) / 100;
  NearDuplicateOf of{original.article, original.title, original.source, shown};
  found_.push_back({metadata.title, metadata.source, of});
  if (!dropping) document.metadata.near_duplicate_of = std::move(of);
  return dropping;
}

}  // namespace docconv::host
