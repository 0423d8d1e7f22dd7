// Options that plugins declare, offered on the command line.
#pragma once

#include "host/registry.hpp"

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace docconv::cli {

/// Adds every option of every plugin of `kind` to `command` once, grouped by
/// plugin. Groups of plugins other than `selected` (when given) are hidden
/// from --help. Given values land in `values`.
void add_plugin_options(CLI::App& command, const host::PluginRegistry& registry, PluginKind kind,
                        const std::string& selected, OptionValues& values);

/// The values of `--NAME VALUE` / `--NAME=VALUE` options in argv, read before
/// CLI11 parses, because the plugins (and so the full option list) depend on them.
std::vector<std::string> prescan(int argc, char** argv, const std::string& name,
                                 const std::string& short_name = {});

}  // namespace docconv::cli
