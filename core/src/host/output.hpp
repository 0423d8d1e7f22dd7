// Private to the docconv host: output sinks.
#pragma once

#include <docconv/plugin.hpp>

#include <array>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <unordered_set>
#include <vector>

namespace docconv::host {

/// Gathers writes into pieces of `size` bytes before they reach `target`:
/// libstdc++'s file stream hands every write of 1 KiB or more straight to
/// the kernel, which would make a system call per article
/// (docs/performance.md). Seeking and telling pass through, after the
/// pending bytes (libzip seeks).
class CoalescingBuffer final : public std::streambuf {
 public:
  explicit CoalescingBuffer(std::streambuf& target, std::size_t size = 256 * 1024);
  CoalescingBuffer(const CoalescingBuffer&) = delete;
  CoalescingBuffer& operator=(const CoalescingBuffer&) = delete;

  /// Forgets the pending bytes (the output is being thrown away).
  void drop();
  /// Calls `hook` with the byte count each time bytes reach the target.
  void on_drain(std::function<void(std::size_t)> hook) { drained_ = std::move(hook); }

 protected:
  int_type overflow(int_type c) override;
  std::streamsize xsputn(const char* data, std::streamsize size) override;
  int sync() override;
  pos_type seekoff(off_type offset, std::ios_base::seekdir way,
                   std::ios_base::openmode which) override;
  pos_type seekpos(pos_type position, std::ios_base::openmode which) override;

 private:
  bool drain();  // false when the target took less than it was given

  bool put_to_target(const char* data, std::streamsize size);

  std::streambuf& target_;
  std::vector<char> buffer_;
  std::function<void(std::size_t)> drained_;
};

/// An unbuffered stream buffer over a file descriptor that keeps the first
/// write's failure: every later write and sync fails with the same errno, so
/// an error found late (at the last flush, after other calls changed errno)
/// still names what the system said.
class DescriptorBuffer final : public std::streambuf {
 public:
  explicit DescriptorBuffer(int descriptor) : descriptor_(descriptor) {}
  /// 0 while every write got through, else the errno of the first failure.
  int error() const noexcept { return error_; }

 protected:
  int_type overflow(int_type c) override;
  std::streamsize xsputn(const char* data, std::streamsize size) override;
  int sync() override;

 private:
  int descriptor_;
  int error_ = 0;
};

/// Standard output as docconv writes it (its own printing and `-o -`):
/// std::cout goes to file descriptor 1 in 64 KiB pieces for this object's
/// lifetime, and a failed write is reported with its reason by flush().
class StandardOutput {
 public:
  StandardOutput();
  ~StandardOutput();  // flushes what is left and gives std::cout its buffer back
  StandardOutput(const StandardOutput&) = delete;
  StandardOutput& operator=(const StandardOutput&) = delete;

  /// Writes out what waits; 0 when everything written got there, else the
  /// errno of the first failure.
  int flush();

 private:
  DescriptorBuffer descriptor_;
  CoalescingBuffer pieces_;
  std::streambuf* previous_;
};

/// Writes to a path atomically: everything goes to a temporary file beside
/// the target, renamed into place by commit(). Without commit(), the
/// destructor removes the temporaries and any earlier file stays untouched.
/// In split mode the target is a folder and every part is committed at once.
/// A file replaced keeps its permissions (and its owner, when root runs
/// docconv); a symlink keeps pointing where it did, its target replaced; a
/// character device or FIFO (`-o /dev/null`, a named pipe) is written to
/// directly, never replaced; other special files are refused.
class AtomicFileSink final : public OutputSink {
 public:
  AtomicFileSink(std::filesystem::path target, bool split);
  ~AtomicFileSink() override;
  AtomicFileSink(const AtomicFileSink&) = delete;
  AtomicFileSink& operator=(const AtomicFileSink&) = delete;

  bool split() const override { return split_; }
  std::ostream& stream() override;
  std::ostream& open_part(std::string_view file_name) override;
  std::string name() const override { return given_.string(); }

  /// Flushes, syncs and renames every temporary into place. Throws docconv::Error.
  void commit();
  /// How many files commit() moved into place. A count, not a list: a --split
  /// run writes one file per article.
  std::size_t files_written() const { return renamed_; }

  /// Removes the temporaries of every sink alive, from any thread, and keeps
  /// them from making more or moving any into place: for a process about to
  /// end at once (InterruptDeadline). A commit() under way finishes first.
  static void remove_all_temporaries() noexcept;

 private:
  // A part waiting for commit(). --split keeps one per article until the end,
  // so it is kept small: its file name is the one in part_names_ (whose
  // elements never move), its temporary is "." + name + ".tmp-" + suffix in
  // the same folder, and the full paths are made when needed.
  struct Part {
    const std::string* name;
    std::array<char, 6> suffix;  // what mkstemp() put in place of "XXXXXX"
  };
  std::ostream& start_part(std::string file_name);
  void resolve_existing_target();
  std::filesystem::path folder() const;
  std::filesystem::path final_path(const Part& part) const;
  std::filesystem::path temporary_path(const Part& part) const;
  void refuse_unreplaceable_parts() const;
  void close_current();
  void written_to_current(std::size_t bytes);
  void discard() noexcept;

  std::filesystem::path given_;   // as the user wrote it, for messages
  std::filesystem::path target_;  // the file or folder written: a symlink resolved
  bool split_;
  bool pass_through_ = false;  // a character device or FIFO, written directly
  bool created_folder_ = false;
  std::vector<Part> parts_;
  // The parts' file names, to refuse a name written twice without a scan of
  // parts_ per part (that scan made --split quadratic: 18 s for 10,000 parts).
  std::unordered_set<std::string> part_names_;
  std::ofstream current_;  // the part being written
  CoalescingBuffer pieces_{*current_.rdbuf()};
  std::ostream out_{&pieces_};  // what the writer writes to: pieces_, then current_
  std::size_t renamed_ = 0;     // parts moved into place
  std::size_t unsynced_ = 0;    // bytes written to current_ since its last sync request
  std::unique_ptr<class BackgroundSync> syncing_;  // the single output's, once it is large
  bool sync_thread_failed_ = false;                // no thread could be started for it
  int sync_error_ = 0;                             // errno of a failed background sync
};

/// Writes straight into a stream (standard output). Not atomic: a failed run
/// may leave partial output there.
class StreamSink final : public OutputSink {
 public:
  StreamSink(std::ostream& out, std::string name) : out_(out), name_(std::move(name)) {}
  /// Flushes; throws docconv::Error with the system's reason when any write
  /// failed (a full disk, a closed pipe, /dev/full).
  void finish();
  bool split() const override { return false; }
  std::ostream& stream() override { return out_; }
  std::ostream& open_part(std::string_view) override {
    throw Error("--split needs an output folder");
  }
  std::string name() const override { return name_; }

 private:
  std::ostream& out_;
  std::string name_;
};

}  // namespace docconv::host
