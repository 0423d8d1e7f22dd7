// The man page and the shell completions, made from the command line's own
// definitions (CommandLine::reference()), so that they list exactly what
// docconv accepts: `docconv --generate man|complete-bash|complete-zsh|complete-fish`.
#pragma once

#include "command_line.hpp"

#include <string>
#include <vector>

namespace docconv::cli {

/// docconv.1 in roff (man(7) macros).
std::string man_page(const CommandLineReference& commands);

/// A completion script that completes commands, options, the formats of the
/// plugins found when it runs (`docconv plugins --list writers`), and file
/// names: inputs by the readers' `input_extensions` (".txt", ".zip"), and
/// folders.
std::string bash_completion(const CommandLineReference& commands,
                            const std::vector<std::string>& input_extensions);
std::string zsh_completion(const CommandLineReference& commands,
                           const std::vector<std::string>& input_extensions);
std::string fish_completion(const CommandLineReference& commands,
                            const std::vector<std::string>& input_extensions);

}  // namespace docconv::cli
