#include "zip_builder.hpp"

#include <docconv/plugin.hpp>

#include <zip.h>

#include <array>
#include <cstdio>
#include <ostream>

namespace docconv::epub {
namespace {

[[noreturn]] void fail(std::string_view what, zip_error_t* error) {
  throw Error(std::string("cannot build the EPUB archive: ") + std::string(what) + ": " +
              zip_error_strerror(error));
}

[[noreturn]] void fail_archive(std::string_view what, zip_t* archive) {
  fail(what, zip_get_error(archive));
}

[[noreturn]] void fail_source(std::string_view what, zip_source_t* source) {
  fail(what, zip_source_error(source));
}

}  // namespace

ZipBuilder::ZipBuilder(DosTime stamp, std::size_t flush_threshold)
    : stamp_(stamp), flush_threshold_(flush_threshold) {
  zip_error_t error;
  zip_error_init(&error);
  buffer_ = zip_source_buffer_create(nullptr, 0, 0, &error);
  if (buffer_ == nullptr) fail("creating the buffer", &error);
  zip_error_fini(&error);
  open_archive();
}

ZipBuilder::~ZipBuilder() {
  if (archive_ != nullptr) zip_discard(archive_);
  if (buffer_ != nullptr) zip_source_free(buffer_);
}

void ZipBuilder::open_archive() {
  zip_error_t error;
  zip_error_init(&error);
  // The archive takes a reference to the buffer; keep ours so that the bytes
  // outlive zip_close().
  zip_source_keep(buffer_);
  archive_ = zip_open_from_source(buffer_, ZIP_CREATE, &error);
  if (archive_ == nullptr) {
    zip_source_free(buffer_);
    fail("opening the archive", &error);
  }
  zip_error_fini(&error);
}

void ZipBuilder::close_archive() {
  if (zip_close(archive_) != 0) fail_archive("writing the archive", archive_);
  archive_ = nullptr;
  pending_.clear();
  pending_bytes_ = 0;
}

void ZipBuilder::flush() {
  close_archive();
  open_archive();
}

void ZipBuilder::add_stored(std::string_view name, std::string data) {
  add(name, std::move(data), false);
}

void ZipBuilder::add_deflated(std::string_view name, std::string data) {
  add(name, std::move(data), true);
}

void ZipBuilder::add(std::string_view name, std::string data, bool compress) {
  const std::string& bytes = pending_.emplace_back(std::move(data));
  pending_bytes_ += bytes.size();
  zip_source_t* source = zip_source_buffer(archive_, bytes.data(), bytes.size(), 0);
  if (source == nullptr) fail_archive("adding an entry", archive_);
  const std::string entry_name(name);
  const zip_int64_t index = zip_file_add(archive_, entry_name.c_str(), source, ZIP_FL_ENC_UTF_8);
  if (index < 0) {
    zip_source_free(source);
    fail_archive(entry_name, archive_);
  }
  const auto entry = static_cast<zip_uint64_t>(index);
  if (zip_set_file_compression(archive_, entry, compress ? ZIP_CM_DEFLATE : ZIP_CM_STORE, 9) != 0 ||
      zip_file_set_dostime(archive_, entry, stamp_.time, stamp_.date, 0) != 0)
    fail_archive(entry_name, archive_);
  if (pending_bytes_ >= flush_threshold_) flush();
}

void ZipBuilder::write_to(std::ostream& out) {
  close_archive();
  if (zip_source_open(buffer_) != 0) fail_source("reading the archive", buffer_);
  std::array<char, 64 * 1024> chunk{};
  for (;;) {
    const zip_int64_t got = zip_source_read(buffer_, chunk.data(), chunk.size());
    if (got < 0) {
      zip_source_close(buffer_);
      fail_source("reading the archive", buffer_);
    }
    if (got == 0) break;
    out.write(chunk.data(), static_cast<std::streamsize>(got));
  }
  zip_source_close(buffer_);
  if (!out) throw Error("cannot write the EPUB archive to the output");
}

}  // namespace docconv::epub
