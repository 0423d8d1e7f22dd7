#include "deflate.hpp"

#include <docconv/plugin.hpp>

#include <zlib.h>

#include <limits>

namespace docconv::epub {

struct Deflater::Stream {
  z_stream z{};
};

Deflater::Deflater() : stream_(std::make_unique<Stream>()) {
  // Negative window bits: a raw deflate stream, as zip entries hold it.
  if (deflateInit2(&stream_->z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 8,
                   Z_DEFAULT_STRATEGY) != Z_OK)
    throw Error("cannot build the EPUB archive: zlib cannot start compressing");
}

Deflater::~Deflater() {
  deflateEnd(&stream_->z);
}

Deflated Deflater::deflate(const std::string& data) {
  if (data.size() > std::numeric_limits<uInt>::max() / 2)
    throw Error("cannot build the EPUB archive: an entry is too large to compress");
  z_stream& stream = stream_->z;
  if (deflateReset(&stream) != Z_OK)
    throw Error("cannot build the EPUB archive: zlib cannot start compressing");
  Deflated result;
  result.bytes.resize(deflateBound(&stream, static_cast<uLong>(data.size())));
  // zlib's interface is not const-correct; it does not write to the input.
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream.avail_in = static_cast<uInt>(data.size());
  stream.next_out = reinterpret_cast<Bytef*>(result.bytes.data());
  stream.avail_out = static_cast<uInt>(result.bytes.size());
  if (::deflate(&stream, Z_FINISH) != Z_STREAM_END)
    throw Error("cannot build the EPUB archive: zlib failed to compress");
  result.bytes.resize(stream.total_out);
  result.bytes.shrink_to_fit();
  result.size = data.size();
  result.crc = static_cast<std::uint32_t>(crc32(crc32(0L, Z_NULL, 0),
                                                reinterpret_cast<const Bytef*>(data.data()),
                                                static_cast<uInt>(data.size())));
  return result;
}

DeflateWorkers::DeflateWorkers(std::size_t threads) {
  for (std::size_t i = 0; i < threads; ++i) threads_.emplace_back([this] { work(); });
}

DeflateWorkers::~DeflateWorkers() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  for (auto& thread : threads_) thread.join();
}

std::future<Deflated> DeflateWorkers::submit(std::string data) {
  std::packaged_task<Deflated(Deflater&)> job(
      [data = std::move(data)](Deflater& deflater) { return deflater.deflate(data); });
  auto result = job.get_future();
  if (threads_.empty()) {
    job(own_);
    return result;
  }
  {
    std::lock_guard lock(mutex_);
    jobs_.push_back(std::move(job));
  }
  wake_.notify_one();
  return result;
}

void DeflateWorkers::work() {
  Deflater deflater;
  for (;;) {
    std::packaged_task<Deflated(Deflater&)> job;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return stopping_ || !jobs_.empty(); });
      // Jobs left at stop are dropped: their futures report broken_promise,
      // and nobody waits for them (the builder is being destroyed).
      if (stopping_) return;
      job = std::move(jobs_.front());
      jobs_.pop_front();
    }
    job(deflater);  // an exception is stored in the future, not thrown here
  }
}

}  // namespace docconv::epub
