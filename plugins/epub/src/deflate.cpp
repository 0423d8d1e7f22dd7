#include "deflate.hpp"

#include <docconv/plugin.hpp>

#include <zlib.h>

#include <array>
#include <limits>

namespace docconv::epub {
namespace {

constexpr std::size_t max_piece = std::numeric_limits<uInt>::max() / 2;

[[noreturn]] void fail_in_zlib(std::string_view what) {
  throw Error("cannot build the EPUB archive: zlib " + std::string(what));
}

}  // namespace

std::uint32_t crc32_of(std::string_view data, std::uint32_t crc) {
  uLong value = crc;
  while (!data.empty()) {
    const std::size_t piece = std::min(data.size(), max_piece);
    value = crc32(value, reinterpret_cast<const Bytef*>(data.data()), static_cast<uInt>(piece));
    data.remove_prefix(piece);
  }
  return static_cast<std::uint32_t>(value);
}

struct Deflater::Stream {
  z_stream z{};
};

Deflater::Deflater() : stream_(std::make_unique<Stream>()) {
  // Negative window bits: a raw deflate stream, as zip entries hold it.
  if (deflateInit2(&stream_->z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 8,
                   Z_DEFAULT_STRATEGY) != Z_OK)
    fail_in_zlib("cannot start compressing");
}

Deflater::~Deflater() {
  if (stream_) deflateEnd(&stream_->z);
}

// The z_stream stays where it is (zlib's state points back at it): only the
// pointer to it moves.
Deflater::Deflater(Deflater&&) noexcept = default;
Deflater& Deflater::operator=(Deflater&& other) noexcept {
  if (this != &other) {
    if (stream_) deflateEnd(&stream_->z);
    stream_ = std::move(other.stream_);
  }
  return *this;
}

Deflated Deflater::deflate(std::string_view data) {
  if (data.size() > max_piece) throw Error("cannot build the EPUB archive: an entry is too large");
  begin();
  z_stream& stream = stream_->z;
  Deflated result;
  // One call into a buffer of the largest possible size: no copying.
  result.bytes.resize(deflateBound(&stream, static_cast<uLong>(data.size())));
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream.avail_in = static_cast<uInt>(data.size());
  stream.next_out = reinterpret_cast<Bytef*>(result.bytes.data());
  stream.avail_out = static_cast<uInt>(result.bytes.size());
  if (::deflate(&stream, Z_FINISH) != Z_STREAM_END) fail_in_zlib("failed to compress");
  result.bytes.resize(stream.total_out);
  result.size = data.size();
  result.crc = crc32_of(data);
  return result;
}

void Deflater::begin() {
  if (deflateReset(&stream_->z) != Z_OK) fail_in_zlib("cannot start compressing");
}

void Deflater::feed(std::string_view data, bool finish, std::string& out) {
  z_stream& stream = stream_->z;
  std::array<char, 64 * 1024> chunk;
  for (;;) {
    const std::size_t piece = std::min(data.size(), max_piece);
    // zlib's interface is not const-correct; it does not write to the input.
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    stream.avail_in = static_cast<uInt>(piece);
    const bool last_piece = piece == data.size();
    const int flush = finish && last_piece ? Z_FINISH : Z_NO_FLUSH;
    int status = Z_OK;
    do {
      stream.next_out = reinterpret_cast<Bytef*>(chunk.data());
      stream.avail_out = static_cast<uInt>(chunk.size());
      status = ::deflate(&stream, flush);
      if (status == Z_STREAM_ERROR) fail_in_zlib("failed to compress");
      out.append(chunk.data(), chunk.size() - stream.avail_out);
    } while (stream.avail_out == 0 || (flush == Z_FINISH && status != Z_STREAM_END));
    data.remove_prefix(piece);
    if (last_piece) return;
  }
}

}  // namespace docconv::epub
