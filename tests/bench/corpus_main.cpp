// docconv-bench-corpus COUNT DIR [SEED]: writes COUNT generated news dumps into
// DIR (see tests/support/news_corpus.hpp). Used by scripts/bench.
// docconv-bench-corpus --near-duplicates COUNT DIR TRUTH [SEED]: the corpus
// with planted near-duplicates, and the list of what was planted in TRUTH.
#include "news_corpus.hpp"

#include <cstdlib>
#include <exception>
#include <iostream>
#include <string>

int main(int argc, char** argv) {
  const bool near_duplicates = argc > 1 && std::string(argv[1]) == "--near-duplicates";
  const int first = near_duplicates ? 2 : 1;
  const int needed = near_duplicates ? 3 : 2;
  if (argc < first + needed || argc > first + needed + 1) {
    std::cerr << "usage: docconv-bench-corpus COUNT DIR [SEED]\n"
                 "       docconv-bench-corpus --near-duplicates COUNT DIR TRUTH [SEED]\n";
    return 2;
  }
  try {
    const std::uint64_t count = std::stoull(argv[first]);
    const std::uint64_t seed = argc == first + needed + 1 ? std::stoull(argv[argc - 1]) : 1;
    if (near_duplicates) {
      const std::uint64_t planted =
          docconv::test::write_near_duplicate_corpus(argv[first + 1], argv[first + 2], count, seed);
      std::cout << count << " articles, " << planted << " planted near-duplicates\n";
      return 0;
    }
    const std::uint64_t bytes = docconv::test::write_corpus(argv[first + 1], count, seed);
    std::cout << count << " articles, " << bytes << " bytes\n";
  } catch (const std::exception& error) {
    std::cerr << "docconv-bench-corpus: " << error.what() << "\n";
    return 1;
  }
  return 0;
}
