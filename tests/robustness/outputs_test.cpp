// Outputs that must never hit the wrong file, write errors that must never
// pass in silence, and values that must never crash: the real CLI, as a
// careless or hostile user would run it.
#include "robustness_support.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <tuple>
#include <vector>

using namespace docconv::robustness_test;

namespace {

namespace fs = std::filesystem;
using docconv::test::read_file;
using docconv::test::run;
using docconv::test::run_cli;
using docconv::test::RunResult;
using docconv::test::TempDir;
using docconv::test::temporaries_in;
using docconv::test::write_file;

const std::string article =
    "Rain returns to the valley\n\n"
    "The first rain in four months fell on the valley on Tuesday, filling the reservoirs "
    "that farmers had watched shrink all summer long, officials said.\n\n"
    "The storm is expected to move east by Thursday, the weather service said in a statement.\n";

// `docconv ARGS` run by the shell with `redirect` applied to it first.
RunResult run_shell(const std::string& redirect, const std::string& args) {
  return run("/bin/sh",
             {"-c", redirect + " exec " + quoted(docconv::test::cli_path()) + " " + args});
}

mode_t mode_of(const fs::path& path) {
  struct stat info {};
  REQUIRE(::stat(path.c_str(), &info) == 0);
  return info.st_mode;
}

TEST_CASE("an output naming an input, by any name, is refused and the input kept", "[outputs]") {
  TempDir folder;
  const auto input = folder / "rain.txt";
  write_file(input, article);
  fs::create_symlink(input, folder / "link.txt");
  fs::create_hard_link(input, folder / "hard.txt");
  for (const std::string output : {"rain.txt", "link.txt", "hard.txt"}) {
    DYNAMIC_SECTION("-o " << output) {
      const auto result =
          run_cli({"convert", input.string(), "-o", (folder / output).string(), "-t", "markdown"});
      INFO("stderr:\n" << result.err);
      CHECK(result.exit_code == 2);
      CHECK_THAT(result.err, Catch::Contains("the output is the input"));
      CHECK(read_file(input) == article);
      CHECK(fs::is_symlink(folder / "link.txt"));
    }
  }
  CHECK(temporaries_in(folder.path()).empty());
}

TEST_CASE("an earlier output in the input folder is not read back as an article", "[outputs]") {
  TempDir folder;
  write_file(folder / "a.txt", article);
  write_file(folder / "b.txt", article);
  const std::vector<std::string> args{
      "convert", folder.path().string(), "-o", (folder / "all.txt").string(), "-t", "markdown"};
  const auto first = run_cli(args);
  INFO("first run:\n" << first.err);
  REQUIRE(first.exit_code == 0);
  const std::string first_output = read_file(folder / "all.txt");
  const auto second = run_cli(args);
  INFO("second run:\n" << second.err);
  CHECK(second.exit_code == 0);
  CHECK_THAT(second.err, Catch::Contains("all.txt: this run's output; not read as an input"));
  CHECK_THAT(second.err, Catch::Contains("(2 articles from 2 inputs)"));
  CHECK(read_file(folder / "all.txt") == first_output);

  SECTION("--split into a folder inside the input folder, read with -f") {
    const std::vector<std::string> split{
        "convert", folder.path().string(),      "-f", "news-text", "--split",
        "-o",      (folder / "parts").string(), "-t", "markdown"};
    fs::remove(folder / "all.txt");
    REQUIRE(run_cli(split).exit_code == 0);
    const auto again = run_cli(split);
    INFO("stderr:\n" << again.err);
    CHECK(again.exit_code == 0);
    CHECK_THAT(again.err, Catch::Contains("skipped 2 files in this run's output folder"));
    CHECK_THAT(again.err, Catch::Contains("2 articles from 2 inputs"));
  }
  SECTION("an input named inside the --split output folder is refused") {
    const auto result = run_cli({"convert", (folder / "a.txt").string(), "--split", "-o",
                                 folder.path().string(), "-t", "markdown"});
    CHECK(result.exit_code == 2);
    CHECK_THAT(result.err, Catch::Contains("is in the output folder"));
    CHECK(read_file(folder / "a.txt") == article);
  }
}

TEST_CASE("special files are written through, never replaced: symlinks stay", "[outputs]") {
  TempDir folder;
  write_file(folder / "rain.txt", article);
  const auto convert_to = [&](const fs::path& output) {
    return run_cli(
        {"convert", (folder / "rain.txt").string(), "-o", output.string(), "-t", "markdown"});
  };
  SECTION("a character device (a copy of /dev/null, or /dev/null through a link)") {
    // Making a device node needs root (tests usually run as root); without it
    // /dev/null itself cannot be replaced, and a link to it is what is tried.
    fs::path device = folder / "null";
    if (::mknod(device.c_str(), S_IFCHR | 0666, makedev(1, 3)) != 0) {
      device = folder / "null-link";
      fs::create_symlink("/dev/null", device);
    }
    const auto result = convert_to(device);
    INFO("stderr:\n" << result.err);
    CHECK(result.exit_code == 0);
    CHECK(S_ISCHR(mode_of(device)));
    CHECK(S_ISCHR(mode_of("/dev/null")));
  }
  SECTION("a named pipe: its reader gets the output") {
    const auto fifo = folder / "pipe.md";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    const auto result =
        run("/bin/sh", {"-c", "cat " + quoted(fifo) + " >" + quoted(folder / "got.md") + " & " +
                                  quoted(docconv::test::cli_path()) + " convert " +
                                  quoted(folder / "rain.txt") + " -o " + quoted(fifo) +
                                  " -t markdown; status=$?; wait; exit $status"});
    INFO("stderr:\n" << result.err);
    CHECK(result.exit_code == 0);
    CHECK(S_ISFIFO(mode_of(fifo)));
    CHECK_THAT(read_file(folder / "got.md"), Catch::Contains("Rain returns to the valley"));
  }
  SECTION("a symbolic link to /proc/self/fd/1 on a pipe: the pipe gets the output") {
    // The link's target names no file ("pipe:[N]"); writing through it is what
    // a shell redirection into the link would do.
    fs::create_symlink("/proc/self/fd/1", folder / "stdout.md");
    const auto result = run(
        "/bin/sh", {"-c", "(" + quoted(docconv::test::cli_path()) + " convert " +
                              quoted(folder / "rain.txt") + " -o " + quoted(folder / "stdout.md") +
                              " -t markdown; echo \"docconv exit $?\" >&2) | cat"});
    INFO("stderr:\n" << result.err);
    CHECK_THAT(result.err, Catch::Contains("docconv exit 0"));
    CHECK_THAT(result.out, Catch::Contains("Rain returns to the valley"));
    CHECK(fs::is_symlink(folder / "stdout.md"));
    CHECK(temporaries_in(folder.path()).empty());
  }
  SECTION("a symbolic link to a file: the file gets the output, the link stays") {
    write_file(folder / "book.md", "old\n");
    fs::create_symlink("book.md", folder / "latest.md");
    const auto result = convert_to(folder / "latest.md");
    INFO("stderr:\n" << result.err);
    CHECK(result.exit_code == 0);
    CHECK(fs::is_symlink(folder / "latest.md"));
    CHECK_THAT(read_file(folder / "book.md"), Catch::Contains("Rain returns to the valley"));
  }
  SECTION("a socket is refused, as a usage error") {
    const auto socket = folder / "socket.md";
    REQUIRE(run("/usr/bin/python3",
                {"-c", "import socket,sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])",
                 socket.string()})
                .exit_code == 0);
    const auto result = convert_to(socket);
    CHECK(result.exit_code == 2);
    CHECK_THAT(result.err, Catch::Contains("not replaced"));
    CHECK(fs::is_socket(socket));
  }
  CHECK(temporaries_in(folder.path()).empty());
}

TEST_CASE("a replaced output keeps its permissions", "[outputs]") {
  TempDir folder;
  write_file(folder / "rain.txt", article);
  for (const mode_t mode : {0600, 0640, 0755}) {
    DYNAMIC_SECTION("mode " << std::oct << mode) {
      const auto output = folder / "private.md";
      write_file(output, "old\n");
      fs::permissions(output, static_cast<fs::perms>(mode));
      const auto result = run_cli(
          {"convert", (folder / "rain.txt").string(), "-o", output.string(), "-t", "markdown"});
      INFO("stderr:\n" << result.err);
      CHECK(result.exit_code == 0);
      CHECK((mode_of(output) & 07777) == mode);
      CHECK(read_file(output) != "old\n");
    }
  }
}

TEST_CASE("no part of a --split run is replaced when one of them cannot be", "[outputs]") {
  TempDir folder;
  write_file(folder / "a.txt", article);
  write_file(folder / "b.txt", article);
  const auto parts = folder / "parts";
  const std::vector<std::string> args{"convert",
                                      (folder / "a.txt").string(),
                                      (folder / "b.txt").string(),
                                      "--split",
                                      "-t",
                                      "markdown",
                                      "-o",
                                      parts.string()};
  REQUIRE(run_cli(args).exit_code == 0);
  const auto names = docconv::test::file_names(parts);
  REQUIRE(names.size() == 2);
  const std::string first_before = read_file(parts / names[0]);
  // The second part's name is now a folder, and the first part would change.
  fs::remove(parts / names[1]);
  fs::create_directory(parts / names[1]);
  write_file(parts / names[1] / "keep.txt", "mine\n");
  write_file(folder / "a.txt", "Rain returns to the valley\n\nIt rained, officials said.\n");
  const auto result = run_cli(args);
  INFO("stderr:\n" << result.err);
  CHECK(result.exit_code == 1);
  CHECK_THAT(result.err, Catch::Contains((parts / names[1]).string() + ": it is a folder"));
  CHECK(docconv::test::file_names(parts) == names);
  CHECK(read_file(parts / names[0]) == first_before);
  CHECK(read_file(parts / names[1] / "keep.txt") == "mine\n");
  CHECK(temporaries_in(parts).empty());
}

TEST_CASE("temporaries a killed run left are removed by the next run after a day", "[outputs]") {
  // A second SIGINT ends docconv at once, without cleaning up (tests/cli).
  TempDir folder;
  write_file(folder / "rain.txt", article);
  const auto two_days_ago = fs::file_time_type::clock::now() - std::chrono::hours(48);
  const std::vector<std::string> stale{".book.md.tmp-AbC123", ".0001-old.md.tmp-x9Y8z7"};
  const std::vector<std::string> kept{".book.md.tmp-Fresh1",  // younger than a day
                                      "book.md.tmp-AbC123",   // not docconv's naming
                                      ".book.md.tmp-AbC12",   // nor this
                                      ".notes.txt"};
  for (const auto& name : stale) {
    write_file(folder / name, "left behind");
    fs::last_write_time(folder / name, two_days_ago);
  }
  for (const auto& name : kept) {
    write_file(folder / name, "someone's");
    if (name != ".book.md.tmp-Fresh1") fs::last_write_time(folder / name, two_days_ago);
  }
  const auto result = run_cli({"convert", (folder / "rain.txt").string(), "-o",
                               (folder / "book.md").string(), "-t", "markdown"});
  INFO("stderr:\n" << result.err);
  CHECK(result.exit_code == 0);
  for (const auto& name : stale) CHECK_FALSE(fs::exists(folder / name));
  for (const auto& name : kept) CHECK(fs::exists(folder / name));
}

TEST_CASE("a write error on standard output is an error with the system's reason", "[outputs]") {
  TempDir folder;
  write_file(folder / "rain.txt", article);
  const std::string input = quoted(folder / "rain.txt");
  // Section names must not hold the folder: it changes with every pass.
  for (const std::string command :
       {"convert -o -", "inspect", "inspect --lines", "plugins", "plugins --json"}) {
    DYNAMIC_SECTION(command) {
      const std::string args = command == "convert -o -" ? "convert " + input + " -o - -t markdown"
                               : command.starts_with("inspect") ? command + " " + input
                                                                : command;
      const auto result = run_shell("exec >/dev/full;", args);
      INFO("stderr:\n" << result.err);
      CHECK(result.exit_code == 1);
      CHECK_THAT(result.err, Catch::Contains("No space left on device"));
    }
  }
}

TEST_CASE("a write error found long before the last flush still names the system's reason",
          "[outputs]") {
  // Output far larger than any buffer: the first write fails early, other
  // calls change errno before the end, and the reason must survive them.
  TempDir folder;
  std::string long_article = "Rain in the valley\n\n";
  for (int paragraph = 0; paragraph < 3000; ++paragraph)
    long_article +=
        "Paragraph " + std::to_string(paragraph) + " says the rain kept falling all day long.\n\n";
  write_file(folder / "long.txt", long_article);
  const std::string input = quoted(folder / "long.txt");
  for (const std::string command : {"convert -o -", "inspect", "inspect --lines"}) {
    DYNAMIC_SECTION(command) {
      const std::string args = command == "convert -o -" ? "convert " + input + " -o - -t markdown"
                                                         : command + " " + input;
      const auto result = run_shell("exec >/dev/full;", args);
      INFO("stderr:\n" << result.err);
      CHECK(result.exit_code == 1);
      CHECK_THAT(result.err, Catch::Contains("No space left on device"));
    }
  }
}

TEST_CASE("a write error on a device is an error with the system's reason", "[outputs]") {
  // /dev/full is a character device: written to directly, every write fails.
  TempDir folder;
  write_file(folder / "rain.txt", article);
  for (const std::string format : {"markdown", "tei", "epub"}) {
    DYNAMIC_SECTION("-t " << format) {
      const auto result =
          run_cli({"convert", (folder / "rain.txt").string(), "-o", "/dev/full", "-t", format});
      INFO("stderr:\n" << result.err);
      CHECK(result.exit_code == 1);
      CHECK_THAT(result.err,
                 Catch::Contains("/dev/full") && Catch::Contains("No space left on device"));
      CHECK(S_ISCHR(mode_of("/dev/full")));
    }
  }
}

TEST_CASE("the EPUB stylesheet and cover are read only from regular files of at most 32 MiB",
          "[outputs]") {
  TempDir folder;
  write_file(folder / "rain.txt", article);
  REQUIRE(::mkfifo((folder / "pipe.css").c_str(), 0600) == 0);
  write_file(folder / "huge.png", "");
  fs::resize_file(folder / "huge.png", (32 << 20) + 1);  // sparse: no 32 MiB written
  for (const auto& [option, file, reason] :
       std::vector<std::tuple<std::string, std::string, std::string>>{
           {"--css", "/dev/zero", "not a regular file"},
           {"--cover", "/dev/urandom", "not a regular file"},
           {"--css", (folder / "pipe.css").string(), "not a regular file"},
           {"--cover", (folder / "huge.png").string(), "more than the 32 MiB"},
           {"--css", (folder / "missing.css").string(), "No such file or directory"}}) {
    DYNAMIC_SECTION(option << " " << fs::path(file).filename().string()) {
      const auto output = folder / "book.epub";
      const auto result =
          run_cli({"convert", (folder / "rain.txt").string(), "-o", output.string(), option, file});
      INFO("stderr:\n" << result.err);
      CHECK(result.exit_code == 2);  // checked before the run: a usage error
      CHECK_THAT(result.err,
                 Catch::Contains(option + " " + file + ": ") && Catch::Contains(reason));
      CHECK_FALSE(fs::exists(output));
    }
  }
  CHECK(temporaries_in(folder.path()).empty());
}

TEST_CASE("names and values that are not UTF-8 never crash the JSON output", "[outputs]") {
  TempDir folder;
  const std::string latin1_name = "caf\xe9.txt";  // "café" written in Latin-1
  write_file(folder / latin1_name, article);
  const auto inspect = run_cli({"inspect", (folder / latin1_name).string()});
  INFO("stderr:\n" << inspect.err);
  CHECK(inspect.exit_code == 0);
  CHECK_THAT(inspect.out, Catch::Contains("caf\xef\xbf\xbd.txt"));  // U+FFFD for the bad byte
  // A --lang that is not a language tag is a usage error, checked once for every writer.
  const auto lang = run_cli({"inspect", "--lang", "e\xffn", (folder / latin1_name).string()});
  INFO("stderr:\n" << lang.err);
  CHECK(lang.exit_code == 2);
  CHECK_THAT(lang.err, Catch::Contains("--lang") && Catch::Contains("not a language tag"));
  fs::create_directory(folder / "plugins-\xff");
  const auto plugins =
      run_cli({"--plugin-dir", (folder / "plugins-\xff").string(), "plugins", "--json"});
  CHECK(plugins.exit_code == 0);
  CHECK_THAT(plugins.out, Catch::Contains("plugins-\xef\xbf\xbd"));
}

TEST_CASE("file names in messages cannot drive the terminal", "[outputs]") {
  // An escape sequence (clear the screen), a C1 control (CSI, U+009B) and a
  // Latin-1 byte in a file name.
  TempDir folder;
  const std::string name = "evil\x1b[2J\xc2\x9b[1m-caf\xe9.txt";
  write_file(folder / name, "All news\n\nSubscribe\n");  // site chrome only: a warning names it
  const auto result =
      run_cli({"convert", (folder / name).string(), "-o", (folder / "out.md").string()});
  INFO("stderr:\n" << result.err);
  CHECK(result.exit_code == 1);
  CHECK(result.err.find('\x1b') == std::string::npos);
  CHECK(result.err.find("\xc2\x9b") == std::string::npos);
  CHECK(result.err.find("-caf\xe9") == std::string::npos);
  CHECK_THAT(result.err,
             Catch::Contains("evil\xef\xbf\xbd[2J\xef\xbf\xbd[1m-caf\xef\xbf\xbd.txt: no article"));
}

TEST_CASE("jobs (-j) outside 0..256 are a usage error", "[outputs][jobs]") {
  TempDir folder;
  write_file(folder / "rain.txt", article);
  for (const std::string jobs : {"-1", "257", "100000", "many", "2x"}) {
    DYNAMIC_SECTION("-j " << jobs) {
      const auto result = run_cli({"inspect", "-j", jobs, (folder / "rain.txt").string()});
      INFO("stderr:\n" << result.err);
      CHECK(result.exit_code == 2);
      CHECK(docconv::test::lines(result.err).size() == 1);
    }
  }
  for (const std::string jobs : {"0", "1", "256"})
    CHECK(run_cli({"inspect", "-j", jobs, (folder / "rain.txt").string()}).exit_code == 0);
}

}  // namespace
