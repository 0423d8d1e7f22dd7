// Private to the docconv host: reading parts of a file by offset, for the
// headers docconv reads without trusting the file (plugin libraries' ELF
// headers, zip archives' central directories).
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>

namespace docconv::host {

/// Reads `size` bytes at `offset` of a file into `out`; false when the file
/// ends before.
using ReadAt = std::function<bool(std::uint64_t offset, std::size_t size, char* out)>;

/// A regular file open for reading at any offset. Opening never blocks (a
/// FIFO is refused, not waited on) and refuses anything but a regular file.
class RandomAccessFile {
 public:
  /// Throws docconv::Error: "cannot be opened: <reason>" or "is not a regular file".
  explicit RandomAccessFile(const std::filesystem::path& path);
  ~RandomAccessFile();
  RandomAccessFile(const RandomAccessFile&) = delete;
  RandomAccessFile& operator=(const RandomAccessFile&) = delete;

  std::uint64_t size() const { return size_; }
  /// Reads exactly `size` bytes at `offset`; false on a short read or an error.
  bool read(std::uint64_t offset, std::size_t size, char* out) const;
  /// read() as a ReadAt, valid while this file lives.
  ReadAt reader() const;

 private:
  int descriptor_ = -1;
  std::uint64_t size_ = 0;
};

}  // namespace docconv::host
