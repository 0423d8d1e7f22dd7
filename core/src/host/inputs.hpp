// Private to the docconv host: turning command-line inputs into readable inputs.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace docconv::host {

/// One input to read: a file, standard input ("-"), or an entry of a zip archive.
struct InputRef {
  std::string name;  ///< For messages and Metadata::source.
  /// The file (or the archive) on disk; empty for "-". A string rather than a
  /// std::filesystem::path: a run keeps one per input, and a path object takes
  /// several times the memory of its text (it also stores its components).
  std::string path;
  std::string archive_entry;      ///< Entry inside `path` when it is a zip archive.
  bool found_by_listing = false;  ///< Found inside a folder or archive, not named by the user.
};

/// Calls `problem(where, what)` for arguments that cannot be used (missing
/// paths, unreadable folders, symlink loops, bad zip entries) and carries on.
using ProblemHandler = std::function<void(const std::string& where, const std::string& what)>;

/// Expands files, folders (recursively, sorted by path, hidden entries
/// skipped, symlinked folders not followed twice), zip archives and "-".
std::vector<InputRef> list_inputs(const std::vector<std::string>& arguments,
                                  const ProblemHandler& problem);

/// Largest input docconv reads into memory; larger inputs are refused.
inline constexpr std::size_t max_input_bytes = std::size_t{256} << 20;

/// Reads an input's bytes. Throws docconv::Error naming the input.
std::string load_input(const InputRef& input);

}  // namespace docconv::host
