// Deflating zip entries away from libzip, on worker threads, so that libzip
// only copies bytes that are compressed already; and the threads that do it.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <future>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <type_traits>
#include <vector>

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

/// A fixed set of threads that run jobs given a Deflater of their own;
/// results come back as futures, so the caller decides the order they are
/// used in. The caller can also run waiting jobs itself (help()) instead of
/// blocking, so that with N threads N + 1 threads share the work.
class Workers {
 public:
  /// `threads` 0: every job runs on the calling thread inside submit().
  explicit Workers(std::size_t threads);
  ~Workers();
  Workers(const Workers&) = delete;
  Workers& operator=(const Workers&) = delete;

  std::size_t threads() const { return threads_.size(); }
  /// The Deflater for jobs the calling thread runs itself.
  Deflater& caller_deflater() { return own_; }

  template <class Job>
  auto submit(Job job) -> std::future<std::invoke_result_t<Job&, Deflater&>> {
    using Result = std::invoke_result_t<Job&, Deflater&>;
    std::packaged_task<Result(Deflater&)> task(std::move(job));
    auto result = task.get_future();
    if (threads_.empty()) {
      task(own_);
    } else {
      push(Task([task = std::move(task)](Deflater& deflater) mutable { task(deflater); }));
    }
    return result;
  }

  /// Runs the oldest job no thread has started, on the calling thread (the
  /// one that submits). False when there is none.
  bool help();

 private:
  using Task = std::packaged_task<void(Deflater&)>;
  void push(Task task);
  void work();

  Deflater own_;  // for jobs run by the calling thread
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Task> tasks_;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace docconv::epub
