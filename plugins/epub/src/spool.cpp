#include "spool.hpp"

#include <docconv/plugin.hpp>

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <string>

namespace docconv::epub {
namespace {

[[noreturn]] void fail_with_temporary(std::string_view what) {
  throw Error("cannot build the EPUB archive: " + std::string(what) +
              " a temporary file: " + std::strerror(errno));
}

}  // namespace

constexpr std::size_t buffer_size = 256 * 1024;

Spool::Spool() : file_(std::tmpfile()) {
  if (!file_) fail_with_temporary("cannot create");
  // Large writes: a book of 100,000 articles spools some 150 MB.
  if (std::setvbuf(file_.get(), nullptr, _IOFBF, buffer_size) != 0)
    fail_with_temporary("cannot buffer");
}

std::uint64_t Spool::append(std::string_view bytes) {
  const std::uint64_t offset = size_;
  if (bytes.empty()) return offset;
  if (std::fwrite(bytes.data(), 1, bytes.size(), file_.get()) != bytes.size())
    fail_with_temporary("cannot write to");
  size_ += bytes.size();
  unflushed_ = true;
  return offset;
}

std::size_t Spool::read(std::uint64_t offset, void* out, std::size_t length) {
  auto* bytes = static_cast<char*>(out);
  if (length >= buffer_size / 2) return read_file(offset, bytes, length);
  const bool in_window =
      offset >= read_ahead_start_ && offset + length <= read_ahead_start_ + read_ahead_.size();
  if (!in_window) {
    read_ahead_.resize(buffer_size);
    read_ahead_.resize(read_file(offset, read_ahead_.data(), buffer_size));
    read_ahead_start_ = offset;
  }
  // Now the window starts at or before `offset`; it ends early only at the
  // end of the file.
  const std::uint64_t skip = offset - read_ahead_start_;
  if (skip >= read_ahead_.size()) return 0;
  const std::size_t count =
      std::min<std::size_t>(length, read_ahead_.size() - static_cast<std::size_t>(skip));
  std::memcpy(bytes, read_ahead_.data() + skip, count);
  return count;
}

std::size_t Spool::read_file(std::uint64_t offset, char* out, std::size_t length) {
  if (unflushed_) {
    if (std::fflush(file_.get()) != 0) fail_with_temporary("cannot write to");
    unflushed_ = false;
  }
  // pread leaves the stdio position (the end, where appends go) alone.
  std::size_t done = 0;
  while (done < length) {
    const ssize_t got =
        ::pread(fileno(file_.get()), out + done, length - done, static_cast<off_t>(offset + done));
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) fail_with_temporary("cannot read from");
    if (got == 0) break;
    done += static_cast<std::size_t>(got);
  }
  return done;
}

void Spool::read_all(const std::function<void(std::string_view)>& take) {
  std::string piece(64 * 1024, '\0');
  for (std::uint64_t offset = 0; offset < size_; offset += piece.size()) {
    const std::size_t got = read(offset, piece.data(), piece.size());
    if (got == 0) fail_with_temporary("cannot read from");
    take(std::string_view(piece.data(), got));
  }
}

}  // namespace docconv::epub
