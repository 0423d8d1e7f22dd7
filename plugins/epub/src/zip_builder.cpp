#include "zip_builder.hpp"

#include <docconv/plugin.hpp>

#include <zip.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <ostream>
#include <utility>

namespace docconv::epub {
namespace {

[[noreturn]] void fail(std::string_view what, zip_error_t* error) {
  throw Error(std::string("cannot build the EPUB archive: ") + std::string(what) + ": " +
              zip_error_strerror(error));
}

[[noreturn]] void fail_archive(std::string_view what, zip_t* archive) {
  fail(what, zip_get_error(archive));
}

constexpr std::size_t piece_size = 64 * 1024;

}  // namespace

// The archive's destination for libzip: a write source over the output
// stream. libzip writes each entry's local header, its data, then seeks back
// to complete the header, and ends with the central directory. Writes go
// through a buffer that holds the end of the archive, so that those seeks
// back (two per entry) move within it instead of flushing the stream each
// time; the stream gets large writes. The stream is never read: the archive
// is always created anew (ZIP_TRUNCATE), so the reading commands describe an
// empty file.
class ZipBuilder::Output {
 public:
  explicit Output(std::ostream& out) : out_(out) { zip_error_init(&error_); }
  ~Output() { zip_error_fini(&error_); }
  Output(const Output&) = delete;
  Output& operator=(const Output&) = delete;

  static zip_int64_t callback(void* state, void* data, zip_uint64_t length, zip_source_cmd_t cmd) {
    return static_cast<Output*>(state)->run(data, length, cmd);
  }

 private:
  zip_int64_t run(void* data, zip_uint64_t length, zip_source_cmd_t cmd) {
    switch (cmd) {
      case ZIP_SOURCE_OPEN:
      case ZIP_SOURCE_CLOSE:
      case ZIP_SOURCE_READ:  // nothing to read: a new archive
      case ZIP_SOURCE_SEEK:
      case ZIP_SOURCE_TELL:
      case ZIP_SOURCE_FREE:            // owned by the ZipBuilder
      case ZIP_SOURCE_ROLLBACK_WRITE:  // the host drops an output that failed
      case ZIP_SOURCE_REMOVE:
        return 0;
      case ZIP_SOURCE_STAT:
        return stat_empty(data, length);
      case ZIP_SOURCE_BEGIN_WRITE:
        start_ = out_.tellp();
        return start_ < 0 ? failure(ZIP_ER_SEEK) : 0;
      case ZIP_SOURCE_WRITE:
        errno = 0;
        write(static_cast<const char*>(data), static_cast<std::size_t>(length));
        return out_ ? static_cast<zip_int64_t>(length) : failure(ZIP_ER_WRITE, errno);
      case ZIP_SOURCE_SEEK_WRITE:
        return seek(data, length);
      case ZIP_SOURCE_TELL_WRITE:
        return static_cast<zip_int64_t>(buffer_start_ + cursor_);
      case ZIP_SOURCE_COMMIT_WRITE:
        errno = 0;
        flush();
        out_.flush();
        return out_ ? 0 : failure(ZIP_ER_WRITE, errno);
      case ZIP_SOURCE_ERROR:
        return zip_error_to_data(&error_, data, length);
      case ZIP_SOURCE_SUPPORTS:
        return zip_source_make_command_bitmap(
            ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE, ZIP_SOURCE_STAT, ZIP_SOURCE_ERROR,
            ZIP_SOURCE_FREE, ZIP_SOURCE_SEEK, ZIP_SOURCE_TELL, ZIP_SOURCE_SUPPORTS,
            ZIP_SOURCE_BEGIN_WRITE, ZIP_SOURCE_COMMIT_WRITE, ZIP_SOURCE_ROLLBACK_WRITE,
            ZIP_SOURCE_WRITE, ZIP_SOURCE_SEEK_WRITE, ZIP_SOURCE_TELL_WRITE, ZIP_SOURCE_REMOVE, -1);
      default:
        return failure(ZIP_ER_OPNOTSUPP);
    }
  }

  zip_int64_t stat_empty(void* data, zip_uint64_t length) {
    if (length < sizeof(zip_stat_t)) return failure(ZIP_ER_INVAL);
    auto* st = static_cast<zip_stat_t*>(data);
    zip_stat_init(st);
    st->size = 0;
    st->valid = ZIP_STAT_SIZE;
    return sizeof(zip_stat_t);
  }

  void write(const char* data, std::size_t length) {
    const std::size_t overwritten = std::min(length, buffer_.size() - cursor_);
    buffer_.replace(cursor_, overwritten, data, overwritten);
    buffer_.append(data + overwritten, length - overwritten);
    cursor_ += length;
    if (cursor_ == buffer_.size() && buffer_.size() >= buffer_capacity) flush();
  }

  // Writes the buffer where it belongs (the stream's put position is always
  // at buffer_start_) and starts a new one at libzip's write position.
  void flush() {
    out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    if (cursor_ != buffer_.size())
      out_.seekp(start_ + static_cast<std::streamoff>(buffer_start_ + cursor_));
    buffer_start_ += cursor_;
    buffer_.clear();
    cursor_ = 0;
  }

  zip_int64_t seek(void* data, zip_uint64_t length) {
    const auto* args = ZIP_SOURCE_GET_ARGS(zip_source_args_seek_t, data, length, &error_);
    if (args == nullptr) return -1;
    std::int64_t target = args->offset;  // libzip seeks from the start (SEEK_SET)
    if (args->whence == SEEK_CUR) target += static_cast<std::int64_t>(buffer_start_ + cursor_);
    if (args->whence == SEEK_END || target < 0) return failure(ZIP_ER_SEEK);
    const auto position = static_cast<std::uint64_t>(target);
    if (position >= buffer_start_ && position <= buffer_start_ + buffer_.size()) {
      cursor_ = static_cast<std::size_t>(position - buffer_start_);
      return 0;
    }
    // Outside the buffer (the header of an entry larger than the buffer):
    // write the buffer out and move the stream there.
    flush();
    out_.seekp(start_ + static_cast<std::streamoff>(position));
    buffer_start_ = position;
    return out_ ? 0 : failure(ZIP_ER_SEEK);
  }

  // `system_error`: the errno of a failed write, so that libzip's message
  // says why ("Write error: No space left on device"); EIO when the stream
  // failed without one.
  zip_int64_t failure(int code, int system_error = 0) {
    if (code == ZIP_ER_WRITE && system_error == 0) system_error = EIO;
    zip_error_set(&error_, code, system_error);
    return -1;
  }

  static constexpr std::size_t buffer_capacity = 256 * 1024;

  std::ostream& out_;
  std::streamoff start_ = 0;  // where the archive starts in the stream
  std::string buffer_;        // the archive's bytes from buffer_start_ on, not yet written
  std::uint64_t buffer_start_ = 0;
  std::size_t cursor_ = 0;  // libzip's write position in the buffer
  zip_error_t error_;
};

// One entry's data in the spool, as libzip reads it at close time. Its stat
// gives method, sizes and CRC, so libzip copies deflated data as it is.
class ZipBuilder::Entry {
 public:
  Entry(Spool& spool, std::uint16_t method, std::uint64_t offset, std::uint64_t stored_size,
        std::uint64_t size, std::uint32_t crc)
      : spool_(spool),
        offset_(offset),
        stored_size_(stored_size),
        size_(size),
        crc_(crc),
        method_(method) {
    zip_error_init(&error_);
  }
  ~Entry() { zip_error_fini(&error_); }
  Entry(const Entry&) = delete;
  Entry& operator=(const Entry&) = delete;

  static zip_int64_t callback(void* state, void* data, zip_uint64_t length, zip_source_cmd_t cmd) {
    auto* self = static_cast<Entry*>(state);
    switch (cmd) {
      case ZIP_SOURCE_OPEN:
        self->position_ = 0;
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
        // Owned by the source since it was created; see add_entry().
        std::unique_ptr<Entry>{self};
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

 private:
  zip_int64_t read(void* data, zip_uint64_t length) {
    const std::uint64_t wanted = std::min<std::uint64_t>(length, stored_size_ - position_);
    std::size_t got = 0;
    try {
      got = spool_.read(offset_ + position_, data, static_cast<std::size_t>(wanted));
    } catch (const std::exception&) {
      zip_error_set(&error_, ZIP_ER_READ, 0);
      return -1;
    }
    if (got != wanted) {
      zip_error_set(&error_, ZIP_ER_READ, 0);
      return -1;
    }
    position_ += got;
    return static_cast<zip_int64_t>(got);
  }

  zip_int64_t stat(void* data, zip_uint64_t length) {
    if (length < sizeof(zip_stat_t)) {
      zip_error_set(&error_, ZIP_ER_INVAL, 0);
      return -1;
    }
    auto* st = static_cast<zip_stat_t*>(data);
    zip_stat_init(st);
    st->size = size_;
    st->comp_size = stored_size_;
    st->comp_method = method_;
    st->encryption_method = ZIP_EM_NONE;
    st->crc = crc_;
    st->valid = ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE | ZIP_STAT_COMP_METHOD |
                ZIP_STAT_ENCRYPTION_METHOD | ZIP_STAT_CRC;
    return sizeof(zip_stat_t);
  }

  Spool& spool_;
  std::uint64_t offset_;
  std::uint64_t stored_size_;
  std::uint64_t size_;
  std::uint64_t position_ = 0;
  std::uint32_t crc_;
  std::uint16_t method_;
  zip_error_t error_;
};

ZipBuilder::ZipBuilder(std::ostream& out, DosTime stamp)
    : stamp_(stamp), output_(std::make_unique<Output>(out)) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* destination = zip_source_function_create(&Output::callback, output_.get(), &error);
  if (destination == nullptr) fail("creating the output", &error);
  archive_ = zip_open_from_source(destination, ZIP_CREATE | ZIP_TRUNCATE, &error);
  if (archive_ == nullptr) {
    zip_source_free(destination);
    fail("opening the archive", &error);
  }
  zip_error_fini(&error);
}

ZipBuilder::~ZipBuilder() {
  if (archive_ != nullptr) zip_discard(archive_);
}

void ZipBuilder::add_entry(std::string_view name, std::uint16_t method, std::uint64_t offset,
                           std::uint64_t stored_size, std::uint64_t size, std::uint32_t crc) {
  auto state = std::make_unique<Entry>(spool_, method, offset, stored_size, size, crc);
  zip_source_t* source = zip_source_function(archive_, &Entry::callback, state.get());
  if (source == nullptr) fail_archive("adding an entry", archive_);
  state.release();  // the source frees it (ZIP_SOURCE_FREE)
  const std::string entry_name(name);
  const zip_int64_t index = zip_file_add(archive_, entry_name.c_str(), source, ZIP_FL_ENC_UTF_8);
  if (index < 0) {
    zip_source_free(source);
    fail_archive(entry_name, archive_);
  }
  const auto entry = static_cast<zip_uint64_t>(index);
  if (method == ZIP_CM_STORE && zip_set_file_compression(archive_, entry, ZIP_CM_STORE, 0) != 0)
    fail_archive(entry_name, archive_);
  if (zip_file_set_dostime(archive_, entry, stamp_.time, stamp_.date, 0) != 0)
    fail_archive(entry_name, archive_);
}

void ZipBuilder::add_stored(std::string_view name, std::string_view data) {
  const std::uint64_t offset = spool_.append(data);
  add_entry(name, ZIP_CM_STORE, offset, data.size(), data.size(), crc32_of(data));
}

void ZipBuilder::add_deflated(std::string_view name, std::string_view data) {
  add_compressed(name, deflater_.deflate(data));
}

void ZipBuilder::add_compressed(std::string_view name, const Deflated& deflated) {
  const std::uint64_t offset = spool_.append(deflated.bytes);
  add_entry(name, ZIP_CM_DEFLATE, offset, deflated.bytes.size(), deflated.size, deflated.crc);
}

void ZipBuilder::add_deflated_stream(std::string_view name,
                                     const std::function<void(const Emit&)>& produce) {
  const std::uint64_t offset = spool_.size();
  std::uint64_t size = 0;
  std::uint32_t crc = 0;
  std::string pending;  // data gathered into pieces: zlib prefers them large
  std::string compressed;
  const auto deflate_pending = [&](bool last) {
    deflater_.feed(pending, last, compressed);
    spool_.append(compressed);
    compressed.clear();
    pending.clear();
  };
  deflater_.begin();
  produce([&](std::string_view data) {
    size += data.size();
    crc = crc32_of(data, crc);
    pending += data;
    if (pending.size() >= piece_size) deflate_pending(false);
  });
  deflate_pending(true);
  add_entry(name, ZIP_CM_DEFLATE, offset, spool_.size() - offset, size, crc);
}

void ZipBuilder::finish() {
  zip_t* archive = std::exchange(archive_, nullptr);
  if (zip_close(archive) != 0) {
    const std::string message = zip_error_strerror(zip_get_error(archive));
    zip_discard(archive);
    throw Error("cannot build the EPUB archive: writing the archive: " + message);
  }
}

}  // namespace docconv::epub
