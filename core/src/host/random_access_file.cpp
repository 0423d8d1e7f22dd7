#include "host/random_access_file.hpp"

#include <docconv/plugin.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

namespace docconv::host {

RandomAccessFile::RandomAccessFile(const std::filesystem::path& path)
    : descriptor_(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)) {
  if (descriptor_ < 0) throw Error(std::string("cannot be opened: ") + std::strerror(errno));
  struct stat status {};
  if (::fstat(descriptor_, &status) != 0) {
    const int error = errno;
    ::close(descriptor_);
    throw Error(std::string("cannot be opened: ") + std::strerror(error));
  }
  if (!S_ISREG(status.st_mode)) {
    ::close(descriptor_);
    throw Error("is not a regular file");
  }
  size_ = static_cast<std::uint64_t>(status.st_size);
}

RandomAccessFile::~RandomAccessFile() {
  ::close(descriptor_);
}

bool RandomAccessFile::read(std::uint64_t offset, std::size_t size, char* out) const {
  while (size > 0) {
    const ssize_t count = ::pread(descriptor_, out, size, static_cast<off_t>(offset));
    if (count < 0 && errno == EINTR) continue;
    if (count <= 0) return false;
    out += count;
    offset += static_cast<std::uint64_t>(count);
    size -= static_cast<std::size_t>(count);
  }
  return true;
}

ReadAt RandomAccessFile::reader() const {
  return
      [this](std::uint64_t offset, std::size_t size, char* out) { return read(offset, size, out); };
}

}  // namespace docconv::host
