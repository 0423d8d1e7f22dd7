// Bytes kept on disk instead of in memory until the archive is written: an
// anonymous temporary file that disappears when it is closed.
#pragma once

#include <cstdint>
#include <cstdio>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace docconv::epub {

/// An append-only temporary file (std::tmpfile(): no name, removed by the
/// system when closed or when the process ends). Appends are buffered; reads
/// see everything appended before them. Small reads are served from a window
/// read ahead, since entries are read back in the order they were appended.
/// Not thread-safe.
class Spool {
 public:
  Spool();

  /// Appends `bytes` and returns the offset they start at.
  std::uint64_t append(std::string_view bytes);
  /// Copies up to `length` bytes from `offset` into `out`; returns how many
  /// (fewer only at the end of the file).
  std::size_t read(std::uint64_t offset, void* out, std::size_t length);
  std::uint64_t size() const { return size_; }
  /// Passes everything appended so far to `take`, in pieces of at most 64 KiB.
  void read_all(const std::function<void(std::string_view)>& take);

 private:
  struct Close {
    void operator()(std::FILE* file) const { std::fclose(file); }
  };
  std::size_t read_file(std::uint64_t offset, char* out, std::size_t length);

  std::unique_ptr<std::FILE, Close> file_;
  std::string read_ahead_;  // the file's bytes from read_ahead_start_ on
  std::uint64_t read_ahead_start_ = 0;
  std::uint64_t size_ = 0;
  bool unflushed_ = false;  // appended bytes may still sit in the stdio buffer
};

}  // namespace docconv::epub
