#include "host/output.hpp"

#include <fmt/format.h>

#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <iostream>
#include <mutex>
#include <system_error>
#include <thread>
#include <vector>

namespace docconv::host {
namespace fs = std::filesystem;

namespace {

std::string system_error_text(int error) {
  return std::strerror(error);
}

// The output's name as its temporary's name holds it: cut, when it is long,
// so that ".NAME.tmp-XXXXXX" fits the 255 bytes a file name may have.
std::string temporary_stem(const std::string& name) {
  constexpr std::size_t most =
      255 - std::string_view(".").size() - std::string_view(".tmp-XXXXXX").size();
  return name.size() <= most ? name : name.substr(0, most);
}

// A new, empty temporary file ".NAME.tmp-XXXXXX" in `folder`, readable as
// the user's umask allows (mkstemp alone would make it private). Returns what
// mkstemp put in place of the X's.
std::array<char, 6> make_temporary(const fs::path& folder, const std::string& name) {
  std::string pattern = (folder / ("." + temporary_stem(name) + ".tmp-XXXXXX")).string();
  const int fd = ::mkstemp(pattern.data());
  if (fd < 0)
    throw Error(
        fmt::format("cannot create a file in {}: {}", folder.string(), system_error_text(errno)));
  const mode_t mask = ::umask(0);
  ::umask(mask);
  ::fchmod(fd, 0666 & ~mask);
  ::close(fd);
  std::array<char, 6> suffix{};
  std::copy(pattern.end() - suffix.size(), pattern.end(), suffix.begin());
  return suffix;
}

// A file replaced keeps its permissions (a private output stays private)
// and, when root replaces it, its owner and group.
void keep_owner_and_mode(const fs::path& previous, const fs::path& replacement) {
  struct stat info {};
  if (::stat(previous.c_str(), &info) != 0 || !S_ISREG(info.st_mode)) return;
  // Failures leave the umask's mode and docconv's owner: the temporary is ours.
  if (::geteuid() == 0 && ::chown(replacement.c_str(), info.st_uid, info.st_gid) != 0) return;
  ::chmod(replacement.c_str(), info.st_mode & 07777);
}

// ".NAME.tmp-XXXXXX": a dot, the output's name, ".tmp-", and the six letters
// or digits mkstemp() chose (make_temporary()).
bool is_temporary_name(std::string_view name) {
  const std::size_t at = name.rfind(".tmp-");
  return name.size() > 2 && name.front() == '.' && at != std::string_view::npos && at > 1 &&
         name.size() - at == 11 && std::all_of(name.end() - 6, name.end(), [](char c) {
           return std::isalnum(static_cast<unsigned char>(c)) != 0;
         });
}

// What a run ended by a second signal left behind (it had no time to clean
// up) goes on the next run in the folder: temporaries of docconv's naming
// older than a day. Younger ones may belong to a run still going.
void remove_stale_temporaries(const fs::path& folder) {
  const auto day_ago = fs::file_time_type::clock::now() - std::chrono::hours(24);
  std::error_code error;
  for (fs::directory_iterator it(folder, error), end; !error && it != end; it.increment(error)) {
    std::error_code ignored;
    if (!is_temporary_name(it->path().filename().string()) || !it->is_regular_file(ignored) ||
        it->last_write_time(ignored) > day_ago)
      continue;
    fs::remove(it->path(), ignored);
  }
}

// The errno of syncing the file to disk, 0 when it is there. A file that
// cannot be opened again (a umask of 0777 leaves it mode 000) is not synced,
// as before there was a sync at all.
int sync_file(const fs::path& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return 0;
  const int error = ::fsync(fd) == 0 ? 0 : errno;
  ::close(fd);
  return error;
}

}  // namespace

// Makes a file durable while it is still being written: fdatasync() on a
// thread of its own, each time it is asked and not already syncing. Syncing
// costs time in proportion to the bytes (the disk's cache is flushed too),
// and done only before the rename it made the largest outputs wait 60 ms or
// more at the end (docs/performance.md); spread over the run, it waits while
// the writer works.
class BackgroundSync {
 public:
  // Throws std::system_error when no thread can be started.
  explicit BackgroundSync(const fs::path& path)
      : descriptor_(::open(path.c_str(), O_RDONLY | O_CLOEXEC)) {
    try {
      thread_ = std::thread([this] { run(); });
    } catch (...) {
      if (descriptor_ >= 0) ::close(descriptor_);
      throw;
    }
  }
  BackgroundSync(const BackgroundSync&) = delete;
  BackgroundSync& operator=(const BackgroundSync&) = delete;
  ~BackgroundSync() {
    finish();
    if (descriptor_ >= 0) ::close(descriptor_);
  }

  // Does not wait: a request while a sync runs is covered by the next one.
  void request() {
    {
      std::lock_guard lock(mutex_);
      requested_ = true;
    }
    wake_.notify_one();
  }

  // Waits for a sync under way and ends the thread. The errno of the first
  // sync that failed, 0 when none did: once reported, the kernel may not
  // report a failed write again to the fsync before the rename.
  int finish() {
    if (thread_.joinable()) {
      {
        std::lock_guard lock(mutex_);
        stopping_ = true;
      }
      wake_.notify_one();
      thread_.join();
    }
    return error_.load();
  }

 private:
  void run() {
    std::unique_lock lock(mutex_);
    for (;;) {
      wake_.wait(lock, [this] { return requested_ || stopping_; });
      if (stopping_) return;
      requested_ = false;
      lock.unlock();
      if (descriptor_ >= 0 && ::fdatasync(descriptor_) != 0 && error_.load() == 0) error_ = errno;
      lock.lock();
    }
  }

  int descriptor_;
  std::atomic<int> error_{0};
  std::mutex mutex_;
  std::condition_variable wake_;
  bool requested_ = false;
  bool stopping_ = false;
  std::thread thread_;
};

CoalescingBuffer::CoalescingBuffer(std::streambuf& target, std::size_t size)
    : target_(target), buffer_(std::max<std::size_t>(size, 1)) {
  setp(buffer_.data(), buffer_.data() + buffer_.size());
}

void CoalescingBuffer::drop() {
  setp(buffer_.data(), buffer_.data() + buffer_.size());
}

bool CoalescingBuffer::drain() {
  const std::streamsize pending = pptr() - pbase();
  drop();
  return pending == 0 || put_to_target(buffer_.data(), pending);
}

bool CoalescingBuffer::put_to_target(const char* data, std::streamsize size) {
  const bool complete = target_.sputn(data, size) == size;
  if (complete && drained_) drained_(static_cast<std::size_t>(size));
  return complete;
}

CoalescingBuffer::int_type CoalescingBuffer::overflow(int_type c) {
  if (!drain()) return traits_type::eof();
  if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
  *pptr() = traits_type::to_char_type(c);
  pbump(1);
  return c;
}

std::streamsize CoalescingBuffer::xsputn(const char* data, std::streamsize size) {
  if (size <= epptr() - pptr()) {
    std::memcpy(pptr(), data, static_cast<std::size_t>(size));
    pbump(static_cast<int>(size));
    return size;
  }
  if (!drain()) return 0;
  if (size >= static_cast<std::streamsize>(buffer_.size()))
    return put_to_target(data, size) ? size : 0;
  std::memcpy(pptr(), data, static_cast<std::size_t>(size));
  pbump(static_cast<int>(size));
  return size;
}

int CoalescingBuffer::sync() {
  if (!drain()) return -1;
  return target_.pubsync();
}

CoalescingBuffer::pos_type CoalescingBuffer::seekoff(off_type offset, std::ios_base::seekdir way,
                                                     std::ios_base::openmode which) {
  // Telling needs no draining: where the target is, plus what waits here.
  if (offset == 0 && way == std::ios_base::cur) {
    const pos_type position = target_.pubseekoff(0, way, which);
    if (position == pos_type(off_type(-1))) return position;
    return position + off_type(pptr() - pbase());
  }
  if (!drain()) return pos_type(off_type(-1));
  return target_.pubseekoff(offset, way, which);
}

CoalescingBuffer::pos_type CoalescingBuffer::seekpos(pos_type position,
                                                     std::ios_base::openmode which) {
  if (!drain()) return pos_type(off_type(-1));
  return target_.pubseekpos(position, which);
}

namespace {

// Sinks that may have temporaries on disk, for remove_all_temporaries(). The
// mutex also guards each sink's parts_ (and part_names_) while it changes.
std::mutex live_sinks_mutex;
std::vector<AtomicFileSink*> live_sinks;

}  // namespace

void AtomicFileSink::remove_all_temporaries() noexcept {
  live_sinks_mutex.lock();  // never unlocked: the process ends next
  for (AtomicFileSink* sink : live_sinks) {
    for (const auto& part : sink->parts_) ::unlink(sink->temporary_path(part).c_str());
    if (sink->created_folder_ && sink->renamed_ == 0) ::rmdir(sink->target_.c_str());
  }
}

AtomicFileSink::AtomicFileSink(fs::path target, bool split)
    : given_(target), target_(std::move(target)), split_(split) {
  if (target_.empty()) throw Error("no output path given");
  if (!split_) resolve_existing_target();
  if (pass_through_) return;
  auto folder = split_ ? target_ : target_.parent_path();
  if (folder.empty()) folder = ".";
  std::error_code error;
  if (split_) {
    if (!fs::exists(target_.parent_path().empty() ? fs::path(".") : target_.parent_path(), error))
      throw Error(fmt::format("folder {} does not exist", target_.parent_path().string()));
    created_folder_ = fs::create_directory(target_, error);
    if (error) throw Error(fmt::format("cannot create folder: {}", error.message()));
  }
  if (!fs::is_directory(folder, error))
    throw Error(fmt::format("folder {} does not exist", folder.string()));
  if (!split_ && fs::is_directory(target_, error))
    throw Error("is a folder; give a file name, or --split to write one file per article");
  if (::access(folder.c_str(), W_OK) != 0)
    throw Error(
        fmt::format("cannot write in folder {}: {}", folder.string(), system_error_text(errno)));
  remove_stale_temporaries(folder);
  std::lock_guard lock(live_sinks_mutex);
  live_sinks.push_back(this);
}

void AtomicFileSink::resolve_existing_target() {
  struct stat info {};
  // Through any link: a device or pipe is written to as it is named, also
  // when the link's target is no path (/proc/self/fd/1 on a pipe: "pipe:[N]").
  if (::stat(target_.c_str(), &info) == 0 && (S_ISCHR(info.st_mode) || S_ISFIFO(info.st_mode))) {
    pass_through_ = true;
    return;
  }
  std::error_code error;
  if (fs::is_symlink(fs::symlink_status(target_, error))) {
    target_ = fs::weakly_canonical(target_, error);
    if (error) throw Error(fmt::format("cannot follow the symbolic link: {}", error.message()));
  }
  if (::stat(target_.c_str(), &info) != 0) return;  // a new file
  if (!S_ISREG(info.st_mode) && !S_ISDIR(info.st_mode))
    throw Error("is neither a regular file nor a character device or named pipe; not replaced");
}

AtomicFileSink::~AtomicFileSink() {
  discard();
  std::lock_guard lock(live_sinks_mutex);
  std::erase(live_sinks, this);
}

fs::path AtomicFileSink::folder() const {
  return split_ ? target_ : target_.parent_path();
}

fs::path AtomicFileSink::final_path(const Part& part) const {
  return split_ ? target_ / *part.name : target_;
}

fs::path AtomicFileSink::temporary_path(const Part& part) const {
  return folder() / ("." + temporary_stem(*part.name) + ".tmp-" +
                     std::string(part.suffix.begin(), part.suffix.end()));
}

// `file_name` must not be in part_names_ yet.
std::ostream& AtomicFileSink::start_part(std::string file_name) {
  close_current();
  {
    std::lock_guard lock(live_sinks_mutex);
    const std::string& name = *part_names_.insert(std::move(file_name)).first;
    try {
      parts_.push_back({&name, make_temporary(folder(), name)});
    } catch (...) {
      part_names_.erase(name);
      throw;
    }
  }
  keep_owner_and_mode(final_path(parts_.back()), temporary_path(parts_.back()));
  current_.open(temporary_path(parts_.back()), std::ios::binary | std::ios::trunc);
  if (!current_) throw Error(fmt::format("cannot open {}", temporary_path(parts_.back()).string()));
  unsynced_ = 0;
  if (!split_) pieces_.on_drain([this](std::size_t bytes) { written_to_current(bytes); });
  out_.clear();
  return out_;
}

// The single output is synced before it replaces the old file (commit()).
// Once it is large, it is also synced every few MiB while it is written, so
// that the last sync waits for the last few MiB, not for the whole file.
void AtomicFileSink::written_to_current(std::size_t bytes) {
  constexpr std::size_t sync_every = 8 * 1024 * 1024;
  unsynced_ += bytes;
  if (unsynced_ < sync_every) return;
  unsynced_ = 0;
  current_.flush();
  if (!syncing_ && !sync_thread_failed_) {
    try {
      syncing_ = std::make_unique<BackgroundSync>(temporary_path(parts_.back()));
    } catch (const std::system_error&) {
      sync_thread_failed_ = true;  // no thread to spare: the sync before the rename does it all
      return;
    }
  }
  if (syncing_) syncing_->request();
}

void AtomicFileSink::close_current() {
  if (!current_.is_open()) return;
  out_.flush();
  current_.flush();
  if (syncing_) {
    sync_error_ = syncing_->finish();
    syncing_.reset();
  }
  const bool failed = !out_ || !current_;
  const int error = errno;
  current_.close();
  if (failed || !current_)
    throw Error(fmt::format("writing {} failed: {}",
                            (parts_.empty() ? given_ : final_path(parts_.back())).string(),
                            system_error_text(error != 0 ? error : EIO)));
}

std::ostream& AtomicFileSink::stream() {
  if (split_) throw Error("the writer asked for one output stream, but --split was given");
  if (pass_through_ && !current_.is_open()) {
    current_.open(target_, std::ios::binary | std::ios::out);
    if (!current_) throw Error(fmt::format("cannot open: {}", system_error_text(errno)));
    out_.clear();
  }
  if (!pass_through_ && parts_.empty()) start_part(target_.filename().string());
  return out_;
}

std::ostream& AtomicFileSink::open_part(std::string_view file_name) {
  if (!split_) throw Error("the writer asked for a per-article file, but --split was not given");
  const fs::path name(file_name);
  if (file_name.empty() || name.has_parent_path() || file_name == "." || file_name == ".." ||
      file_name.front() == '.')
    throw Error(fmt::format("the writer asked for an unsafe file name '{}'", file_name));
  if (part_names_.contains(std::string(file_name)))
    throw Error(fmt::format("the writer wrote {} twice", file_name));
  return start_part(std::string(file_name));
}

// A part can be renamed over a file or a link, never over a folder. Checked
// for every part before the first is renamed, so that a folder in the way
// does not leave the set half replaced.
void AtomicFileSink::refuse_unreplaceable_parts() const {
  for (const auto& part : parts_) {
    std::error_code error;
    if (fs::symlink_status(final_path(part), error).type() == fs::file_type::directory)
      throw Error(
          fmt::format("cannot move the output into place at {}: it is a folder; no part "
                      "was replaced",
                      final_path(part).string()));
  }
}

void AtomicFileSink::commit() {
  if (!split_ && parts_.empty()) stream();  // an empty output is still an output
  close_current();
  if (pass_through_) renamed_ = 1;  // written in place
  std::lock_guard lock(live_sinks_mutex);
  if (split_) refuse_unreplaceable_parts();
  for (const auto& part : parts_) {
    const fs::path temporary = temporary_path(part);
    if (!split_) {
      // A write that failed on its way to disk must not replace a good file.
      const int error = sync_error_ != 0 ? sync_error_ : sync_file(temporary);
      if (error != 0)
        throw Error(fmt::format("writing {} to disk failed: {}", final_path(part).string(),
                                system_error_text(error)));
    }
    std::error_code error;
    fs::rename(temporary, final_path(part), error);
    if (error)
      throw Error(fmt::format("cannot move the output into place at {}: {}",
                              final_path(part).string(), error.message()));
    ++renamed_;
  }
  parts_.clear();
  part_names_.clear();
}

void AtomicFileSink::discard() noexcept {
  pieces_.drop();
  syncing_.reset();
  if (current_.is_open()) current_.close();
  std::lock_guard lock(live_sinks_mutex);
  for (const auto& part : parts_) {
    std::error_code ignored;
    fs::remove(temporary_path(part), ignored);
  }
  parts_.clear();
  part_names_.clear();
  if (created_folder_ && renamed_ == 0) {
    std::error_code ignored;
    fs::remove(target_, ignored);
  }
}

void StreamSink::finish() {
  // Synced even when the stream is already bad: a DescriptorBuffer (standard
  // output) then restores the errno of the write that failed.
  errno = 0;
  const bool synced = out_.rdbuf() != nullptr && out_.rdbuf()->pubsync() == 0;
  if (!synced || !out_)
    throw Error(fmt::format("writing failed: {}", system_error_text(errno != 0 ? errno : EIO)));
}

DescriptorBuffer::int_type DescriptorBuffer::overflow(int_type c) {
  if (traits_type::eq_int_type(c, traits_type::eof()))
    return sync() == 0 ? traits_type::not_eof(c) : traits_type::eof();
  const char byte = traits_type::to_char_type(c);
  return xsputn(&byte, 1) == 1 ? c : traits_type::eof();
}

std::streamsize DescriptorBuffer::xsputn(const char* data, std::streamsize size) {
  std::streamsize written = 0;
  while (error_ == 0 && written < size) {
    const ssize_t count =
        ::write(descriptor_, data + written, static_cast<std::size_t>(size - written));
    if (count > 0) {
      written += count;
    } else if (count < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
      pollfd ready{descriptor_, POLLOUT, 0};  // standard output left non-blocking by someone else
      ::poll(&ready, 1, -1);
    } else if (count < 0 && errno != EINTR) {
      error_ = errno;
    } else if (count == 0) {
      error_ = EIO;  // a write that takes nothing will not take it later either
    }
  }
  if (error_ != 0) errno = error_;
  return written;
}

int DescriptorBuffer::sync() {
  if (error_ == 0) return 0;
  errno = error_;
  return -1;
}

StandardOutput::StandardOutput()
    : descriptor_(STDOUT_FILENO),
      // A terminal sees each write at once, in order with the messages on
      // standard error; anything else gets 64 KiB pieces.
      pieces_(descriptor_, ::isatty(STDOUT_FILENO) ? 1 : 64 * 1024),
      previous_(std::cout.rdbuf(&pieces_)) {}

StandardOutput::~StandardOutput() {
  pieces_.pubsync();
  std::cout.rdbuf(previous_);
}

int StandardOutput::flush() {
  pieces_.pubsync();
  return descriptor_.error() != 0 ? descriptor_.error() : (std::cout ? 0 : EIO);
}

}  // namespace docconv::host
