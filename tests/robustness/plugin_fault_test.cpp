// Plugins that fail: every failure a plugin can report (docconv::Error, any
// std::exception, an exception of any other type, an unsafe request to the
// host) is contained and attributed to the plugin by name, the other inputs
// still convert, and a failing writer never replaces an earlier output.
// (A plugin that crashes the process cannot be contained: docs/robustness.md.)
#include "robustness_support.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

using namespace docconv::robustness_test;

namespace {

namespace fs = std::filesystem;
using docconv::test::read_file;
using docconv::test::run_cli;
using docconv::test::RunResult;
using docconv::test::TempDir;
using docconv::test::write_file;

std::string faulty_plugins() {
  return DOCCONV_TEST_FAULTY_PLUGIN_DIR;
}

}  // namespace

TEST_CASE("a reader's failures are one line each, naming the input and the plugin") {
  TempDir folder;
  const std::vector<std::pair<std::string, std::string>> failing{{"b.fault", "THROW-ERROR"},
                                                                 {"c.fault", "THROW-RUNTIME"},
                                                                 {"d.fault", "THROW-BAD-ALLOC"},
                                                                 {"e.fault", "THROW-INT"}};
  write_file(folder / "a.fault", "Alpha\n");
  for (const auto& [name, first_line] : failing) write_file(folder / name, first_line + "\n");
  write_file(folder / "f.fault", "Zeta\n");
  const auto out = folder / "out.faultout";
  const auto result = run_cli({"--plugin-dir", faulty_plugins(), "convert", folder.path().string(),
                               "-o", out.string(), "--title", "ok"});
  INFO("stderr:\n" << result.err);
  CHECK(result.exit_code == 1);
  const std::vector<std::string> expected{
      "faulty-reader: reported a docconv::Error", "faulty-reader: reported a std::runtime_error",
      "faulty-reader: std::bad_alloc",
      "faulty-reader: failed with an exception that is not a std::exception"};
  for (std::size_t i = 0; i < failing.size(); ++i) {
    const auto path = (folder / failing[i].first).string();
    const auto found = lines_naming(result, path);
    REQUIRE(found.size() == 1);
    CHECK(found[0] == "docconv: error: " + path + ": " + expected[i]);
  }
  CHECK(read_file(out) == "collection ok\nAlpha\nZeta\n");
}

TEST_CASE("a writer's failures name the output and the plugin, the old output stays") {
  const std::vector<std::pair<std::string, std::string>> modes{
      {"BEGIN-THROWS", "faulty-writer: begin failed on request"},
      {"ADD-THROWS-INT", "faulty-writer: failed with an exception that is not a std::exception"},
      {"FINISH-THROWS", "faulty-writer: finish failed on request"}};
  for (const auto& [mode, message] : modes) {
    DYNAMIC_SECTION(mode) {
      TempDir folder;
      write_file(folder / "a.fault", "Alpha\n");
      const auto out = folder / "out.faultout";
      write_file(out, "previous\n");
      const auto result =
          run_cli({"--plugin-dir", faulty_plugins(), "convert", (folder / "a.fault").string(), "-o",
                   out.string(), "--title", mode});
      INFO("stderr:\n" << result.err);
      CHECK(result.exit_code == 1);
      CHECK(result.err == "docconv: error: " + out.string() + ": " + message + "\n");
      CHECK(read_file(out) == "previous\n");
      CHECK(docconv::test::temporaries_in(folder.path()).empty());
    }
  }
}

TEST_CASE("a writer asking for a part outside the output folder is refused, by name") {
  TempDir folder;
  write_file(folder / "a.fault", "Alpha\n");
  const auto parts = folder / "parts";
  const auto result =
      run_cli({"--plugin-dir", faulty_plugins(), "convert", (folder / "a.fault").string(), "-o",
               parts.string(), "--split", "-t", "faulty-writer", "--title", "PART-UNSAFE"});
  INFO("stderr:\n" << result.err);
  CHECK(result.exit_code == 1);
  CHECK(result.err ==
        "docconv: error: " + parts.string() +
            ": faulty-writer: the writer asked for an unsafe file name '../escape'\n");
  CHECK_FALSE(fs::exists(parts));  // the folder docconv made for the parts is removed again
  CHECK_FALSE(fs::exists(folder / "escape"));
}
