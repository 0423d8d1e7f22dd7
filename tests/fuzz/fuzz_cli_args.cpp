// docconv's command line: fuzzer bytes split at NUL into arguments, parsed by
// the very parser docconv builds (cli/command_line.cpp, the project's plugin
// options included). A bad argument must be a CLI11 ParseError (docconv
// prints it and exits 2); any other exception escaping the parse would end
// docconv with an abort, and is a crash here. What parses must be in range.
#include "command_line.hpp"
#include "fuzz_support.hpp"
#include "support.hpp"

#include <CLI/CLI.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

using docconv::fuzz::fail;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::vector<std::string> words{"docconv"};
  std::string word;
  for (std::size_t i = 0; i < size && words.size() < 64; ++i) {
    if (data[i] == 0) {
      words.push_back(std::move(word));
      word.clear();
    } else {
      word += static_cast<char>(data[i]);
    }
  }
  words.push_back(std::move(word));
  std::vector<char*> argv;
  for (auto& w : words) argv.push_back(w.data());
  argv.push_back(nullptr);
  const int argc = static_cast<int>(words.size());

  docconv::cli::CommandLine line;
  docconv::cli::define_command_line(line, docconv::test::project_plugins(), argc, argv.data());
  try {
    line.parse(argc, argv.data());
  } catch (const CLI::ParseError&) {
    return 0;  // help, version, or a usage error: docconv exits 0 or 2
  }
  const int commands = line.commands_given();
  if (commands > 1) fail("a command line parsed with " + std::to_string(commands) + " commands");
  // No command: main() prints the man page or a completion (--generate), or
  // refuses the line ("a command is required").
  if (commands == 0) return 0;
  if (line.command == docconv::cli::Command::none) fail("a command was parsed but not named");
  for (const auto* read : {&line.convert_read, &line.inspect_read}) {
    if (read->jobs > docconv::cli::max_jobs) fail("-j out of range parsed");
    if (read->max_input_bytes == 0 || read->max_input_bytes > (std::uint64_t{1} << 40))
      fail("--max-input-size out of range parsed");
    if (read->year != 0 && (read->year < 1000 || read->year > 9999))
      fail("--year out of range parsed");
  }
  return 0;
}
