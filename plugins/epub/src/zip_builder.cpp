#include "zip_builder.hpp"

#include <docconv/plugin.hpp>

#include <zip.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <memory>
#include <ostream>
#include <thread>

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

// A libzip source of data deflated already: its stat says so (method,
// sizes, CRC), so zip_close() copies the bytes instead of compressing them.
class DeflatedSource {
 public:
  explicit DeflatedSource(Deflated deflated) : deflated_(std::move(deflated)) {
    zip_error_init(&error_);
  }
  ~DeflatedSource() { zip_error_fini(&error_); }
  DeflatedSource(const DeflatedSource&) = delete;
  DeflatedSource& operator=(const DeflatedSource&) = delete;

  static zip_int64_t callback(void* state, void* data, zip_uint64_t length, zip_source_cmd_t cmd) {
    auto* self = static_cast<DeflatedSource*>(state);
    switch (cmd) {
      case ZIP_SOURCE_OPEN:
        self->offset_ = 0;
        return 0;
      case ZIP_SOURCE_READ:
        return self->read(data, length);
      case ZIP_SOURCE_CLOSE:
        return 0;
      case ZIP_SOURCE_STAT:
        return self->stat(data, length);
      case ZIP_SOURCE_ERROR:
        return zip_error_to_data(&self->error_, data, length);
      case ZIP_SOURCE_FREE:
        // Owned by the source since it was created; see add_deflated_now().
        std::unique_ptr<DeflatedSource>{self};
        return 0;
      case ZIP_SOURCE_SUPPORTS:
        return zip_source_make_command_bitmap(ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE,
                                              ZIP_SOURCE_STAT, ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE,
                                              -1);
      default:
        zip_error_set(&self->error_, ZIP_ER_OPNOTSUPP, 0);
        return -1;
    }
  }

  std::size_t compressed_size() const { return deflated_.bytes.size(); }

 private:
  zip_int64_t read(void* data, zip_uint64_t length) {
    const std::size_t count =
        std::min<std::size_t>(static_cast<std::size_t>(length), deflated_.bytes.size() - offset_);
    std::memcpy(data, deflated_.bytes.data() + offset_, count);
    offset_ += count;
    return static_cast<zip_int64_t>(count);
  }

  zip_int64_t stat(void* data, zip_uint64_t length) {
    if (length < sizeof(zip_stat_t)) {
      zip_error_set(&error_, ZIP_ER_INVAL, 0);
      return -1;
    }
    auto* st = static_cast<zip_stat_t*>(data);
    zip_stat_init(st);
    st->size = deflated_.size;
    st->comp_size = deflated_.bytes.size();
    st->comp_method = ZIP_CM_DEFLATE;
    st->encryption_method = ZIP_EM_NONE;
    st->crc = deflated_.crc;
    st->valid = ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE | ZIP_STAT_COMP_METHOD |
                ZIP_STAT_ENCRYPTION_METHOD | ZIP_STAT_CRC;
    return sizeof(zip_stat_t);
  }

  Deflated deflated_;
  std::size_t offset_ = 0;
  zip_error_t error_;
};

}  // namespace

std::size_t ZipBuilder::default_deflate_threads() {
  const unsigned cores = std::thread::hardware_concurrency();
  return cores > 1 ? cores - 1 : 0;
}

ZipBuilder::ZipBuilder(DosTime stamp, std::size_t flush_threshold, std::size_t deflate_threads)
    : stamp_(stamp), flush_threshold_(flush_threshold), workers_(deflate_threads) {
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
  collect(true);  // entries keep the order they were added in
  add_stored_now(name, std::move(data));
}

void ZipBuilder::add_deflated(std::string_view name, std::string data) {
  deflating_.push_back({std::string(name), stamp_, workers_.submit(std::move(data))});
  collect(false);
}

void ZipBuilder::collect(bool all) {
  // Enough entries in flight to keep every worker busy while this thread
  // renders the next pages, few enough that memory stays small.
  const std::size_t window = 8 * std::max<std::size_t>(1, workers_.threads());
  while (!deflating_.empty()) {
    Deflating& next = deflating_.front();
    const bool done = next.result.wait_for(std::chrono::seconds(0)) == std::future_status::ready;
    if (!all && !done && deflating_.size() <= window) break;
    Deflated deflated = next.result.get();  // rethrows a failure to compress
    add_deflated_now(next, std::move(deflated));
    deflating_.pop_front();
  }
}

void ZipBuilder::set_entry_attributes(const std::string& name, zip_int64_t index, DosTime stamp) {
  const auto entry = static_cast<zip_uint64_t>(index);
  if (zip_file_set_dostime(archive_, entry, stamp.time, stamp.date, 0) != 0)
    fail_archive(name, archive_);
}

void ZipBuilder::add_stored_now(std::string_view name, std::string data) {
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
  if (zip_set_file_compression(archive_, static_cast<zip_uint64_t>(index), ZIP_CM_STORE, 0) != 0)
    fail_archive(entry_name, archive_);
  set_entry_attributes(entry_name, index, stamp_);
  if (pending_bytes_ >= flush_threshold_) flush();
}

void ZipBuilder::add_deflated_now(const Deflating& entry, Deflated deflated) {
  auto state = std::make_unique<DeflatedSource>(std::move(deflated));
  const std::size_t compressed = state->compressed_size();
  zip_source_t* source = zip_source_function(archive_, &DeflatedSource::callback, state.get());
  if (source == nullptr) fail_archive("adding an entry", archive_);
  state.release();  // the source frees it (ZIP_SOURCE_FREE)
  const zip_int64_t index = zip_file_add(archive_, entry.name.c_str(), source, ZIP_FL_ENC_UTF_8);
  if (index < 0) {
    zip_source_free(source);
    fail_archive(entry.name, archive_);
  }
  set_entry_attributes(entry.name, index, entry.stamp);
  pending_bytes_ += compressed;
  if (pending_bytes_ >= flush_threshold_) flush();
}

void ZipBuilder::write_to(std::ostream& out) {
  collect(true);
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
