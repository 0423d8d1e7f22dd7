// A deterministic corpus of news dumps in the style of fixtures/news/, for the
// benchmark (scripts/bench) and for tests that need many articles.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

namespace docconv::test {

/// The text of article `index` of the corpus made from `seed`: a title, and by
/// chance leading and trailing site chrome, a standfirst, photo captions and
/// credits, a dateline of one of several agencies, paragraphs with quotations,
/// subheadings, `READ MORE:` lines and a list of related headlines. The same
/// (seed, index) always gives the same bytes, on every platform.
std::string generate_article(std::uint64_t seed, std::uint64_t index);

/// Writes articles 0..count-1 as `dir/000000.txt`, `dir/000001.txt`, ...
/// (creating `dir`). Returns the number of bytes written.
std::uint64_t write_corpus(const std::filesystem::path& dir, std::uint64_t count,
                           std::uint64_t seed);

/// A corpus for measuring near-duplicate detection (scripts/bench): `count`
/// dumps of made-up words drawn from a Zipf distribution over 30,000 words,
/// as the words of real text are, so that unrelated articles share about as
/// few five-word sequences as real ones do. About one in ten is a planted
/// near-duplicate of an earlier article, of one of three kinds in turn: a
/// shortened copy (its first 60-80 % of paragraphs), a copy with another
/// headline and a few edited and added sentences, and a copy in another
/// site's chrome (menus and a footer around the same text). Writes the dumps
/// as write_corpus() does, and `truth` as lines "COPY<TAB>ORIGINAL<TAB>KIND"
/// of file names. Returns the number of planted copies.
std::uint64_t write_near_duplicate_corpus(const std::filesystem::path& dir,
                                          const std::filesystem::path& truth, std::uint64_t count,
                                          std::uint64_t seed);

}  // namespace docconv::test
