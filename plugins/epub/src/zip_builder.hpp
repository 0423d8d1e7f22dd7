// A zip archive written with libzip straight into the output stream, its
// entries' data spooled to a temporary file until libzip writes them.
#pragma once

#include "deflate.hpp"
#include "spool.hpp"

#include <cstdint>
#include <functional>
#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>

struct zip;

namespace docconv::epub {

/// The MS-DOS time stamp zip entries carry (local time, 2-second steps).
struct DosTime {
  std::uint16_t time = 0;
  std::uint16_t date = 0x21;  // 1980-01-01, the earliest DOS date
};

/// Builds a zip archive into `out`, which must be seekable. Entries keep the
/// order they were added in and all carry the same time stamp, so equal input
/// gives equal bytes.
///
/// libzip writes an archive only when it is closed, reading every entry's
/// data then. So each entry is compressed as it is added (or comes compressed
/// already), appended to a temporary file (Spool), and given to libzip as a
/// source that reads it back from there and says it is deflated already:
/// zip_close() copies the bytes into `out` through a write source over the
/// stream. Memory holds libzip's entry list (file names, sizes), not data.
class ZipBuilder {
 public:
  ZipBuilder(std::ostream& out, DosTime stamp);
  ~ZipBuilder();
  ZipBuilder(const ZipBuilder&) = delete;
  ZipBuilder& operator=(const ZipBuilder&) = delete;

  /// Stored without compression (the EPUB `mimetype` entry, images).
  void add_stored(std::string_view name, std::string_view data);
  /// Deflated here, on the calling thread.
  void add_deflated(std::string_view name, std::string_view data);
  /// Deflated already (on a worker).
  void add_compressed(std::string_view name, const Deflated& deflated);

  using Emit = std::function<void(std::string_view)>;
  /// Deflated piece by piece as `produce` emits the data in order: for
  /// entries too large to hold in memory whole.
  void add_deflated_stream(std::string_view name, const std::function<void(const Emit&)>& produce);

  /// Changes the time stamp of the entries added from now on.
  void set_stamp(DosTime stamp) { stamp_ = stamp; }

  /// Writes the archive to the output stream. Call once, last. Without it,
  /// nothing is written.
  void finish();

  class Output;  // the libzip write source over the stream
  class Entry;   // the libzip source of one entry in the spool

 private:
  void add_entry(std::string_view name, std::uint16_t method, std::uint64_t offset,
                 std::uint64_t stored_size, std::uint64_t size, std::uint32_t crc);

  Spool spool_;
  Deflater deflater_;
  DosTime stamp_;
  std::unique_ptr<Output> output_;
  zip* archive_ = nullptr;
};

}  // namespace docconv::epub
