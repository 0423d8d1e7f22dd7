// Memory per input is bounded by design (issue #15): --max-input-size bounds
// the bytes, news-text's --max-lines the lines, and together they bound what
// one input costs. Each shape below sits at both defaults and is the worst
// docs/robustness.md measured for its writer; the inputs are generated here.
#include "support.hpp"

#include <catch2/catch.hpp>

#include <sys/resource.h>

#include <algorithm>
#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

using docconv::test::Environment;
using docconv::test::run_cli;
using docconv::test::TempDir;
using docconv::test::write_file;

namespace {

#if defined(__SANITIZE_ADDRESS__)
constexpr bool under_asan = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool under_asan = true;
#else
constexpr bool under_asan = false;
#endif
#else
constexpr bool under_asan = false;
#endif

// docs/robustness.md states 256 MiB per input at -j 1. AddressSanitizer
// adds its shadow memory and red zones (quarantine is kept small below).
constexpr long bound_kib = (under_asan ? 3 : 1) * 256 * 1024;

// The largest resident set of any child this test process waited for.
long children_peak_kib() {
  struct rusage usage {};
  REQUIRE(::getrusage(RUSAGE_CHILDREN, &usage) == 0);
  return usage.ru_maxrss;
}

Environment small_quarantine() {
  if (!under_asan) return {};
  const char* options = std::getenv("ASAN_OPTIONS");
  return {
      {"ASAN_OPTIONS", std::string(options != nullptr ? options : "") + ":quarantine_size_mb=16"}};
}

// Words of a sentence, `bytes` long or a little more.
std::string sentence(std::size_t bytes, unsigned seed) {
  static const char* const words[] = {"the", "council", "said",  "on",    "Tuesday", "that",
                                      "new", "rules",   "would", "apply", "from",    "March"};
  std::string text;
  while (text.size() < bytes) {
    if (!text.empty()) text += ' ';
    text += words[seed++ % 12];
    seed = seed * 2654435761u >> 7;
  }
  return text + '.';
}

struct Shape {
  std::string name;
  std::string writer;
  std::function<std::string()> make;
};

}  // namespace

TEST_CASE("one input at the default limits stays within the stated memory bound",
          "[robustness][memory]") {
  const std::size_t lines = 99'990;  // under news-text's 100,000
  const std::vector<Shape> shapes = {
      {"100,000 one-letter lines as TEI (the most a line costs)", "tei",
       [&] {
         std::string text = "A title\n\n";
         for (std::size_t i = 0; i < lines; ++i) text += "abcdefghij"[i % 10] + std::string("\n");
         return text;
       }},
      {"100,000 menu lines as TEI (each kept as removed text)", "tei",
       [&] {
         static const char* const menu[] = {"Home", "News", "Sport", "Subscribe", "Log in"};
         std::string text = "A title\n\n";
         for (std::size_t i = 0; i < lines; ++i) text += menu[i % 5] + std::string("\n");
         return text;
       }},
      {"100,000 list items of 160 bytes, 16 MiB, as TEI (issue #15's list lines)", "tei",
       [&] {
         std::string text = "A title\n\n";
         for (std::size_t i = 0; i < lines; ++i) text += "- " + sentence(156, unsigned(i)) + "\n";
         text.resize(std::min<std::size_t>(text.size(), (std::size_t{16} << 20) - 1));
         return text;
       }},
      {"100,000 paragraphs of 160 bytes, 16 MiB, as EPUB", "epub",
       [&] {
         std::string text = "A title\n\n";
         for (std::size_t i = 0; i < lines; ++i) text += sentence(158, unsigned(i)) + "\n";
         text.resize(std::min<std::size_t>(text.size(), (std::size_t{16} << 20) - 1));
         return text;
       }},
      {"16 MiB on one line as Markdown", "markdown",
       [&] { return "A title\n\n" + sentence((std::size_t{16} << 20) - 64, 7) + "\n"; }},
  };
  for (const Shape& shape : shapes) {
    DYNAMIC_SECTION(shape.name) {
      TempDir folder;
      write_file(folder / "input.txt", shape.make());
      const auto result = run_cli({"convert", (folder / "input.txt").string(), "-j", "1", "-t",
                                   shape.writer, "-o", (folder / "out").string()},
                                  small_quarantine());
      INFO("stderr:\n" << result.err);
      REQUIRE(result.exit_code == 0);
      const long peak = children_peak_kib();
      INFO("peak resident set of the runs so far: " << peak / 1024 << " MiB");
      CHECK(peak < bound_kib);
    }
  }
}
