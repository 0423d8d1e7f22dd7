// docconv plugin SDK: reading a file the user named, safely.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace docconv {

/// The bytes of the regular file at `path`, refused beyond `max_bytes`. The
/// file is opened without blocking and checked before anything is read, so
/// a named pipe or a device (`/dev/zero`, `/dev/urandom`) is refused instead
/// of hanging or filling memory. Throws docconv::Error: "cannot be read:
/// <reason>", "cannot be read: not a regular file", "is N bytes, more than
/// the M MiB docconv reads".
std::string read_regular_file(const std::string& path, std::size_t max_bytes);

/// As above; messages name the limit as `limit` says ("--css-limit (1 MiB)"):
/// "is N bytes, more than <limit>".
std::string read_regular_file(const std::string& path, std::size_t max_bytes,
                              std::string_view limit);

}  // namespace docconv
