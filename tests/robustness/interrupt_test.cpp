// SIGINT and SIGTERM, whatever docconv is doing when they arrive (issue #15):
// the old output stays, no temporary is left, and the process ends within
// about a second even when it is blocked in a system call or stuck inside one
// long input. The slow and stuck inputs come from the test reader
// (tests/plugins), which sleeps on the lines READER-SLOW and READER-STUCK.
#include "robustness_support.hpp"
#include "support.hpp"

#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <chrono>
#include <string>
#include <vector>

using docconv::test::read_file;
using docconv::test::RunResult;
using docconv::test::TempDir;
using docconv::test::temporaries_in;
using docconv::test::write_file;
namespace fs = std::filesystem;

using namespace docconv::robustness_test;

namespace {

// docconv started in the background with the test plugins, then `then`
// (shell commands where $! is docconv), then waited for.
struct TimedRun {
  RunResult result;
  double seconds;
};

TimedRun run_then(const std::string& arguments, const std::string& then) {
  const std::string command = "exec " + quoted(docconv::test::cli_path()) + " --plugin-dir " +
                              quoted(docconv::test::test_plugin_dir() / "good") + " " + arguments +
                              " & " + then + "; wait $!";
  const auto started = std::chrono::steady_clock::now();
  auto result = docconv::test::run("/bin/sh", {"-c", command});
  const std::chrono::duration<double> seconds = std::chrono::steady_clock::now() - started;
  INFO("stderr:\n" << result.err);
  return {std::move(result), seconds.count()};
}

}  // namespace

TEST_CASE("an interrupted run keeps the old output and leaves no temporary", "[interrupt]") {
  TempDir folder;
  std::string inputs;
  // 40 inputs of 0.1 s each, read one at a time (-j 1): the run is still
  // going when the signal comes, however many cores the machine has.
  for (int i = 0; i < 40; ++i) {
    const auto file = folder / ("a" + std::to_string(i) + ".tst");
    write_file(file, "Title\nREADER-SLOW\n");
    inputs += " " + quoted(file);
  }
  const auto out = folder / "out.testout";
  write_file(out, previous_output);
  for (const std::string signal : {"INT", "TERM"}) {
    DYNAMIC_SECTION("SIG" << signal) {
      const auto run = run_then("convert -j 1" + inputs + " -o " + quoted(out),
                                "sleep 1; kill -" + signal + " $!");
      INFO("stderr:\n" << run.result.err);
      CHECK(run.result.exit_code == 1);
      CHECK_THAT(run.result.err, Catch::Contains(out.string() + ": interrupted"));
      CHECK(read_file(out) == previous_output);
      CHECK(temporaries_in(folder.path()).empty());
    }
  }
}

TEST_CASE("an interrupt is obeyed within a second even inside one long input", "[interrupt]") {
  // The second input keeps the reader busy for 30 s: the run cannot reach
  // the next input to notice the interrupt, so the deadline ends it. SIGTERM
  // after SIGINT (a supervisor insisting) must not cancel the deadline.
  for (const std::string signals :
       {"kill -INT $!", "kill -TERM $!", "kill -INT $!; sleep 0.2; kill -TERM $!"}) {
    DYNAMIC_SECTION(signals) {
      TempDir folder;
      write_file(folder / "a.tst", "Title\nText\n");
      write_file(folder / "b.tst", "Title\nREADER-STUCK\n");
      const auto out = folder / "out.testout";
      write_file(out, previous_output);
      const auto run = run_then("convert -j 1 " + quoted(folder / "a.tst") + " " +
                                    quoted(folder / "b.tst") + " -o " + quoted(out),
                                "sleep 1; ls -a " + quoted(folder.path()) + "; " + signals);
      INFO("stderr:\n" << run.result.err);
      CHECK(run.result.exit_code == 130);
      CHECK_THAT(run.result.err, Catch::Contains("docconv: error: interrupted: stopped at once"));
      CHECK(run.seconds < 20);  // not a timing test: the reader alone takes 30 s
      CHECK_THAT(run.result.out, Catch::Contains(".out.testout.tmp-"));  // the first article's
      CHECK(read_file(out) == previous_output);
      CHECK(temporaries_in(folder.path()).empty());
    }
  }
}

TEST_CASE("an interrupt is obeyed while docconv waits in a system call", "[interrupt]") {
  // Nothing in docconv's own loop runs while it is blocked: opening a named
  // pipe as the output waits for a reader that never comes, and reading
  // standard input waits for data that never comes (the pipe is opened for
  // reading and writing, so it has a writer that never closes it).
  TempDir folder;
  write_file(folder / "a.tst", "Title\nText\n");
  const auto out = folder / "out.testout";
  write_file(out, previous_output);
  REQUIRE(::mkfifo((folder / "out.fifo").c_str(), 0600) == 0);
  REQUIRE(::mkfifo((folder / "in.fifo").c_str(), 0600) == 0);
  const std::vector<std::pair<std::string, std::string>> waits = {
      {"opening a named pipe as the output",
       "convert " + quoted(folder / "a.tst") + " -t test-writer -o " + quoted(folder / "out.fifo")},
      {"reading standard input that never ends",
       "convert - -f test-reader -o " + quoted(out) + " <> " + quoted(folder / "in.fifo")},
  };
  for (const auto& [what, arguments] : waits) {
    DYNAMIC_SECTION(what) {
      const auto run = run_then(arguments, "sleep 1; kill -INT $!");
      INFO("stderr:\n" << run.result.err);
      CHECK(run.result.exit_code == 130);
      CHECK_THAT(run.result.err, Catch::Contains("docconv: error: interrupted"));
      CHECK(run.seconds < 20);  // not a timing test: without the deadline it never ends
      CHECK(read_file(out) == previous_output);
      CHECK(temporaries_in(folder.path()).empty());
    }
  }
}
TEST_CASE("SIGINT during a --split run: earlier parts untouched, no new part, no temporary",
          "[interrupt]") {
  // In split mode every part stays a temporary until all are renamed
  // together at the end.
  TempDir folder;
  const auto inputs = folder / "in";
  fs::create_directory(inputs);
  for (int i = 0; i < 40; ++i)
    write_file(inputs / ("a" + std::to_string(10 + i) + ".tst"), "Title\nREADER-SLOW\n");
  const auto parts = folder / "parts";
  fs::create_directory(parts);
  write_file(parts / "0001-title.out", previous_output);
  const auto run = run_then(
      "convert -j 1 " + quoted(inputs) + " -o " + quoted(parts) + " --split -t test-writer",
      "sleep 1; kill -INT $!");
  INFO("stderr:\n" << run.result.err);
  CHECK(run.result.exit_code == 1);
  CHECK_THAT(run.result.err,
             Catch::Contains("docconv: error: " + parts.string() + ": interrupted"));
  CHECK(docconv::test::file_names(parts) == std::vector<std::string>{"0001-title.out"});
  CHECK(read_file(parts / "0001-title.out") == previous_output);
}
