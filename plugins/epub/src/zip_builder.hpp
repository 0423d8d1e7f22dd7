// A zip archive built in memory with libzip, entry by entry, then copied out.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
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
/// libzip only compresses entries when the archive is closed, so added data is
/// held until then; to keep memory bounded by the compressed archive plus a
/// small batch, the archive is closed and reopened whenever the pending data
/// grows past `flush_threshold` (libzip then appends, it does not rewrite).
class ZipBuilder {
 public:
  explicit ZipBuilder(DosTime stamp, std::size_t flush_threshold = std::size_t{8} << 20);
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

 private:
  void add(std::string_view name, std::string data, bool compress);
  void flush();
  void open_archive();
  void close_archive();

  DosTime stamp_;
  std::size_t flush_threshold_;
  std::size_t pending_bytes_ = 0;
  std::deque<std::string> pending_;  // data libzip reads at close time
  zip_source* buffer_ = nullptr;     // the archive's bytes
  zip* archive_ = nullptr;
};

}  // namespace docconv::epub
