// CLI transcripts, in the style of Pandoc's command tests: each file in
// tests/cli/transcripts/ is one case, a command as a user types it and what
// it must answer (docs/cli.md, "Transcript tests", describes the format). The command
// runs under /bin/sh in an empty folder holding a copy of fixtures/news/ as
// news/, with the docconv under test first in PATH.
//
// DOCCONV_ACCEPT=1 rewrites each file with what the command answered: review
// the difference before committing it.
#include "support.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <sstream>

using docconv::test::TempDir;
namespace fs = std::filesystem;

namespace {

struct Transcript {
  std::string description;  // the '#' lines, kept as written
  std::string command;      // after "$ "
  std::string stdin_text;   // after "--- stdin", if any
  int exit_code = 0;
  std::string out;
  std::string err;
};

constexpr std::string_view stdin_marker = "--- stdin\n";
constexpr std::string_view stdout_marker = "--- stdout\n";
constexpr std::string_view stderr_marker = "--- stderr\n";

// "# ...\n" lines, "$ COMMAND\n", optionally "--- stdin\n" TEXT, then
// "exit N\n", "--- stdout\n" TEXT, "--- stderr\n" TEXT to the end.
Transcript parse(const std::string& text, const std::string& name) {
  Transcript transcript;
  std::size_t pos = 0;
  const auto line_at = [&](std::size_t at) {
    const std::size_t end = text.find('\n', at);
    return std::string_view(text).substr(
        at, end == std::string::npos ? std::string::npos : end + 1 - at);
  };
  while (pos < text.size() && text[pos] == '#') {
    transcript.description += line_at(pos);
    pos += line_at(pos).size();
  }
  const std::string_view command = line_at(pos);
  if (command.rfind("$ ", 0) != 0) throw std::runtime_error(name + ": no '$ COMMAND' line");
  transcript.command = std::string(command.substr(2, command.find('\n') - 2));
  pos += command.size();
  const std::size_t exit_line = text.find("\nexit ", pos - 1);
  if (text.compare(pos, stdin_marker.size(), stdin_marker) == 0) {
    if (exit_line == std::string::npos) throw std::runtime_error(name + ": no 'exit N' line");
    transcript.stdin_text =
        text.substr(pos + stdin_marker.size(), exit_line + 1 - (pos + stdin_marker.size()));
    pos = exit_line + 1;
  }
  const std::string_view exit_text = line_at(pos);
  if (exit_text.rfind("exit ", 0) != 0) throw std::runtime_error(name + ": no 'exit N' line");
  transcript.exit_code = std::stoi(std::string(exit_text.substr(5)));
  pos += exit_text.size();
  if (text.compare(pos, stdout_marker.size(), stdout_marker) != 0)
    throw std::runtime_error(name + ": no '--- stdout' line after 'exit N'");
  pos += stdout_marker.size();
  const std::size_t err_at = text.find(std::string("\n") + std::string(stderr_marker), pos - 1);
  if (err_at == std::string::npos) throw std::runtime_error(name + ": no '--- stderr' line");
  transcript.out = text.substr(pos, err_at + 1 - pos);
  transcript.err = text.substr(err_at + 1 + stderr_marker.size());
  return transcript;
}

std::string format(const Transcript& transcript) {
  std::string text = transcript.description + "$ " + transcript.command + "\n";
  if (!transcript.stdin_text.empty()) text += std::string(stdin_marker) + transcript.stdin_text;
  text += "exit " + std::to_string(transcript.exit_code) + "\n";
  text += std::string(stdout_marker) + transcript.out;
  text += std::string(stderr_marker) + transcript.err;
  return text;
}

// What `transcript.command` answers, run as the file header says.
Transcript run(const Transcript& transcript) {
  TempDir work;
  fs::create_directory(work / "news");
  for (const auto& path : docconv::test::news_fixtures())
    fs::copy_file(path, work / "news" / path.filename());
  fs::create_directory(work / ".xdg");
  docconv::test::write_file(work / ".stdin", transcript.stdin_text);
  const std::string path = docconv::test::cli_path().parent_path().string() + ":" +
                           (std::getenv("PATH") != nullptr ? std::getenv("PATH") : "");
  // The same controlled environment as every CLI test (support.cpp's run),
  // and a fixed time so that outputs with a date are the same on each run.
  const std::string command =
      "cd " + docconv::test::shell_quote(work.path().string()) +
      " && env -u DOCCONV_PLUGIN_PATH -u CI -u SOURCE_DATE_EPOCH XDG_DATA_HOME=.xdg COLUMNS=80 " +
      "PATH=" + docconv::test::shell_quote(path) + " /bin/sh -c " +
      docconv::test::shell_quote(transcript.command) + " <.stdin >.stdout 2>.stderr";
  const int status = std::system(command.c_str());
  Transcript answered = transcript;
  answered.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  answered.out = docconv::test::read_file(work / ".stdout");
  answered.err = docconv::test::read_file(work / ".stderr");
  return answered;
}

std::vector<fs::path> transcript_files() {
  std::vector<fs::path> files;
  for (const auto& entry :
       fs::directory_iterator(docconv::test::source_dir() / "tests" / "cli" / "transcripts"))
    if (entry.path().extension() == ".txt") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

TEST_CASE("CLI transcripts: each command answers as its file says") {
  const auto files = transcript_files();
  REQUIRE(files.size() >= 20);
  for (const auto& file : files) {
    DYNAMIC_SECTION(file.filename().string()) {
      const Transcript expected = parse(docconv::test::read_file(file), file.string());
      const Transcript answered = run(expected);
      if (docconv::test::accepting_new_results()) {
        docconv::test::write_file(file, format(answered));
        continue;
      }
      INFO("$ " << expected.command);
      CHECK(answered.exit_code == expected.exit_code);
      CHECK(answered.out == expected.out);
      CHECK(answered.err == expected.err);
    }
  }
}

TEST_CASE("CLI transcripts: the format reads back as written") {
  const Transcript transcript{"# a case\n", "docconv x | wc -l", "in\nput\n", 3,
                              "out\n",      "err\nexit 1\n"};
  const Transcript read = parse(format(transcript), "case");
  CHECK(read.description == transcript.description);
  CHECK(read.command == transcript.command);
  CHECK(read.stdin_text == transcript.stdin_text);
  CHECK(read.exit_code == transcript.exit_code);
  CHECK(read.out == transcript.out);
  CHECK(read.err == transcript.err);
  CHECK_THROWS(parse("docconv --help\nexit 0\n", "no dollar"));
}
