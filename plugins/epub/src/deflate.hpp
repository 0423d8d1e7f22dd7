// Deflating zip entries away from libzip, on worker threads, so that libzip
// only copies bytes that are compressed already.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace docconv::epub {

/// An entry's data as a raw deflate stream (zip compression method 8), with
/// what the zip headers need about the original.
struct Deflated {
  std::string bytes;
  std::uint64_t size = 0;  ///< of the data before compression
  std::uint32_t crc = 0;   ///< CRC-32 of the data before compression
};

/// A zlib compressor kept for many entries: setting one up allocates some
/// 256 KiB, which costs more than deflating a short page. One per thread.
class Deflater {
 public:
  Deflater();
  ~Deflater();
  Deflater(const Deflater&) = delete;
  Deflater& operator=(const Deflater&) = delete;

  /// Deflates `data` at zlib's default level (6, the level of `zip -6`). The
  /// same data always gives the same bytes, whichever Deflater runs it.
  Deflated deflate(const std::string& data);

 private:
  struct Stream;
  std::unique_ptr<Stream> stream_;
};

/// A fixed set of threads that deflate entries; results come back as futures,
/// so the caller decides the order they are used in.
class DeflateWorkers {
 public:
  explicit DeflateWorkers(std::size_t threads);
  ~DeflateWorkers();
  DeflateWorkers(const DeflateWorkers&) = delete;
  DeflateWorkers& operator=(const DeflateWorkers&) = delete;

  std::size_t threads() const { return threads_.size(); }
  /// With no threads, deflates on the calling thread before returning.
  std::future<Deflated> submit(std::string data);

 private:
  void work();

  Deflater own_;  // for submit() without threads
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::packaged_task<Deflated(Deflater&)>> jobs_;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace docconv::epub
