// -j N reads and parses inputs on several threads; the output must not depend
// on it. Every writer, in one file and --split, on the fixtures and on a
// generated corpus, gives the same bytes with -j 1, -j 2 and -j 5.
#include "corpus.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using docconv::test::TempDir;

namespace {

// Every file under `root`, by path relative to it, with its bytes.
std::map<std::string, std::string> files_under(const fs::path& root) {
  std::map<std::string, std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(root))
    if (entry.is_regular_file())
      files[fs::relative(entry.path(), root).string()] = docconv::test::read_file(entry.path());
  return files;
}

struct Output {
  std::string format;
  bool split;
};

// Converts `inputs` with `-j jobs` into a fresh folder under `work`; returns what was written.
std::map<std::string, std::string> convert(const std::vector<std::string>& inputs,
                                           const Output& output, int jobs, const fs::path& work) {
  const fs::path dir =
      work / (output.format + (output.split ? "-split-j" : "-j") + std::to_string(jobs));
  fs::create_directories(dir);
  std::vector<std::string> args{"convert"};
  args.insert(args.end(), inputs.begin(), inputs.end());
  args.insert(args.end(), {"-t", output.format, "-j", std::to_string(jobs), "-o"});
  args.push_back(output.split ? (dir / "parts").string() : (dir / "out").string());
  if (output.split) args.push_back("--split");
  const auto result = docconv::test::run_cli(args);
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  return files_under(dir);
}

void check_same_bytes_for_any_jobs(const std::vector<std::string>& inputs, std::size_t documents) {
  const std::vector<Output> outputs{
      {"epub", false}, {"tei", false}, {"markdown", false}, {"tei", true}, {"markdown", true}};
  TempDir work;
  for (const auto& output : outputs) {
    SECTION(output.format + (output.split ? " --split" : "")) {
      const auto serial = convert(inputs, output, 1, work.path());
      REQUIRE_FALSE(serial.empty());
      if (output.split) CHECK(serial.size() == documents);
      for (const int jobs : {2, 5}) {
        INFO("-j " << jobs);
        const auto parallel = convert(inputs, output, jobs, work.path());
        REQUIRE(parallel.size() == serial.size());
        for (const auto& [name, bytes] : serial) {
          INFO(name);
          REQUIRE(parallel.count(name) == 1);
          CHECK(parallel.at(name) == bytes);
        }
      }
    }
  }
}

}  // namespace

TEST_CASE("parallel reading gives output byte-identical to -j 1 on the fixtures") {
  std::vector<std::string> inputs;
  for (const auto& path : docconv::test::news_fixtures()) inputs.push_back(path.string());
  check_same_bytes_for_any_jobs(inputs, inputs.size());
}

TEST_CASE("parallel reading gives output byte-identical to -j 1 on a generated corpus") {
  TempDir corpus;
  constexpr std::size_t articles = 300;
  docconv::bench::write_corpus(corpus.path(), articles, 7);
  check_same_bytes_for_any_jobs({corpus.path().string()}, articles);
}
