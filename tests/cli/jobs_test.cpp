// -j N reads and parses inputs on several threads (and the EPUB writer renders
// pages on them); the output must not depend on it. Every writer, in one file
// and --split, on the fixtures and on a generated corpus, gives the same bytes
// with -j 1, -j 2 and -j 5; messages and exit status do not change either.
// Every test of -j is tagged [jobs].
#include "news_corpus.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
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
  // TEI stamps the time of conversion unless SOURCE_DATE_EPOCH fixes it: runs
  // in different seconds would differ there, and nowhere else.
  const auto result = docconv::test::run_cli(args, {{"SOURCE_DATE_EPOCH", "1700000000"}});
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

TEST_CASE("parallel reading gives output byte-identical to -j 1 on the fixtures", "[jobs]") {
  std::vector<std::string> inputs;
  for (const auto& path : docconv::test::news_fixtures()) inputs.push_back(path.string());
  check_same_bytes_for_any_jobs(inputs, inputs.size());
}

TEST_CASE("parallel reading gives output byte-identical to -j 1 on a generated corpus", "[jobs]") {
  TempDir corpus;
  constexpr std::size_t articles = 300;
  docconv::test::write_corpus(corpus.path(), articles, 7);
  check_same_bytes_for_any_jobs({corpus.path().string()}, articles);
}

TEST_CASE("parallel reading gives the same output and messages as -j 1", "[jobs]") {
  TempDir folder;
  for (int i = 0; i < 30; ++i) {
    std::string text = "Title " + std::to_string(i) + "\n";
    for (int line = 0; line < i % 7; ++line) text += "line " + std::to_string(line) + "\n";
    if (i % 11 == 5) text = "READER-FAIL\n";
    if (i % 13 == 7) text = "\n";
    docconv::test::write_file(folder / ("in" + std::to_string(100 + i) + ".tst"), text);
  }
  TempDir outputs;
  auto convert = [&](const std::string& jobs) {
    const auto out = outputs / ("j" + jobs + ".testout");
    const auto result = docconv::test::run_cli(
        {"--plugin-dir", (docconv::test::test_plugin_dir() / "good").string(), "-q", "convert",
         folder.path().string(), "-o", out.string(), "-j", jobs, "--test-reader-warn"});
    return std::make_pair(result, docconv::test::read_file(out));
  };
  const auto [serial, serial_output] = convert("1");
  CHECK(serial.exit_code == 1);                                              // the failing inputs
  CHECK(std::count(serial_output.begin(), serial_output.end(), '#') == 25);  // 3 fail, 2 empty
  for (const auto* jobs : {"2", "4", "0"}) {
    const auto [parallel, parallel_output] = convert(jobs);
    INFO("-j " << jobs);
    CHECK(parallel.exit_code == serial.exit_code);
    CHECK(parallel_output == serial_output);
    CHECK(parallel.err == serial.err);
  }
}
