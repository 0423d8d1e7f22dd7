// Plugins run only when used: docconv learns what a library is from its
// descriptor, read from the file, so a hostile or broken library in a plugin
// folder cannot stop `--version`, `--help` or `plugins`, nor a conversion
// that does not use it, and one used is refused with a reason, not a crash.
#include "support.hpp"

#include <catch2/catch.hpp>

#include <elf.h>
#include <sys/stat.h>

#include <fstream>
#include <string>
#include <tuple>
#include <vector>

namespace {

namespace fs = std::filesystem;
using docconv::test::read_file;
using docconv::test::run;
using docconv::test::run_cli;
using docconv::test::RunResult;
using docconv::test::TempDir;
using docconv::test::write_file;

const std::string short_article = "Rain in the valley\n\nIt rained all day in the valley.\n";

// A hostile library alone in a plugin folder of its own.
void copy_hostile(const std::string& file, const fs::path& folder) {
  fs::copy_file(fs::path(DOCCONV_TEST_HOSTILE_PLUGIN_DIR) / file, folder / file);
}

// docconv with a time limit: a hang is a failure, not a stuck test run.
RunResult run_limited(const std::vector<std::string>& args,
                      const docconv::test::Environment& env = {}) {
  std::vector<std::string> all{"20", docconv::test::cli_path().string()};
  all.insert(all.end(), args.begin(), args.end());
  return run("/usr/bin/timeout", all, env);
}

// Bytes 18-19 of an ELF header: e_machine, little-endian here.
std::uint16_t machine_of(const fs::path& file) {
  const std::string bytes = read_file(file).substr(0, 20);
  return static_cast<std::uint16_t>(static_cast<unsigned char>(bytes[18]) |
                                    static_cast<unsigned char>(bytes[19]) << 8);
}

}  // namespace

TEST_CASE("a plugin that ends the process when loaded runs only when it is used") {
  TempDir plugins;
  TempDir work;
  copy_hostile("docconv-exit-on-load.so", plugins.path());
  write_file(work / "rain.txt", short_article);
  const std::string dir = "--plugin-dir=" + plugins.path().string();

  const auto version = run_limited({dir, "--version"});
  CHECK(version.exit_code == 0);
  CHECK_THAT(version.out, Catch::StartsWith("docconv "));

  const auto listing = run_limited({dir, "plugins"});
  CHECK(listing.exit_code == 0);
  CHECK_THAT(listing.out, Catch::Contains("exit-on-load") && Catch::Contains("markdown"));

  const auto help = run_limited({dir, "convert", "--help"});
  CHECK(help.exit_code == 0);
  CHECK_THAT(help.out, Catch::Contains("--output"));

  // A conversion that uses other plugins never loads it.
  const auto converted = run_limited({dir, "convert", (work / "rain.txt").string(), "-o",
                                      (work / "rain.md").string(), "-t", "markdown"});
  INFO("stderr:\n" << converted.err);
  CHECK(converted.exit_code == 0);
  CHECK_THAT(converted.err, Catch::Contains("docconv: wrote"));
  CHECK(fs::exists(work / "rain.md"));
}

TEST_CASE("a FIFO named like a library is reported, never opened for reading") {
  TempDir plugins;
  REQUIRE(::mkfifo((plugins / "docconv-pipe.so").c_str(), 0600) == 0);
  const auto listing = run_limited({"--plugin-dir", plugins.path().string(), "plugins"});
  CHECK(listing.exit_code == 0);
  CHECK_THAT(listing.out, Catch::Contains("rejected: " + (plugins / "docconv-pipe.so").string() +
                                          ": is not a regular file"));
}

TEST_CASE("a library exporting its entry point as data is refused when used, not called") {
  TempDir plugins;
  TempDir work;
  copy_hostile("docconv-data-entry.so", plugins.path());
  write_file(work / "rain.txt", short_article);
  const auto result =
      run_limited({"--plugin-dir", plugins.path().string(), "convert", (work / "rain.txt").string(),
                   "-o", (work / "rain.data").string()});
  INFO("stderr:\n" << result.err);
  CHECK(result.exit_code == 1);
  CHECK_THAT(result.err,
             Catch::Contains("data-entry") && Catch::Contains("exports no docconv_plugin factory"));
  CHECK_FALSE(fs::exists(work / "rain.data"));
}

TEST_CASE("a library built for another machine is rejected with that reason") {
  TempDir plugins;
  const fs::path library = plugins / "docconv-elsewhere.so";
  fs::copy_file(docconv::test::plugin_dir() / "docconv-markdown.so", library);
  const std::uint16_t here = machine_of("/proc/self/exe");
  const std::uint16_t other = here == EM_AARCH64 ? EM_X86_64 : EM_AARCH64;
  {
    std::fstream file(library, std::ios::in | std::ios::out | std::ios::binary);
    file.seekp(18);
    file.put(static_cast<char>(other & 0xff)).put(static_cast<char>(other >> 8));
  }
  const auto listing = run_limited({"--plugin-dir", plugins.path().string(), "plugins"});
  CHECK(listing.exit_code == 0);
  CHECK_THAT(listing.out,
             Catch::Contains("rejected: " + library.string() + ": is built for another machine: " +
                             (other == EM_AARCH64 ? "aarch64" : "x86-64") + " (64-bit"));
}

TEST_CASE("relative XDG_DATA_HOME and HOME are ignored, as the XDG spec says") {
  TempDir home;
  const auto relative =
      run_limited({"plugins", "--json"}, {{"XDG_DATA_HOME", "data"}, {"HOME", "home"}});
  CHECK(relative.exit_code == 0);
  CHECK_THAT(relative.out,
             !Catch::Contains("data/docconv/plugins") && !Catch::Contains("home/.local/share"));

  const auto fallback = run_limited({"plugins", "--json"},
                                    {{"XDG_DATA_HOME", "data"}, {"HOME", home.path().string()}});
  CHECK_THAT(fallback.out, Catch::Contains((home / ".local/share/docconv/plugins").string()));
}

TEST_CASE("a writer declaring a reader's option shares it instead of breaking the command line") {
  TempDir plugins;
  copy_hostile("docconv-shared-option.so", plugins.path());
  const std::string dir = "--plugin-dir=" + plugins.path().string();
  for (const std::vector<std::string>& args : {std::vector<std::string>{dir, "plugins"},
                                               std::vector<std::string>{dir, "convert", "--help"},
                                               std::vector<std::string>{dir, "--version"}}) {
    const auto result = run_limited(args);
    INFO("stderr:\n" << result.err);
    CHECK(result.exit_code == 0);
  }
  const auto help = run_limited({dir, "convert", "--help"});
  REQUIRE(help.out.find("--encoding") != std::string::npos);
  CHECK(help.out.find("--encoding") == help.out.rfind("--encoding"));  // listed once
}

TEST_CASE("a bad plugin option value is one usage error before anything is read") {
  TempDir work;
  for (const char* name : {"a.txt", "b.txt", "c.txt"}) write_file(work / name, short_article);
  write_file(work / "not-an-image.png", "plain text, not an image");
  const std::vector<std::string> inputs{(work / "a.txt").string(), (work / "b.txt").string(),
                                        (work / "c.txt").string()};
  for (const auto& [options, output, message] :
       std::vector<std::tuple<std::vector<std::string>, std::string, std::string>>{
           {{"--encoding", "NOPE"},
            "out.md",
            "news-text: --encoding: no encoding is called 'NOPE'"},
           {{"--text-layout", "columns"},
            "out.md",
            "--text-layout: 'columns' is not one of auto, lines or wrapped"},
           {{"--max-lines", "many"}, "out.md", "news-text: --max-lines must be a whole number"},
           {{"--rules", (work / "missing.rules").string()}, "out.md", "news-text: --rules"},
           {{"--wrap", "wide"}, "out.md", "markdown: --wrap expects a number of characters"},
           {{"--css", "/dev/zero"},
            "out.epub",
            "epub: --css /dev/zero: cannot be read: not a regular file"},
           {{"--cover", (work / "not-an-image.png").string()},
            "out.epub",
            "not a PNG or JPEG image"},
           {{"--lang", "e_n"}, "out.md", "--lang: 'e_n' is not a language tag"}}) {
    DYNAMIC_SECTION(options.front() << " " << fs::path(options.back()).filename().string()) {
      std::vector<std::string> args{"convert"};
      args.insert(args.end(), inputs.begin(), inputs.end());
      args.insert(args.end(), options.begin(), options.end());
      args.insert(args.end(), {"-o", (work / output).string()});
      const auto result = run_limited(args);
      INFO("stderr:\n" << result.err);
      CHECK(result.exit_code == 2);
      CHECK_THAT(result.err, Catch::Contains(message));
      CHECK(docconv::test::lines(result.err).size() == 1);
      CHECK_FALSE(fs::exists(work / output));
    }
  }
}

TEST_CASE("a POSIX locale name given to --lang becomes the BCP 47 tag it stands for") {
  TempDir work;
  write_file(work / "a.txt", short_article);
  const auto result = run_limited({"inspect", "--lang", "ru_RU.UTF-8", (work / "a.txt").string()});
  INFO("stderr:\n" << result.err);
  CHECK(result.exit_code == 0);
  CHECK_THAT(result.out, Catch::Contains("\"language\": \"ru-RU\""));
}
