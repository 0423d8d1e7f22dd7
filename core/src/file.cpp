#include <docconv/file.hpp>
#include <docconv/plugin.hpp>

#include <fmt/format.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <memory>

namespace docconv {
namespace {

struct FileCloser {
  void operator()(const int* fd) const noexcept { ::close(*fd); }
};

}  // namespace

// open, fstat, read, close: four system calls for a whole article (the
// standard streams took seven), which on a virtual machine show in the
// profile of thousands of small files. Only regular files are read: a FIFO
// or a device could block or never end (opening without blocking, a FIFO is
// turned away before anyone reads it).
std::string read_regular_file(const std::string& path, std::size_t max_bytes) {
  return read_regular_file(path, max_bytes,
                           fmt::format("the {} MiB docconv reads", max_bytes >> 20));
}

std::string read_regular_file(const std::string& path, std::size_t max_bytes,
                              std::string_view limit) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) throw Error(fmt::format("cannot be read: {}", std::strerror(errno)));
  const std::unique_ptr<const int, FileCloser> closer(&fd);
  struct stat facts {};
  if (::fstat(fd, &facts) != 0)
    throw Error(fmt::format("cannot be read: {}", std::strerror(errno)));
  if (!S_ISREG(facts.st_mode)) throw Error("cannot be read: not a regular file");
  const auto size = static_cast<std::uint64_t>(facts.st_size);
  if (size > max_bytes) throw Error(fmt::format("is {} bytes, more than {}", size, limit));
  // One byte more than the size, so that a file that grew since is noticed.
  std::string bytes(static_cast<std::size_t>(size) + 1, '\0');
  std::size_t filled = 0;
  for (;;) {
    if (filled == bytes.size()) {
      if (bytes.size() > max_bytes) throw Error(fmt::format("larger than {}", limit));
      bytes.resize(std::min(bytes.size() * 2, max_bytes + 1));
    }
    const ssize_t got = ::read(fd, bytes.data() + filled, bytes.size() - filled);
    if (got < 0) {
      if (errno == EINTR) continue;
      throw Error(fmt::format("cannot be read: {}", std::strerror(errno)));
    }
    filled += static_cast<std::size_t>(got);
    // Reaching the size fstat() gave with room to spare is the end: no
    // second read to hear it. A short read before that (some network and
    // FUSE file systems give them) only means: read on.
    if (got == 0 || (filled == size && filled < bytes.size())) break;
  }
  bytes.resize(filled);
  return bytes;
}

}  // namespace docconv
