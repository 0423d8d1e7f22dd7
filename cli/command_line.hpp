// The command line docconv understands: its commands and options, and where
// their values land. Separate from main() so that the argument fuzzer
// (tests/fuzz/fuzz_cli_args.cpp) parses exactly what docconv parses.
#pragma once

#include "host/convert.hpp"
#include "host/registry.hpp"

#include <CLI/CLI.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace docconv::cli {

/// -j beyond this is refused: more threads than any machine docconv runs on
/// has cores only cost memory (each reads inputs ahead).
inline constexpr std::size_t max_jobs = 256;

/// What convert and inspect share: inputs, reader, metadata, -j, limits.
struct CommonReadOptions {
  std::vector<std::string> inputs;
  std::string reader;
  std::string language;
  int year = 0;
  std::size_t jobs = 0;
  std::uint64_t max_input_bytes = host::default_max_input_bytes;
  OptionValues plugin_values;
};

host::ReadRequest read_request(const CommonReadOptions& options);

/// The parser and the values it fills. CLI::App neither moves nor copies, so
/// this is made in place and then filled by define_command_line().
struct CommandLine {
  CLI::App app;
  std::vector<std::string> plugin_dirs;
  bool strict = false;
  bool quiet = false;
  CLI::App* convert = nullptr;
  CommonReadOptions convert_read;
  host::ConvertRequest convert_request;
  CLI::App* inspect = nullptr;
  CommonReadOptions inspect_read;
  bool inspect_lines = false;
  CLI::App* plugins = nullptr;
  bool plugins_as_json = false;
  CLI::App* new_plugin = nullptr;
  std::string new_kind;
  std::string new_name;
  std::string new_dir;
};

/// Every command and option, the plugins' own included (`registry`; the
/// plugins chosen with -f/-t in argv show their options in --help).
void define_command_line(CommandLine& line, const host::PluginRegistry& registry, int argc,
                         char** argv);

}  // namespace docconv::cli
