#include "host/zip_layout.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <string_view>
#include <vector>

namespace docconv::host {
namespace {

// Sizes and signatures of the zip format (APPNOTE.TXT, sections 4.3.12-4.3.16).
constexpr std::uint32_t end_signature = 0x06054b50;
constexpr std::uint32_t zip64_locator_signature = 0x07064b50;
constexpr std::uint32_t zip64_end_signature = 0x06064b50;
constexpr std::uint32_t central_signature = 0x02014b50;
constexpr std::size_t end_size = 22;
constexpr std::size_t zip64_locator_size = 20;
constexpr std::size_t zip64_end_size = 56;
constexpr std::size_t central_header_size = 46;
constexpr std::size_t local_header_size = 30;
constexpr std::size_t max_comment = 0xFFFF;
constexpr std::uint64_t max_central_directory = std::uint64_t{256} << 20;
constexpr std::size_t max_candidates = 8;

std::uint64_t little_endian(std::string_view bytes, std::size_t at, std::size_t width) {
  std::uint64_t value = 0;
  for (std::size_t i = width; i-- > 0;)
    value = value << 8 | static_cast<unsigned char>(bytes[at + i]);
  return value;
}

struct Directory {
  std::uint64_t offset = 0;
  std::uint64_t size = 0;
};

// The places a central directory may be, from the end records in the
// file's tail (and the zip64 record when an end record says its fields
// overflowed). A comment may hold something that looks like an end record,
// and readers differ in which they take, so several are checked: first
// those whose comment ends where the file does, then in file order (libzip
// looks from the front of the tail), at most max_candidates.
std::vector<Directory> candidate_directories(const ReadAt& read, std::uint64_t file_size) {
  std::vector<Directory> found;
  const std::uint64_t tail_size = std::min<std::uint64_t>(file_size, end_size + max_comment);
  std::string tail(tail_size, '\0');
  if (tail_size < end_size || !read(file_size - tail_size, tail.size(), tail.data())) return found;
  std::vector<std::size_t> records;
  for (std::size_t at = 0; at + end_size <= tail.size(); ++at) {
    if (little_endian(tail, at, 4) == end_signature) records.push_back(at);
  }
  std::stable_partition(records.begin(), records.end(), [&](std::size_t at) {
    return at + end_size + little_endian(tail, at + 20, 2) == tail.size();
  });
  for (const std::size_t at : records) {
    Directory directory{little_endian(tail, at + 16, 4), little_endian(tail, at + 12, 4)};
    const std::uint64_t end_offset = file_size - tail_size + at;
    if (directory.offset == 0xFFFFFFFF || directory.size == 0xFFFFFFFF) {
      std::string locator(zip64_locator_size, '\0');
      std::string record(zip64_end_size, '\0');
      if (end_offset < zip64_locator_size ||
          !read(end_offset - zip64_locator_size, locator.size(), locator.data()) ||
          little_endian(locator, 0, 4) != zip64_locator_signature ||
          !read(little_endian(locator, 8, 8), record.size(), record.data()) ||
          little_endian(record, 0, 4) != zip64_end_signature)
        continue;
      directory = {little_endian(record, 48, 8), little_endian(record, 40, 8)};
    }
    if (directory.offset > file_size || directory.size > file_size - directory.offset ||
        directory.size > max_central_directory)
      continue;
    const bool seen = std::any_of(found.begin(), found.end(), [&](const Directory& other) {
      return other.offset == directory.offset && other.size == directory.size;
    });
    if (!seen) found.push_back(directory);
    if (found.size() == max_candidates) break;  // a comment full of fake end records
  }
  return found;
}

struct Extent {
  std::uint64_t start = 0;
  std::uint64_t end = 0;
  std::string name;
};

// The sizes and offset a zip64 extra field holds for the fields that overflowed.
void apply_zip64_extra(std::string_view extra, std::uint64_t& compressed, bool uncompressed_full,
                       std::uint64_t& offset) {
  for (std::size_t at = 0; at + 4 <= extra.size();) {
    const std::uint64_t id = little_endian(extra, at, 2);
    const std::uint64_t length = little_endian(extra, at + 2, 2);
    if (at + 4 + length > extra.size()) return;
    if (id == 0x0001) {
      std::size_t field = at + 4;
      const std::size_t end = at + 4 + length;
      if (uncompressed_full) field += 8;
      if (compressed == 0xFFFFFFFF && field + 8 <= end) {
        compressed = little_endian(extra, field, 8);
        field += 8;
      }
      if (offset == 0xFFFFFFFF && field + 8 <= end) offset = little_endian(extra, field, 8);
      return;
    }
    at += 4 + length;
  }
}

}  // namespace

namespace {

// The first two entries of `directory` whose extents meet, if any; nothing
// also when the directory does not parse.
std::optional<std::string> overlap_in(const ReadAt& read, std::uint64_t file_size,
                                      const Directory& directory) {
  std::string bytes(directory.size, '\0');
  if (!read(directory.offset, bytes.size(), bytes.data())) return std::nullopt;
  std::vector<Extent> extents;
  for (std::size_t at = 0; at + central_header_size <= bytes.size();) {
    if (little_endian(bytes, at, 4) != central_signature) return std::nullopt;
    std::uint64_t compressed = little_endian(bytes, at + 20, 4);
    const bool uncompressed_full = little_endian(bytes, at + 24, 4) == 0xFFFFFFFF;
    const std::size_t name_length = little_endian(bytes, at + 28, 2);
    const std::size_t extra_length = little_endian(bytes, at + 30, 2);
    const std::size_t comment_length = little_endian(bytes, at + 32, 2);
    std::uint64_t offset = little_endian(bytes, at + 42, 4);
    const std::size_t next = at + central_header_size + name_length + extra_length + comment_length;
    if (next > bytes.size()) return std::nullopt;
    const std::string_view entry(bytes.data() + at + central_header_size,
                                 name_length + extra_length);
    apply_zip64_extra(entry.substr(name_length), compressed, uncompressed_full, offset);
    // Each part is checked on its own first, so that no sum can wrap.
    if (offset > file_size || compressed > file_size) return std::nullopt;
    const std::uint64_t length = local_header_size + name_length + compressed;
    if (length > file_size - offset) return std::nullopt;
    extents.push_back({offset, offset + length, std::string(entry.substr(0, name_length))});
    at = next;
  }
  std::sort(extents.begin(), extents.end(),
            [](const Extent& a, const Extent& b) { return a.start < b.start; });
  for (std::size_t i = 1; i < extents.size(); ++i) {
    if (extents[i].start < extents[i - 1].end)
      return fmt::format("entries '{}' and '{}' overlap", extents[i - 1].name, extents[i].name);
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> overlapping_zip_entries(const ReadAt& read, std::uint64_t file_size) {
  for (const Directory& directory : candidate_directories(read, file_size)) {
    if (auto overlap = overlap_in(read, file_size, directory)) return overlap;
  }
  return std::nullopt;
}

}  // namespace docconv::host
