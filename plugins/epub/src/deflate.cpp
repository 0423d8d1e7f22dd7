#include "deflate.hpp"

#include <docconv/plugin.hpp>

#include <zlib.h>

#include <limits>

namespace docconv::epub {

Deflated deflate_entry(const std::string& data) {
  if (data.size() > std::numeric_limits<uInt>::max() / 2)
    throw Error("cannot build the EPUB archive: an entry is too large to compress");
  z_stream stream{};
  // Negative window bits: a raw deflate stream, as zip entries hold it.
  if (deflateInit2(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY) !=
      Z_OK)
    throw Error("cannot build the EPUB archive: zlib cannot start compressing");
  Deflated result;
  result.bytes.resize(deflateBound(&stream, static_cast<uLong>(data.size())));
  // zlib's interface is not const-correct; it does not write to the input.
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream.avail_in = static_cast<uInt>(data.size());
  stream.next_out = reinterpret_cast<Bytef*>(result.bytes.data());
  stream.avail_out = static_cast<uInt>(result.bytes.size());
  const int status = deflate(&stream, Z_FINISH);
  const auto written = stream.total_out;
  deflateEnd(&stream);
  if (status != Z_STREAM_END) throw Error("cannot build the EPUB archive: zlib failed to compress");
  result.bytes.resize(written);
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
  std::packaged_task<Deflated()> job([data = std::move(data)] { return deflate_entry(data); });
  auto result = job.get_future();
  if (threads_.empty()) {
    job();
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
  for (;;) {
    std::packaged_task<Deflated()> job;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return stopping_ || !jobs_.empty(); });
      // Jobs left at stop are dropped: their futures report broken_promise,
      // and nobody waits for them (the builder is being destroyed).
      if (stopping_) return;
      job = std::move(jobs_.front());
      jobs_.pop_front();
    }
    job();  // an exception is stored in the future, not thrown here
  }
}

}  // namespace docconv::epub
