// Private to the docconv host: what libzip does not check in an archive.
#pragma once

#include "host/random_access_file.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace docconv::host {

/// Whether two entries of the zip archive of `file_size` bytes that `read`
/// reads share bytes: the trick of zip bombs whose entries all point at the
/// same compressed data, which libzip reads without complaint. Looks only at
/// the central directory (zip64 included), every one an end record in the
/// file's tail points at, since readers differ in which they take: an
/// entry's bytes are taken to start at its local header and to run at least
/// over the header's fixed part, its name and its compressed data. Says which
/// two entries overlap; nothing when none do or when no directory parses
/// (libzip reports that when it opens the archive).
std::optional<std::string> overlapping_zip_entries(const ReadAt& read, std::uint64_t file_size);

}  // namespace docconv::host
