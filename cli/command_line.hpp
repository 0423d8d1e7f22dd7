// The command line docconv understands: its commands and options, and where
// their values land. Separate from main() so that the argument fuzzer
// (tests/fuzz/fuzz_cli_args.cpp) parses exactly what docconv parses.
#pragma once

#include "host/convert.hpp"
#include "host/registry.hpp"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace CLI {
class App;
}

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
  host::NearDuplicateMode near_duplicates = host::NearDuplicateMode::mark;
  double near_duplicate_threshold = host::default_near_duplicate_threshold;
  OptionValues plugin_values;
};

host::ReadRequest read_request(const CommonReadOptions& options);

enum class Command { none, convert, inspect, plugins, new_plugin };

/// An option as the parser defines it, for the man page and the shell
/// completions (cli/reference.cpp), which are made from these so that they
/// cannot drift from what docconv accepts.
struct OptionReference {
  std::vector<std::string> names;  ///< "-t", "--to"; for a positional, its name alone
  std::string value_name;          ///< "FORMAT"; empty for a flag
  std::string description;
  std::string group;  ///< "Options", or a plugin's group ("epub writer options")
  bool positional = false;
  /// What completes the value: "writers", "readers", "files", "folders", or
  /// "" (nothing to offer).
  std::string completes;
  /// The values it takes, when they are a fixed set: completed as they are.
  std::vector<std::string> choices;
};

struct CommandReference {
  std::string name;  ///< "convert"; empty for the program itself
  std::string description;
  std::vector<OptionReference> options;
};

/// The program's options first (name ""), then one entry per command.
using CommandLineReference = std::vector<CommandReference>;

/// The parser and the values it fills. CLI11 is compiled in
/// command_line.cpp only (it is the costliest header of the build): the rest
/// of the CLI sees the values. The parser holds pointers into this object,
/// so it is made in place, never moved, and filled by define_command_line().
struct CommandLine {
  CommandLine();
  ~CommandLine();
  CommandLine(const CommandLine&) = delete;
  CommandLine& operator=(const CommandLine&) = delete;

  /// Parses argv. Throws CLI::ParseError for a usage error, and for --help
  /// and --version (which CLI11 reports that way too).
  void parse(int argc, char** argv);
  /// Parses argv. When the command line itself ends the run (--help,
  /// --version, a usage error), prints what it must and returns the exit
  /// status: 0 after help or the version, nonzero after an error.
  std::optional<int> parse_or_report(int argc, char** argv);
  /// The top-level help, as --help prints it.
  std::string help() const;
  /// How many commands the parse found (exactly one when it succeeds).
  int commands_given() const;
  /// Every command and option, for the man page and completions.
  CommandLineReference reference() const;

  std::unique_ptr<CLI::App> app;
  Command command = Command::none;  ///< the command parsed
  std::vector<std::string> plugin_dirs;
  bool strict = false;
  bool quiet = false;
  std::string progress = "auto";  ///< --progress: never, auto or always
  bool verbose = false;           ///< every warning, repeats too
  std::string report;             ///< --report: a file, or "-"
  std::string generate;           ///< --generate: man, complete-bash, complete-zsh or complete-fish
  CommonReadOptions convert_read;
  host::ConvertRequest convert_request;
  CommonReadOptions inspect_read;
  bool inspect_lines = false;
  bool plugins_as_json = false;
  std::string plugins_names_of;  ///< plugins --list KIND
  std::string new_kind;
  std::string new_name;
  std::string new_dir;

 private:
  CLI::App* convert_ = nullptr;
  CLI::App* inspect_ = nullptr;
  CLI::App* plugins_ = nullptr;
  CLI::App* new_plugin_ = nullptr;
  friend void define_command_line(CommandLine&, const host::PluginRegistry&, int, char**);
};

/// The values of `--NAME VALUE` / `--NAME=VALUE` options in argv, read before
/// CLI11 parses, because the plugins (and so the full option list) depend on them.
std::vector<std::string> prescan(int argc, char** argv, const std::string& name,
                                 const std::string& short_name = {});

/// Every command and option, the plugins' own included (`registry`; the
/// plugins chosen with -f/-t in argv show their options in --help).
void define_command_line(CommandLine& line, const host::PluginRegistry& registry, int argc,
                         char** argv);

}  // namespace docconv::cli
