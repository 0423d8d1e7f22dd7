// Deflating zip entries away from libzip, on worker threads, so that libzip
// only copies bytes that are compressed already.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace docconv::epub {

/// An entry's data as a raw deflate stream (zip compression method 8), with
/// what the zip headers need about the original.
struct Deflated {
  std::string bytes;
  std::uint64_t size = 0;  ///< of the data before compression
  std::uint32_t crc = 0;   ///< CRC-32 of the data before compression
};

/// CRC-32 (the zip one) of `data`, continuing from `crc` (0 to start).
std::uint32_t crc32_of(std::string_view data, std::uint32_t crc = 0);

/// A zlib compressor kept for many entries: setting one up allocates some
/// 256 KiB, which costs more than deflating a short page. One per thread.
class Deflater {
 public:
  Deflater();
  ~Deflater();
  Deflater(const Deflater&) = delete;
  Deflater& operator=(const Deflater&) = delete;
  Deflater(Deflater&&) noexcept;
  Deflater& operator=(Deflater&&) noexcept;

  /// Deflates `data` at zlib's default level (6, the level of `zip -6`). The
  /// same data always gives the same bytes, whichever Deflater runs it.
  Deflated deflate(std::string_view data);

  /// Piecewise, for entries too large to hold: begin(), then feed() the data
  /// in order (compressed bytes are appended to `out`), last with `finish`.
  void begin();
  void feed(std::string_view data, bool finish, std::string& out);

 private:
  struct Stream;
  std::unique_ptr<Stream> stream_;
};

}  // namespace docconv::epub
