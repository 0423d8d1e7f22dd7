// Private to the docconv host: work done on several threads, results used in order.
#pragma once

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace docconv::host {

/// How many consecutive items a worker takes at a time. Handing work from
/// thread to thread costs a futex wake-up and a context switch, which on a
/// virtual machine is worth about a short article's parsing: taking several
/// at once keeps that cost off each item (on 2 cores, 1,000 articles went
/// from about 1,400 context switches to about 250). Small sets keep batches
/// of one, so that every worker gets a share.
inline std::size_t batch_size(std::size_t count, std::size_t workers) {
  return std::clamp<std::size_t>(count / (workers * 16), 1, 8);
}

/// Runs produce(i, worker) for i in [0, count) on `workers` threads and calls
/// consume(i, result) on the calling thread in index order. Workers take
/// batch_size() consecutive items at a time; about `window_items` results (at
/// least a batch per worker and one more) wait to be consumed, so memory
/// stays bounded however large `count` is. With one worker everything runs
/// on the calling thread. An exception from consume() stops the workers and
/// propagates; produce() must not throw (it reports failures inside its Result).
template <class Result>
void run_ordered(std::size_t count, std::size_t workers, std::size_t window_items,
                 const std::function<Result(std::size_t index, std::size_t worker)>& produce,
                 const std::function<void(std::size_t index, Result&& result)>& consume) {
  if (workers <= 1 || count <= 1) {
    for (std::size_t i = 0; i < count; ++i) consume(i, produce(i, 0));
    return;
  }
  const std::size_t batch = batch_size(count, workers);
  const std::size_t batches = (count + batch - 1) / batch;
  const std::size_t window = std::max(workers + 1, window_items / batch);  // in batches
  // Slot b holds batch b's results once its worker is done; slots are
  // reused round the window, so nothing is allocated per batch.
  std::vector<std::optional<std::vector<Result>>> slots(window);

  std::mutex mutex;
  std::condition_variable room;   // workers wait here while the window is full
  std::condition_variable ready;  // the caller waits here for the next batch
  std::size_t next_to_produce = 0;
  std::size_t next_to_consume = 0;
  bool stopping = false;
  bool caller_waiting = false;
  std::size_t workers_waiting = 0;

  auto work = [&](std::size_t worker) {
    for (;;) {
      std::size_t taken = 0;
      {
        std::unique_lock lock(mutex);
        const auto can_go = [&] {
          return stopping || next_to_produce >= batches ||
                 next_to_produce < next_to_consume + window;
        };
        if (!can_go()) {
          ++workers_waiting;
          room.wait(lock, can_go);
          --workers_waiting;
        }
        if (stopping || next_to_produce >= batches) return;
        taken = next_to_produce++;
      }
      std::vector<Result> results;
      const std::size_t first = taken * batch;
      const std::size_t last = std::min(count, first + batch);
      results.reserve(last - first);
      for (std::size_t i = first; i < last; ++i) results.push_back(produce(i, worker));
      bool wake_caller = false;
      {
        std::lock_guard lock(mutex);
        slots[taken % window].emplace(std::move(results));
        wake_caller = caller_waiting && taken == next_to_consume;
      }
      if (wake_caller) ready.notify_one();
    }
  };

  std::vector<std::thread> threads;
  // Joins on every way out, exceptions included.
  struct Joiner {
    std::vector<std::thread>& threads;
    std::mutex& mutex;
    std::condition_variable& room;
    bool& stopping;
    ~Joiner() {
      {
        std::lock_guard lock(mutex);
        stopping = true;
      }
      room.notify_all();
      for (auto& thread : threads) thread.join();
    }
  } joiner{threads, mutex, room, stopping};
  for (std::size_t worker = 0; worker < workers; ++worker) threads.emplace_back(work, worker);

  for (; next_to_consume < batches;) {
    std::vector<Result> results;
    {
      std::unique_lock lock(mutex);
      auto& slot = slots[next_to_consume % window];
      if (!slot) {
        caller_waiting = true;
        ready.wait(lock, [&] { return slot.has_value(); });
        caller_waiting = false;
      }
      results = std::move(*slot);
      slot.reset();
    }
    const std::size_t first = next_to_consume * batch;
    for (std::size_t i = 0; i < results.size(); ++i) consume(first + i, std::move(results[i]));
    bool wake_workers = false;
    {
      std::lock_guard lock(mutex);
      ++next_to_consume;
      wake_workers = workers_waiting > 0;
    }
    if (wake_workers) room.notify_all();
  }
}

}  // namespace docconv::host
