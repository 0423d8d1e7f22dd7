// Private to the docconv host: turning command-line inputs into readable inputs.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

struct zip;  // libzip's archive (zip_t)

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
  std::uint64_t entry_index = 0;  ///< The entry's index: two entries may share a name.
};

/// Calls `problem(where, what)` for arguments that cannot be used (missing
/// paths, unreadable folders, symlink loops, bad zip entries) and carries on.
using ProblemHandler = std::function<void(const std::string& where, const std::string& what)>;

/// What one input may hold, unless --max-input-size says otherwise. Reading
/// an input costs about ten times its size, plus about a kilobyte a line
/// that the reader bounds (news-text's --max-lines): docs/robustness.md
/// measures it. With both defaults one input stays within 256 MiB; a news
/// article is a few tens of KiB.
inline constexpr std::uint64_t default_max_input_bytes = std::uint64_t{16} << 20;

/// "4 MiB", "512 KiB", "1000 bytes": a limit as messages show it.
std::string size_text(std::uint64_t bytes);

/// Expands files, folders (recursively, sorted by path, hidden entries
/// skipped, symlinked folders not followed twice), zip archives and "-".
/// Zip entries larger than `max_bytes` are left out, each with a problem.
std::vector<InputRef> list_inputs(const std::vector<std::string>& arguments,
                                  const ProblemHandler& problem,
                                  std::uint64_t max_bytes = default_max_input_bytes);

/// What the entries of one zip archive may declare in all, as a multiple of
/// the archive's size (and at least the largest input): text compresses a
/// few times, a zip bomb (entries sharing their compressed data) thousands.
/// Entries beyond it are left out of the listing, each with a problem.
inline constexpr std::uint64_t max_zip_expansion = 200;

/// Keeps the zip archive read last open: entries of one archive come in a
/// row, and opening one parses its whole central directory (reading each
/// entry of a large archive through a new open was quadratic). One per thread.
class OpenArchive {
 public:
  OpenArchive();
  ~OpenArchive();
  OpenArchive(OpenArchive&&) noexcept;
  OpenArchive& operator=(OpenArchive&&) noexcept;
  /// The archive at `path`, opened if it is not the one open.
  struct zip* get(const std::string& path);

 private:
  struct Closer {
    void operator()(struct zip* archive) const noexcept;
  };
  std::string path_;
  std::unique_ptr<struct zip, Closer> archive_;
};

/// Reads an input's bytes (zip entries through `archives`, or an archive
/// opened for this one entry), refusing more than `max_bytes` whatever the
/// input declares. Throws docconv::Error naming the input.
std::string load_input(const InputRef& input, OpenArchive* archives = nullptr,
                       std::uint64_t max_bytes = default_max_input_bytes);

}  // namespace docconv::host
