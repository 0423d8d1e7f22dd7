// A zip archive built in memory with libzip, entry by entry, then copied out.
#pragma once

#include "deflate.hpp"

#include <cstddef>
#include <cstdint>
#include <deque>
#include <future>
#include <iosfwd>
#include <string>
#include <string_view>

struct zip;
struct zip_source;

namespace docconv::epub {

/// The MS-DOS time stamp zip entries carry (local time, 2-second steps).
struct DosTime {
  std::uint16_t time = 0;
  std::uint16_t date = 0x21;  // 1980-01-01, the earliest DOS date
};

/// Builds a zip archive in memory. Entries keep the order they were added in
/// and all carry the same time stamp, so equal input gives equal bytes.
///
/// Deflated entries are compressed on worker threads (DeflateWorkers) while
/// the caller goes on, and handed to libzip compressed, in the order they were
/// added; libzip then only copies them. At most a small window of entries is
/// being compressed at a time.
///
/// libzip writes entries only when the archive is closed, so added data is
/// held until then; to keep memory bounded by the compressed archive plus a
/// small batch, the archive is closed and reopened whenever the pending data
/// grows past `flush_threshold` (libzip then appends, it does not rewrite).
class ZipBuilder {
 public:
  /// `deflate_threads`: 0 deflates on the calling thread.
  explicit ZipBuilder(DosTime stamp, std::size_t flush_threshold = std::size_t{8} << 20,
                      std::size_t deflate_threads = default_deflate_threads());
  ~ZipBuilder();
  ZipBuilder(const ZipBuilder&) = delete;
  ZipBuilder& operator=(const ZipBuilder&) = delete;

  /// Stored without compression (the EPUB `mimetype` entry).
  void add_stored(std::string_view name, std::string data);
  /// Deflated.
  void add_deflated(std::string_view name, std::string data);
  /// Changes the time stamp of the entries added from now on.
  void set_stamp(DosTime stamp) { stamp_ = stamp; }

  /// Closes the archive and copies its bytes to `out`. Call once, last.
  void write_to(std::ostream& out);

  /// One per core beyond the first; none on a single core.
  static std::size_t default_deflate_threads();

 private:
  struct Deflating {
    std::string name;
    DosTime stamp;
    std::future<Deflated> result;
  };

  void add_stored_now(std::string_view name, std::string data);
  void add_deflated_now(const Deflating& entry, Deflated deflated);
  void set_entry_attributes(const std::string& name, std::int64_t index, DosTime stamp);
  /// Hands finished entries to libzip in order: all of them, or those done
  /// already plus as many as needed to keep the window small.
  void collect(bool all);
  void flush();
  void open_archive();
  void close_archive();

  DosTime stamp_;
  std::size_t flush_threshold_;
  std::size_t pending_bytes_ = 0;
  std::deque<std::string> pending_;  // stored data libzip reads at close time
  std::deque<Deflating> deflating_;  // in the order they were added
  DeflateWorkers workers_;
  zip_source* buffer_ = nullptr;  // the archive's bytes
  zip* archive_ = nullptr;
};

}  // namespace docconv::epub
