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

}  // namespace docconv::test
