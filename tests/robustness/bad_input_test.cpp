// The bad-input suite: what a scraper leaves on disk, run through the real
// CLI. Every case asserts the exit code, the one line that names the file,
// and that the good inputs beside it still converted. Every case where the
// output cannot be written asserts that an earlier output is byte-identical
// and that no temporary (.NAME.tmp-XXXXXX) is left. Cases covered elsewhere
// are not repeated: SIGINT and a writer that throws mid-stream are in
// tests/cli/cli_test.cpp, the reader's own malformed-input set in
// plugins/news-text/tests/cli_test.cpp.
#include "robustness_support.hpp"
#include "support.hpp"

#include <zip.h>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <functional>
#include <random>
#include <string>
#include <vector>

using namespace docconv::robustness_test;

namespace {

namespace fs = std::filesystem;
using docconv::test::read_file;
using docconv::test::run_cli;
using docconv::test::RunResult;
using docconv::test::TempDir;
using docconv::test::temporaries_in;
using docconv::test::write_file;

fs::path fixture(const std::string& number) {
  for (const auto& path : docconv::test::news_fixtures())
    if (path.filename().string().starts_with(number + "_")) return path;
  throw std::runtime_error("no fixture " + number);
}

// Exactly one line names `name`; it is a docconv message of `level` and says `what`.
void check_one_line(const RunResult& result, const std::string& name, const std::string& level,
                    const std::string& what) {
  INFO("stderr:\n" << result.err);
  const auto found = lines_naming(result, name);
  REQUIRE(found.size() == 1);
  CHECK_THAT(found[0], Catch::StartsWith("docconv: " + level + ": ") && Catch::Contains(what));
}

// Markdown headings ("# Title" lines) of a Markdown output.
std::vector<std::string> headings(const std::string& markdown) {
  std::vector<std::string> out;
  for (const auto& line : docconv::test::lines(markdown))
    if (line.starts_with("# ")) out.push_back(line);
  return out;
}

// The headings of the two good inputs converted alone: what every case must still contain.
const std::vector<std::string>& good_headings() {
  static const std::vector<std::string> expected = [] {
    TempDir folder;
    const auto result = run_cli({"convert", fixture("000").string(), fixture("002").string(), "-o",
                                 (folder / "good.md").string()});
    if (result.exit_code != 0) throw std::runtime_error("good inputs fail: " + result.err);
    return headings(read_file(folder / "good.md"));
  }();
  return expected;
}

void check_good_inputs_converted(const std::string& markdown) {
  const auto found = headings(markdown);
  REQUIRE(good_headings().size() == 2);
  for (const auto& heading : good_headings())
    CHECK(std::find(found.begin(), found.end(), heading) != found.end());
}

std::string random_bytes(std::size_t size, unsigned seed) {
  std::mt19937 random(seed);
  std::string bytes(size, '\0');
  for (auto& byte : bytes) byte = static_cast<char>(random() % 256);
  return bytes;
}

std::string utf16le(std::string_view ascii) {
  std::string out;
  for (const char c : ascii) {
    out += c;
    out += '\0';
  }
  return out;
}

// ---- Bad inputs next to two good ones --------------------------------------------------------

struct InputCase {
  std::string name;
  std::function<fs::path(const TempDir&)> make;  ///< Creates the bad input, returns its path.
  int exit_code;
  std::string level;    ///< "warning" or "error"; empty: no message about this input at all.
  std::string message;  ///< What the line says.
  int documents;        ///< Articles converted in all (the two good inputs included).
  std::string heading;  ///< The bad input's article heading, when it gives one; empty: none.
};

fs::path file_with(const TempDir& folder, const std::string& name, const std::string& bytes) {
  write_file(folder / name, bytes);
  return folder / name;
}

std::vector<InputCase> input_cases() {
  return {
      {"an empty file", [](const TempDir& d) { return file_with(d, "empty.txt", ""); }, 0,
       "warning", "empty input", 2, ""},
      {"white space only",
       [](const TempDir& d) { return file_with(d, "blank.txt", " \n\t \r\n\n   \n"); }, 0,
       "warning", "empty input", 2, ""},
      {"site chrome only",
       [](const TempDir& d) {
         return file_with(d, "chrome.txt",
                          "All news\n\nSubscribe\nNewsfeed\n0\nlog in or register\n");
       },
       0, "warning", "only site chrome", 2, ""},
      {"a PNG renamed .txt",
       [](const TempDir& d) {
         fs::copy_file(docconv::test::source_dir() / "docs/images/epub-title-page.png",
                       d / "photo.txt");
         return d / "photo.txt";
       },
       0, "warning", "not a text file", 2, ""},
      {"random binary bytes",
       [](const TempDir& d) { return file_with(d, "noise.txt", random_bytes(20000, 7)); }, 0,
       "warning", "not a text file", 2, ""},
      {"NUL bytes in text",
       [](const TempDir& d) {
         return file_with(d, "nul.txt", std::string("Title\n\nHello\0World, this is text.\n", 34));
       },
       0, "warning", "line 3, column 6", 3, "# Title"},
      {"invalid UTF-8",
       [](const TempDir& d) {
         return file_with(d, "bad-utf8.txt",
                          "Title here\n\nCaf\xC3\xA9 na\xC3\xAFve bad \xFF byte.\n");
       },
       0, "warning", "invalid UTF-8 byte sequence at byte offset 29", 3, "# Title here"},
      {"UTF-16 without BOM (read as UTF-16, no message)",
       [](const TempDir& d) {
         return file_with(
             d, "utf16.txt",
             utf16le("Plain title\n\nSome text in UTF-16 without a byte order mark.\n"));
       },
       0, "", "", 3, "# Plain title"},
      {"a 16 MiB single line, just under --max-input-size (read whole, no message)",
       [](const TempDir& d) {
         const std::string sentence = "word, another word and more text. ";
         std::string line;
         while (line.size() + sentence.size() < (std::size_t{16} << 20) - 100) line += sentence;
         return file_with(d, "one-line.txt", line);
       },
       0, "", "", 3, ""},
      {"a file over the default 16 MiB --max-input-size (refused, the rest converts)",
       [](const TempDir& d) {
         return file_with(d, "large.txt", std::string((std::size_t{16} << 20) + 1, 'a'));
       },
       1, "error", "is 16777217 bytes, more than --max-input-size (16 MiB)", 2, ""},
      {"a file of more lines than news-text's --max-lines (refused, the rest converts)",
       [](const TempDir& d) {
         std::string text = "Title\n";
         for (int line = 0; line < 100'000; ++line) text += "x\n";
         return file_with(d, "lines.txt", text);
       },
       1, "error", "has 100001 lines, more than --max-lines (100000)", 2, ""},
      {"a file that does not exist", [](const TempDir& d) { return d / "missing.txt"; }, 1, "error",
       "no such file or folder", 2, ""},
      {"a FIFO (special file, never opened)",
       [](const TempDir& d) {
         REQUIRE(::mkfifo((d / "fifo.txt").c_str(), 0644) == 0);
         return d / "fifo.txt";
       },
       1, "error", "cannot be read", 2, ""},
      {"a folder with a symbolic link loop",
       [](const TempDir& d) {
         fs::create_directories(d / "loop" / "sub");
         fs::copy_file(fixture("004"), d / "loop" / "a.txt");
         fs::create_directory_symlink("..", d / "loop" / "sub" / "up");
         return d / "loop" / "sub" / "up";  // named by the message; the folder is the input
       },
       1, "error", "symbolic link loop", 3, ""},
      {"garbage named .zip",
       [](const TempDir& d) { return file_with(d, "junk.zip", random_bytes(5000, 3)); }, 1, "error",
       "cannot open zip archive", 2, ""},
  };
}

TEST_CASE("bad inputs: one line each naming the file, the good inputs still convert") {
  for (const auto& bad : input_cases()) {
    DYNAMIC_SECTION(bad.name) {
      TempDir folder;
      const fs::path bad_path = bad.make(folder);
      // The loop case names the folder that holds the link; every other case names the file.
      const fs::path argument =
          bad_path.filename() == "up" ? bad_path.parent_path().parent_path() : bad_path;
      const auto out = folder / "out.md";
      const auto result = run_cli({"convert", fixture("000").string(), argument.string(),
                                   fixture("002").string(), "-o", out.string()});
      INFO("stderr:\n" << result.err);
      CHECK(result.exit_code == bad.exit_code);
      if (bad.level.empty())
        CHECK(lines_naming(result, bad_path.filename().string()).empty());
      else
        check_one_line(result, bad_path.string(), bad.level, bad.message);
      REQUIRE(fs::exists(out));
      const std::string markdown = read_file(out);
      check_good_inputs_converted(markdown);
      CHECK(headings(markdown).size() == static_cast<std::size_t>(bad.documents));
      if (!bad.heading.empty()) CHECK_THAT(markdown, Catch::Contains("\n" + bad.heading + "\n"));
      CHECK_THAT(result.err, Catch::Contains("(" + std::to_string(bad.documents) + " articles"));
      CHECK(temporaries_in(folder.path()).empty());
    }
  }
}

// ---- Zip archives from strangers -------------------------------------------------------------

void write_zip(const fs::path& path,
               const std::vector<std::pair<std::string, const std::string*>>& entries,
               zip_int32_t method = ZIP_CM_DEFLATE) {
  int error = 0;
  zip_t* archive = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  REQUIRE(archive != nullptr);
  for (const auto& [name, content] : entries) {
    zip_source_t* source = zip_source_buffer(archive, content->data(), content->size(), 0);
    REQUIRE(source != nullptr);
    const zip_int64_t index = zip_file_add(archive, name.c_str(), source, ZIP_FL_ENC_UTF_8);
    REQUIRE(index >= 0);
    REQUIRE(zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), method, 1) == 0);
  }
  REQUIRE(zip_close(archive) == 0);
}

TEST_CASE("a zip with ../ and absolute entries and a bomb: those skipped, the rest converts",
          "[zip]") {
  TempDir folder;
  const std::string good_a = read_file(fixture("000"));
  const std::string good_b = read_file(fixture("002"));
  const std::string escaping = "Escaping entry\n\nThis must never be read.\n";
  // 64 MiB of one byte: about 64 KiB compressed, more than the default --max-input-size.
  const std::string bomb((std::size_t{64} << 20), 'a');
  const auto archive = folder / "strangers.zip";
  write_zip(archive, {{"a.txt", &good_a},
                      {"../escape.txt", &escaping},
                      {"/etc/absolute.txt", &escaping},
                      {"dir/../../up.txt", &escaping},
                      {"bomb.txt", &bomb},
                      {"b.txt", &good_b}});
  REQUIRE(fs::file_size(archive) < (std::size_t{2} << 20));
  const auto out = folder / "out.md";
  const auto result = run_cli({"convert", archive.string(), "-o", out.string()});
  INFO("stderr:\n" << result.err);
  CHECK(result.exit_code == 1);
  const std::string name = archive.string();
  check_one_line(result, name + ":../escape.txt", "error", "leaves the archive");
  check_one_line(result, name + ":/etc/absolute.txt", "error", "absolute entry path");
  check_one_line(result, name + ":dir/../../up.txt", "error", "leaves the archive");
  // Refused when listed, by its declared size, before anything is inflated.
  check_one_line(result, name + ":bomb.txt", "error",
                 "entry is 67108864 bytes, more than --max-input-size (16 MiB)");
  const std::string markdown = read_file(out);
  check_good_inputs_converted(markdown);
  CHECK(headings(markdown).size() == 2);
  CHECK_THAT(markdown, !Catch::Contains("never be read"));
  CHECK_FALSE(fs::exists(folder.path().parent_path() / "escape.txt"));
  CHECK(temporaries_in(folder.path()).empty());
}

TEST_CASE("a zip entry with an empty name is skipped by name, the rest converts", "[zip]") {
  // Found while writing the zip fuzz harness: list_zip() read the last
  // character of the empty name (UBSan: pointer overflow). The archive is the
  // harness's kept regression input.
  TempDir folder;
  const auto archive = folder / "empty-name.zip";
  fs::copy_file(
      docconv::test::source_dir() / "tests/fuzz/regressions/zip-input/empty-entry-name.zip",
      archive);
  const auto out = folder / "out.md";
  const auto result = run_cli({"convert", archive.string(), "-o", out.string()});
  INFO("stderr:\n" << result.err);
  CHECK(result.exit_code == 1);
  check_one_line(result, archive.string() + ":: ", "error", "empty entry name; skipped");
  CHECK(headings(read_file(out)) == std::vector<std::string>{"# Title two"});
}

TEST_CASE("zip entries that share a name are both read, the second as NAME#2", "[zip]") {
  TempDir folder;
  const auto archive = folder / "twice.zip";
  // libzip will not write a name twice; Python's zipfile will (with a warning).
  REQUIRE(docconv::test::run("/usr/bin/python3",
                             {"-W", "ignore", "-c",
                              "import sys, zipfile\n"
                              "with zipfile.ZipFile(sys.argv[1], 'w') as z:\n"
                              "    z.writestr('a.txt', 'Title one\\n\\nThe first text.\\n')\n"
                              "    z.writestr('a.txt', 'Title two\\n\\nThe second text.\\n')\n",
                              archive.string()})
              .exit_code == 0);
  for (const std::string jobs : {"1", "2"}) {
    DYNAMIC_SECTION("-j " << jobs) {
      const auto result = run_cli({"inspect", "-j", jobs, archive.string()});
      INFO("stderr:\n" << result.err);
      REQUIRE(result.exit_code == 0);
      CHECK(result.err.empty());
      const auto documents = nlohmann::json::parse(result.out)["documents"];
      REQUIRE(documents.size() == 2);
      CHECK(documents[0]["metadata"]["source"] == archive.string() + ":a.txt");
      CHECK(documents[0]["metadata"]["title"] == "Title one");
      CHECK(documents[1]["metadata"]["source"] == archive.string() + ":a.txt#2");
      CHECK(documents[1]["metadata"]["title"] == "Title two");
    }
  }
}

TEST_CASE("a zip's entries may not expand past 200 times its size in all", "[zip]") {
  // Entries that each fit --max-input-size but together pass the archive's
  // own limit: the later ones are skipped by name, the earlier ones read.
  TempDir folder;
  // One long word in bzip2: text compresses too little to pass 200 times.
  const std::string text = "Title\n\n" + std::string(std::size_t{600} << 10, 'a') + "\n";
  const std::string small = "Small title\n\nA short text.\n";
  const auto archive = folder / "expands.zip";
  write_zip(archive, {{"a.txt", &text}, {"b.txt", &text}, {"c.txt", &small}}, ZIP_CM_BZIP2);
  REQUIRE(fs::file_size(archive) * 200 < (std::size_t{1} << 20));
  const auto out = folder / "out.md";
  const auto result =
      run_cli({"convert", archive.string(), "--max-input-size", "1MiB", "-o", out.string()});
  INFO("stderr:\n" << result.err);
  CHECK(result.exit_code == 1);
  check_one_line(result, archive.string() + ":b.txt", "error",
                 "the archive's entries expand to more than 1 MiB in all, 200 times its size");
  CHECK(headings(read_file(out)) == std::vector<std::string>{"# Title", "# Small title"});
}

TEST_CASE("a zip whose entries share their data is refused by name, the other inputs convert",
          "[zip]") {
  // The overlapping-entries bomb: central directory records that all point at
  // one local header, so a small archive expands many times over. libzip
  // reads such entries without complaint; docconv checks the layout.
  TempDir folder;
  const std::string story = read_file(fixture("000"));
  const auto archive = folder / "overlap.zip";
  write_zip(archive, {{"a.txt", &story}, {"b.txt", &story}, {"c.txt", &story}});
  std::string bytes = read_file(archive);
  const std::string central("PK\x01\x02", 4);
  std::size_t records = 0;
  for (std::size_t at = bytes.find(central); at != std::string::npos;
       at = bytes.find(central, at + 4)) {
    if (records++ > 0) std::fill_n(bytes.begin() + static_cast<std::ptrdiff_t>(at + 42), 4, '\0');
  }
  REQUIRE(records == 3);
  write_file(archive, bytes);
  const auto out = folder / "out.md";
  const auto result =
      run_cli({"convert", archive.string(), fixture("002").string(), "-o", out.string()});
  INFO("stderr:\n" << result.err);
  CHECK(result.exit_code == 1);
  check_one_line(result, archive.string(), "error",
                 "entries 'a.txt' and 'b.txt' overlap: entries that share their data are a zip "
                 "bomb's trick; the archive is refused");
  CHECK(headings(read_file(out)).size() == 1);
}

TEST_CASE("a bzip2 bomb is refused like a deflate one, before it is decompressed", "[zip]") {
  REQUIRE(zip_compression_method_supported(ZIP_CM_BZIP2, 1) != 0);
  TempDir folder;
  const std::string bomb((std::size_t{64} << 20), 'a');  // about 50 bytes in bzip2
  const std::string story = read_file(fixture("000"));
  const auto archive = folder / "bomb.zip";
  write_zip(archive, {{"bomb.txt", &bomb}, {"story.txt", &story}}, ZIP_CM_BZIP2);
  REQUIRE(fs::file_size(archive) < 64 * 1024);
  const auto out = folder / "out.md";
  const auto result = run_cli({"convert", archive.string(), "-o", out.string()});
  CHECK(result.exit_code == 1);
  check_one_line(result, archive.string() + ":bomb.txt", "error",
                 "more than --max-input-size (16 MiB)");
  CHECK(headings(read_file(out)).size() == 1);
}

TEST_CASE("a zip of 10,000 small articles is listed and read in one pass", "[zip]") {
  // Opened once per archive, not once per entry: 1,000 entries took 4.2 s and
  // 4,000 took 45.6 s when each entry reopened the archive.
  TempDir folder;
  std::vector<std::string> texts;
  texts.reserve(10'000);
  for (int i = 0; i < 10'000; ++i)
    texts.push_back("Article " + std::to_string(i) + "\n\nA short report, number " +
                    std::to_string(i) + ", from the desk.\n");
  std::vector<std::pair<std::string, const std::string*>> entries;
  for (int i = 0; i < 10'000; ++i)
    entries.emplace_back("a" + std::to_string(100'000 + i) + ".txt", &texts[i]);
  const auto archive = folder / "many.zip";
  write_zip(archive, entries);
  const auto out = folder / "out.md";
  const auto result = run_cli({"convert", archive.string(), "-o", out.string(), "-q"});
  INFO("stderr:\n" << result.err.substr(0, 2000));
  CHECK(result.exit_code == 0);
  const auto titles = headings(read_file(out));
  REQUIRE(titles.size() == 10'000);
  CHECK(titles.front() == "# Article 0");
  CHECK(titles.back() == "# Article 9999");
}

TEST_CASE("a folder reached through two links is read once, without a loop error") {
  TempDir folder;
  const auto inputs = folder / "in";
  fs::create_directories(inputs / "real");
  fs::copy_file(fixture("000"), inputs / "real" / "a.txt");
  fs::create_directory_symlink("real", inputs / "link-one");
  fs::create_directory_symlink("real", inputs / "link-two");
  const auto out = folder / "out.md";
  const auto result = run_cli({"convert", inputs.string(), "-o", out.string()});
  INFO("stderr:\n" << result.err);
  CHECK(result.exit_code == 0);
  CHECK_THAT(result.err, !Catch::Contains("loop"));
  CHECK(headings(read_file(out)).size() == 1);
}

TEST_CASE("folders nested more than 100 deep are cut with one error, the rest converts") {
  TempDir folder;
  const auto inputs = folder / "in";
  fs::path deep = inputs;
  for (int level = 0; level < 150; ++level) deep /= "d";
  fs::create_directories(deep);
  fs::copy_file(fixture("000"), deep / "deep.txt");
  fs::copy_file(fixture("002"), inputs / "top.txt");
  const auto out = folder / "out.md";
  const auto result = run_cli({"convert", inputs.string(), "-o", out.string()});
  INFO("stderr:\n" << result.err);
  CHECK(result.exit_code == 1);
  check_one_line(result, "nested more than", "error", "folders nested more than 100 deep; skipped");
  CHECK(headings(read_file(out)).size() == 1);
}

TEST_CASE("a pipe named /dev/stdin is read as standard input") {
  TempDir folder;
  write_file(folder / "story.txt", read_file(fixture("000")));
  const auto result = docconv::test::run(
      "/bin/sh", {"-c", "cat " + docconv::test::shell_quote((folder / "story.txt").string()) +
                            " | " + docconv::test::shell_quote(docconv::test::cli_path().string()) +
                            " convert /dev/stdin -t markdown -o -"});
  INFO("stderr:\n" << result.err);
  CHECK(result.exit_code == 0);
  CHECK(headings(result.out).size() == 1);
}

TEST_CASE("an output name of 250 characters is written (its temporary's name is cut)") {
  TempDir folder;
  write_file(folder / "story.txt", read_file(fixture("000")));
  const auto out = folder / (std::string(247, 'n') + ".md");
  const auto result = run_cli({"convert", (folder / "story.txt").string(), "-o", out.string()});
  INFO("stderr:\n" << result.err);
  CHECK(result.exit_code == 0);
  CHECK(fs::exists(out));
  CHECK(temporaries_in(folder.path()).empty());
}

TEST_CASE("the wrote line is one line, whatever the output is called") {
  TempDir folder;
  write_file(folder / "story.txt", read_file(fixture("000")));
  const auto out = folder / "two\nlines\x1b[2J.md";
  const auto result = run_cli({"convert", (folder / "story.txt").string(), "-o", out.string()});
  CHECK(result.exit_code == 0);
  CHECK(docconv::test::lines(result.err).size() == 1);
  CHECK_THAT(result.err, Catch::StartsWith("docconv: wrote ") && !Catch::Contains("\x1b"));
}

// ---- Inputs that change between listing and reading ------------------------------------------

TEST_CASE("a file that vanishes, or becomes a folder, after listing is reported by name") {
  // The test reader takes 100 ms for READER-SLOW inputs; with -j 1 the last
  // two inputs are read about 3 s after the folder was listed, and are
  // changed 1 s after the start.
  TempDir folder;
  const auto inputs = folder / "in";
  fs::create_directory(inputs);
  for (int i = 0; i < 30; ++i)
    write_file(inputs / ("a" + std::to_string(10 + i) + ".tst"), "Title\nREADER-SLOW\n");
  write_file(inputs / "z-becomes-folder.tst", "Title\ntext\n");
  write_file(inputs / "z-vanishes.tst", "Title\ntext\n");
  const auto out = folder / "out.testout";
  const std::string command =
      "'" + docconv::test::cli_path().string() + "' --plugin-dir '" +
      (docconv::test::test_plugin_dir() / "good").string() + "' convert -j 1 '" + inputs.string() +
      "' -o '" + out.string() + "' & sleep 1; rm '" + (inputs / "z-vanishes.tst").string() +
      "'; rm '" + (inputs / "z-becomes-folder.tst").string() + "'; mkdir '" +
      (inputs / "z-becomes-folder.tst").string() + "'; wait $!";
  const auto result = docconv::test::run("/bin/sh", {"-c", command});
  INFO("stderr:\n" << result.err);
  CHECK(result.exit_code == 1);
  check_one_line(result, (inputs / "z-vanishes.tst").string(), "error", "cannot be read");
  check_one_line(result, (inputs / "z-becomes-folder.tst").string(), "error", "cannot be read");
  const std::string output = read_file(out);
  CHECK(std::count(output.begin(), output.end(), '#') == 30);
  CHECK(temporaries_in(folder.path()).empty());
}

// ---- Outputs that cannot be written ----------------------------------------------------------

// Runs `convert <fixtures> -o <target>` through /bin/sh with `prefix` before it.
RunResult convert_fixtures_with(const std::string& shell_prefix, const fs::path& target,
                                const std::vector<std::string>& extra = {}) {
  using docconv::test::shell_quote;
  std::string command =
      shell_prefix + " exec " + shell_quote(docconv::test::cli_path().string()) + " convert";
  for (const auto& file : docconv::test::news_fixtures())
    command += " " + shell_quote(file.string());
  command += " -o " + shell_quote(target.string());
  for (const auto& arg : extra) command += " " + shell_quote(arg);
  return docconv::test::run("/bin/sh", {"-c", command});
}

TEST_CASE("an output folder that does not exist, or is a file: exit 2, nothing written") {
  TempDir folder;
  write_file(folder / "a-file", "");
  for (const auto& target : {folder / "no-such-folder" / "out.md", folder / "a-file" / "out.md"}) {
    const auto result = run_cli({"convert", fixture("000").string(), "-o", target.string()});
    INFO("stderr:\n" << result.err);
    CHECK(result.exit_code == 2);
    check_one_line(result, target.string(), "error", "does not exist");
    CHECK_FALSE(fs::exists(target));
  }
  CHECK(temporaries_in(folder.path()).empty());
}

TEST_CASE("an output folder that is not writable: exit 2, the old output untouched") {
  // Tests usually run as root, for whom permission bits do not stop writing:
  // then docconv runs as the unprivileged user nobody (setpriv).
  TempDir folder;
  const auto locked = folder / "locked";
  fs::create_directory(locked);
  write_file(locked / "out.md", previous_output);
  fs::permissions(locked, fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read |
                              fs::perms::group_exec | fs::perms::others_read |
                              fs::perms::others_exec);
  const std::string as_user =
      ::geteuid() == 0 ? "exec /usr/bin/setpriv --reuid=65534 --regid=65534 --clear-groups" : "";
  const std::string command = as_user + " '" + docconv::test::cli_path().string() + "' convert '" +
                              fixture("000").string() + "' -o '" + (locked / "out.md").string() +
                              "'";
  const auto result = docconv::test::run("/bin/sh", {"-c", command});
  INFO("stderr:\n" << result.err);
  CHECK(result.exit_code == 2);
  check_one_line(result, (locked / "out.md").string(), "error", "cannot write in folder");
  CHECK(read_file(locked / "out.md") == previous_output);
  CHECK(temporaries_in(folder.path()).empty());
}

TEST_CASE("a full disk (ulimit -f): exit 1, the old output untouched, no temporary") {
  // ulimit -f makes write() fail with EFBIG once the file reaches the limit,
  // as ENOSPC would on a full disk; SIGXFSZ is ignored so that the write
  // returns the error instead of ending the process.
  const std::string full_disk = "trap '' XFSZ; ulimit -f 8;";
  for (const std::string extension : {".md", ".tei.xml", ".epub"}) {
    DYNAMIC_SECTION("output " << extension) {
      TempDir folder;
      const auto out = folder / ("out" + extension);
      write_file(out, previous_output);
      const auto result = convert_fixtures_with(full_disk, out);
      INFO("stderr:\n" << result.err);
      CHECK(result.exit_code == 1);
      // The system's reason, whatever layer failed (never "Success").
      check_one_line(result, out.string(), "error", "File too large");
      CHECK(read_file(out) == previous_output);
      CHECK(temporaries_in(folder.path()).empty());
      // Without the limit the same conversion succeeds: the limit was the cause.
      CHECK(convert_fixtures_with("", out).exit_code == 0);
      CHECK(read_file(out) != previous_output);
    }
  }
  SECTION("--split into a folder with earlier parts") {
    TempDir folder;
    const auto parts = folder / "parts";
    fs::create_directory(parts);
    write_file(parts / "0001-old.md", previous_output);
    const auto result =
        convert_fixtures_with("trap '' XFSZ; ulimit -f 2;", parts, {"--split", "-t", "markdown"});
    INFO("stderr:\n" << result.err);
    CHECK(result.exit_code == 1);
    check_one_line(result, parts.string(), "error", "File too large");
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(parts))
      names.push_back(entry.path().filename().string());
    CHECK(names == std::vector<std::string>{"0001-old.md"});
    CHECK(read_file(parts / "0001-old.md") == previous_output);
  }
}

TEST_CASE("when every input is bad, nothing is written and the old output stays") {
  TempDir folder;
  write_file(folder / "empty.txt", "");
  write_file(folder / "chrome.txt", "All news\n\nSubscribe\n");
  const auto out = folder / "out.epub";
  write_file(out, previous_output);
  const auto result = run_cli({"convert", (folder / "empty.txt").string(),
                               (folder / "chrome.txt").string(), "-o", out.string()});
  INFO("stderr:\n" << result.err);
  CHECK(result.exit_code == 1);
  check_one_line(result, (folder / "empty.txt").string(), "warning", "empty input");
  check_one_line(result, (folder / "chrome.txt").string(), "warning", "only site chrome");
  check_one_line(result, out.string(), "error", "no document was read; nothing written");
  CHECK(read_file(out) == previous_output);
  CHECK(temporaries_in(folder.path()).empty());
}

}  // namespace
