#include "host/inputs.hpp"

#include "host/zip_layout.hpp"

#include <docconv/file.hpp>
#include <docconv/plugin.hpp>

#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zip.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <exception>
#include <iostream>
#include <iterator>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <sstream>

namespace docconv::host {
namespace fs = std::filesystem;

namespace {

struct ZipCloser {
  void operator()(zip_t* archive) const noexcept { zip_discard(archive); }
};
struct ZipFileCloser {
  void operator()(zip_file_t* file) const noexcept { zip_fclose(file); }
};
using ZipArchive = std::unique_ptr<zip_t, ZipCloser>;
using ZipFile = std::unique_ptr<zip_file_t, ZipFileCloser>;

ZipArchive open_zip(const fs::path& path) {
  int error_code = 0;
  ZipArchive archive(zip_open(path.c_str(), ZIP_RDONLY, &error_code));
  if (!archive) {
    zip_error_t error;
    zip_error_init_with_code(&error, error_code);
    std::string message = zip_error_strerror(&error);
    zip_error_fini(&error);
    throw Error(fmt::format("cannot open zip archive: {}", message));
  }
  return archive;
}

bool is_zip(const fs::path& path) {
  auto extension = path.extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return extension == ".zip";
}

bool is_hidden(const fs::path& path) {
  const auto name = path.filename().string();
  return !name.empty() && name.front() == '.';
}

// Entries that could escape a folder if extracted are never read, as the
// archive may come from anyone.
std::string unsafe_entry_reason(std::string_view entry) {
  if (entry.empty()) return "empty entry name";
  if (entry.front() == '/' || entry.find('\\') != std::string_view::npos ||
      (entry.size() > 1 && entry[1] == ':'))
    return "absolute entry path";
  for (const auto& part : fs::path(entry)) {
    if (part == "..") return "entry path leaves the archive ('..')";
  }
  return {};
}

// What the entries of the archive at `path` may expand to in all (see
// max_zip_expansion).
std::uint64_t expansion_limit(const fs::path& path, std::uint64_t max_bytes) {
  std::error_code error;
  const std::uint64_t archive_size = fs::file_size(path, error);
  return std::max<std::uint64_t>(max_bytes, error ? 0 : archive_size * max_zip_expansion);
}

std::string over_the_limit(std::uint64_t max_bytes) {
  return fmt::format("--max-input-size ({})", size_text(max_bytes));
}

void list_zip(const fs::path& path, const std::string& name, std::vector<InputRef>& out,
              const ProblemHandler& problem, std::uint64_t max_bytes) {
  ZipArchive archive = open_zip(path);
  {
    const RandomAccessFile file(path);
    if (const auto overlap = overlapping_zip_entries(file.reader(), file.size()))
      throw Error(
          fmt::format("{}: entries that share their data are a zip bomb's trick; the "
                      "archive is refused",
                      *overlap));
  }
  const zip_int64_t count = zip_get_num_entries(archive.get(), 0);
  const std::uint64_t limit = expansion_limit(path, max_bytes);
  std::uint64_t total = 0;                  // what the entries listed declare
  std::map<std::string, std::size_t> seen;  // entry name -> how many so far
  for (zip_int64_t index = 0; index < count; ++index) {
    const char* entry_name = zip_get_name(archive.get(), static_cast<zip_uint64_t>(index), 0);
    if (entry_name == nullptr) continue;
    const std::string entry(entry_name);
    if (!entry.empty() && entry.back() == '/') continue;  // a folder entry
    if (auto reason = unsafe_entry_reason(entry); !reason.empty()) {
      problem(name + ":" + entry, reason + "; skipped");
      continue;
    }
    const fs::path entry_path(entry);
    const bool hidden = std::any_of(entry_path.begin(), entry_path.end(), [](const fs::path& p) {
      return p.string().front() == '.' || p == "__MACOSX";
    });
    if (hidden) continue;
    // Sizes as the archive declares them: an entry too big for one input, or
    // one more than the archive may expand to (entries sharing compressed
    // data, a bomb), is left out before anything is decompressed.
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat_index(archive.get(), static_cast<zip_uint64_t>(index), 0, &stat) == 0 &&
        (stat.valid & ZIP_STAT_SIZE)) {
      if (stat.size > max_bytes) {
        problem(name + ":" + entry, fmt::format("entry is {} bytes, more than {}; skipped",
                                                stat.size, over_the_limit(max_bytes)));
        continue;
      }
      if (total + stat.size > limit) {
        problem(name + ":" + entry,
                fmt::format("the archive's entries expand to more than {} in all, {} times "
                            "its size; skipped (zip bomb?)",
                            size_text(limit), max_zip_expansion));
        continue;
      }
      total += stat.size;
    }
    // A name the archive holds twice: both entries are read, the second as "NAME#2".
    const std::size_t copy = ++seen[entry];
    out.push_back({name + ":" + entry + (copy > 1 ? "#" + std::to_string(copy) : ""), path.string(),
                   entry, true, static_cast<std::uint64_t>(index)});
  }
}

// Whether `path` names what standard input is (/dev/stdin, /proc/self/fd/0):
// read as "-", so that a pipe given that way is read, not refused as a FIFO.
bool is_standard_input(const fs::path& path) {
  struct stat named {};
  struct stat input {};
  return ::stat(path.c_str(), &named) == 0 && ::fstat(STDIN_FILENO, &input) == 0 &&
         named.st_dev == input.st_dev && named.st_ino == input.st_ino;
}

// A regular file or folder as the listing gave it, without a stat(); unknown
// for anything else (a link, say), which visit() then stat()s.
fs::file_type listed_type(const fs::directory_entry& entry) {
  std::error_code error;
  if (entry.is_symlink(error) || error) return fs::file_type::unknown;
  if (entry.is_regular_file(error)) return fs::file_type::regular;
  if (entry.is_directory(error)) return fs::file_type::directory;
  return fs::file_type::unknown;
}

class FolderWalker {
 public:
  FolderWalker(std::vector<InputRef>& out, const ProblemHandler& problem, std::uint64_t max_bytes)
      : out_(out), problem_(problem), max_bytes_(max_bytes) {}

  void walk(const fs::path& folder) {
    std::error_code error;
    const auto canonical = fs::canonical(folder, error);
    if (error) {
      problem_(folder.string(), error.message());
      return;
    }
    if (std::find(ancestors_.begin(), ancestors_.end(), canonical) != ancestors_.end()) {
      problem_(folder.string(), "symbolic link loop (a folder inside itself); skipped");
      return;
    }
    // Reached again through another link: its articles are read once.
    if (!visited_.insert(canonical).second) return;
    if (ancestors_.size() == max_folder_depth) {
      problem_(folder.string(),
               fmt::format("folders nested more than {} deep; skipped", max_folder_depth));
      return;
    }
    ancestors_.push_back(canonical);
    walk_listed(folder);
    ancestors_.pop_back();
  }

 private:
  // Deeper than any real archive of articles; the bound keeps a hostile tree
  // (thousands of levels) from costing minutes of path resolution.
  static constexpr std::size_t max_folder_depth = 100;

  void walk_listed(const fs::path& folder) {
    std::error_code error;
    // Strings, not paths: a folder may hold 100,000 articles, and a path
    // object takes several times the memory of its text. All share the
    // folder's prefix, so they sort as the paths would: by file name.
    // The listing's own file types (d_type) spare a stat() per regular file;
    // symbolic links, and file systems that do not give the type, are stat()ed.
    std::vector<Entry> entries;
    fs::directory_iterator it(folder, error), end;
    if (error) {
      problem_(folder.string(), fmt::format("cannot read folder: {}", error.message()));
      return;
    }
    for (; it != end; it.increment(error)) {
      if (error) break;
      if (is_hidden(it->path())) continue;
      entries.push_back({it->path().string(), listed_type(*it)});
    }
    if (error) problem_(folder.string(), fmt::format("cannot read folder: {}", error.message()));
    std::sort(entries.begin(), entries.end(),
              [](const Entry& a, const Entry& b) { return a.path < b.path; });
    for (const auto& entry : entries) visit(entry);
  }

 private:
  struct Entry {
    std::string path;
    fs::file_type type;  // as listed, without following a link
  };

  void visit(const Entry& entry) {
    fs::file_type type = entry.type;
    if (type != fs::file_type::regular && type != fs::file_type::directory) {
      std::error_code error;
      const auto status = fs::status(entry.path, error);
      if (error) {
        problem_(entry.path, fmt::format("cannot be read: {}", error.message()));
        return;
      }
      type = status.type();
    }
    if (type == fs::file_type::directory) {
      walk(entry.path);
    } else if (type == fs::file_type::regular) {
      add_file(entry.path);
    }
  }

  void add_file(const fs::path& file) {
    if (is_zip(file)) {
      try {
        list_zip(file, file.string(), out_, problem_, max_bytes_);
      } catch (const Error& e) {
        problem_(file.string(), e.what());
      }
    } else {
      out_.push_back({file.string(), file.string(), {}, true});
    }
  }

  std::vector<InputRef>& out_;
  const ProblemHandler& problem_;
  std::uint64_t max_bytes_;
  std::set<fs::path> visited_;
  std::vector<fs::path> ancestors_;  // the folders being walked, outermost first
};

std::string read_zip_entry(const InputRef& input, zip_t* archive, std::uint64_t max_bytes) {
  // By index (two entries may share a name), checking that the archive did
  // not change since it was listed.
  const char* name = zip_get_name(archive, input.entry_index, 0);
  zip_stat_t stat;
  zip_stat_init(&stat);
  if (name == nullptr || input.archive_entry != name ||
      zip_stat_index(archive, input.entry_index, 0, &stat) != 0)
    throw Error("entry is no longer in the archive");
  if ((stat.valid & ZIP_STAT_SIZE) && stat.size > max_bytes)
    throw Error(
        fmt::format("entry is {} bytes, more than {}", stat.size, over_the_limit(max_bytes)));
  ZipFile file(zip_fopen_index(archive, input.entry_index, 0));
  if (!file) throw Error(fmt::format("cannot open entry: {}", zip_strerror(archive)));
  // The declared size may lie (a zip bomb): read in chunks and stop at the limit.
  std::string bytes;
  std::string chunk(64 * 1024, '\0');
  for (;;) {
    const zip_int64_t got = zip_fread(file.get(), chunk.data(), chunk.size());
    if (got < 0) throw Error(fmt::format("cannot read entry: {}", zip_file_strerror(file.get())));
    if (got == 0) break;
    bytes.append(chunk.data(), static_cast<std::size_t>(got));
    if (bytes.size() > max_bytes)
      throw Error(fmt::format("entry expands to more than {}; refused (zip bomb?)",
                              over_the_limit(max_bytes)));
  }
  return bytes;
}

std::string read_stream(std::istream& in, std::uint64_t max_bytes) {
  std::string bytes;
  std::string chunk(64 * 1024, '\0');
  while (in) {
    in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    bytes.append(chunk.data(), static_cast<std::size_t>(in.gcount()));
    if (bytes.size() > max_bytes)
      throw Error(fmt::format("larger than {}", over_the_limit(max_bytes)));
  }
  return bytes;
}

}  // namespace

std::string size_text(std::uint64_t bytes) {
  constexpr std::uint64_t kib = 1024, mib = kib * 1024, gib = mib * 1024;
  if (bytes >= gib && bytes % gib == 0) return fmt::format("{} GiB", bytes / gib);
  if (bytes >= mib && bytes % mib == 0) return fmt::format("{} MiB", bytes / mib);
  if (bytes >= kib && bytes % kib == 0) return fmt::format("{} KiB", bytes / kib);
  return fmt::format("{} bytes", bytes);
}

std::vector<InputRef> list_inputs(const std::vector<std::string>& arguments,
                                  const ProblemHandler& problem, std::uint64_t max_bytes) {
  std::vector<InputRef> inputs;
  for (const auto& argument : arguments) {
    if (argument == "-") {
      inputs.push_back({"-", {}, {}, false});
      continue;
    }
    const fs::path path(argument);
    if (is_standard_input(path)) {  // /dev/stdin, /proc/self/fd/0: a pipe is not refused
      inputs.push_back({argument, {}, {}, false});
      continue;
    }
    std::error_code error;
    const auto status = fs::status(path, error);
    if (!fs::exists(status)) {
      problem(argument, fs::is_symlink(fs::symlink_status(path, error)) ? "broken symbolic link"
                                                                        : "no such file or folder");
    } else if (fs::is_directory(status)) {
      FolderWalker(inputs, problem, max_bytes).walk(path);
    } else if (is_zip(path)) {
      try {
        list_zip(path, argument, inputs, problem, max_bytes);
      } catch (const Error& e) {
        problem(argument, e.what());
      }
    } else {
      inputs.push_back({argument, argument, {}, false});
    }
  }
  return inputs;
}

OpenArchive::OpenArchive() = default;
OpenArchive::~OpenArchive() = default;
OpenArchive::OpenArchive(OpenArchive&&) noexcept = default;
OpenArchive& OpenArchive::operator=(OpenArchive&&) noexcept = default;

void OpenArchive::Closer::operator()(zip_t* archive) const noexcept {
  zip_discard(archive);
}

zip_t* OpenArchive::get(const std::string& path) {
  if (!archive_ || path_ != path) {
    archive_.reset();
    archive_.reset(open_zip(path).release());
    path_ = path;
  }
  return archive_.get();
}

// Standard input can be read only once, and a run may read each input twice
// (the furniture survey, then the reader): the first reading, or its
// failure, is kept for the process.
std::string standard_input(std::uint64_t max_bytes) {
  static std::once_flag once;
  static std::string bytes;
  static std::exception_ptr failure;
  std::call_once(once, [&] {
    try {
      bytes = read_stream(std::cin, max_bytes);
    } catch (...) {
      failure = std::current_exception();
    }
  });
  if (failure) std::rethrow_exception(failure);
  return bytes;
}

std::string load_input(const InputRef& input, OpenArchive* archives, std::uint64_t max_bytes) {
  if (input.path.empty()) return standard_input(max_bytes);
  if (!input.archive_entry.empty()) {
    if (archives != nullptr) return read_zip_entry(input, archives->get(input.path), max_bytes);
    return read_zip_entry(input, open_zip(input.path).get(), max_bytes);
  }
  return read_regular_file(input.path, static_cast<std::size_t>(max_bytes),
                           over_the_limit(max_bytes));
}

}  // namespace docconv::host
