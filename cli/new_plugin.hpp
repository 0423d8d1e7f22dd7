// `docconv new-plugin`: writes a ready-to-build plugin project.
#pragma once

#include <docconv/plugin.hpp>

#include <filesystem>
#include <string>

namespace docconv::cli {

/// Writes CMakeLists.txt, NAME_KIND.cpp and README.md into `folder` (created;
/// must not exist yet or be empty). Throws docconv::Error.
void write_plugin_project(PluginKind kind, const std::string& name,
                          const std::filesystem::path& folder);

}  // namespace docconv::cli
