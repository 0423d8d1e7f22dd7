// Running the markdown plugin in memory, and what its one-file output should
// read back as.
#pragma once

#include "markdown_tree.hpp"

#include "host/registry.hpp"

#include <docconv/plugin.hpp>

#include <string>
#include <utility>
#include <vector>

namespace docconv::markdown_test {

/// The markdown plugin as the registry of the build tree finds it.
const host::PluginEntry& markdown_plugin();

struct Written {
  std::string text;                                        ///< One-file output.
  std::vector<std::pair<std::string, std::string>> parts;  ///< Split output: name, text.
  std::vector<std::string> warnings;
};

/// Runs the plugin over `collection` into memory.
Written write_markdown(const Collection& collection, const OptionValues& options = {},
                       bool split = false);

/// "By A, B · Moscow, June 5 (TASS)", as docs/markdown.md describes the line.
std::string expected_metadata_line(const Metadata& metadata);

/// What one article of a one-file output reads back as.
Nodes expected_article(const Document& document, bool keep_removed);

/// "" when the one-file output `markdown` of `collection` reads back as the
/// model, else the difference and the output.
std::string check_one_file(const Collection& collection, const std::string& markdown,
                           bool keep_removed);

}  // namespace docconv::markdown_test
