// docconv-bench-corpus COUNT DIR [SEED]: writes COUNT generated news dumps into
// DIR (see tests/support/news_corpus.hpp). Used by scripts/bench.
#include "news_corpus.hpp"

#include <cstdlib>
#include <exception>
#include <iostream>
#include <string>

int main(int argc, char** argv) {
  if (argc < 3 || argc > 4) {
    std::cerr << "usage: docconv-bench-corpus COUNT DIR [SEED]\n";
    return 2;
  }
  try {
    const std::uint64_t count = std::stoull(argv[1]);
    const std::uint64_t seed = argc == 4 ? std::stoull(argv[3]) : 1;
    const std::uint64_t bytes = docconv::test::write_corpus(argv[2], count, seed);
    std::cout << count << " articles, " << bytes << " bytes\n";
  } catch (const std::exception& error) {
    std::cerr << "docconv-bench-corpus: " << error.what() << "\n";
    return 1;
  }
  return 0;
}
