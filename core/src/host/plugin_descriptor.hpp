// Private to the docconv host: what a plugin library says about itself (its
// descriptor, written by DOCCONV_PLUGIN), read from the library's file
// without loading it, so that no plugin code runs until the plugin is used.
#pragma once

#include "host/random_access_file.hpp"

#include <docconv/plugin.hpp>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace docconv::host {

/// A command-line option a plugin understands. It appears as --NAME in
/// `docconv convert --help` and its value reaches the plugin in OptionValues.
struct OptionSpec {
  std::string name;        ///< Without dashes: "css", "wrap".
  std::string help;        ///< One line for --help.
  bool is_flag = false;    ///< A switch without value; its value is "true" when given.
  std::string value_name;  ///< Shown in --help: "FILE", "N".
  /// The values it takes, when they are a fixed set: docconv refuses others
  /// and shells complete them. Empty: any value (the plugin checks it).
  std::vector<std::string> choices;
};

/// What a plugin is, as its descriptor says.
struct PluginInfo {
  std::string name;  ///< Unique, lower case: "news-text", "epub". Used by -f/-t.
  PluginKind kind = PluginKind::writer;
  std::string version;
  std::string description;              ///< One line.
  std::vector<std::string> aliases;     ///< Other names accepted by -f/-t: "md", "xml".
  std::vector<std::string> extensions;  ///< With the dot, most specific first: ".tei.xml".
  std::vector<OptionSpec> options;
  bool binary_output = false;   ///< Writers: output is not text, so `-o -` is refused.
  bool supports_split = false;  ///< Writers: can write one file per article (--split).
};

/// The fields of an ELF header that say which machines can run a library.
struct ElfMachine {
  unsigned char word_size = 0;   ///< EI_CLASS: ELFCLASS32 or ELFCLASS64.
  unsigned char byte_order = 0;  ///< EI_DATA: ELFDATA2LSB or ELFDATA2MSB.
  std::uint16_t machine = 0;     ///< e_machine: EM_X86_64, EM_AARCH64, ...
};

/// The machine docconv itself was built for.
const ElfMachine& this_machine();

/// The bytes of section `name` of the ELF shared library of `file_size`
/// bytes that `read` reads, or nothing when it has no such section. Throws
/// docconv::Error saying what is wrong when the file is not an ELF shared
/// library for `machine`, is malformed, or the section is over `max_size`.
std::optional<std::string> elf_section(const ReadAt& read, std::uint64_t file_size,
                                       const ElfMachine& machine, std::string_view name,
                                       std::size_t max_size);

/// Parses a descriptor section's text: {"abi": N, "plugin": {...}}. Throws
/// docconv::Error saying what is wrong (another ABI, a missing or mistyped
/// field, an unknown field, a name or option the CLI cannot take).
PluginInfo parse_plugin_descriptor(std::string_view text);

/// Reads and parses the descriptor of the library at `library`. Opens only
/// regular files and never blocks on a FIFO. Throws docconv::Error with the
/// reason the library is not a usable plugin.
PluginInfo read_plugin_descriptor(const std::filesystem::path& library);

}  // namespace docconv::host
