#include "host/inputs.hpp"
#include "support.hpp"

#include <docconv/plugin.hpp>

#include <zip.h>
#include <catch2/catch.hpp>

using namespace docconv;
using docconv::test::TempDir;
namespace fs = std::filesystem;

namespace {

struct Problems {
  std::vector<std::string> lines;
  host::ProblemHandler handler() {
    return [this](const std::string& where, const std::string& what) {
      lines.push_back(where + ": " + what);
    };
  }
};

std::vector<std::string> names(const std::vector<host::InputRef>& inputs) {
  std::vector<std::string> out;
  for (const auto& input : inputs) out.push_back(input.name);
  return out;
}

void make_zip(const fs::path& path,
              const std::vector<std::pair<std::string, std::string>>& entries) {
  int error = 0;
  zip_t* archive = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  REQUIRE(archive != nullptr);
  for (const auto& [name, content] : entries) {
    zip_source_t* source = zip_source_buffer(archive, content.data(), content.size(), 0);
    REQUIRE(zip_file_add(archive, name.c_str(), source, ZIP_FL_ENC_UTF_8) >= 0);
  }
  REQUIRE(zip_close(archive) == 0);
}

}  // namespace

TEST_CASE("folders are read recursively in sorted order, hidden entries skipped") {
  TempDir folder;
  fs::create_directories(folder / "b" / "sub");
  fs::create_directories(folder / ".git");
  test::write_file(folder / "b" / "sub" / "z.txt", "z");
  test::write_file(folder / "b" / "a.txt", "a");
  test::write_file(folder / "c.txt", "c");
  test::write_file(folder / ".hidden.txt", "h");
  test::write_file(folder / ".git" / "x.txt", "x");
  Problems problems;
  const auto inputs = host::list_inputs({folder.path().string()}, problems.handler());
  const auto root = folder.path().string();
  CHECK(names(inputs) ==
        std::vector<std::string>{root + "/b/a.txt", root + "/b/sub/z.txt", root + "/c.txt"});
  CHECK(problems.lines.empty());
  CHECK(inputs[0].found_by_listing);
}

TEST_CASE("a symbolic link loop is reported once and the rest is read") {
  TempDir folder;
  fs::create_directories(folder / "a");
  test::write_file(folder / "a" / "x.txt", "x");
  fs::create_directory_symlink(folder / "a", folder / "a" / "loop");
  Problems problems;
  const auto inputs = host::list_inputs({folder.path().string()}, problems.handler());
  CHECK(inputs.size() == 1);
  REQUIRE(problems.lines.size() == 1);
  CHECK_THAT(problems.lines[0], Catch::Contains("loop") && Catch::Contains("symbolic link loop"));
}

TEST_CASE("missing inputs are reported and the others still listed") {
  TempDir folder;
  test::write_file(folder / "a.txt", "a");
  Problems problems;
  const auto inputs = host::list_inputs(
      {(folder / "missing.txt").string(), (folder / "a.txt").string()}, problems.handler());
  CHECK(inputs.size() == 1);
  REQUIRE(problems.lines.size() == 1);
  CHECK_THAT(problems.lines[0], Catch::EndsWith("missing.txt: no such file or folder"));
}

TEST_CASE("zip archives are read entry by entry, unsafe entries refused", "[zip]") {
  TempDir folder;
  const auto archive = folder / "set.zip";
  make_zip(archive, {{"b.txt", "B"},
                     {"dir/a.txt", "A"},
                     {"../evil.txt", "E"},
                     {"/abs.txt", "S"},
                     {"__MACOSX/._b.txt", "junk"}});
  Problems problems;
  const auto inputs = host::list_inputs({archive.string()}, problems.handler());
  // Archive order, not sorted.
  CHECK(names(inputs) ==
        std::vector<std::string>{archive.string() + ":b.txt", archive.string() + ":dir/a.txt"});
  CHECK(host::load_input(inputs[1]) == "A");
  REQUIRE(problems.lines.size() == 2);
  CHECK_THAT(problems.lines[0], Catch::Contains("../evil.txt") && Catch::Contains("'..'"));
  CHECK_THAT(problems.lines[1], Catch::Contains("/abs.txt") && Catch::Contains("absolute"));
}

TEST_CASE("an entry is held to the limit again when it is read, not only when listed", "[zip]") {
  // Reading with a smaller limit than the listing used: what is read is
  // checked on its own. Zip bombs themselves are tested through the CLI in
  // tests/robustness/bad_input_test.cpp.
  TempDir folder;
  const auto archive = folder / "fits.zip";
  make_zip(archive, {{"fits.txt", "small"}});
  Problems problems;
  const auto inputs = host::list_inputs({archive.string()}, problems.handler());
  REQUIRE(names(inputs) == std::vector<std::string>{archive.string() + ":fits.txt"});
  CHECK_THROWS_WITH(host::load_input(inputs[0], nullptr, 4),
                    Catch::Contains("entry is 5 bytes, more than --max-input-size (4 bytes)"));
}

TEST_CASE("limits are shown as people write them") {
  CHECK(host::size_text(std::uint64_t{4} << 20) == "4 MiB");
  CHECK(host::size_text(std::uint64_t{3} << 30) == "3 GiB");
  CHECK(host::size_text(512 * 1024) == "512 KiB");
  CHECK(host::size_text((std::uint64_t{1} << 20) + 1) == "1048577 bytes");
  CHECK(host::size_text(1000) == "1000 bytes");
}
